"""The seed article's dates, as issue 2's table states them, through ``find_dates`` alone."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import SEED_DATE
from timeline.dates import find_dates
from timeline.types import DateMention, DateSource, Precision

D = dt.date
REL, EXP, CTX = DateSource.RELATIVE, DateSource.EXPLICIT, DateSource.CONTEXT

SEED_DATES = [
    # (written extent, which occurrence of it, value, precision, first day, last day, source)
    ("the weekend", 0, "2024-W48-WE", Precision.WEEKEND, D(2024, 11, 30), D(2024, 12, 1), REL),
    ("Sunday", 0, "2024-12-01", Precision.DAY, D(2024, 12, 1), D(2024, 12, 1), REL),
    ("Sunday", 1, "2024-12-01", Precision.DAY, D(2024, 12, 1), D(2024, 12, 1), REL),
    ("October 7, 2023", 0, "2023-10-07", Precision.DAY, D(2023, 10, 7), D(2023, 10, 7), EXP),
    ("December 1, 2023", 0, "2023-12-01", Precision.DAY, D(2023, 12, 1), D(2023, 12, 1), EXP),
    ("2012", 0, "2012", Precision.YEAR, D(2012, 1, 1), D(2012, 12, 31), EXP),
    ("November 9", 0, "2024-11-09", Precision.DAY, D(2024, 11, 9), D(2024, 11, 9), REL),
    ("Last month", 0, "2024-11", Precision.MONTH, D(2024, 11, 1), D(2024, 11, 30), REL),
    ("November 26", 0, "2024-11-26", Precision.DAY, D(2024, 11, 26), D(2024, 11, 26), REL),
    ("2015", 0, "2015", Precision.YEAR, D(2015, 1, 1), D(2015, 12, 31), EXP),
    ("2011", 0, "2011", Precision.YEAR, D(2011, 1, 1), D(2011, 12, 31), EXP),
    ("2020", 0, "2020", Precision.YEAR, D(2020, 1, 1), D(2020, 12, 31), EXP),
    ("the time", 0, "2020", Precision.YEAR, D(2020, 1, 1), D(2020, 12, 31), CTX),
    ("Monday", 0, "2024-12-02", Precision.DAY, D(2024, 12, 2), D(2024, 12, 2), REL),
]  # fmt: skip

NOT_DATES = ["Within more than a year", "over the past 13 years", "Over the coming days", "week-long", "44,466"]


@pytest.fixture(scope="module")
def seed_mentions(seed_article) -> tuple[str, list[DateMention]]:  # type: ignore[no-untyped-def]
    """The seed text and the dates found in it."""
    return seed_article.text, find_dates(seed_article.text, SEED_DATE)


def _occurrence(text: str, needle: str, index: int) -> int:
    position = -1
    for _ in range(index + 1):
        position = text.index(needle, position + 1)
    return position


@pytest.mark.parametrize(("written", "index", "value", "precision", "first", "last", "source"), SEED_DATES)
def test_find_dates_seed_table(seed_mentions, written, index, value, precision, first, last, source) -> None:  # type: ignore[no-untyped-def]
    """Each date of issue 2's table is found with its value, extent, precision, days and source."""
    text, mentions = seed_mentions
    start = _occurrence(text, written, index)
    found = [m for m in mentions if m.start == start]
    assert len(found) == 1, f"{written!r} not found at {start}"
    mention = found[0]
    assert (mention.text, mention.end) == (written, start + len(written))
    assert (mention.timex.value, mention.timex.precision) == (value, precision)
    assert (mention.timex.start, mention.timex.end, mention.source) == (first, last, source)


@pytest.mark.parametrize("phrase", NOT_DATES)
def test_find_dates_seed_durations_are_not_dates(seed_mentions, phrase: str) -> None:  # type: ignore[no-untyped-def]
    """Durations, vague spans and numbers in the seed produce no date."""
    text, mentions = seed_mentions
    start = text.index(phrase)
    end = start + len(phrase)
    assert not [m for m in mentions if m.start < end and start < m.end]


def test_find_dates_seed_has_nothing_else(seed_mentions) -> None:  # type: ignore[no-untyped-def]
    """The seed yields exactly the table's event dates (the weekend twice more), no stray ones."""
    _, mentions = seed_mentions
    dated = [m for m in mentions if m.timex.precision is not Precision.REFERENCE]
    assert len(dated) == len(SEED_DATES) + 2
