"""Weekdays, bare months and compound expressions in past narratives: tense and the story's reference time."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import find_dates

#: A Friday.
FRIDAY = dt.date(2013, 3, 1)


def _dates(text: str, article_date: dt.date = FRIDAY) -> list[tuple[str, str]]:
    return [(m.text, m.timex.value) for m in find_dates(text, article_date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A story about last week's events: the bare weekday told in the past is that week's.
        (
            "The council met last week. On Tuesday it voted against the plan.",
            [("last week", "2013-W08"), ("Tuesday", "2013-02-19")],
        ),
        (
            "The council met last week. On Tuesday it voted, and on Wednesday it adjourned.",
            [("last week", "2013-W08"), ("Tuesday", "2013-02-19"), ("Wednesday", "2013-02-20")],
        ),
        # The other direction: told in the future, the weekday is the coming one, whatever the story's week.
        (
            "The council met last week. On Tuesday it will vote again.",
            [("last week", "2013-W08"), ("Tuesday", "2013-03-05")],
        ),
        # No earlier week in the story: the latest Tuesday on or before the article.
        ("On Tuesday the council voted.", [("Tuesday", "2013-02-26")]),
        # A modifier decides on its own.
        (
            "The council met last week. It voted last Tuesday.",
            [("last week", "2013-W08"), ("last Tuesday", "2013-02-26")],
        ),
    ],
)
def test_weekdays_follow_tense_and_the_story_week(text: str, expected: list[tuple[str, str]]) -> None:
    """A bare weekday told in the past falls in the earlier week the story tells of; in the future, ahead."""
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        # "December" in a March article about plans is this December; in a report of results, last December's.
        ("Hollins said it would open 40 stores by December.", dt.date(2013, 3, 1), [("December", "2013-12")]),
        ("Sales slumped in December, the company said.", dt.date(2013, 3, 1), [("December", "2012-12")]),
        ("The trial opened in November.", dt.date(2009, 1, 15), [("November", "2008-11")]),
        ("The trial will open in November.", dt.date(2009, 1, 15), [("November", "2009-11")]),
        # "last September" on 12 October is the month just gone, as MEANTIME annotates it.
        ("Sales fell last September.", dt.date(2009, 10, 12), [("last September", "2009-09")]),
        ("Sales fell last November.", dt.date(2009, 10, 12), [("last November", "2008-11")]),
    ],
)
def test_bare_months_follow_tense(text: str, article_date: dt.date, expected: list[tuple[str, str]]) -> None:
    """A bare month looks ahead when its clause speaks of the future, back when it tells of the past."""
    assert _dates(text, article_date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The month takes the year said after it; the year is its own expression, as MEANTIME annotates it.
        ("Sales in January this year rose.", [("January", "2013-01"), ("this year", "2013")]),
        ("Sales rose from January last year.", [("January", "2012-01"), ("last year", "2012")]),
        ("The machines, bought in June last year, worked.", [("June", "2012-06"), ("last year", "2012")]),
        ("January this year, sales rose.", [("January", "2013-01"), ("this year", "2013")]),
        (
            "Voting ended on 2 November 2010. Clerks counted ballots the next morning.",
            [("2 November 2010", "2010-11-02"), ("the next morning", "2010-11-03TMO")],
        ),
        (
            "They marched on 21 August 2021. Police had closed the streets earlier that day.",
            [("21 August 2021", "2021-08-21"), ("earlier that day", "2021-08-21")],
        ),
        (
            "The storm hit on 5 May 2021. Later that day the river rose.",
            [("5 May 2021", "2021-05-05"), ("Later that day", "2021-05-05")],
        ),
        (
            "The storm hit on 5 May 2021. That night the river rose.",
            [("5 May 2021", "2021-05-05"), ("That night", "2021-05-05TNI")],
        ),
        (
            "Sales doubled at the very beginning of the financial year.",
            [("the very beginning of the financial year", "FY2013")],
        ),
    ],
)
def test_compound_expressions_take_the_full_value(text: str, expected: list[tuple[str, str]]) -> None:
    """'January this year', 'the next morning', 'earlier that day' are one expression with the whole value."""
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks were held in March 2022, weeks after the invasion on February 24 of that year.",
            [("March 2022", "2022-03"), ("February 24", "2022-02-24"), ("that year", "2022")],
        ),
        (
            "The plant closed in 2009. On 3 May the same year, workers sued.",
            [("2009", "2009"), ("3 May", "2009-05-03"), ("the same year", "2009")],
        ),
        (
            "The plant closed in 2009. In October of that year, workers sued.",
            [("2009", "2009"), ("October", "2009-10"), ("that year", "2009")],
        ),
        ("The law takes effect on May 3 next year.", [("May 3", "2014-05-03"), ("next year", "2014")]),
    ],
)
def test_day_or_month_of_that_year_is_the_storys_year(text: str, expected: list[tuple[str, str]]) -> None:
    """'February 24 of that year' takes the story's last year, not the article's; 'next year' the article's next."""
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        (
            "U.S. President Joe Biden, who leaves office on Monday, said the deal was done.",
            dt.date(2025, 1, 16),
            [("Monday", "2025-01-20")],
        ),
        (
            "Babis told supporters at his party's headquarters in Prague's Chodov district late on Saturday "
            "that he would seek to form a government.",
            dt.date(2025, 10, 6),
            [("Saturday", "2025-10-04")],
        ),
        (
            "Students have called for a nationwide rally in Kragujevac on 15 February.",
            dt.date(2025, 1, 28),
            [("15 February", "2025-02-15")],
        ),
        (
            "The airline will operate four weekly flights on Airbus A320 aircraft, rising to a daily service "
            "from July, subject to approvals.",
            dt.date(2025, 6, 10),
            [("July", "2025-07")],
        ),
    ],
)
def test_dates_take_the_direction_of_their_verb(
    text: str, article_date: dt.date, expected: list[tuple[str, str]]
) -> None:
    """A weekday, day or month is placed ahead or back by the verb it attaches to, not the clause's first verb."""
    assert _dates(text, article_date) == expected
