"""Event tables as Parquet files: list columns stay lists, dates stay dates.

Used by the cache (:mod:`timeline.cache`) and by the engines' partitioned output
(:mod:`timeline.engines`). Parquet has no tuples, so list cells are written as lists
and read back as tuples, as the rest of the library expects.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from timeline.schema import COLUMN_NAMES, DATE_COLUMNS, LIST_COLUMNS, empty_event_frame

__all__ = ["read_event_parts", "read_events", "write_events"]

#: File name of the n-th part of a partitioned event table.
PART_NAME = "part-{index:05d}.parquet"


def write_events(frame: pd.DataFrame, path: Path) -> None:
    """Write an event table (extra columns allowed) to ``path`` atomically: a reader sees all or nothing."""
    lists = {name: frame[name].map(list) for name in LIST_COLUMNS if name in frame.columns}
    table = pa.Table.from_pandas(frame.assign(**lists), preserve_index=False)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def read_events(path: Path, filters: Sequence[tuple[str, str, Any]] | None = None) -> pd.DataFrame:
    """Read an event table written by :func:`write_events`; raises ``OSError`` or ``ArrowException``."""
    table = pq.read_table(path, filters=list(filters) if filters else None)
    listed = [name for name in LIST_COLUMNS if name in table.column_names]
    lists = {name: _shared_tuples(table.column(name).to_pylist()) for name in listed}
    frame = table.drop_columns(listed).to_pandas()
    for name, cells in lists.items():
        frame[name] = pd.Series(cells, index=frame.index, dtype=object)
    return _restore(frame[table.column_names])


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


def _restore(frame: pd.DataFrame) -> pd.DataFrame:
    dates = {name: frame[name].astype("datetime64[ns]") for name in DATE_COLUMNS if name in frame}
    frame = frame.assign(**dates)
    if "sentence_index" in frame:
        frame["sentence_index"] = frame["sentence_index"].astype("int64")
    return frame
