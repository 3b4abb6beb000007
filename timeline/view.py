"""What the dashboard shows of the event table: filter options, filtered rows, lanes and counts.

Pure functions on frames that follow :mod:`timeline.schema`; no Streamlit here, so the
same code serves the app, the tests and the benchmarks. Everything is vectorised: a
list column is exploded once instead of walked row by row, so 100,000 events filter
in milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import chain
from typing import Final, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from timeline.defaults import LIST_SEPARATOR
from timeline.schema import MERGED_ID, empty_event_frame
from timeline.table import unify_actor_names

GroupBy = Literal["region", "country", "actor"]

#: The list column that makes the lanes of each grouping.
GROUP_COLUMNS: Final[dict[GroupBy, str]] = {"region": "regions", "country": "countries", "actor": "actors"}

#: Lane of an event that names no value of the grouping (no country, no actor).
NO_GROUP_LABELS: Final[dict[GroupBy, str]] = {
    "region": "(no region)",
    "country": "(no country)",
    "actor": "(no actor)",
}

#: Name of the lane column added by :func:`lanes`.
LANE_COLUMN: Final = "lane"

#: Columns of the evidence table, in the order a reader wants them.
EVIDENCE_COLUMNS: Final = (
    "date_value",
    "date_text",
    "date_precision",
    "sentence",
    "actors",
    "places",
    "countries",
    "regions",
    "article_title",
    "article_date",
    "source",
    "date_source",
)

#: Columns of the evidence table of merged events: how widely each happening was reported.
MERGED_EVIDENCE_COLUMNS: Final = (
    "date_value",
    "date_text",
    "date_precision",
    "sentence",
    "mention_count",
    "sources",
    "actors",
    "places",
    "countries",
    "regions",
    "article_title",
    "first_article_date",
    "date_source",
    MERGED_ID,
)

#: Columns listing the mentions behind one merged event, in the order a reader checks them.
MENTION_COLUMNS: Final = ("source", "article_title", "article_date", "sentence", "date_text", "date_value")

DateRange = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class FilterOptions:
    """The values a user can filter on, each sorted, and the days the events cover."""

    countries: tuple[str, ...]
    actors: tuple[str, ...]
    regions: tuple[str, ...]
    #: First and last day covered by any event; ``None`` when there are no events.
    date_range: DateRange | None


@dataclass(frozen=True)
class EventCounts:
    """How much a (filtered) table holds: rows (events or happenings), their reports and articles."""

    events: int
    articles: int
    countries: int
    actors: int
    #: Event rows behind the rows: equal to ``events`` for an event table.
    mentions: int


def combine_frames(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Stack event tables into one, keeping the first row of each ``event_id``.

    Adding the same article twice therefore adds its events once.
    """
    parts = [frame for frame in frames if not frame.empty]
    if not parts:
        return empty_event_frame()
    combined = pd.concat(parts, ignore_index=True)
    return unify_actor_names(combined.drop_duplicates(subset="event_id", keep="first").reset_index(drop=True))


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
            mask &= _any_in(frame[column], set(selected))
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


@dataclass(frozen=True)
class LaneEntries:
    """Each (event, lane) entry of a table: the event's row position and its lane as a code into ``labels``.

    An event with several values of the grouping (two countries) has an entry in each of
    their lanes; an event with none has one in the lane named in :data:`NO_GROUP_LABELS`.
    Entries are in table order, each event's lanes in the order it names them.
    """

    positions: np.ndarray
    codes: np.ndarray
    #: Lane names, indexed by code.
    labels: np.ndarray

    def names(self) -> np.ndarray:
        """The lane name of each entry."""
        names: np.ndarray = self.labels[self.codes]
        return names


def lane_entries(frame: pd.DataFrame, group_by: GroupBy) -> LaneEntries:
    """The lane entries of ``frame`` (see :class:`LaneEntries`), computed without a Python loop over rows.

    A news table repeats few distinct lists (the same countries come up again and again),
    so the distinct list cells are found first (one hash per row) and only those are
    walked in Python; rows then gather their lanes with numpy. 100,000 events take ~15 ms.
    """
    none = NO_GROUP_LABELS[group_by]
    cell_codes, cells = _factorized_cells(frame[GROUP_COLUMNS[group_by]])
    lane_of: dict[str, int] = {}
    flat: list[int] = []
    sizes = np.empty(len(cells), dtype=np.int64)
    for index, cell in enumerate(cells.tolist()):
        values = [value for value in cell if value] if isinstance(cell, tuple | list) else []
        for value in values or [none]:
            flat.append(lane_of.setdefault(value, len(lane_of)))
        sizes[index] = max(len(values), 1)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    row_sizes = sizes[cell_codes]
    positions = np.repeat(np.arange(len(cell_codes), dtype=np.int64), row_sizes)
    # Index of each entry within its row's lanes: 0, 1, … restarting at every row.
    firsts = np.cumsum(row_sizes) - row_sizes
    within = np.arange(len(positions), dtype=np.int64) - np.repeat(firsts, row_sizes)
    codes = np.asarray(flat, dtype=np.int64)[offsets[cell_codes][positions] + within] if len(positions) else positions
    labels = np.empty(len(lane_of), dtype=object)
    labels[:] = list(lane_of)
    return LaneEntries(positions, codes, labels)


def lane_positions(frame: pd.DataFrame, group_by: GroupBy) -> tuple[np.ndarray, np.ndarray]:
    """Each (event, lane) entry: the event's row position in ``frame``, its lane name (see :class:`LaneEntries`)."""
    entries = lane_entries(frame, group_by)
    return entries.positions, entries.names()


def lanes(frame: pd.DataFrame, group_by: GroupBy) -> pd.DataFrame:
    """One row per event and lane (see :func:`lane_positions`), with the lane name in :data:`LANE_COLUMN`."""
    positions, names = lane_positions(frame, group_by)
    return frame.take(positions).reset_index(drop=True).assign(**{LANE_COLUMN: names})


def lane_counts(frame: pd.DataFrame, group_by: GroupBy) -> pd.DataFrame:
    """Rows per lane, most first (ties by name), with columns ``lane`` and ``events``.

    A merged table (with ``mention_count``) also gets ``mentions``: the reports behind the lane's happenings.
    """
    entries = lane_entries(frame, group_by)
    columns: dict[str, object] = {
        LANE_COLUMN: entries.labels.astype(str),
        "events": np.bincount(entries.codes, minlength=len(entries.labels)),
    }
    if "mention_count" in frame.columns:
        reach = frame["mention_count"].to_numpy(dtype=np.int64)[entries.positions]
        columns["mentions"] = np.bincount(entries.codes, weights=reach, minlength=len(entries.labels)).astype(np.int64)
    counts = pd.DataFrame(columns)
    return counts.sort_values(["events", LANE_COLUMN], ascending=[False, True], ignore_index=True)


def count_events(frame: pd.DataFrame, mentions: pd.DataFrame | None = None) -> EventCounts:
    """How many rows, articles, countries and actors ``frame`` holds, and the reports behind its rows.

    For a merged table, pass its ``mentions`` (event rows with ``merged_id``): the articles
    are those of the mentions behind the rows shown.
    """
    reports = int(frame["mention_count"].sum()) if "mention_count" in frame.columns else len(frame)
    if "article_id" in frame.columns:
        articles = _count_distinct(frame["article_id"])
    elif mentions is not None and len(frame):
        # In Arrow's C++ kernels: pandas' isin on Arrow-backed text walks its argument in Python.
        behind = pc.is_in(pa.array(mentions[MERGED_ID]), value_set=pa.array(frame[MERGED_ID]))
        articles = pc.count_distinct(pc.filter(pa.array(mentions["article_id"]), behind)).as_py()
    else:
        articles = 0
    return EventCounts(
        events=len(frame),
        articles=articles,
        countries=len(_distinct(frame["countries"])),
        actors=len(_distinct(frame["actors"])),
        mentions=reports,
    )


def evidence_table(frame: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The rows to show a reader, in date order: date as resolved and as written, the sentence, who, where, source.

    A merged table shows :data:`MERGED_EVIDENCE_COLUMNS` (how often and by whom each
    happening was reported); an event table :data:`EVIDENCE_COLUMNS`. ``limit`` keeps the
    first rows only (a table widget need not carry 100,000 rows; the CSV has them all).
    List cells are joined into text so a table widget shows them plainly; dates become
    ISO days. Article text is left as it is: the widget shows text.
    """
    merged = "mention_count" in frame.columns
    published = "first_article_date" if merged else "article_date"
    # np.lexsort on the day columns (last key first) is stable and avoids sorting text.
    keys = [frame[name].to_numpy(dtype="datetime64[s]") for name in (published, "date_end", "date_start")]
    order = np.lexsort(keys) if len(frame) else np.arange(0)
    columns = MERGED_EVIDENCE_COLUMNS if merged else EVIDENCE_COLUMNS
    table = frame[list(columns)].take(order[:limit]).reset_index(drop=True)
    for column in ("actors", "places", "countries", "regions", "sources"):
        if column in table.columns:
            table[column] = [_joined(cell) for cell in table[column].tolist()]
    table[published] = table[published].dt.strftime("%Y-%m-%d")
    return table


def mention_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """The reports behind one merged event, earliest article first: source, article, date, evidence, date as written."""
    order = np.argsort(mentions["article_date"].to_numpy(dtype="datetime64[s]"), kind="stable")
    table = mentions[list(MENTION_COLUMNS)].take(order).reset_index(drop=True)
    table["article_date"] = table["article_date"].dt.strftime("%Y-%m-%d")
    return table


def merged_label(date_value: str, mention_count: int, sentence: str) -> str:
    """A one-line name of a merged event for a picker: date, reach, and the start of its sentence."""
    flat = " ".join(str(sentence).split())
    short = flat if len(flat) <= _LABEL_CHARS else flat[: _LABEL_CHARS - 1] + "…"
    return f"{date_value} · reported {int(mention_count)}× · {short}"


_LABEL_CHARS: Final = 90


def markdown_literal(text: str) -> str:
    """``text`` escaped so Markdown shows it as written: no link, image, emphasis or HTML from it.

    Streamlit renders alert and caption bodies as Markdown, and messages name files the
    user chose ("![x](http://…).txt"); CommonMark lets every ASCII punctuation character
    be escaped with a backslash, which is what this does. Line breaks become spaces so a
    message stays one sentence on one line.
    """
    flat = " ".join(text.split())
    return "".join("\\" + char if char in _MARKDOWN_PUNCTUATION else char for char in flat)


_MARKDOWN_PUNCTUATION: Final = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _joined(cell: object) -> str:
    if isinstance(cell, tuple | list):
        return LIST_SEPARATOR.join(str(value) for value in cell)
    return ""


def _any_in(column: pd.Series, selected: set[str]) -> np.ndarray:
    """For each row of a list column, whether any of its values is in ``selected``."""
    # Each distinct list is tested once, then rows take their list's answer.
    codes, cells = _factorized_cells(column)
    hits = np.fromiter(
        (isinstance(cell, tuple | list) and not selected.isdisjoint(cell) for cell in cells.tolist()),
        dtype=bool,
        count=len(cells),
    )
    found: np.ndarray = hits[codes]
    return found


def _factorized_cells(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each row's code into the distinct cells of a list column (lists made tuples so they can be hashed)."""
    values = column.to_numpy(dtype=object)
    try:
        codes, cells = pd.factorize(values, use_na_sentinel=False)
    except TypeError:
        values = np.fromiter((tuple(cell) if isinstance(cell, list) else cell for cell in values), dtype=object)
        codes, cells = pd.factorize(values, use_na_sentinel=False)
    return codes, np.asarray(cells, dtype=object)


def _count_distinct(column: pd.Series) -> int:
    return int(column.nunique())


def _sorted_values(column: pd.Series) -> tuple[str, ...]:
    return tuple(sorted(_distinct(column), key=lambda value: (value.casefold(), value)))


def _distinct(column: pd.Series) -> set[str]:
    # The distinct cells first: a news table repeats the same few lists many times.
    _, cells = _factorized_cells(column)
    lists = (cell for cell in cells.tolist() if isinstance(cell, tuple | list))
    return {value for value in chain.from_iterable(lists) if isinstance(value, str) and value}


__all__ = [
    "EVIDENCE_COLUMNS",
    "GROUP_COLUMNS",
    "LANE_COLUMN",
    "MENTION_COLUMNS",
    "MERGED_EVIDENCE_COLUMNS",
    "NO_GROUP_LABELS",
    "DateRange",
    "EventCounts",
    "FilterOptions",
    "GroupBy",
    "LaneEntries",
    "as_date_range",
    "combine_frames",
    "count_events",
    "date_bounds",
    "evidence_table",
    "filter_events",
    "filter_options",
    "lane_counts",
    "lane_entries",
    "lane_positions",
    "lanes",
    "markdown_literal",
    "mention_table",
    "merged_label",
]
