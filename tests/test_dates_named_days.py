"""Holidays and named days placed by rule for the year in context (family holiday)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import only_date
from timeline.dates import find_dates
from timeline.types import DateSource


@pytest.mark.parametrize(
    ("text", "article_date", "written", "value"),
    [
        # US Election Day: the Tuesday after the first Monday of November.
        ("Turnout was high on Election Day, officials said.", dt.date(2010, 11, 4), "Election Day", "2010-11-02"),
        ("Polls close at eight on Election Day.", dt.date(2020, 10, 20), "Election Day", "2020-11-03"),
        # When 1 November is a Tuesday, Election Day is the 8th, not the 1st.
        ("Polls open early on Election Day.", dt.date(2016, 10, 20), "Election Day", "2016-11-08"),
        ("The museum stays open late during Holy Week.", dt.date(2014, 4, 16), "Holy Week", "2014-W16"),
        ("Pilgrims arrived on Palm Sunday.", dt.date(2014, 4, 20), "Palm Sunday", "2014-04-13"),
        ("Fasting starts on Ash Wednesday.", dt.date(2024, 2, 1), "Ash Wednesday", "2024-02-14"),
        ("Shops opened at dawn on Black Friday.", dt.date(2013, 12, 2), "Black Friday", "2013-11-29"),
        ("Stores will open on Memorial Day.", dt.date(2013, 3, 1), "Memorial Day", "2013-05-27"),
        ("Parades were held on Veterans Day.", dt.date(2019, 11, 12), "Veterans Day", "2019-11-11"),
        ("Markets were shut on Presidents' Day.", dt.date(2021, 2, 17), "Presidents' Day", "2021-02-15"),
        ("He spoke on Martin Luther King Jr. Day.", dt.date(2013, 1, 25), "Martin Luther King Jr. Day", "2013-01-21"),
    ],
)
def test_named_days_by_rule(text: str, article_date: dt.date, written: str, value: str) -> None:
    """A holiday or named day is the day (Holy Week: the ISO week) the calendar gives it near the article."""
    assert only_date(text, article_date, written) == (value, DateSource.RELATIVE)


@pytest.mark.parametrize(
    ("written", "value"),
    [("Election Day 2008", "2008-11-04"), ("Holy Week 2019", "2019-W16"), ("Black Friday 2020", "2020-11-27")],
)
def test_named_days_of_a_written_year(written: str, value: str) -> None:
    """A named day with its year is that year's, whatever the article date."""
    assert only_date(f"It happened on {written}.", dt.date(2024, 6, 1), written) == (value, DateSource.EXPLICIT)


@pytest.mark.parametrize(
    "text",
    [
        "Election Day voting went smoothly.",  # a modifier, with no preposition before it
        "Eid al-Fitr prayers were held on the square.",  # left out: the day depends on the moon being sighted
    ],
)
def test_named_days_without_a_date(text: str) -> None:
    """A named day used as a modifier, or one no offline calendar can place honestly, gives no date."""
    assert find_dates(text, dt.date(2024, 6, 1)) == []
