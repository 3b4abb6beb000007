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

#: DuckDB's units for the chart's periods, by pandas period code.
_UNITS: Final = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
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
        where, params = self._where(filters, table)
        cursor = self._con.cursor()
        articles_sql = "count(DISTINCT art)" if not kind.merged else "0"
        rows, reports, countries, actors, articles = cursor.execute(
            f"SELECT count(*), coalesce(sum(reach), 0), list(DISTINCT countries_cell), list(DISTINCT actors_cell), "
            f"{articles_sql} FROM {table.index} WHERE {where}",
            params,
        ).fetchone()
        if kind.merged:
            where_articles, params_articles = self._where(filters, table, articles=True)
            (articles,) = cursor.execute(
                f"SELECT count(DISTINCT art) FROM q_merged_articles WHERE {where_articles}", params_articles
            ).fetchone()
        return EventCounts(
            events=int(rows),
            articles=int(articles),
            countries=len(self._cells["countries"].distinct(countries or [])),
            actors=len(self._cells["actors"].distinct(actors or [])),
            mentions=int(reports),
        )

    def lane_counts(self, kind: TableKind, filters: StoreFilters, group_by: GroupBy) -> pd.DataFrame:
        """Rows per lane, most first (ties by name): ``lane`` and ``events``, and ``mentions`` for a merged table."""
        per_cell = self._per_cell(kind, filters, group_by)
        cells = self._cells[GROUP_COLUMNS[group_by]]
        events: dict[str, int] = {}
        reports: dict[str, int] = {}
        for code, count, reach in per_cell:
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
        cells = self._cells[GROUP_COLUMNS[group_by]]
        per_cell = self._per_cell(kind, filters, group_by)
        entries = sum(count * len(cells.lanes[code]) for code, count, _ in per_cell)
        if entries <= MAX_DETAIL_ROWS:
            return timeline_figure(self.rows(kind, filters), group_by, kind=kind, lane_order=lane_order)
        where, params = self._where(filters, table)
        cursor = self._con.cursor()
        first, last = cursor.execute(f"SELECT min(ds), max(ds) FROM {table.index} WHERE {where}", params).fetchone()
        period = count_bin(np.datetime64(first, "s"), np.datetime64(last, "s"))
        counted = cursor.execute(
            f"SELECT {GROUP_COLUMNS[group_by]}_cell, date_trunc('{_UNITS[period[1]]}', ds)::DATE, count(*), "
            f"sum(reach) FROM {table.index} WHERE {where} GROUP BY ALL",
            params,
        ).fetchall()
        lanes, days, numbers, reach = [], [], [], []
        for code, day, count, reports in counted:
            for lane in cells.lanes[code]:
                lanes.append(lane)
                days.append(day)
                numbers.append(count)
                reach.append(reports)
        frame = pd.DataFrame(
            {
                LANE_COLUMN: pd.Series(lanes, dtype=object),
                "day": np.asarray(days, dtype="datetime64[D]").astype("datetime64[s]"),
                "entries": np.asarray(numbers, dtype=np.int64),
                "reports": np.asarray(reach, dtype=np.int64),
            }
        )
        events = sum(count for _, count, _ in per_cell)
        return counts_figure(frame, group_by, events=events, merged=kind.merged, lane_order=lane_order, period=period)

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

    def _per_cell(self, kind: TableKind, filters: StoreFilters, group_by: GroupBy) -> list[tuple[int, int, int]]:
        table = self._table(kind)
        where, params = self._where(filters, table)
        column = GROUP_COLUMNS[group_by]
        rows = (
            self._con.cursor()
            .execute(
                f"SELECT {column}_cell, count(*), sum(reach) FROM {table.index} WHERE {where} GROUP BY ALL", params
            )
            .fetchall()
        )
        return [(int(code), int(count), int(reach)) for code, count, reach in rows]

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
