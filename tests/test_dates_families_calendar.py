"""Calendar date families: written dates, months without a year, quarters, halves, seasons, decades, years."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import only_date
from timeline.dates import find_dates
from timeline.types import DateSource

WEDNESDAY = dt.date(2024, 12, 4)


@pytest.mark.parametrize(
    ("text", "article_date", "written", "value"),
    [
        ("The vote took place on November 28.", WEDNESDAY, "November 28", "2024-11-28"),
        ("The summit opens on January 15.", WEDNESDAY, "January 15", "2025-01-15"),
        # Told in the past, a day without a year is the latest on or before the article, though a nearer one is ahead.
        ("The court ruled on 3 March.", dt.date(2024, 2, 20), "3 March", "2023-03-03"),
        ("The minister resigned on March 3.", dt.date(2019, 11, 20), "March 3", "2019-03-03"),
        ("The vote will take place on March 3.", dt.date(2019, 11, 20), "March 3", "2020-03-03"),
        ("The event is to be held on October 12.", dt.date(2005, 10, 4), "October 12", "2005-10-12"),
        ("The contract may be signed on September 12.", dt.date(2007, 9, 8), "September 12", "2007-09-12"),
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
    assert only_date(text, article_date, written) == (value, DateSource.RELATIVE)


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
        ("fiscal 2009", "FY2009", DateSource.EXPLICIT),
        ("fiscal year 2021", "FY2021", DateSource.EXPLICIT),
        ("FY2014", "FY2014", DateSource.EXPLICIT),
        ("September 2006", "2006-09", DateSource.EXPLICIT),
        ("11 December 2009", "2009-12-11", DateSource.EXPLICIT),
        ("7/8/07", "2007-07-08", DateSource.EXPLICIT),
        ("2023-10-07", "2023-10-07", DateSource.EXPLICIT),
    ],
)
def test_resolve_periods(written: str, value: str, source: DateSource) -> None:
    """Quarters, halves, seasons, decades, centuries, fiscal years and full dates keep their precision."""
    assert only_date(f"Profits grew in {written}, the report showed.", WEDNESDAY, written) == (value, source)


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


@pytest.mark.parametrize(
    ("text", "written"),
    [("In 2008 Boeing cut jobs.", "2008"), ("A 2019 report found 1,000 cases.", "2019")],
)
def test_resolve_years_beside_capitals_and_articles(text: str, written: str) -> None:
    """A year after a sentence-initial preposition or an article is still a year."""
    assert [m.text for m in find_dates(text, WEDNESDAY)] == [written]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Shops were busy before Christmas.", "Christmas", "2024-12-25"),
        ("Markets close early on Christmas Eve.", "Christmas Eve", "2024-12-24"),
        ("The law takes effect on New Year's Day.", "New Year's Day", "2025-01-01"),
        ("He was arrested on Christmas Eve 2018.", "Christmas Eve 2018", "2018-12-24"),
        ("The rebels attacked on Good Friday.", "Good Friday", "2024-03-29"),
        ("The attack happened on Easter Sunday.", "Easter Sunday", "2024-03-31"),
        ("Families gathered for Thanksgiving.", "Thanksgiving", "2024-11-28"),
        ("Stores will open on Labor Day.", "Labor Day", "2025-09-01"),
        ("Crowds marched on Bastille Day.", "Bastille Day", "2024-07-14"),
        ("Talks will resume after Easter.", "Easter", "2025-04-20"),
    ],
)
def test_resolve_holidays(text: str, written: str, value: str) -> None:
    """Holidays are days of the calendar (Easter by the computus, Thanksgiving by weekday), placed by tense."""
    assert only_date(text, WEDNESDAY, written) == (
        value,
        DateSource.EXPLICIT if "20" in written else DateSource.RELATIVE,
    )


@pytest.mark.parametrize(
    "text", ["Christmas sales rose 4 percent.", "Halloween costumes sold out.", "The Easter Rising failed."]
)
def test_holiday_as_modifier_or_name_is_no_date(text: str) -> None:
    """A holiday used as a modifier ("Christmas sales") or in a name ("the Easter Rising") is no date."""
    assert find_dates(text, WEDNESDAY) == []


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [("The company was founded in the late 19th century.", "the late 19th century", "18")],
)
def test_century_with_modifier(text: str, written: str, value: str) -> None:
    """'the late 19th century' is one expression, the 19th century."""
    assert only_date(text, WEDNESDAY, written)[0] == value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Easter 2019", "2019-04-21"),
        ("Good Friday 2038", "2038-04-23"),
        ("Easter Monday 1818", "1818-03-23"),
        ("Thanksgiving 2023", "2023-11-23"),
        ("Labor Day 2020", "2020-09-07"),
        ("Memorial Day 2021", "2021-05-31"),
        ("Memorial Day 2022", "2022-05-30"),
    ],
)
def test_holidays_of_a_written_year(written: str, value: str) -> None:
    """Easter-based holidays, the nth and the last weekday of a month, in the year written."""
    assert only_date(f"Shops closed on {written}.", WEDNESDAY, written) == (value, DateSource.EXPLICIT)


@pytest.mark.parametrize(
    ("written", "value"),
    [("the last week of February 2021", "2021-W08"), ("the last week of May 2009", "2009-W22")],
)
def test_last_week_of_a_month(written: str, value: str) -> None:
    """'the last week of May' is the month's last week with at least four of its days in the month."""
    assert only_date(f"Talks stalled in {written}.", WEDNESDAY, written) == (value, DateSource.EXPLICIT)


@pytest.mark.parametrize(
    ("text", "article_date", "written", "value"),
    [
        ("It was decided last quarter.", dt.date(2024, 2, 10), "last quarter", "2023-Q4"),
        ("Profit fell in the last quarter.", dt.date(2024, 2, 10), "the last quarter", "2023-Q4"),
        ("It closes next December.", dt.date(9999, 3, 1), "next December", "9999-12"),
    ],
)
def test_months_counted_across_years(text: str, article_date: dt.date, written: str, value: str) -> None:
    """Months and quarters counted from the article date cross into other years, up to the calendar's last month."""
    assert only_date(text, article_date, written)[0] == value


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The abbey was founded in 1066 by monks.", "1066", "1066"),
        ("In 1500 the city fell.", "1500", "1500"),
        ("The walls stood since 1200, historians say.", "1200", "1200"),
        ("Sea levels will rise by 2300.", "2300", "2300"),
        ("The vault stays sealed until 9999 when it opens.", "9999", "9999"),
    ],
)
def test_distant_year_after_a_preposition(text: str, written: str, value: str) -> None:
    """A year outside 1600-2099 after a temporal preposition is a year of any era."""
    assert only_date(text, WEDNESDAY, written) == (value, DateSource.EXPLICIT)


@pytest.mark.parametrize(
    "text",
    [
        "It was built in 1500 homes.",
        "He scored 1500 points.",
        "Revenue of $1500 was reported.",
        "Call 2300 for help.",
        "The blast came at around 2100 GMT.",
    ],
)
def test_distant_number_that_counts_is_no_year(text: str) -> None:
    """A number in the distant-year range that counts things is not a date."""
    assert [mention.text for mention in find_dates(text, WEDNESDAY)] == []


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The battle was fought on October 14, 1066, near Hastings.", "October 14, 1066", "1066-10-14"),
        ("It fell on 29 May 1453.", "29 May 1453", "1453-05-29"),
        ("The probe lands on March 3, 2301.", "March 3, 2301", "2301-03-03"),
    ],
)
def test_full_date_of_any_era(text: str, written: str, value: str) -> None:
    """A month, day and year is a day whatever the era, never only its month."""
    assert only_date(text, WEDNESDAY, written) == (value, DateSource.EXPLICIT)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Hamas' Oct. 7, 2023, attack on southern Israel started the war.", "Oct. 7, 2023", "2023-10-07"),
        ("Russia's 24 February 2022 attack on Kyiv failed.", "24 February 2022", "2022-02-24"),
        ("The group's 3/11/04 bombings shook Madrid.", "3/11/04", "2004-03-11"),
    ],
)
def test_full_date_after_a_possessive_is_its_day(text: str, written: str, value: str) -> None:
    """After a possessive, a date before 'attack' or 'bombings' is the day it happened, not an event's name."""
    assert only_date(text, WEDNESDAY, written) == (value, DateSource.EXPLICIT)


@pytest.mark.parametrize(
    "text", ["Stocks had their worst fall since the September 11, 2001, terrorist attacks.", "The 7/7/05 bombings."]
)
def test_full_date_naming_an_event_is_no_date(text: str) -> None:
    """Without a possessive, a date before 'attacks' names the event, as MEANTIME leaves it unannotated."""
    assert [mention.text for mention in find_dates(text, WEDNESDAY)] == []
