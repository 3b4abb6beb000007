"""Date families counted from the article date: weekdays by tense, units, parts of the day."""

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
        ("The minister resigned on Monday.", "Monday", "2024-12-02"),
        ("Talks were held on Wednesday in Doha.", "Wednesday", "2024-12-04"),
        ("The council met on Thursday to vote.", "Thursday", "2024-11-28"),
        ("The leaders will meet on Friday.", "Friday", "2024-12-06"),
        ("The ministers are expected to sign the accord on Saturday.", "Saturday", "2024-12-07"),
        ("They met last Friday.", "last Friday", "2024-11-29"),
        ("He will travel to Cairo next Tuesday.", "next Tuesday", "2024-12-10"),
        ("Markets stay closed until Monday.", "Monday", "2024-12-09"),
    ],
)
def test_resolve_weekdays_by_tense(text: str, written: str, value: str) -> None:
    """Past tense takes the latest such day on or before the article date, future the next one."""
    assert only_date(text, WEDNESDAY, written) == (value, DateSource.RELATIVE)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("last week", "2024-W48"),
        ("this week", "2024-W49"),
        ("next week", "2024-W50"),
        ("last month", "2024-11"),
        ("next month", "2025-01"),
        ("last year", "2023"),
        ("this year", "2024"),
        ("next year", "2025"),
        ("earlier this year", "2024"),
        ("the end of the year", "2024"),
        ("last weekend", "2024-W48-WE"),
        ("this weekend", "2024-W49-WE"),
        ("last quarter", "2024-Q3"),
        ("yesterday", "2024-12-03"),
        ("today", "2024-12-04"),
        ("tomorrow", "2024-12-05"),
        ("three years ago", "2021"),
        ("two days ago", "2024-12-02"),
        ("last September", "2024-09"),
    ],
)
def test_resolve_relative_units(written: str, value: str) -> None:
    """'last/this/next' units, deictic days and 'ago' count from the article date."""
    assert only_date(f"It was decided {written}, officials said.", WEDNESDAY, written) == (value, DateSource.RELATIVE)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Apple announced the deal this morning.", "this morning", "2024-12-04TMO"),
        ("Rebels attacked on Monday night.", "Monday night", "2024-12-02TNI"),
        ("The vote was held yesterday evening.", "yesterday evening", "2024-12-03TEV"),
    ],
)
def test_resolve_parts_of_day(text: str, written: str, value: str) -> None:
    """A morning, evening or night keeps its TIMEX3 part-of-day value and covers its day."""
    found = [m for m in find_dates(text, WEDNESDAY) if m.text == written]
    assert [m.timex.value for m in found] == [value]
    assert found[0].timex.start == found[0].timex.end == dt.date.fromisoformat(value[:10])


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        ("Jones spoke on Tuesday after the firm submitted a plan.", dt.date(2009, 4, 3), [("Tuesday", "2009-03-31")]),
        ("The deal should be completed in October.", dt.date(2009, 6, 5), [("October", "2009-10")]),
        ("It peaked in September last year.", dt.date(2009, 10, 12), [("September", "2008-09"), ("last year", "2008")]),
        ("The 1987 crash was worse. A day later, shares rose.", dt.date(2010, 5, 7),
         [("1987", "1987"), ("A day later", "2010-05-08")]),
        ("Shares fell 2% the day the deal was announced.", dt.date(2007, 6, 9), []),
    ],
)  # fmt: skip
def test_resolve_held_out_sentences(text: str, article_date: dt.date, expected: list[tuple[str, str]]) -> None:
    """Past participles, 'MONTH last year', day offsets from a year, and 'the day [that]' clauses."""
    assert [(m.text, m.timex.value) for m in find_dates(text, article_date)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the 1990s, the town boomed. By the end of the decade, it had 10,000 people.",
            [("the 1990s", "199"), ("the end of the decade", "199")],
        ),
        (
            "The company was founded in 2008. By the end of the year, it had ten staff.",
            [("2008", "2008"), ("the end of the year", "2008")],
        ),
        (
            "Sales rose in 2018. Profits will double by the end of the year.",
            [("2018", "2018"), ("the end of the year", "2024")],
        ),
        (
            "The firm was founded in 1998. Earlier that year, its founder had left.",
            [("1998", "1998"), ("Earlier that year", "1998")],
        ),
    ],
)
def test_edges_told_in_the_past_follow_the_story(text: str, expected: list[tuple[str, str]]) -> None:
    """'the end of the decade' told in the past after a date of another decade is that decade's; else now's."""
    assert [(m.text, m.timex.value) for m in find_dates(text, WEDNESDAY)] == expected


@pytest.mark.parametrize(("article_date", "value"), [(dt.date(2013, 12, 30), "2014"), (dt.date(2014, 1, 3), "2014")])
def test_the_new_year(article_date: dt.date, value: str) -> None:
    """'the new year' is the year about to begin late in a year, the one just begun early in it."""
    assert only_date("Work will start in the new year.", article_date, "the new year")[0] == value


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Profit will rise this fiscal year.", "this fiscal year", "FY2024"),
        ("The budget for the next fiscal year was cut.", "the next fiscal year", "FY2025"),
        ("Sales fell in the previous financial year.", "the previous financial year", "FY2023"),
    ],
)
def test_relative_fiscal_years(text: str, written: str, value: str) -> None:
    """'this/next/previous fiscal year' are fiscal years counted from the article's year."""
    assert only_date(text, WEDNESDAY, written)[0] == value
