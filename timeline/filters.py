"""Filtering an event or merged table: the values to filter on, the rows that match, the date range picked.

Pure functions on frames that follow :mod:`timeline.schema`; both kinds of table have
the columns filtered on, so none needs to be told which it is. Vectorised: each
distinct list cell is tested once (:mod:`timeline.cells`), so 100,000 events filter in
milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.cells import any_in, distinct_values

DateRange = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class FilterOptions:
    """The values a user can filter on, each sorted, and the days the events cover."""

    countries: tuple[str, ...]
    actors: tuple[str, ...]
    regions: tuple[str, ...]
    #: First and last day covered by any event; ``None`` when there are no events.
    date_range: DateRange | None


def filter_options(frame: pd.DataFrame) -> FilterOptions:
    """The countries, actors and regions named in ``frame``, sorted, and its date range."""
    return FilterOptions(
        countries=_sorted_values(frame["countries"]),
        actors=_sorted_values(frame["actors"]),
        regions=_sorted_values(frame["regions"]),
        date_range=date_bounds(frame),
    )


def date_bounds(frame: pd.DataFrame) -> DateRange | None:
    """The first and last day covered by any event of ``frame``, or ``None`` when it is empty."""
    starts, ends = frame["date_start"].dropna(), frame["date_end"].dropna()
    if starts.empty or ends.empty:
        return None
    return (starts.min().date(), ends.max().date())


def filter_events(
    frame: pd.DataFrame,
    countries: Collection[str] = (),
    actors: Collection[str] = (),
    regions: Collection[str] = (),
    date_range: DateRange | None = None,
) -> pd.DataFrame:
    """The events that match every filter given.

    Within one filter any selected value matches (an event in Syria or Türkiye); across
    filters all must match (that country and that actor). An empty selection does not
    filter. An event is within ``date_range`` (both days included) when the days its
    date covers overlap it, so "November 2024" is kept for a range that starts on
    November 20.
    """
    mask = np.ones(len(frame), dtype=bool)
    for column, selected in (("countries", countries), ("actors", actors), ("regions", regions)):
        if selected:
            mask &= any_in(frame[column], set(selected))
    if date_range is not None:
        first, last = (pd.Timestamp(day) for day in sorted(date_range))
        mask &= (frame["date_end"] >= first).to_numpy() & (frame["date_start"] <= last).to_numpy()
    return frame.loc[mask].reset_index(drop=True)


def as_date_range(value: object) -> DateRange | None:
    """Read a date-range widget's value: two days give a range; one day (mid-selection) or none give ``None``."""
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        days = [day for day in value if isinstance(day, dt.date)]
        if len(days) == 2:
            first, last = sorted(days)
            return (first, last)
    return None


def _sorted_values(column: pd.Series) -> tuple[str, ...]:
    return tuple(sorted(distinct_values(column), key=lambda value: (value.casefold(), value)))


__all__ = ["DateRange", "FilterOptions", "as_date_range", "date_bounds", "filter_events", "filter_options"]
