"""timeline.humandates: TIMEX3 values and days as a person reads them, in any era."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from timeline.humandates import human_date, human_dates, human_day, human_days, reach_phrase


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-01", "Sunday 1 December 2024"),
        ("2024-W48-WE", "the weekend of 30 Nov – 1 Dec 2024"),
        ("2024-W48", "the week of 25 Nov – 1 Dec 2024"),
        ("2025-W01-WE", "the weekend of 4–5 January 2025"),
        ("2020-W53", "the week of 28 Dec 2020 – 3 Jan 2021"),
        ("2024-11", "November 2024"),
        ("2024", "2024 (year)"),
        ("FY2016", "fiscal year 2016"),
        ("2024-Q4", "the fourth quarter of 2024"),
        ("2024-H1", "the first half of 2024"),
        ("2024-SU", "summer 2024"),
        ("2024-WI", "winter 2024–25"),
        ("199", "the 1990s"),
        ("10", "the 11th century"),
        ("20", "the 21st century"),
        ("2024-12-05TNI", "the night of Thursday 5 December 2024"),
        ("PRESENT_REF", "the present"),
        ("1000-01-01", "Wednesday 1 January 1000"),
        ("0999-05-04", "Saturday 4 May 999"),
        ("9999-12-31", "Friday 31 December 9999"),
        ("not a value", "not a value"),
    ],
)
def test_humandates_value_reads_as_a_person_writes_it(value, expected):
    """Each kind of TIMEX3 value, of any era, is written out; an unknown value is left as it is."""
    assert human_date(value) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2024, 12, 2), "Monday 2 December 2024"), (dt.date(1, 1, 1), "Monday 1 January 1")],
)
def test_humandates_day(day, expected):
    """A day has its weekday, day, month and year, with no leading zeros."""
    assert human_day(day) == expected


def test_humandates_many_values_and_missing_ones():
    """A column of values is written cell for cell; a missing cell becomes an empty one."""
    assert human_dates(["2024", "2024", None, "2024-11"]) == ["2024 (year)", "2024 (year)", "", "November 2024"]


def test_humandates_day_column_of_any_era():
    """A day column in seconds holds the years 1000 and 9999, and a missing day is empty."""
    days = pd.Series(np.array(["1000-01-01", "9999-12-31", "NaT"], dtype="datetime64[s]"))
    assert human_days(days) == ["Wednesday 1 January 1000", "Friday 31 December 9999", ""]


@pytest.mark.parametrize(("sources", "expected"), [(1, "reported by 1 source"), (3, "reported by 3 sources")])
def test_humandates_reach_in_plain_words(sources, expected):
    """How widely a happening was reported is said in words, never 'time(s)'."""
    assert reach_phrase(sources) == expected
