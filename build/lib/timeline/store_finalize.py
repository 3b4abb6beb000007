"""The corpus stages on a whole event store, out of core: names unified, reports merged, the dashboard's index.

:func:`finalize_store` reads the store's per-shard rows (``events/``, see
:mod:`timeline.store`) with DuckDB and writes what the dashboard reads:

1. each ``event_id`` once, the first shard's row kept (DuckDB, spilling to disk past
   :data:`~timeline.defaults.STORE_DUCKDB_MEMORY`);
2. the store's distinct actor names, and from them the lone surnames that take a full
   name (:func:`timeline.corpus.actor_name_mapping`, the corpus stage's own rule);
3. the rows cut into merge parts of whole *date blocks*: two reports can only be one
   happening when they share a date key (:mod:`timeline.merge`: a day their short dates
   both cover, or the same coarse value), so a block is a run of short dates whose days
   chain together, or one coarse value; each part is then renamed and merged in memory
   (:func:`timeline.merge.merge_events`) in the store's order, which gives each part's
   happenings exactly as merging the whole table would;
4. ``mentions/`` and ``merged/``, each one Parquet file in evidence order with its ``rid``,
   and the index (:mod:`timeline.store_index`).

Everything is written beside the old output and moved into place at the end, so a failed
finalize leaves the previous one readable.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from timeline.corpus import actor_name_mapping, rename_actors
from timeline.defaults import MERGE_FINE_SPAN_DAYS, STORE_DUCKDB_MEMORY, STORE_MERGE_PART_ROWS
from timeline.merge import merge_events
from timeline.parquet import read_events, write_events, write_merged
from timeline.schema import MERGED_ID
from timeline.store import (
    INDEX_FILE,
    MENTIONS_DIR,
    MERGED_DIR,
    ROW_ID,
    SHARD_COLUMN,
    SHARD_ROW_COLUMN,
    StoreError,
    event_files,
    write_manifest,
)
from timeline.store_index import build_index

__all__ = ["FinalizeResult", "finalize_store", "merge_parts"]

#: The scratch folder of a finalize in progress, inside the store.
_WORK: Final = ".finalize"
#: The one Parquet file of each finalized dataset.
_FILE: Final = "part-00000.parquet"
#: Rows per Parquet row group of the finalized datasets: small enough that a query for a
#: few rows by ``rid`` reads little, large enough that a scan stays fast.
_ROW_GROUP: Final = 100_000


@dataclass(frozen=True)
class FinalizeResult:
    """What a finalize wrote: the event rows after the corpus stages, the happenings, and how."""

    events: int
    happenings: int
    #: Shard files read, and merge parts the rows were cut into.
    files: int
    parts: int


def finalize_store(
    store: Path, *, part_rows: int = STORE_MERGE_PART_ROWS, memory_limit: str = STORE_DUCKDB_MEMORY
) -> FinalizeResult:
    """Run the corpus stages on every event of ``store`` and write its finalized datasets and index.

    Raises :class:`~timeline.store.StoreError` when the store holds no events or cannot be written.
    """
    import duckdb

    files = event_files(store)
    if not files:
        raise StoreError(f"The event store {store} holds no events yet; extract shards into it first (--store).")
    work = store / _WORK
    shutil.rmtree(work, ignore_errors=True)
    try:
        (work / "duckdb").mkdir(parents=True)
        with duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": str(work / "duckdb")}) as con:
            result = _finalize(con, store, files, work, part_rows)
        _move_into_place(store, work)
    except OSError as error:
        raise StoreError(f"The event store {store} cannot be finalized ({error.strerror or error}).") from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_manifest(
        store,
        {
            "format": 1,
            "events": result.events,
            "happenings": result.happenings,
            "files": [str(path.relative_to(store)) for path in files],
        },
    )
    return result


def _finalize(con: Any, store: Path, files: list[Path], work: Path, part_rows: int) -> FinalizeResult:
    listed = ", ".join(_literal(str(path)) for path in files)
    options = "hive_partitioning = false, union_by_name = true"
    con.execute(f"CREATE TEMP VIEW raw AS SELECT * FROM read_parquet([{listed}], {options})")
    con.execute(
        f"CREATE TEMP VIEW rows AS SELECT * FROM raw QUALIFY row_number() OVER "
        f"(PARTITION BY event_id ORDER BY {SHARD_COLUMN}, {SHARD_ROW_COLUMN}) = 1"
    )
    names = [row[0] for row in con.execute("SELECT DISTINCT unnest(actors) FROM rows").fetchall()]
    mapping = actor_name_mapping(name for name in names if name is not None)
    dates = con.execute(
        "SELECT date_start, date_end, date_precision, date_value, count(*) AS n FROM rows GROUP BY ALL"
    ).df()
    dates["part"] = merge_parts(dates, part_rows)
    con.register("parts", dates.drop(columns="n"))
    keyed = work / "keyed"
    con.execute(
        "COPY (SELECT rows.*, parts.part FROM rows JOIN parts ON "
        + " AND ".join(f"rows.{name} IS NOT DISTINCT FROM parts.{name}" for name in _DATE_KEY)
        + f") TO {_literal(str(keyed))} (FORMAT parquet, PARTITION_BY (part))"
    )
    raw_merged, raw_mentions = work / "merged-raw", work / "mentions-raw"
    raw_merged.mkdir()
    raw_mentions.mkdir()
    parts = sorted(keyed.glob("part=*"), key=lambda folder: int(folder.name.split("=", 1)[1]))
    for number, folder in enumerate(parts):
        frame = pd.concat([read_events(path) for path in sorted(folder.glob("*.parquet"))], ignore_index=True)
        frame = frame.sort_values([SHARD_COLUMN, SHARD_ROW_COLUMN], kind="stable").reset_index(drop=True)
        merged = merge_events(rename_actors(frame, mapping))
        write_merged(merged.events, raw_merged / f"part-{number:05d}.parquet")
        write_events(merged.mentions, raw_mentions / f"part-{number:05d}.parquet")
    for name, raw, order in (
        (MERGED_DIR, raw_merged, f"date_start, date_end, first_article_date, {MERGED_ID}"),
        (MENTIONS_DIR, raw_mentions, f"date_start, date_end, article_date, {SHARD_COLUMN}, {SHARD_ROW_COLUMN}"),
    ):
        (work / name).mkdir()
        con.execute(
            f"COPY (SELECT (row_number() OVER (ORDER BY {order}) - 1)::BIGINT AS {ROW_ID}, * "
            f"FROM read_parquet({_literal(str(raw / '*.parquet'))}) ORDER BY {ROW_ID}) "
            f"TO {_literal(str(work / name / _FILE))} (FORMAT parquet, ROW_GROUP_SIZE {_ROW_GROUP})"
        )
    build_index(con, work / INDEX_FILE, merged=work / MERGED_DIR / _FILE, mentions=work / MENTIONS_DIR / _FILE)
    events, happenings = (
        con.execute(f"SELECT count(*) FROM read_parquet({_literal(str(work / name / _FILE))})").fetchone()[0]
        for name in (MENTIONS_DIR, MERGED_DIR)
    )
    return FinalizeResult(events=int(events), happenings=int(happenings), files=len(files), parts=len(parts))


#: A date block: ("a", n) for the n-th chain of short dates, ("b", precision, value) for a coarse value.
_Block = tuple[str, ...]
#: The columns that decide which date block a row is in.
_DATE_KEY: Final = ("date_start", "date_end", "date_precision", "date_value")


def merge_parts(dates: pd.DataFrame, part_rows: int, fine_span_days: int = MERGE_FINE_SPAN_DAYS) -> np.ndarray:
    """The merge part of each distinct date of a store (``dates``: its date columns and ``n`` rows each).

    Dates of at most ``fine_span_days`` days are keyed by the days they cover, so those
    whose days chain together (overlap one another, directly or through others) form one
    block; any other date is a block of its own value. Blocks are packed, in date order,
    into parts of at most ``part_rows`` rows (a larger block alone); no block is split.
    """
    if dates.empty:
        return np.zeros(0, dtype=np.int64)
    first = dates["date_start"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    last = dates["date_end"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    known = dates["date_start"].notna().to_numpy() & dates["date_end"].notna().to_numpy()
    span = last - first + 1
    fine = known & (span >= 1) & (span <= fine_span_days)
    blocks = np.empty(len(dates), dtype=object)
    rows = np.flatnonzero(fine)
    order = rows[np.lexsort((last[rows], first[rows]))]
    if len(order):
        ends = np.maximum.accumulate(last[order])
        starts_block = np.r_[True, first[order][1:] > ends[:-1]]
        blocks[order] = [("a", int(number)) for number in np.cumsum(starts_block).tolist()]
    coarse = np.flatnonzero(~fine)
    precisions = dates["date_precision"].astype(object).to_numpy()
    values = dates["date_value"].astype(object).to_numpy()
    blocks[coarse] = [("b", str(precisions[row]), str(values[row])) for row in coarse.tolist()]
    sizes: dict[_Block, int] = {}
    for block, count in zip(blocks.tolist(), dates["n"].tolist(), strict=True):
        sizes[block] = sizes.get(block, 0) + int(count)
    part_of = _packed(sorted(sizes), sizes, part_rows)
    return np.asarray([part_of[block] for block in blocks.tolist()], dtype=np.int64)


def _packed(blocks: Iterable[_Block], sizes: dict[_Block, int], part_rows: int) -> dict[_Block, int]:
    part_of: dict[_Block, int] = {}
    part, filled = 0, 0
    for block in blocks:
        if filled and filled + sizes[block] > part_rows:
            part, filled = part + 1, 0
        part_of[block] = part
        filled += sizes[block]
    return part_of


def _move_into_place(store: Path, work: Path) -> None:
    for name in (MERGED_DIR, MENTIONS_DIR):
        old = store / f".{name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if (store / name).exists():
            (store / name).rename(old)
        (work / name).rename(store / name)
        shutil.rmtree(old, ignore_errors=True)
    (work / INDEX_FILE).replace(store / INDEX_FILE)


def _literal(text: str) -> str:
    """``text`` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"
