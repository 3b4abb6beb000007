"""The cache's index: for each key, the checksum of the part holding its events and how many rows it has there.

One SQLite file, ``index.sqlite``, in WAL mode (readers never wait for a writer) with a
busy timeout (writers wait for each other), marked as ours by SQLite's ``application_id``.
Rows are written with ``INSERT OR REPLACE``, so two processes storing one key leave one row,
each naming a whole part.

The index is disposable. One that is not SQLite, belongs to another program, has another
table, or holds a row this cache never writes is *damaged*: it is set aside as
``index.sqlite.corrupt-<n>`` (with its WAL files) and a new one is started. Everything
else that goes wrong (a locked, read-only or full disk) is left to the caller as
``sqlite3.Error`` or ``OSError``.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from timeline.cache.files import FolderLock, is_checksum

__all__ = ["CacheIndex", "Entry", "IndexDamagedError", "SetAside"]

_TABLE = (
    "CREATE TABLE entries ("
    "key TEXT PRIMARY KEY CHECK (typeof(key) = 'text'), "
    "sha256 TEXT CHECK (sha256 IS NULL OR typeof(sha256) = 'text'), "
    "events INTEGER NOT NULL CHECK (typeof(events) = 'integer' AND events >= 0))"
)
#: A row as this cache writes it: a text key, and a checksum exactly when there are events.
_GOOD_ROW = (
    "typeof(key) = 'text' AND typeof(events) = 'integer' AND events >= 0 "
    "AND ((events = 0 AND sha256 IS NULL) OR (events > 0 AND typeof(sha256) = 'text' AND length(sha256) = 64))"
)
#: "TLC2" in SQLite's header: this file is a timeline cache index of this layout.
_APPLICATION_ID = 0x544C4332
#: Seconds a writer waits for another's transaction before giving up.
_BUSY_TIMEOUT_S = 60
#: SQLite allows at most 999 bound parameters in older builds.
_QUERY_CHUNK = 900
#: SQLite's primary result codes that mean the file is not (or no longer) a usable index:
#: a generic error (no such table or column), corruption, a type mismatch, not a database.
_DAMAGE_CODES = frozenset(
    {sqlite3.SQLITE_ERROR, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_MISMATCH, sqlite3.SQLITE_NOTADB}
)


@dataclass(frozen=True)
class Entry:
    """What the index holds for one key."""

    #: The checksum of the part holding the key's events, None when it has none.
    sha256: str | None
    #: How many event rows the key has in that part.
    events: int


@dataclass(frozen=True)
class SetAside:
    """A damaged index that was moved out of the way."""

    #: Why it could not be used, as a clause ("it is not an SQLite database").
    reason: str
    #: Where it went.
    path: Path


class IndexDamagedError(Exception):
    """Raised (and caught within the cache) when the index turns out to be damaged while in use."""

    def __init__(self, reason: str, seen: tuple[int, int] | None) -> None:
        super().__init__(reason)
        self.reason = reason
        #: The file found damaged (device, inode), so that only that one is set aside.
        self.seen = seen


class CacheIndex:
    """``index.sqlite`` of one cache version, guarded by the folder's lock."""

    def __init__(self, path: Path, lock: FolderLock) -> None:
        self.path = path
        self._lock = lock

    def open(self) -> SetAside | None:
        """Make sure a usable index is in place; return what was set aside to get one, if anything.

        Raises ``sqlite3.Error`` or ``OSError`` when no index can be used at all.
        """
        if self._problem() is None:
            return None
        with self._lock.hold(exclusive=True):
            # Another process may have mended or created it while we waited.
            problem = self._problem()
            if problem is None:
                return None
            aside = None if problem == _FRESH else SetAside(problem, self._set_aside())
            self._create()
        return aside

    def replace_damaged(self, damage: IndexDamagedError) -> SetAside | None:
        """Set aside the index ``damage`` was found in and start a new one; None when another process already did."""
        with self._lock.hold(exclusive=True):
            if self._identity() != damage.seen:
                return None
            aside = SetAside(damage.reason, self._set_aside())
            self._create()
        return aside

    def entries(self, keys: Sequence[str]) -> dict[str, Entry]:
        """The entries of those ``keys`` the index holds. Raises :class:`IndexDamagedError` or ``sqlite3.Error``."""
        found: dict[str, Entry] = {}
        with self._using() as index:
            for start in range(0, len(keys), _QUERY_CHUNK):
                chunk = list(keys[start : start + _QUERY_CHUNK])
                # Only "?" placeholders are formatted into the query; the keys are bound.
                marks = ",".join("?" * len(chunk))
                for key, checksum, events in index.execute(
                    f"SELECT key, sha256, events FROM entries WHERE key IN ({marks})", chunk
                ):
                    found[key] = _entry(checksum, events)
        return found

    def record(self, rows: Sequence[tuple[str, Entry]]) -> None:
        """Write ``rows`` in one transaction. Raises :class:`IndexDamagedError` or ``sqlite3.Error``."""
        with self._using() as index:
            # Taken at once, so a writer waits its turn here rather than failing half-way;
            # a transaction left open by an error is rolled back when the connection closes.
            index.execute("BEGIN IMMEDIATE")
            index.executemany(
                "INSERT OR REPLACE INTO entries (key, sha256, events) VALUES (?, ?, ?)",
                [(key, entry.sha256, entry.events) for key, entry in rows],
            )
            index.execute("COMMIT")

    # --- checking and mending -----------------------------------------------------

    @contextmanager
    def _using(self) -> Iterator[sqlite3.Connection]:
        seen = self._identity()
        try:
            with self._connect() as index:
                yield index
        except _ForeignRowError as error:
            raise IndexDamagedError(error.reason, seen) from error
        except sqlite3.Error as error:
            reason = _damage(error)
            if reason is None:
                raise
            raise IndexDamagedError(reason, seen) from error

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # Autocommit: transactions are begun explicitly, and only around writes.
        with closing(sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)) as index:
            # WAL survives an application crash without losing a commit; only a power loss can.
            index.execute("PRAGMA synchronous = NORMAL")
            yield index

    def _problem(self) -> str | None:
        """None for a usable index, :data:`_FRESH` when there is none yet, else why it cannot be used."""
        try:
            status = self.path.lstat()
        except FileNotFoundError:
            return _FRESH
        if not stat.S_ISREG(status.st_mode):
            return "it is not a file"
        try:
            with self._connect() as index:
                application = index.execute("PRAGMA application_id").fetchone()[0]
                tables = index.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
                if not tables and application == 0:
                    return _FRESH
                if application != _APPLICATION_ID:
                    return "it is not a timeline cache index"
                if tables != [("entries", _TABLE)]:
                    return "its tables are not the ones this version writes"
                # One scan, a few milliseconds per 100,000 entries: a row of the wrong type
                # would otherwise be found only when its article is asked for.
                (bad,) = index.execute(f"SELECT count(*) FROM entries WHERE NOT ({_GOOD_ROW})").fetchone()
                if bad:
                    return f"{bad:,} of its rows hold values this cache never writes"
        except sqlite3.Error as error:
            reason = _damage(error)
            if reason is None:
                raise
            return reason
        return None

    def _create(self) -> None:
        with self._connect() as index:
            index.execute("PRAGMA journal_mode = WAL")
            index.execute("BEGIN IMMEDIATE")
            index.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            index.execute(_TABLE)
            index.execute("COMMIT")

    def _set_aside(self) -> Path:
        """Move the index (and its WAL files) to the first free ``index.sqlite.corrupt-<n>``; hold the lock."""
        number = 1
        while _exists(_sibling(self.path, f".corrupt-{number}")):
            number += 1
        aside = _sibling(self.path, f".corrupt-{number}")
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):
            if _exists(_sibling(self.path, suffix)):
                os.replace(_sibling(self.path, suffix), _sibling(aside, suffix))
        return aside

    def _identity(self) -> tuple[int, int] | None:
        try:
            status = self.path.lstat()
        except FileNotFoundError:
            return None
        return status.st_dev, status.st_ino


class _ForeignRowError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


#: What :meth:`CacheIndex._problem` says of an index not created yet.
_FRESH = "there is no index yet"


def _entry(checksum: object, events: object) -> Entry:
    """An entry from a row, refusing one this cache would never write (the index is then damaged)."""
    if not isinstance(events, int) or isinstance(events, bool) or events < 0:
        raise _ForeignRowError("a row's event count is not a count")
    if (events == 0) != (checksum is None) or (checksum is not None and not is_checksum(checksum)):
        raise _ForeignRowError("a row's part checksum is not one this cache writes")
    return Entry(sha256=checksum if isinstance(checksum, str) else None, events=events)


def _damage(error: sqlite3.Error) -> str | None:
    """Why ``error`` means the index is damaged, or None when it means something else (a busy or full disk)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None or code & 0xFF not in _DAMAGE_CODES:
        return None
    return str(error)


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _exists(path: Path) -> bool:
    return os.path.lexists(path)
