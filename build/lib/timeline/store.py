"""The event store: a folder of Parquet datasets that many workers write and a dashboard reads.

Layout of a store folder::

    STORE/
        events/article_month=2024-12/part-<shard id>.parquet
                        the per-article rows of one shard published that month, as extraction
                        gives them (before the corpus stages), with the shard's name and each
                        row's place in it (``shard``, ``shard_row``)
        shards/<shard id>.json
                        what the last run of that shard wrote: its name, content digest,
                        articles, events and months
        mentions/part-00000.parquet …
                        the event table after the corpus stages (actor names unified across
                        the whole store), each row with its happening's ``merged_id`` and its
                        place in evidence order (``rid``)
        merged/part-00000.parquet …
                        one row per happening (:data:`timeline.schema.MERGED_COLUMNS`), with ``rid``
        index.duckdb    the columns the dashboard filters and counts on, as codes (see
                        :mod:`timeline.store_index`)
        store.json      what the last finalize read and wrote

A shard is one article file (JSON Lines, Parquet, or any format :mod:`timeline.ingest`
reads), known by its absolute path; its id is a digest of that name, so re-running a shard
replaces its files (a month it no longer has loses its file) and never duplicates them,
and a new shard is simply added. ``events/`` is what workers write, each its own shard,
in parallel; ``mentions/``, ``merged/`` and the index are written from it by
:func:`timeline.store_finalize.finalize_store`, the corpus stages run once on the whole
dataset, out of core.

The store's event table is in shard-name order, then each shard's own (article then text)
order: for a folder of shards, the order in which :func:`timeline.ingest.load_articles`
reads the same folder. An article in two shards is kept once (its event ids are the same);
the first shard's rows win, as :func:`timeline.corpus.combine_frames` keeps the first.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd

from timeline.errors import TimelineError
from timeline.parquet import read_events, read_merged, write_events
from timeline.schema import COLUMN_NAMES, MERGED_COLUMN_NAMES, MERGED_ID, empty_event_frame

__all__ = [
    "EVENTS_DIR",
    "INDEX_FILE",
    "MANIFEST_FILE",
    "MENTIONS_DIR",
    "MERGED_DIR",
    "MONTH_KEY",
    "ROW_ID",
    "SHARDS_DIR",
    "SHARD_COLUMN",
    "SHARD_ROW_COLUMN",
    "ShardWritten",
    "StoreError",
    "event_files",
    "read_store_events",
    "read_store_mentions",
    "read_store_merged",
    "shard_id",
    "store_stamp",
    "write_shard",
]

EVENTS_DIR: Final = "events"
SHARDS_DIR: Final = "shards"
MENTIONS_DIR: Final = "mentions"
MERGED_DIR: Final = "merged"
INDEX_FILE: Final = "index.duckdb"
MANIFEST_FILE: Final = "store.json"
#: The hive partition key of ``events/``: the month the article was published.
MONTH_KEY: Final = "article_month"
#: Extra columns of the store's event rows: the shard a row came from and its place there.
SHARD_COLUMN: Final = "shard"
SHARD_ROW_COLUMN: Final = "shard_row"
#: Extra column of ``mentions/`` and ``merged/``: the row's place in evidence order, 0 first.
ROW_ID: Final = "rid"

_PART: Final = "part-{shard_id}.parquet"


class StoreError(TimelineError):
    """Raised when an event store cannot be written or read: a folder that cannot be made, a store not finalized."""


@dataclass(frozen=True)
class ShardWritten:
    """What writing one shard's events put in the store."""

    #: The shard's name (its absolute path) and the id its files are named by.
    name: str
    shard_id: str
    #: A digest of the shard file's bytes, to tell a changed shard from a re-run.
    digest: str
    articles: int
    events: int
    #: The article months it has files in, sorted.
    months: tuple[str, ...]


def shard_id(name: str) -> str:
    """The id of the shard called ``name``: the same name always gives the same files."""
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def write_shard(store: Path, name: str, frame: pd.DataFrame, *, digest: str = "", articles: int = 0) -> ShardWritten:
    """Write the per-article rows of the shard ``name`` into ``store``, replacing whatever it wrote before.

    One file per article month; the files of an earlier run of the shard in months it no
    longer has are removed after the new ones are in place, so a reader never sees the
    shard missing. Raises :class:`StoreError` when the store cannot be written, and
    :class:`~timeline.schema.SchemaError` when ``frame`` is not an event table.
    """
    ident = shard_id(name)
    rows = frame.reset_index(drop=True)
    rows[SHARD_COLUMN] = pd.Series([name] * len(frame), dtype=object)
    rows[SHARD_ROW_COLUMN] = np.arange(len(frame), dtype=np.int64)
    months = _months(rows)
    written: set[Path] = set()
    try:
        for month in sorted(set(months)):
            folder = store / EVENTS_DIR / f"{MONTH_KEY}={month}"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / _PART.format(shard_id=ident)
            write_events(rows.loc[months == month].reset_index(drop=True), path)
            written.add(path)
        for stale in (store / EVENTS_DIR).glob(f"{MONTH_KEY}=*/{_PART.format(shard_id=ident)}"):
            if stale not in written:
                stale.unlink(missing_ok=True)
        stored = tuple(sorted({path.parent.name.split("=", 1)[1] for path in written}))
        result = ShardWritten(name, ident, digest, articles, len(rows), stored)
        _write_json(store / SHARDS_DIR / f"{ident}.json", asdict(result))
    except OSError as error:
        raise StoreError(f"The event store {store} cannot be written ({error.strerror or error}).") from error
    return result


def store_stamp(store: Path) -> tuple[int, int]:
    """What changes when ``store`` is finalized again: its index's size and time (zeros when there is none)."""
    try:
        status = (store / INDEX_FILE).stat()
    except OSError:
        return (0, 0)
    return (status.st_size, status.st_mtime_ns)


def event_files(store: Path) -> list[Path]:
    """The per-shard event files of ``store``, sorted."""
    return sorted((store / EVENTS_DIR).glob(f"{MONTH_KEY}=*/part-*.parquet"))


def read_store_events(store: Path) -> pd.DataFrame:
    """Every per-article row of ``store`` in memory, in the store's order, each event once (for small stores and tests).

    The extra columns ``shard`` and ``shard_row`` are kept.
    """
    frames = [frame for frame in (read_events(path) for path in event_files(store)) if len(frame)]
    if not frames:
        empty = empty_event_frame()
        empty[SHARD_COLUMN] = pd.Series(dtype=object)
        empty[SHARD_ROW_COLUMN] = pd.Series(dtype="int64")
        return empty
    rows = pd.concat(frames, ignore_index=True).sort_values([SHARD_COLUMN, SHARD_ROW_COLUMN], kind="stable")
    return rows.drop_duplicates(subset="event_id", keep="first").reset_index(drop=True)


def read_store_mentions(store: Path) -> pd.DataFrame:
    """The finalized event table of ``store`` in memory (with ``merged_id``), in the store's order."""
    frames = [read_events(path) for path in _finalized(store, MENTIONS_DIR)]
    rows = pd.concat(frames, ignore_index=True).sort_values([SHARD_COLUMN, SHARD_ROW_COLUMN], kind="stable")
    return rows[[*COLUMN_NAMES, MERGED_ID]].reset_index(drop=True)


def read_store_merged(store: Path) -> pd.DataFrame:
    """The finalized merged-event table of ``store`` in memory, in timeline order (as ``merge_events`` gives it)."""
    frames = [read_merged(path) for path in _finalized(store, MERGED_DIR)]
    rows = pd.concat(frames, ignore_index=True).sort_values(ROW_ID, kind="stable")
    return rows[list(MERGED_COLUMN_NAMES)].reset_index(drop=True)


def _finalized(store: Path, name: str) -> list[Path]:
    parts = sorted((store / name).glob("part-*.parquet"))
    if not parts:
        raise StoreError(_not_finalized(store))
    return parts


def _not_finalized(store: Path) -> str:
    return f"The event store {store} has not been finalized; run `python -m timeline store finalize {store}`."


def _months(rows: pd.DataFrame) -> np.ndarray:
    days = rows["article_date"].to_numpy(dtype="datetime64[D]")
    # Month numbers straight from the days: strftime would go through nanoseconds, which end in 2262.
    months = days.astype("datetime64[M]")
    years = months.astype(np.int64) // 12 + 1970
    numbers = months.astype(np.int64) % 12 + 1
    names = [f"{year:04d}-{number:02d}" for year, number in zip(years.tolist(), numbers.tolist(), strict=True)]
    return np.asarray(names, dtype=object)


def _write_json(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(value, file, indent=1, sort_keys=True)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_manifest(store: Path, value: dict[str, object]) -> None:
    """Write ``store.json`` atomically."""
    _write_json(store / MANIFEST_FILE, value)


def read_manifest(store: Path) -> dict[str, object]:
    """What the last finalize of ``store`` wrote in ``store.json``; raises :class:`StoreError` when it never ran."""
    try:
        value = json.loads((store / MANIFEST_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(_not_finalized(store)) from None
    except (OSError, ValueError) as error:
        raise StoreError(f"The event store {store} has an unreadable {MANIFEST_FILE} ({error}).") from error
    if not isinstance(value, dict):
        raise StoreError(f"The event store {store} has a {MANIFEST_FILE} that is not an object.")
    return value
