"""Filtering an event or merged table: the values to filter on, the rows that match, the dates and words picked.

Pure functions on frames that follow :mod:`timeline.schema`; both kinds of table have
the columns filtered on, so none needs to be told which it is. Vectorised: each
distinct list cell is tested once (:mod:`timeline.cells`), so 100,000 events filter in
milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from timeline.cells import any_in, distinct_values, factorized_cells

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
    search: str = "",
) -> pd.DataFrame:
    """The events that match every filter given.

    Within one filter any selected value matches (an event in Syria or Türkiye); across
    filters all must match (that country and that actor). An empty selection does not
    filter. An event is within ``date_range`` (both days included) when the days its
    date covers overlap it, so "November 2024" is kept for a range that starts on
    November 20. ``search`` keeps the events that hold each of its words (see
    :func:`search_mask`).
    """
    mask = np.ones(len(frame), dtype=bool)
    for column, selected in (("countries", countries), ("actors", actors), ("regions", regions)):
        if selected:
            mask &= any_in(frame[column], set(selected))
    if date_range is not None:
        mask &= overlaps(frame, date_range)
    if search.strip():
        mask &= search_mask(frame, search)
    return frame.loc[mask].reset_index(drop=True)


def overlaps(frame: pd.DataFrame, date_range: DateRange) -> np.ndarray:
    """For each event, whether the days its date covers overlap ``date_range`` (both days included)."""
    first, last = (pd.Timestamp(day) for day in sorted(date_range))
    inside: np.ndarray = (frame["date_end"] >= first).to_numpy() & (frame["date_start"] <= last).to_numpy()
    return inside


def search_words(search: str) -> tuple[str, ...]:
    """The words of a search box's text, each once, in order."""
    return tuple(dict.fromkeys(search.split()))


def search_mask(frame: pd.DataFrame, search: str) -> np.ndarray:
    """For each event, whether every word of ``search`` is in its sentence, an actor's name or a place's name.

    Case does not matter and a word may be part of a longer one ("Alep" finds "Aleppo").
    The sentences are searched in Arrow's C++ kernels; the actor and place lists through
    their distinct cells (:mod:`timeline.cells`), so 100,000 events are searched in
    milliseconds.
    """
    mask = np.ones(len(frame), dtype=bool)
    if not len(frame):
        return mask
    sentences = pa.array(frame["sentence"].astype(object).fillna("").tolist(), type=pa.string())
    names = [factorized_cells(frame[column]) for column in _SEARCHED_LISTS]
    joined = [
        pa.array([" ".join(cell) if isinstance(cell, tuple | list) else "" for cell in cells.tolist()], pa.string())
        for _, cells in names
    ]
    for word in search_words(search):
        found = pc.match_substring(sentences, word, ignore_case=True).to_numpy(zero_copy_only=False)
        for (codes, _), cells in zip(names, joined, strict=True):
            found = found | pc.match_substring(cells, word, ignore_case=True).to_numpy(zero_copy_only=False)[codes]
        mask &= found
    return mask


#: The list columns a search looks in besides the sentence.
_SEARCHED_LISTS: Final = ("actors", "places")


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


__all__ = [
    "DateRange",
    "FilterOptions",
    "as_date_range",
    "date_bounds",
    "filter_events",
    "filter_options",
    "overlaps",
    "search_mask",
    "search_words",
]
