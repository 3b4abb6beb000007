"""Dates as a person reads them: "Sunday 1 December 2024", "the weekend of 30 Nov – 1 Dec 2024", "the 1990s".

Every reader-facing date (tables, hover labels, exports meant for publishing) goes
through :func:`human_date`; the TIMEX3 value stays in the event table and the CSV. Days
are written from the calendar fields, never with ``strftime``, whose ``%Y`` writes the
year 999 as "999" on glibc: any day from the year 1 to 9999 reads the same way.
Names are English and fixed, whatever the server's locale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import pandas as pd

from timeline.dates.timex import timex_of
from timeline.types import Precision

__all__ = [
    "human_date",
    "human_dates",
    "human_day",
    "human_days",
    "reach_phrase",
]

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_SHORT_MONTHS: Final = tuple(month[:3] for month in MONTHS)
_PARTS_OF_DAY: Final = {"MO": "the morning of", "AF": "the afternoon of", "EV": "the evening of", "NI": "the night of"}
_SEASONS: Final = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_ORDINAL_HALVES: Final = {"1": "first", "2": "second"}
_ORDINAL_QUARTERS: Final = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_REFERENCES: Final = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}


def human_day(day: dt.date) -> str:
    """``day`` as "Sunday 1 December 2024" (any year from 1 to 9999)."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def human_date(value: str) -> str:
    """The TIMEX3 ``value`` as a person reads it; a value this module does not know is returned as it is.

    "2024-12-01" → "Sunday 1 December 2024"; "2024-W48-WE" → "the weekend of 30 Nov – 1 Dec 2024";
    "2024-W48" → "the week of 25 Nov – 1 Dec 2024"; "2024-11" → "November 2024"; "2024" →
    "2024 (year)"; "2024-Q4" → "the fourth quarter of 2024"; "2024-SU" → "summer 2024";
    "199" → "the 1990s"; "10" → "the 11th century"; "2024-12-05TNI" → "the night of Thursday
    5 December 2024".
    """
    timex = timex_of(value)
    if timex is None:
        return value
    if timex.precision is Precision.REFERENCE:
        return _REFERENCES.get(value, value)
    start, end = timex.start, timex.end
    if start is None or end is None:
        return value
    if timex.precision is Precision.DAY:
        part = value.partition("T")[2]
        return f"{_PARTS_OF_DAY[part]} {human_day(start)}" if part in _PARTS_OF_DAY else human_day(start)
    if timex.precision is Precision.WEEKEND:
        return f"the weekend of {_day_span(start, end)}"
    if timex.precision is Precision.WEEK:
        return f"the week of {_day_span(start, end)}"
    if timex.precision is Precision.MONTH:
        return f"{MONTHS[start.month - 1]} {start.year}"
    if timex.precision is Precision.QUARTER:
        return f"the {_ORDINAL_QUARTERS[value[-1]]} quarter of {start.year}"
    if timex.precision is Precision.HALF:
        return f"the {_ORDINAL_HALVES[value[-1]]} half of {start.year}"
    if timex.precision is Precision.SEASON:
        season = _SEASONS[value[-2:]]
        return f"{season} {start.year}–{str(end.year)[-2:]}" if end.year != start.year else f"{season} {start.year}"
    if timex.precision is Precision.YEAR:
        return f"fiscal year {start.year}" if value.startswith("FY") else f"{start.year} (year)"
    if timex.precision is Precision.DECADE:
        first = int(value) * 10
        return f"the {first}s" if first else "the years 1 to 9"
    return f"the {_ordinal(int(value) + 1)} century"


def human_dates(values: Iterable[str]) -> list[str]:
    """:func:`human_date` of each value; each distinct value is written once (a table repeats few)."""
    cells = pd.Series(list(values), dtype=object)
    codes, distinct = pd.factorize(cells, use_na_sentinel=False)
    written = [human_date(str(value)) if isinstance(value, str) else "" for value in distinct]
    return [written[code] for code in codes.tolist()]


def human_days(days: pd.Series) -> list[str]:
    """Each day of a day column (``datetime64[s]``, any era) as :func:`human_day`; a missing day is ""."""
    as_days = days.to_numpy(dtype="datetime64[D]")
    codes, distinct = pd.factorize(as_days.astype(str), use_na_sentinel=False)
    written = [human_day(dt.date.fromisoformat(text)) if text != "NaT" else "" for text in distinct]
    return [written[code] for code in codes.tolist()]


def reach_phrase(sources: int) -> str:
    """ "reported by 1 source", "reported by 3 sources": how many distinct articles told of a happening."""
    return f"reported by {sources:,} source{'' if sources == 1 else 's'}"


def _day_span(start: dt.date, end: dt.date) -> str:
    """Two days as "30 Nov – 1 Dec 2024", "7–8 December 2024" or "28 Dec 2024 – 3 Jan 2025"."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {_SHORT_MONTHS[start.month - 1]} – {end.day} {_SHORT_MONTHS[end.month - 1]} {end.year}"
    return (
        f"{start.day} {_SHORT_MONTHS[start.month - 1]} {start.year} – "
        f"{end.day} {_SHORT_MONTHS[end.month - 1]} {end.year}"
    )


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
