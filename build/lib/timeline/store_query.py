"""What the dashboard shows of an event store, asked of DuckDB: the same shapes the in-memory path gives.

:class:`EventStore` opens a finalized store (:mod:`timeline.store`) with an embedded
DuckDB, read only, no server. Every filter (countries, actors, regions, dates, a text
search) is a ``WHERE`` clause on the store's index (:mod:`timeline.store_index`), and only
what the page shows leaves DuckDB:

- :meth:`EventStore.filter_options` → :class:`timeline.filters.FilterOptions`;
- :meth:`EventStore.counts` → :class:`timeline.display.EventCounts`;
- :meth:`EventStore.lane_counts` → the frame :func:`timeline.lanes.lane_counts` gives;
- :meth:`EventStore.rows` → the filtered rows themselves (the first ``limit`` in evidence
  order, e.g. for :func:`timeline.display.evidence_table`), read from the Parquet dataset;
- :meth:`EventStore.figure` → the figure :func:`timeline.chart.timeline_figure` draws of the
  filtered rows: zoomed in (few lane entries) from the rows themselves, zoomed out from
  counts per lane and period that DuckDB makes (:func:`timeline.chart.counts_figure`);
- :meth:`EventStore.mentions_of` → the reports behind one happening.

Rows come in the order the in-memory tables have: merged events in timeline order,
reports in the store's order, so every result equals the in-memory path's on the same
events (``tests/test_store_query.py`` checks each one).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.chart import MAX_DETAIL_ROWS, LaneOrder, count_bin, counts_figure, timeline_figure
from timeline.defaults import STORE_DUCKDB_MEMORY, STORE_DUCKDB_THREADS
from timeline.display import EventCounts
from timeline.filters import DateRange, FilterOptions
from timeline.kinds import EVENTS, TableKind
from timeline.lanes import GROUP_COLUMNS, LANE_COLUMN, NO_GROUP_LABELS, GroupBy
from timeline.parquet import event_frame_of, merged_frame_of
from timeline.schema import COLUMN_NAMES, MERGED_COLUMN_NAMES, MERGED_ID, empty_event_frame, empty_merged_frame
from timeline.store import (
    INDEX_FILE,
    MENTIONS_DIR,
    MERGED_DIR,
    ROW_ID,
    SHARD_COLUMN,
    SHARD_ROW_COLUMN,
    StoreError,
    read_manifest,
)
from timeline.store_index import CELL_TABLES

__all__ = ["EventStore", "StoreFilters"]

#: Group keys up to 2^20 distinct values (an article code, a cell code) are counted in a
#: directly indexed table instead of a hash table: several times faster for "how many articles".
_PERFECT_HASH_BITS: Final = 20


@dataclass(frozen=True)
class StoreFilters:
    """The filters of one view: any value of one filter matches, and every filter must (as :mod:`timeline.filters`).

    ``text`` keeps the rows whose evidence sentence holds it, whatever the case; empty keeps all.
    """

    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    date_range: DateRange | None = None
    text: str = ""

    @classmethod
    def of(
        cls,
        countries: Collection[str] = (),
        actors: Collection[str] = (),
        regions: Collection[str] = (),
        date_range: DateRange | None = None,
        text: str = "",
    ) -> StoreFilters:
        """The filters of a page's widgets (any collections of values)."""
        return cls(tuple(countries), tuple(actors), tuple(regions), date_range, text.strip())


@dataclass(frozen=True)
class _Cells:
    """The distinct cells of one list column: each one's values, and its lane entries (at least one)."""

    values: tuple[tuple[str, ...], ...]
    lanes: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, cells: Sequence[Sequence[str] | None], none: str) -> _Cells:
        values = tuple(tuple(cell or ()) for cell in cells)
        # As lane_entries does: the non-empty values, repeats kept, or the "no value" lane.
        lanes = tuple(tuple(value for value in cell if value) or (none,) for cell in values)
        return cls(values, lanes)

    def matching(self, selected: Collection[str]) -> list[int]:
        """The codes of the cells that name any of ``selected``."""
        wanted = set(selected)
        return [code for code, cell in enumerate(self.values) if not wanted.isdisjoint(cell)]

    def distinct(self, codes: Sequence[int]) -> set[str]:
        """Every non-empty value the cells ``codes`` name."""
        return {value for code in codes for value in self.values[code] if value}


@dataclass(frozen=True)
class _Groups:
    """The filtered rows of a table grouped by their cells of countries, actors and regions: per group, its
    cells' codes, rows and reports; the first and last day any of them starts on, and the last day any ends on."""

    codes: dict[str, np.ndarray]
    rows: np.ndarray
    reach: np.ndarray
    first: Any
    last: Any
    last_end: Any


def _per_code(codes: np.ndarray, rows: np.ndarray, reach: np.ndarray) -> list[tuple[int, int, int]]:
    """Rows and reports per distinct code (groups of several cells summed over the others)."""
    distinct, inverse = np.unique(codes, return_inverse=True)
    summed_rows = np.bincount(inverse, weights=rows, minlength=len(distinct)).astype(np.int64)
    summed_reach = np.bincount(inverse, weights=reach, minlength=len(distinct)).astype(np.int64)
    return list(zip(distinct.tolist(), summed_rows.tolist(), summed_reach.tolist(), strict=True))


#: Each period as a whole number in SQL (cheaper than truncating dates), by pandas period code:
#: days since 1970, the Monday of the week in those days, months, quarters and years since year 0.
_DAYS: Final = "(ds - DATE '1970-01-01')"
_PERIOD_SQL: Final = {
    "D": _DAYS,
    # 1970-01-01 was a Thursday: (days + 3) mod 7 is the days since Monday (mod taken positive for any era).
    "W": f"({_DAYS} - (({_DAYS} + 3) % 7 + 7) % 7)",
    "M": "(year(ds) * 12 + month(ds) - 1)",
    "Q": "(year(ds) * 4 + (month(ds) - 1) // 3)",
    "Y": "year(ds)",
}


def _period_days(code: str, values: np.ndarray) -> np.ndarray:
    """The first day (``datetime64[s]``) of each period numbered as :data:`_PERIOD_SQL` numbers them."""
    if code in ("D", "W"):
        return values.astype("datetime64[D]").astype("datetime64[s]")
    months = values if code == "M" else values * 3 if code == "Q" else values * 12
    return (months - 1970 * 12).astype("datetime64[M]").astype("datetime64[s]")


#: Filter results kept per store: a page asks for several things of one filter change.
_MEMO_SIZE: Final = 32


@dataclass(frozen=True)
class _Table:
    """How one kind of table is kept in the store: its index table and its Parquet file."""

    kind: TableKind
    index: str
    parquet: Path


@dataclass
class EventStore:
    """A finalized event store opened for queries; safe to share between the threads of a server.

    Raises :class:`~timeline.store.StoreError` when ``path`` is not a finalized store.
    """

    path: Path
    memory_limit: str = STORE_DUCKDB_MEMORY
    threads: int = STORE_DUCKDB_THREADS
    _con: Any = field(init=False, repr=False)
    _cells: dict[str, _Cells] = field(init=False, repr=False)
    _options: dict[str, FilterOptions] = field(init=False, repr=False, default_factory=dict)
    _memo: OrderedDict[tuple[str, StoreFilters], _Groups] = field(init=False, repr=False, default_factory=OrderedDict)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        import duckdb

        read_manifest(self.path)
        index = self.path / INDEX_FILE
        try:
            self._con = duckdb.connect(
                str(index),
                read_only=True,
                config={"memory_limit": self.memory_limit, "threads": self.threads},
            )
        except duckdb.Error as error:
            raise StoreError(f"The index of the event store {self.path} cannot be opened ({error}).") from error
        self._con.execute(f"SET perfect_ht_threshold = {_PERFECT_HASH_BITS}")
        self._cells = {}
        for column, table in CELL_TABLES.items():
            cells = [row[0] for row in self._con.execute(f"SELECT cell FROM {table} ORDER BY code").fetchall()]
            self._cells[column] = _Cells.of(cells, _NO_LANE[column])

    def close(self) -> None:
        """Close the DuckDB connection."""
        self._con.close()

    def forget(self) -> None:
        """Drop the filter results kept for the page's next questions (a benchmark's every round is a fresh change)."""
        with self._lock:
            self._memo.clear()

    # --- what the page shows ----------------------------------------------------------

    def filter_options(self, kind: TableKind) -> FilterOptions:
        """The countries, actors and regions ``kind``'s table names, sorted, and its date range."""
        known = self._options.get(kind.name)
        if known is not None:
            return known
        table = self._table(kind)
        cursor = self._con.cursor()
        named = {}
        for column in CELL_TABLES:
            codes = [row[0] for row in cursor.execute(f"SELECT DISTINCT {column}_cell FROM {table.index}").fetchall()]
            named[column] = tuple(sorted(self._cells[column].distinct(codes), key=_name_order))
        first, last = cursor.execute(f"SELECT min(ds), max(de) FROM {table.index}").fetchone()
        options = FilterOptions(
            countries=named["countries"],
            actors=named["actors"],
            regions=named["regions"],
            date_range=None if first is None or last is None else (first, last),
        )
        self._options[kind.name] = options
        return options

    def counts(self, kind: TableKind, filters: StoreFilters) -> EventCounts:
        """How many rows, reports, articles, countries and actors the filtered ``kind`` table holds."""
        table = self._table(kind)
        groups = self._groups(table, filters)
        articles_table = "q_merged_articles" if kind.merged else table.index
        where, params = self._where(filters, table, articles=kind.merged)
        (articles,) = (
            self._con.cursor()
            .execute(f"SELECT count(DISTINCT art) FROM {articles_table} WHERE {where}", params)
            .fetchone()
        )
        return EventCounts(
            events=int(groups.rows.sum()),
            articles=int(articles),
            countries=len(self._cells["countries"].distinct(np.unique(groups.codes["countries"]).tolist())),
            actors=len(self._cells["actors"].distinct(np.unique(groups.codes["actors"]).tolist())),
            mentions=int(groups.reach.sum()),
        )

    def lane_counts(self, kind: TableKind, filters: StoreFilters, group_by: GroupBy) -> pd.DataFrame:
        """Rows per lane, most first (ties by name): ``lane`` and ``events``, and ``mentions`` for a merged table."""
        column = GROUP_COLUMNS[group_by]
        groups = self._groups(self._table(kind), filters)
        cells = self._cells[column]
        events: dict[str, int] = {}
        reports: dict[str, int] = {}
        for code, count, reach in _per_code(groups.codes[column], groups.rows, groups.reach):
            for lane in cells.lanes[code]:
                events[lane] = events.get(lane, 0) + count
                reports[lane] = reports.get(lane, 0) + reach
        columns: dict[str, object] = {
            LANE_COLUMN: np.asarray(list(events), dtype=str),
            "events": np.asarray(list(events.values()), dtype=np.int64),
        }
        if kind.merged:
            columns["mentions"] = np.asarray([reports[lane] for lane in events], dtype=np.int64)
        counts = pd.DataFrame(columns)
        return counts.sort_values(["events", LANE_COLUMN], ascending=[False, True], ignore_index=True)

    def rows(self, kind: TableKind, filters: StoreFilters, limit: int | None = None) -> pd.DataFrame:
        """The filtered rows (all, or the first ``limit`` in evidence order), in the in-memory table's order.

        A merged table's rows have :data:`~timeline.schema.MERGED_COLUMNS`; reports have the
        event columns and ``merged_id``, as :attr:`timeline.merge.MergedEvents.mentions` does.
        """
        table = self._table(kind)
        where, params = self._where(filters, table)
        tail = "" if limit is None else f" LIMIT {int(limit)}"
        rids = [
            row[0]
            for row in self._con.cursor()
            .execute(f"SELECT rid FROM {table.index} WHERE {where} ORDER BY rid{tail}", params)
            .fetchall()
        ]
        return self._fetch(table, rids)

    def figure(
        self, kind: TableKind, filters: StoreFilters, group_by: GroupBy = "region", *, lane_order: LaneOrder = "name"
    ) -> go.Figure:
        """The timeline of the filtered rows, as :func:`timeline.chart.timeline_figure` draws them."""
        table = self._table(kind)
        column = GROUP_COLUMNS[group_by]
        cells = self._cells[column]
        groups = self._groups(table, filters)
        sizes = np.asarray([len(lanes) for lanes in cells.lanes], dtype=np.int64)
        entries = int((groups.rows * sizes[groups.codes[column]]).sum()) if len(groups.rows) else 0
        if entries <= MAX_DETAIL_ROWS:
            return timeline_figure(self.rows(kind, filters), group_by, kind=kind, lane_order=lane_order)
        period = count_bin(np.datetime64(groups.first, "s"), np.datetime64(groups.last, "s"))
        where, params = self._where(filters, table)
        counted = (
            self._con.cursor()
            .execute(
                f"SELECT {column}_cell, {_PERIOD_SQL[period[1]]} AS period, count(*), sum(reach) "
                f"FROM {table.index} WHERE {where} GROUP BY ALL",
                params,
            )
            .fetchnumpy()
        )
        codes, numbers, reach = (
            np.asarray(counted[name], dtype=np.int64) for name in (f"{column}_cell", "count_star()", "sum(reach)")
        )
        days = _period_days(period[1], np.asarray(counted["period"], dtype=np.int64))
        # Each cell's rows go to each of its lanes, as lane_entries gives an event an entry per lane.
        repeats = sizes[codes]
        lanes = [lane for code in codes.tolist() for lane in cells.lanes[code]]
        frame = pd.DataFrame(
            {
                LANE_COLUMN: pd.Series(lanes, dtype=object),
                "day": np.repeat(days, repeats),
                "entries": np.repeat(numbers, repeats),
                "reports": np.repeat(reach, repeats),
            }
        )
        return counts_figure(
            frame,
            group_by,
            events=int(groups.rows.sum()),
            merged=kind.merged,
            lane_order=lane_order,
            period=period,
            span=(np.datetime64(groups.first, "s"), np.datetime64(groups.last_end, "s")),
        )

    def mentions_of(self, merged_id: str) -> pd.DataFrame:
        """The reports (event rows with ``merged_id``) behind one happening, in the store's order."""
        rids = [
            row[0]
            for row in self._con.cursor()
            .execute(
                "SELECT e.rid FROM q_events e JOIN q_merged m ON e.mrid = m.rid WHERE m.merged_id = ? ORDER BY e.rid",
                [merged_id],
            )
            .fetchall()
        ]
        return self._fetch(self._table(EVENTS), rids)

    # --- helpers ----------------------------------------------------------------------

    def _table(self, kind: TableKind) -> _Table:
        if kind.merged:
            return _Table(kind, "q_merged", self.path / MERGED_DIR / "part-00000.parquet")
        return _Table(kind, "q_events", self.path / MENTIONS_DIR / "part-00000.parquet")

    def _where(self, filters: StoreFilters, table: _Table, *, articles: bool = False) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        for column, selected in (
            ("countries", filters.countries),
            ("actors", filters.actors),
            ("regions", filters.regions),
        ):
            if selected:
                clauses.append(f"list_contains(?::INTEGER[], {column}_cell)")
                params.append(self._cells[column].matching(selected))
        if filters.date_range is not None:
            first, last = sorted(filters.date_range)
            clauses.append("de >= ? AND ds <= ?")
            params.extend([first, last])
        if filters.text:
            needle = "contains(lower(sentence), ?)"
            clauses.append(needle if not articles else f"rid IN (SELECT rid FROM {table.index} WHERE {needle})")
            params.append(filters.text.lower())
        return (" AND ".join(clauses) or "TRUE"), params

    def _groups(self, table: _Table, filters: StoreFilters) -> _Groups:
        """The filtered rows grouped by their three cells, from memory when the page asked before (it asks each
        filter change's counts, lane counts and figure, one after the other)."""
        key = (table.index, filters)
        with self._lock:
            known = self._memo.get(key)
        if known is not None:
            return known
        where, params = self._where(filters, table)
        columns = [f"{column}_cell" for column in CELL_TABLES]
        found = (
            self._con.cursor()
            .execute(
                f"SELECT {', '.join(columns)}, count(*) AS n, sum(reach) AS r, "
                "min(ds) AS first, max(ds) AS last, max(de) AS last_end "
                f"FROM {table.index} WHERE {where} GROUP BY ALL",
                params,
            )
            .df()
        )
        starts, ends, last_ends = found["first"].dropna(), found["last"].dropna(), found["last_end"].dropna()
        groups = _Groups(
            codes={column: found[f"{column}_cell"].to_numpy(dtype=np.int64) for column in CELL_TABLES},
            rows=found["n"].to_numpy(dtype=np.int64),
            reach=found["r"].to_numpy(dtype=np.int64),
            first=starts.min() if len(starts) else None,
            last=ends.max() if len(ends) else None,
            last_end=last_ends.max() if len(last_ends) else None,
        )
        with self._lock:
            self._memo[key] = groups
            while len(self._memo) > _MEMO_SIZE:
                self._memo.popitem(last=False)
        return groups

    def _fetch(self, table: _Table, rids: list[int]) -> pd.DataFrame:
        if not rids:
            return _empty(table.kind)
        # The range lets DuckDB skip the row groups outside it; the list picks the rows inside.
        fetched = (
            self._con.cursor()
            .sql(
                f"SELECT * FROM read_parquet($file) WHERE {ROW_ID} BETWEEN $first AND $last "
                f"AND {ROW_ID} IN (SELECT unnest($rids::BIGINT[])) ORDER BY {ROW_ID}",
                params={"file": str(table.parquet), "first": min(rids), "last": max(rids), "rids": rids},
            )
            .to_arrow_table()
        )
        if table.kind.merged:
            return merged_frame_of(fetched, table.parquet)[list(MERGED_COLUMN_NAMES)]
        frame = event_frame_of(fetched, table.parquet)
        frame = frame.sort_values([SHARD_COLUMN, SHARD_ROW_COLUMN], kind="stable", ignore_index=True)
        return frame[[*COLUMN_NAMES, MERGED_ID]]


#: The lane of a row naming no value, by list column.
_NO_LANE: Final = {column: NO_GROUP_LABELS[group] for group, column in GROUP_COLUMNS.items()}


def _name_order(value: str) -> tuple[str, str]:
    # As timeline.filters sorts its options.
    return (value.casefold(), value)


def _empty(kind: TableKind) -> pd.DataFrame:
    if kind.merged:
        return empty_merged_frame()
    frame = empty_event_frame()
    frame[MERGED_ID] = pd.Series(dtype=object)
    return frame
