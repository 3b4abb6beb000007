"""Workspaces: what one user added and corrected, kept in an embedded SQLite file across reloads and restarts.

A workspace is named by an id no one can guess (:func:`new_workspace_id`, 192 random
bits); the dashboard puts it in its URL, so whoever has the link has the workspace and
nobody else sees it. It holds the articles the user added (their text and metadata, so
their events are extracted again through the cache, never stored stale), the inputs
still waiting for a publication date, and the corrections (:mod:`timeline.corrections`),
keyed by event id so a new extraction keeps them.

The store is one SQLite file (:func:`default_store_path`) that the app creates itself:
no server to install. Each call opens its own connection and transaction, so the
threads of a Streamlit server may share one :class:`WorkspaceStore`. Nothing here
reads the clock: rows keep the order they were added in by SQLite's row ids.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from timeline.corrections import Correction, corrections_of
from timeline.defaults import WORKSPACE_DIR_ENV, WORKSPACE_FILE, WORKSPACE_ID_BYTES
from timeline.errors import WorkspaceError
from timeline.types import Article
from timeline.uploads import Undated

__all__ = [
    "Waiting",
    "WorkspaceStore",
    "default_store_path",
    "is_workspace_id",
    "new_workspace_id",
]

#: What secrets.token_urlsafe(WORKSPACE_ID_BYTES) writes: URL-safe base64 without padding.
_ID_PATTERN: Final = re.compile(rf"[A-Za-z0-9_-]{{{(WORKSPACE_ID_BYTES * 4 + 2) // 3}}}")
#: Seconds a call waits for another thread's write before giving up.
_BUSY_TIMEOUT_S: Final = 10.0
_SCHEMA: Final = (
    """CREATE TABLE IF NOT EXISTS articles (
        workspace TEXT NOT NULL, article_id TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL,
        text TEXT NOT NULL, source TEXT NOT NULL, url TEXT NOT NULL, origin TEXT NOT NULL,
        PRIMARY KEY (workspace, article_id))""",
    """CREATE TABLE IF NOT EXISTS corrections (
        workspace TEXT NOT NULL, event_id TEXT NOT NULL, article_id TEXT NOT NULL, field TEXT NOT NULL,
        value TEXT NOT NULL, PRIMARY KEY (workspace, event_id, field))""",
    """CREATE TABLE IF NOT EXISTS waiting (
        id INTEGER PRIMARY KEY AUTOINCREMENT, workspace TEXT NOT NULL, name TEXT NOT NULL, data BLOB NOT NULL,
        title TEXT NOT NULL, suggested TEXT NOT NULL, page INTEGER NOT NULL)""",
)


def new_workspace_id() -> str:
    """A fresh workspace id: 192 random bits, URL-safe."""
    return secrets.token_urlsafe(WORKSPACE_ID_BYTES)


def is_workspace_id(text: str) -> bool:
    """Whether ``text`` has the form of a workspace id (a link typed by hand may not)."""
    return _ID_PATTERN.fullmatch(text) is not None


def default_store_path() -> Path:
    """The workspace file: in ``$TIMELINE_WORKSPACE_DIR``, else in the extraction cache's folder."""
    folder = os.environ.get(WORKSPACE_DIR_ENV)
    if folder:
        return Path(folder) / WORKSPACE_FILE
    # Imported here: the cache module pulls in Parquet, which a store of text does not need.
    from timeline.cache import default_cache_dir

    return default_cache_dir() / WORKSPACE_FILE


@dataclass(frozen=True)
class Waiting:
    """An input waiting in a workspace for its publication date, with the id it is listed under."""

    waiting_id: int
    undated: Undated


class WorkspaceStore:
    """The workspaces in one SQLite file, created (with its folder) on first use."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connection() as connection:
                connection.execute("PRAGMA journal_mode=WAL")
                for statement in _SCHEMA:
                    connection.execute(statement)
        except (OSError, sqlite3.Error) as error:
            raise WorkspaceError(f"The workspace store {self.path} could not be opened ({error}).") from None

    # --- Articles ------------------------------------------------------------------

    def add_articles(self, workspace: str, articles: Sequence[Article]) -> list[Article]:
        """Keep ``articles`` in ``workspace``; return those that were not in it already (same id)."""
        added = []
        with self._transaction(workspace) as connection:
            for article in articles:
                cursor = connection.execute(
                    "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        workspace,
                        article.article_id,
                        article.title,
                        article.date.isoformat(),
                        article.text,
                        article.source,
                        article.url,
                        article.origin,
                    ),
                )
                if cursor.rowcount:
                    added.append(article)
        return added

    def articles(self, workspace: str) -> list[Article]:
        """The articles of ``workspace``, in the order they were added."""
        with self._transaction(workspace) as connection:
            rows = connection.execute(
                "SELECT article_id, title, date, text, source, url, origin FROM articles "
                "WHERE workspace = ? ORDER BY rowid",
                (workspace,),
            ).fetchall()
        return [
            Article(article_id, title, dt.date.fromisoformat(day), text, source, url, origin)
            for article_id, title, day, text, source, url, origin in rows
        ]

    def remove_article(self, workspace: str, article_id: str) -> None:
        """Take one article out of ``workspace`` (its corrections stay, in case it is added again)."""
        with self._transaction(workspace) as connection:
            connection.execute("DELETE FROM articles WHERE workspace = ? AND article_id = ?", (workspace, article_id))

    # --- Corrections ---------------------------------------------------------------

    def set_corrections(self, workspace: str, corrections: Sequence[Correction]) -> None:
        """Keep ``corrections``, each replacing an earlier one of the same event and field."""
        with self._transaction(workspace) as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO corrections VALUES (?, ?, ?, ?, ?)",
                [(workspace, c.event_id, c.article_id, c.field, c.value) for c in corrections],
            )

    def remove_correction(self, workspace: str, event_id: str, field: str) -> None:
        """Undo one correction."""
        with self._transaction(workspace) as connection:
            connection.execute(
                "DELETE FROM corrections WHERE workspace = ? AND event_id = ? AND field = ?",
                (workspace, event_id, field),
            )

    def corrections(self, workspace: str) -> list[Correction]:
        """The corrections of ``workspace``, in the order they were first made."""
        with self._transaction(workspace) as connection:
            rows = connection.execute(
                "SELECT event_id, article_id, field, value FROM corrections WHERE workspace = ? ORDER BY rowid",
                (workspace,),
            ).fetchall()
        return corrections_of(rows)

    # --- Inputs waiting for a date ---------------------------------------------------

    def add_waiting(self, workspace: str, undated: Undated) -> int:
        """Keep an input that waits for its publication date; return the id it is listed under."""
        with self._transaction(workspace) as connection:
            cursor = connection.execute(
                "INSERT INTO waiting (workspace, name, data, title, suggested, page) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    workspace,
                    undated.name,
                    undated.data,
                    undated.title,
                    undated.suggested.isoformat() if undated.suggested else "",
                    int(undated.page),
                ),
            )
        return int(cursor.lastrowid or 0)

    def waiting(self, workspace: str) -> list[Waiting]:
        """The inputs of ``workspace`` still waiting for a date, oldest first."""
        with self._transaction(workspace) as connection:
            rows = connection.execute(
                "SELECT id, name, data, title, suggested, page FROM waiting WHERE workspace = ? ORDER BY id",
                (workspace,),
            ).fetchall()
        return [
            Waiting(
                int(ident),
                Undated(name, bytes(data), title, dt.date.fromisoformat(suggested) if suggested else None, bool(page)),
            )
            for ident, name, data, title, suggested, page in rows
        ]

    def remove_waiting(self, workspace: str, waiting_id: int) -> None:
        """Take an input off the waiting list (dated and added, or discarded)."""
        with self._transaction(workspace) as connection:
            connection.execute("DELETE FROM waiting WHERE workspace = ? AND id = ?", (workspace, waiting_id))

    # --- The whole workspace ---------------------------------------------------------

    def export(self, workspace: str) -> bytes:
        """Everything ``workspace`` holds as one JSON document (UTF-8): articles, corrections, waiting inputs."""
        document = {
            "workspace": workspace,
            "articles": [
                {
                    "id": article.article_id,
                    "title": article.title,
                    "date": article.date.isoformat(),
                    "source": article.source,
                    "url": article.url,
                    "text": article.text,
                }
                for article in self.articles(workspace)
            ],
            "corrections": [
                {"event_id": c.event_id, "article_id": c.article_id, "field": c.field, "value": c.value}
                for c in self.corrections(workspace)
            ],
            "waiting": [
                {
                    "name": item.undated.name,
                    "title": item.undated.title,
                    "suggested": item.undated.suggested.isoformat() if item.undated.suggested else None,
                    "page": item.undated.page,
                    "data_base64": base64.b64encode(item.undated.data).decode("ascii"),
                }
                for item in self.waiting(workspace)
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")

    def delete(self, workspace: str) -> None:
        """Remove everything ``workspace`` holds."""
        with self._transaction(workspace) as connection:
            for table in ("articles", "corrections", "waiting"):
                connection.execute(f"DELETE FROM {table} WHERE workspace = ?", (workspace,))

    def holds(self, workspace: str) -> bool:
        """Whether ``workspace`` holds anything."""
        with self._transaction(workspace) as connection:
            return any(
                connection.execute(f"SELECT 1 FROM {table} WHERE workspace = ? LIMIT 1", (workspace,)).fetchone()
                for table in ("articles", "corrections", "waiting")
            )

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S)) as connection, connection:
            yield connection

    @contextmanager
    def _transaction(self, workspace: str) -> Iterator[sqlite3.Connection]:
        if not is_workspace_id(workspace):
            raise WorkspaceError("That link names no workspace: its id is not one this app makes.")
        try:
            with self._connection() as connection:
                yield connection
        except sqlite3.Error as error:
            raise WorkspaceError(f"The workspace store {self.path} could not be used ({error}).") from None
