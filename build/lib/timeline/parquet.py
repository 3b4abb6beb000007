"""Event tables as Parquet files: list columns stay lists, dates stay dates.

Used by the cache (:mod:`timeline.cache`), the engines' partitioned output
(:mod:`timeline.engines`) and the event store (:mod:`timeline.store`), which keeps merged
tables too (:func:`write_merged`, :func:`read_merged`). Parquet has no tuples, so list cells are written as lists
and read back as tuples, as the rest of the library expects. Parquet has no seconds
either: pyarrow stores the day columns (``datetime64[s]``) as milliseconds, which hold
every year from 1 to 9999; they are read back in seconds, and so are the nanoseconds of
a table written before the day columns were in seconds. What is read is checked
against the schema before it is handed on.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from timeline.schema import (
    COLUMN_NAMES,
    DATE_COLUMNS,
    DAY_DTYPE,
    INT_COLUMNS,
    INT_DTYPE,
    LIST_COLUMNS,
    MERGED_DATE_COLUMNS,
    MERGED_INT_COLUMNS,
    MERGED_LIST_COLUMNS,
    SchemaError,
    check_event_frame,
    check_merged_frame,
    empty_event_frame,
)

__all__ = [
    "event_frame_of",
    "events_parquet_bytes",
    "merged_frame_of",
    "read_event_parts",
    "read_events",
    "read_merged",
    "write_events",
    "write_merged",
]

#: File name of the n-th part of a partitioned event table.
PART_NAME = "part-{index:05d}.parquet"
#: The Arrow type of the day columns once read: seconds, like the schema's DAY_DTYPE.
_DAYS = pa.timestamp("s")


@dataclass(frozen=True)
class _Roles:
    """What reading and writing a kind of table needs: its list, day and integer columns, and its check."""

    lists: tuple[str, ...]
    days: tuple[str, ...]
    ints: tuple[str, ...]
    check: Callable[[pd.DataFrame], None]


_EVENTS = _Roles(LIST_COLUMNS, DATE_COLUMNS, INT_COLUMNS, check_event_frame)
_MERGED = _Roles(MERGED_LIST_COLUMNS, MERGED_DATE_COLUMNS, MERGED_INT_COLUMNS, check_merged_frame)


def write_events(frame: pd.DataFrame, path: Path) -> None:
    """Write an event table (extra columns allowed) to ``path`` atomically: a reader sees all or nothing.

    Raises :class:`~timeline.schema.SchemaError` before writing anything when ``frame`` is not an event table.
    """
    _write(_arrow_table(frame), path)


def write_merged(frame: pd.DataFrame, path: Path) -> None:
    """Write a merged-event table (extra columns allowed) to ``path`` atomically, as :func:`write_events` does."""
    _write(_arrow_table(frame, _MERGED), path)


def _write(table: pa.Table, path: Path) -> None:
    # A name of its own for every write: threads of one process (a web server's sessions)
    # may write the same path at once, and must not write into each other's file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            pq.write_table(table, file)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def events_parquet_bytes(frame: pd.DataFrame) -> bytes:
    """An event table (extra columns allowed) as the bytes of a Parquet file, for a caller that checksums them.

    Raises :class:`~timeline.schema.SchemaError` when ``frame`` is not an event table.
    """
    sink = pa.BufferOutputStream()
    pq.write_table(_arrow_table(frame), sink)
    data: bytes = sink.getvalue().to_pybytes()
    return data


def read_events(
    path: Path, filters: Sequence[tuple[str, str, Any]] | None = None, *, data: bytes | None = None
) -> pd.DataFrame:
    """Read an event table written by :func:`write_events` (or the ``data`` of one, already read from ``path``).

    ``data`` spares a second read to a caller that has read the file's bytes (the cache
    does, to check them against their checksum); ``path`` then only names the file in messages.
    Raises ``OSError`` or ``ArrowException`` when the file cannot be read, and
    :class:`~timeline.schema.SchemaError` when what it holds is not an event table.
    """
    source = path if data is None else pa.BufferReader(data)
    return _read(pq.read_table(source, filters=list(filters) if filters else None), path, _EVENTS)


def read_merged(path: Path) -> pd.DataFrame:
    """Read a merged-event table written by :func:`write_merged`; raises as :func:`read_events` does."""
    return _read(pq.read_table(path), path, _MERGED)


def event_frame_of(table: pa.Table, where: Path) -> pd.DataFrame:
    """An event table from Arrow (e.g. a DuckDB query's result), typed and checked as :func:`read_events` does.

    ``where`` names the table's origin in messages. Raises :class:`~timeline.schema.SchemaError`.
    """
    return _read(table, where, _EVENTS)


def merged_frame_of(table: pa.Table, where: Path) -> pd.DataFrame:
    """A merged-event table from Arrow, typed and checked as :func:`read_merged` does."""
    return _read(table, where, _MERGED)


def _read(table: pa.Table, path: Path, roles: _Roles) -> pd.DataFrame:
    _check_stored_types(table, path, roles)
    table = _days_in_seconds(table, roles)
    listed = [name for name in roles.lists if name in table.column_names]
    lists = {name: _shared_tuples(table.column(name).to_pylist()) for name in listed}
    frame = table.drop_columns(listed).to_pandas()
    for name, cells in lists.items():
        frame[name] = pd.Series(cells, index=frame.index, dtype=object)
    restored = _restore(frame[table.column_names], roles)
    roles.check(restored)
    return restored


def _arrow_table(frame: pd.DataFrame, roles: _Roles = _EVENTS) -> pa.Table:
    roles.check(frame)
    lists = {name: frame[name].map(list) for name in roles.lists if name in frame.columns}
    return pa.Table.from_pandas(frame.assign(**lists), preserve_index=False)


def _check_stored_types(table: pa.Table, path: Path, roles: _Roles = _EVENTS) -> None:
    """Refuse list and day columns stored as something else, which the reading would silently bend.

    Text in a list column would come back as a tuple of its letters, and Arrow would
    parse text in a day column; the schema check after reading cannot see either.
    """
    for names, is_kind, kind in (
        (roles.lists, lambda dtype: pa.types.is_list(dtype) or pa.types.is_large_list(dtype), "lists"),
        (roles.days, pa.types.is_timestamp, "days"),
    ):
        for name in names:
            if name in table.column_names and not is_kind(table.schema.field(name).type):
                stored = table.schema.field(name).type
                raise SchemaError(f"The event table in {path} holds {stored} in its column {name}, not {kind}.")


def _days_in_seconds(table: pa.Table, roles: _Roles = _EVENTS) -> pa.Table:
    """The day columns cast to seconds in Arrow, so pandas never sees them in another unit."""
    for name in roles.days:
        if name in table.column_names:
            # A safe cast: days are midnights, so milliseconds or nanoseconds lose nothing.
            index = table.column_names.index(name)
            table = table.set_column(index, name, table.column(name).cast(_DAYS))
    return table


def _shared_tuples(cells: list[list[str] | None]) -> list[tuple[str, ...]]:
    """Cells as tuples, one object per distinct tuple.

    A corpus names the same few actors, countries and regions again and again; sharing
    one tuple (and its strings) between equal cells is what keeps a million-event table
    within its memory budget. Tuples are immutable, so sharing is safe.
    """
    memo: dict[tuple[str, ...], tuple[str, ...]] = {}
    return [memo.setdefault(key, key) for key in (tuple(cell) if cell else () for cell in cells)]


def read_event_parts(folder: Path) -> pd.DataFrame:
    """Read a partitioned event table (``part-00000.parquet``, …) back in part order."""
    parts = sorted(folder.glob("part-*.parquet"))
    frames = [frame for frame in (read_events(part) for part in parts) if len(frame)]
    if not frames:
        return empty_event_frame()
    return pd.concat(frames, ignore_index=True)[list(COLUMN_NAMES)]


def _restore(frame: pd.DataFrame, roles: _Roles = _EVENTS) -> pd.DataFrame:
    typed: dict[str, pd.Series] = {name: frame[name].astype(DAY_DTYPE) for name in roles.days if name in frame}
    typed |= {name: frame[name].astype(INT_DTYPE) for name in roles.ints if name in frame}
    return frame.assign(**typed)
