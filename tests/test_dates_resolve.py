"""Resolving a candidate with its family's rule."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates.context import Context, Resolved
from timeline.dates.family import Candidate, DateFamily, DateFamilyError
from timeline.dates.finder import find_candidates
from timeline.dates.resolve import resolve


@pytest.mark.parametrize(
    "text", ["It ended on February 30, 2021.", "It ended on 31 April 2020.", "It ended 13/45/2020."]
)
def test_resolve_impossible_days_are_no_date(text: str) -> None:
    """A day the calendar lacks resolves to nothing instead of raising."""
    context = Context(text, dt.date(2024, 1, 1), None)
    assert [resolve(c, context) for c in find_candidates(text)] in ([], [None])


def test_resolve_years_beyond_the_calendar_are_no_date() -> None:
    """'next year' in the year 9999 has no value, and no exception escapes."""
    text = "It happens next year."
    context = Context(text, dt.date(9999, 6, 1), None)
    assert [resolve(c, context) for c in find_candidates(text)] == [None]


def _reads_undeclared_group(candidate: Candidate, context: Context) -> Resolved | None:
    candidate.group("year")
    return None


def test_resolve_lets_a_rule_reading_an_undeclared_group_fail() -> None:
    """A rule's bug (reading a group its family does not declare) raises; it is never taken for 'no date'."""
    family = DateFamily(
        name="bad_rule",
        pattern=r"(?P<year>\d{4})",
        triggers=("#digit",),
        groups=(),
        resolve=_reads_undeclared_group,
        examples=("In [2012].",),
    )
    text = "In 2012."
    match = family.compiled.search(text)
    assert match is not None
    candidate = Candidate(family, match.start(), match.end(), match)
    with pytest.raises(DateFamilyError, match="'bad_rule' read group 'year', which it does not declare"):
        resolve(candidate, Context(text, dt.date(2024, 1, 1), None))


MONDAY = dt.date(2024, 12, 2)


@pytest.mark.parametrize(
    ("text", "written", "rule", "anchor"),
    [
        ("Talks resumed on Sunday.", "Sunday", "weekday", "article date 2024-12-02"),
        ("It has ruled since October 7, 2023.", "October 7, 2023", "full_mdy", ""),
        ("Forces have advanced since the weekend.", "the weekend", "weekend", "article date 2024-12-02"),
        ("The law passed in 2012.", "2012", "year", ""),
        ("The deal was signed in 2019. At the time, prices were low.", "the time", "anaphora", "earlier date 2019"),
        (
            "Talks began on March 3, 2020. The day before, troops moved.",
            "The day before",
            "year_previous",
            "earlier date 2020-03-03",
        ),
    ],
)
def test_resolve_records_family_and_anchor(text: str, written: str, rule: str, anchor: str) -> None:
    """Each mention says which family's rule gave its value and what a relative value was counted from."""
    from timeline.dates import find_dates

    (mention,) = [mention for mention in find_dates(text, MONDAY) if mention.text == written]
    assert (mention.rule, mention.anchor) == (rule, anchor)


def test_resolve_mention_is_none_without_a_date() -> None:
    """A candidate whose rule gives no date gives no mention (and no anchor is made up)."""
    from timeline.dates.resolve import resolve_mention

    text = "It ended on February 30, 2021."
    context = Context(text, dt.date(2024, 1, 1), None)
    assert [resolve_mention(c, context) for c in find_candidates(text)] in ([], [None])
