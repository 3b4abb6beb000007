"""Date families that refer back to the story, and TIMEX3 references."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import only_date
from timeline.dates import find_dates
from timeline.types import DateSource

WEDNESDAY = dt.date(2024, 12, 4)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Prices are now higher.", "now", "PRESENT_REF"),
        ("The firm currently employs 300 people.", "currently", "PRESENT_REF"),
        ("The firm recently hired a chief.", "recently", "PAST_REF"),
        ("Such crises happened in the past.", "the past", "PAST_REF"),
        ("Prices may rise in the future.", "the future", "FUTURE_REF"),
        ("Today's world is different.", "Today", "PRESENT_REF"),
        ("The plan will be sent to governments very soon.", "very soon", "FUTURE_REF"),
        ("Prices should fall soon, analysts said.", "soon", "FUTURE_REF"),
    ],
)
def test_resolve_references(text: str, written: str, value: str) -> None:
    """'now', 'currently', 'recently', 'the past', 'the future' are TIMEX3 REF values with no days."""
    found = [m for m in find_dates(text, WEDNESDAY) if m.text == written]
    assert [(m.timex.value, m.timex.start, m.timex.end) for m in found] == [(value, None, None)]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The deal was signed in 2019. At the time, prices were low.", "the time", "2019"),
        ("Talks began on March 3, 2020. The day before, troops moved.", "The day before", "2020-03-02"),
        ("The fire started on 5 May 2021. The following week, crews left.", "The following week", "2021-W19"),
        ("The law passed on June 1, 2018. The next day, it was signed.", "The next day", "2018-06-02"),
        ("Rebels took the city on 2 April 2016. Two days later, they left.", "Two days later", "2016-04-04"),
        ("Shares fell on March 9, 2009, ending the day lower.", "the day", "2009-03-09"),
        ("Shares fell on March 9, 2009, but rallied late in the day.", "late in the day", "2009-03-09"),
        ("Elections were held in 2014. By that time, the war had begun.", "that time", "2014"),
    ],
)
def test_resolve_anaphora_against_story_date(text: str, written: str, value: str) -> None:
    """Anaphora resolve against the story's last date, not the article date, with source CONTEXT."""
    assert only_date(text, WEDNESDAY, written) == (value, DateSource.CONTEXT)


def test_resolve_anaphora_takes_the_finest_story_date() -> None:
    """'That month' after a year-only anaphor still reaches back to the day that names a month."""
    text = "The war began on 4 May 2019. The same year, talks failed. That month, he left. That week, too."
    found = [(m.text, m.timex.value, m.source) for m in find_dates(text, WEDNESDAY)]
    assert found[1:] == [
        ("The same year", "2019", DateSource.CONTEXT),
        ("That month", "2019-05", DateSource.CONTEXT),
        ("That week", "2019-W18", DateSource.CONTEXT),
    ]


@pytest.mark.parametrize(
    "text",
    ["He soon left the party.", "Talks will resume as soon as possible.", "Soon after, the army arrived."],
)
def test_soon_in_other_phrases_is_no_date(text: str) -> None:
    """'soon' told in the past, 'as soon as' and 'soon after' are not FUTURE_REF."""
    assert find_dates(text, WEDNESDAY) == []


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        (
            "GM lost $2 billion in the last quarter of 2005 and $8 billion for the entire year.",
            "the entire year",
            "2005",
        ),
        ("Full-year profit rose 5 percent.", "Full-year", "2024"),
    ],
)
def test_whole_year_is_the_story_year(text: str, written: str, value: str) -> None:
    """'the entire year', 'full-year' mean the year the story reports on, else the article's."""
    assert only_date(text, WEDNESDAY, written)[0] == value


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Sales rose on March 9, 2024, above the same day last year.", "the same day last year", "2023-03-09"),
        ("Sales rose on February 29, 2024, above the same day last year.", "the same day last year", "2023-02-28"),
    ],
)
def test_same_day_a_year_before(text: str, written: str, value: str) -> None:
    """A year before a day is the same day of the month, or the month's last day when that year lacks it."""
    assert only_date(text, WEDNESDAY, written) == (value, DateSource.CONTEXT)
