"""Properties of ``find_dates`` on arbitrary input: it never raises and always answers the same."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import find_dates

#: Words that make up date expressions, so generated texts reach the rules, not only the prefilter.
_VOCABULARY = tuple(
    " ".join(
        [
            "on since in at the last next this past coming following previous same day week weekend month year",
            "quarter half decade century ago later earlier before after early late mid- fiscal first second fourth",
            "final Monday Friday Sunday January February May March December spring summer fall winter today",
            "yesterday tomorrow now recently currently time that 1 2 9 11 29 30 31 0 00 07 1999 2000 2024 9999",
            "0001 1990s '80s 20th Q1 Q4 FY / - , . 's 13 two three years days",
        ]
    ).split(" ")
)
_TEXTS = st.one_of(st.text(), st.lists(st.sampled_from(_VOCABULARY), max_size=30).map(" ".join))
_DATES = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS, article_date=_DATES)
def test_find_dates_never_raises_and_offsets_hold(text: str, article_date: dt.date) -> None:
    """On any text and date, find_dates returns mentions whose offsets and days are consistent."""
    mentions = find_dates(text, article_date)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        timex = mention.timex
        assert (timex.start is None) == (timex.end is None)
        if timex.start is not None and timex.end is not None:
            assert timex.start <= timex.end
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@settings(max_examples=150, deadline=None)
@given(text=_TEXTS, article_date=_DATES)
def test_find_dates_is_deterministic(text: str, article_date: dt.date) -> None:
    """The same text and date always give the same mentions."""
    assert find_dates(text, article_date) == find_dates(text, article_date)
