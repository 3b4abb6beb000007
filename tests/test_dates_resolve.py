"""Each rule family of the date engine, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import find_dates
from timeline.types import DateSource

WEDNESDAY = dt.date(2024, 12, 4)


def _only(text: str, article_date: dt.date, written: str) -> tuple[str, DateSource]:
    """The value and source of the one mention written ``written`` in ``text``."""
    found = [m for m in find_dates(text, article_date) if m.text == written]
    assert len(found) == 1, [(m.text, m.timex.value) for m in find_dates(text, article_date)]
    return found[0].timex.value, found[0].source


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
    assert _only(text, WEDNESDAY, written) == (value, DateSource.RELATIVE)


@pytest.mark.parametrize(
    ("text", "article_date", "written", "value"),
    [
        ("The vote took place on November 28.", WEDNESDAY, "November 28", "2024-11-28"),
        ("The summit opens on January 15.", WEDNESDAY, "January 15", "2025-01-15"),
        ("The court ruled on 3 March.", dt.date(2024, 2, 20), "3 March", "2024-03-03"),
        ("The ban ended on December 20.", dt.date(2025, 1, 6), "December 20", "2024-12-20"),
        ("Sales rose in October.", WEDNESDAY, "October", "2024-10"),
        ("The plant will close in June.", WEDNESDAY, "June", "2025-06"),
        ("Prices fell sharply in December.", WEDNESDAY, "December", "2024-12"),
        ("The strike began in late last July.", WEDNESDAY, "late last July", "2024-07"),
        ("Its licence expires after March of next year.", WEDNESDAY, "March", "2025-03"),
    ],
)
def test_resolve_months_without_year(text: str, article_date: dt.date, written: str, value: str) -> None:
    """A month and day, or a month alone, is placed near the article date by tense."""
    assert _only(text, article_date, written) == (value, DateSource.RELATIVE)


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
    assert _only(f"It was decided {written}, officials said.", WEDNESDAY, written) == (value, DateSource.RELATIVE)


@pytest.mark.parametrize(
    ("written", "value", "source"),
    [
        ("the fourth quarter of 2005", "2005-Q4", DateSource.EXPLICIT),
        ("the first half of 2009", "2009-H1", DateSource.EXPLICIT),
        ("Q3 2010", "2010-Q3", DateSource.EXPLICIT),
        ("H1 2024", "2024-H1", DateSource.EXPLICIT),
        ("the third quarter", "2024-Q3", DateSource.RELATIVE),
        ("summer 2006", "2006-SU", DateSource.EXPLICIT),
        ("last summer", "2023-SU", DateSource.RELATIVE),
        ("the 1990s", "199", DateSource.EXPLICIT),
        ("the 2010s", "201", DateSource.EXPLICIT),
        ("the mid-2020s", "202", DateSource.EXPLICIT),
        ("the '80s", "198", DateSource.RELATIVE),
        ("the 20th century", "19", DateSource.EXPLICIT),
        ("early 2011", "2011", DateSource.EXPLICIT),
        ("fiscal 2009", "2009", DateSource.EXPLICIT),
        ("September 2006", "2006-09", DateSource.EXPLICIT),
        ("11 December 2009", "2009-12-11", DateSource.EXPLICIT),
        ("7/8/07", "2007-07-08", DateSource.EXPLICIT),
        ("2023-10-07", "2023-10-07", DateSource.EXPLICIT),
    ],
)
def test_resolve_periods(written: str, value: str, source: DateSource) -> None:
    """Quarters, halves, seasons, decades, centuries, fiscal years and full dates keep their precision."""
    assert _only(f"Profits grew in {written}, the report showed.", WEDNESDAY, written) == (value, source)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Prices are now higher.", "now", "PRESENT_REF"),
        ("The firm currently employs 300 people.", "currently", "PRESENT_REF"),
        ("The firm recently hired a chief.", "recently", "PAST_REF"),
        ("Such crises happened in the past.", "the past", "PAST_REF"),
        ("Prices may rise in the future.", "the future", "FUTURE_REF"),
        ("Today's world is different.", "Today", "PRESENT_REF"),
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
    assert _only(text, WEDNESDAY, written) == (value, DateSource.CONTEXT)


@pytest.mark.parametrize(
    "text",
    [
        "Prices may fall further.",
        "Protesters march to the square every week.",
        "We will see.",
        "He paused for a second.",
        "The bill cost $27 million.",
        "John Smith, 48, of Ohio was arrested.",
        "Only 1/2 of the votes were counted.",
        "The airline ordered a Boeing 747 and an A380.",
        "The war has lasted 13 years.",
        "It took a year to build.",
        "It grew over the past 13 years.",
        "Over the coming days, talks continue.",
        "A week-long truce ended.",
        "At least 44,466 people died.",
        "The firm cut 2,000 jobs and 1500 workers left.",
        "It reached 2010 points.",
        "Stocks crashed on Black Monday.",
        "Ten years after the September 11 attacks, the memorial opened.",
        "The Russell 2000 Index fell.",
    ],
)
def test_resolve_no_false_dates(text: str) -> None:
    """Modal 'may', the verb 'march', numbers, money, ages, fractions, models and durations are not dates."""
    dated = [m.text for m in find_dates(text, WEDNESDAY)]
    assert dated == []


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
    ("text", "written"),
    [("In 2008 Boeing cut jobs.", "2008"), ("A 2019 report found 1,000 cases.", "2019")],
)
def test_resolve_years_beside_capitals_and_articles(text: str, written: str) -> None:
    """A year after a sentence-initial preposition or an article is still a year."""
    assert [m.text for m in find_dates(text, WEDNESDAY)] == [written]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The firm posted second-quarter earnings.", "2023-Q2"),
        ("The firm expects second-quarter growth.", "2024-Q2"),
        ("Second-quarter sales", "2024-Q2"),
        ("Fourth-quarter sales", "2023-Q4"),
        ("Results for Q4 were weak.", "2023-Q4"),
        ("First-quarter profit rose.", "2024-Q1"),
    ],
)
def test_resolve_quarters_without_year_by_tense(text: str, value: str) -> None:
    """A quarter not yet begun is last year's in the past tense, this year's in the future."""
    assert [m.timex.value for m in find_dates(text, dt.date(2024, 1, 10))] == [value]


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
