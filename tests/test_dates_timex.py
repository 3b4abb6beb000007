"""TIMEX3 values to calendar stretches and back."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import timex as tx
from timeline.types import Precision

D = dt.date


@pytest.mark.parametrize(
    ("value", "precision", "start", "end"),
    [
        ("2024-12-01", Precision.DAY, D(2024, 12, 1), D(2024, 12, 1)),
        ("2024-02", Precision.MONTH, D(2024, 2, 1), D(2024, 2, 29)),
        ("2023", Precision.YEAR, D(2023, 1, 1), D(2023, 12, 31)),
        ("FY2007", Precision.YEAR, D(2007, 1, 1), D(2007, 12, 31)),
        ("2024-W48", Precision.WEEK, D(2024, 11, 25), D(2024, 12, 1)),
        ("2024-W48-WE", Precision.WEEKEND, D(2024, 11, 30), D(2024, 12, 1)),
        ("2005-Q4", Precision.QUARTER, D(2005, 10, 1), D(2005, 12, 31)),
        ("2009-H1", Precision.HALF, D(2009, 1, 1), D(2009, 6, 30)),
        ("2006-SU", Precision.SEASON, D(2006, 6, 1), D(2006, 8, 31)),
        ("2006-WI", Precision.SEASON, D(2006, 12, 1), D(2007, 2, 28)),
        ("201", Precision.DECADE, D(2010, 1, 1), D(2019, 12, 31)),
        ("19", Precision.CENTURY, D(1900, 1, 1), D(1999, 12, 31)),
        ("PAST_REF", Precision.REFERENCE, None, None),
    ],
)
def test_timex_of_value_gives_days(value: str, precision: Precision, start: D | None, end: D | None) -> None:
    """Each kind of TIMEX3 value names its precision and first and last day."""
    result = tx.timex_of(value)
    assert result is not None
    assert (result.value, result.precision, result.start, result.end) == (value, precision, start, end)


@pytest.mark.parametrize("value", ["", "XXXX-XX-XX", "2024-13", "2024-02-30", "P3D", "2024-W60", "tomorrow"])
def test_timex_of_unknown_or_impossible_value_is_none(value: str) -> None:
    """Values this engine does not produce, or days that do not exist, give None instead of raising."""
    assert tx.timex_of(value) is None


@pytest.mark.parametrize(
    ("made", "value"),
    [
        (tx.day_value(D(2024, 12, 1)), "2024-12-01"),
        (tx.month_value(2024, 11), "2024-11"),
        (tx.year_value(2012), "2012"),
        (tx.week_value(D(2024, 12, 1)), "2024-W48"),
        (tx.week_value(D(2024, 12, 1), weekend=True), "2024-W48-WE"),
        (tx.week_value(D(2021, 1, 2)), "2020-W53"),
        (tx.quarter_value(2005, 4), "2005-Q4"),
        (tx.half_value(2009, 2), "2009-H2"),
        (tx.season_value(2009, "SP"), "2009-SP"),
        (tx.decade_value(1990), "199"),
        (tx.century_value(2000), "20"),
        (tx.reference_value("FUTURE_REF"), "FUTURE_REF"),
    ],
)
def test_timex_values_round_trip(made, value: str) -> None:  # type: ignore[no-untyped-def]
    """A stretch written as a value reads back as the same stretch."""
    assert made.value == value
    assert tx.timex_of(value) == made


@pytest.mark.parametrize(
    ("value", "end"),
    [
        ("2024-02", D(2024, 2, 29)),
        ("2023-02", D(2023, 2, 28)),
        ("9999-12", D(9999, 12, 31)),
        ("9999-Q4", D(9999, 12, 31)),
    ],
)
def test_timex_of_month_ends(value: str, end: D) -> None:
    """A month or quarter ends on its month's last day, leap years and the calendar's last month included."""
    result = tx.timex_of(value)
    assert result is not None
    assert result.end == end
