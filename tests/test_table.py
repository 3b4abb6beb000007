"""timeline.table: events become typed rows, and one person has one name across articles."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.schema import DATE_COLUMNS, DAY_DTYPE, check_event_frame
from timeline.table import events_frame
from timeline.types import Article, DateMention, DateSource, Event, Precision, TimexValue

DAY = dt.date(2024, 12, 1)
MENTION = DateMention(3, 9, "Sunday", TimexValue("2024-12-01", Precision.DAY, DAY, DAY), DateSource.RELATIVE)


def _event(article_id: str, actors: tuple[str, ...]) -> Event:
    article = Article(article_id, article_id, dt.date(2024, 12, 2), "text")
    return Event(f"e-{article_id}", article, 0, "On Sunday it happened.", MENTION, actors=actors)


@pytest.mark.parametrize(
    ("first", "second", "expected_second"),
    [
        (("Joe Biden",), ("Biden",), ("Joe Biden",)),
        (("Joe Biden", "Jill Biden"), ("Biden",), ("Biden",)),
        (("Michael Jordan",), ("Jordan",), ("Jordan",)),
        (("Hakan Fidan",), ("Fidan", "Hakan Fidan"), ("Hakan Fidan",)),
    ],
    ids=["one-full-name", "ambiguous-surname", "surname-that-is-a-state", "duplicate-after-renaming"],
)
def test_table_unifies_surnames_across_articles(first, second, expected_second):
    """A lone surname takes the only full name another article gives it; states and ambiguous names stay."""
    frame = events_frame([_event("a", first), _event("b", second)])
    assert frame.loc[frame["article_id"] == "b", "actors"].iloc[0] == expected_second


def test_table_rows_follow_schema():
    """A table built from events passes the schema check, with dates as timestamps."""
    frame = events_frame([_event("a", ("Hakan Fidan",))])
    check_event_frame(frame)
    assert frame["date_start"].iloc[0].date() == DAY
    assert {str(frame[name].dtype) for name in DATE_COLUMNS} == {DAY_DTYPE}


def test_table_reference_dates_have_no_days():
    """A PRESENT_REF value covers no days: its start and end are missing, not made up."""
    timex = TimexValue("PRESENT_REF", Precision.REFERENCE, None, None)
    reference = DateMention(0, 3, "now", timex, DateSource.EXPLICIT)
    event = Event("e-ref", Article("a", "a", dt.date(2024, 12, 2), "text"), 0, "It is so now.", reference)
    frame = events_frame([event])
    check_event_frame(frame)
    assert frame[["date_start", "date_end"]].isna().all(axis=None)
