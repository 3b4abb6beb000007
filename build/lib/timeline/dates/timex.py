"""TIMEX3 values and the calendar days they cover, both ways.

A value such as ``2024-W48-WE`` or ``2005-Q4`` names a stretch of the calendar;
:func:`timex_of` gives its precision and first and last day, and the ``*_value``
helpers write the value of a stretch.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from timeline.types import Precision, TimexValue

REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PART_OF_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI)$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(?:FY)?(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")

#: First month of each season; winter runs into the next year.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def timex_of(value: str) -> TimexValue | None:
    """The stretch a TIMEX3 value names, or None when the value is not one this module knows."""
    try:
        return _timex_of(value)
    except (ValueError, OverflowError):
        return None


def _timex_of(value: str) -> TimexValue | None:
    if value in REFERENCES:
        return TimexValue(value, Precision.REFERENCE, None, None)
    if match := _DAY.match(value):
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        return TimexValue(value, Precision.DAY, day, day)
    if match := _PART_OF_DAY.match(value):
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        return TimexValue(value, Precision.DAY, day, day)
    if match := _MONTH.match(value):
        first = dt.date(int(match[1]), int(match[2]), 1)
        return TimexValue(value, Precision.MONTH, first, _month_end(first))
    if match := _YEAR.match(value):
        year = int(match[1])
        return TimexValue(value, Precision.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if match := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if match[3]:
            return TimexValue(value, Precision.WEEKEND, monday + dt.timedelta(5), monday + dt.timedelta(6))
        return TimexValue(value, Precision.WEEK, monday, monday + dt.timedelta(6))
    if match := _QUARTER.match(value):
        first = dt.date(int(match[1]), 3 * int(match[2]) - 2, 1)
        return TimexValue(value, Precision.QUARTER, first, first + relativedelta(months=2, day=31))
    if match := _HALF.match(value):
        first = dt.date(int(match[1]), 6 * int(match[2]) - 5, 1)
        return TimexValue(value, Precision.HALF, first, first + relativedelta(months=5, day=31))
    if match := _SEASON.match(value):
        first = dt.date(int(match[1]), _SEASON_START[match[2]], 1)
        return TimexValue(value, Precision.SEASON, first, first + relativedelta(months=2, day=31))
    if match := _DECADE.match(value):
        year = int(match[1]) * 10
        return TimexValue(value, Precision.DECADE, dt.date(max(year, 1), 1, 1), dt.date(year + 9, 12, 31))
    if match := _CENTURY.match(value):
        year = int(match[1]) * 100
        return TimexValue(value, Precision.CENTURY, dt.date(max(year, 1), 1, 1), dt.date(year + 99, 12, 31))
    return None


def day_value(day: dt.date) -> TimexValue:
    """The TIMEX3 value of one day."""
    return TimexValue(day.isoformat(), Precision.DAY, day, day)


def part_of_day_value(day: dt.date, part: str) -> TimexValue:
    """A morning (MO), afternoon (AF), evening (EV) or night (NI) of ``day``; it covers that day."""
    return _made(f"{day.isoformat()}T{part}")


def month_value(year: int, month: int) -> TimexValue:
    """The TIMEX3 value of a calendar month."""
    first = dt.date(year, month, 1)
    return TimexValue(f"{year:04d}-{month:02d}", Precision.MONTH, first, _month_end(first))


def year_value(year: int) -> TimexValue:
    """The TIMEX3 value of a calendar year."""
    return TimexValue(f"{year:04d}", Precision.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))


def fiscal_year_value(year: int) -> TimexValue:
    """A fiscal year, TIMEX3 style (``FY2016``); its days are taken as the calendar year's, the usual case."""
    return TimexValue(f"FY{year:04d}", Precision.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))


def week_value(day: dt.date, weekend: bool = False) -> TimexValue:
    """The ISO week (or its weekend) holding ``day``."""
    year, week, _ = day.isocalendar()
    return _made(f"{year:04d}-W{week:02d}{'-WE' if weekend else ''}")


def quarter_value(year: int, quarter: int) -> TimexValue:
    """The TIMEX3 value of a calendar quarter (1-4)."""
    return _made(f"{year:04d}-Q{quarter}")


def half_value(year: int, half: int) -> TimexValue:
    """The TIMEX3 value of a half year (1 or 2)."""
    return _made(f"{year:04d}-H{half}")


def season_value(year: int, season: str) -> TimexValue:
    """The TIMEX3 value of a season (SP, SU, FA, WI) of ``year``."""
    return _made(f"{year:04d}-{season}")


def decade_value(first_year: int) -> TimexValue:
    """The decade whose first year is ``first_year`` (1990 -> ``199``)."""
    return _made(f"{first_year // 10:03d}")


def century_value(first_year: int) -> TimexValue:
    """The century whose first year is ``first_year`` (1900 -> ``19``), TIMEX3 style."""
    return _made(f"{first_year // 100:02d}")


def _made(value: str) -> TimexValue:
    """The stretch of a value just written; ValueError when it falls outside the calendar."""
    made = _timex_of(value)
    if made is None:
        raise ValueError(f"{value!r} is not a date this calendar can hold")
    return made


def reference_value(name: str) -> TimexValue:
    """PRESENT_REF, PAST_REF or FUTURE_REF."""
    return TimexValue(name, Precision.REFERENCE, None, None)


def _month_end(day: dt.date) -> dt.date:
    # relativedelta's day=31 stops at the month's last day.
    return day + relativedelta(day=31)
