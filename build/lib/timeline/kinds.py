"""The two kinds of event table, named so that no code has to guess one from its columns.

An event table (:data:`EVENTS`) has one row per report of a happening: the columns of
:data:`timeline.schema.EVENT_COLUMNS`. A merged table (:data:`MERGED`, made by
:func:`timeline.merge.merge_events`) has one row per happening however many articles
reported it: :data:`timeline.schema.MERGED_COLUMNS`. The mentions behind a merged table
are an event table.

Code that counts, lists or draws the rows of the two differently (how many reports,
which date a row was published on, what a hover label says) takes the kind as a
keyword, ``kind=EVENTS`` or ``kind=MERGED``, so every call says which table it passes.
Everything here is derived from :mod:`timeline.schema`; a name that is not a column of
its table fails at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from timeline.schema import (
    EVENT_COLUMNS,
    LIST_DTYPE,
    MERGED_COLUMNS,
    Column,
    SchemaError,
)


@dataclass(frozen=True)
class TableKind:
    """What a kind of event table holds; use :data:`EVENTS` or :data:`MERGED`."""

    #: "events" or "merged", for messages.
    name: str
    #: Its columns, in the schema's order.
    columns: tuple[str, ...]
    #: Its list columns (tuples of text), in the schema's order.
    list_columns: tuple[str, ...]
    #: The column holding the day a row was published: its article's, or its first report's.
    published: str
    #: The column counting the reports behind each row; ``None`` when each row is one report.
    reach: str | None

    @classmethod
    def of(cls, name: str, columns: tuple[Column, ...], *, published: str, reach: str | None) -> TableKind:
        """The kind whose columns are ``columns``; raises :class:`SchemaError` if the roles name other columns."""
        kind = cls(
            name=name,
            columns=tuple(column.name for column in columns),
            list_columns=tuple(column.name for column in columns if column.dtype == LIST_DTYPE),
            published=published,
            reach=reach,
        )
        kind.named(published, *([reach] if reach is not None else []))
        return kind

    @property
    def merged(self) -> bool:
        """Whether a row stands for several reports (a merged table)."""
        return self.reach is not None

    def named(self, *names: str) -> tuple[str, ...]:
        """``names``, checked to be columns of this kind: a declaration with a typo fails where it is made."""
        unknown = [name for name in names if name not in self.columns]
        if unknown:
            raise SchemaError(f"The {self.name} table has no column {', '.join(unknown)}.")
        return names

    def require(self, frame: pd.DataFrame) -> None:
        """Raise :class:`SchemaError` unless ``frame`` has every column of this kind (extra columns are fine)."""
        missing = [name for name in self.columns if name not in frame.columns]
        if missing:
            raise SchemaError(
                f"The table given as the {self.name} table lacks the columns {', '.join(missing)};"
                " pass the kind of table it is."
            )

    def reports(self, frame: pd.DataFrame) -> np.ndarray:
        """The reports behind each row of ``frame``: its mention count, or 1 for each row of an event table."""
        if self.reach is None:
            return np.ones(len(frame), dtype=np.int64)
        counts: np.ndarray = frame[self.reach].to_numpy(dtype=np.int64)
        return counts


#: One row per report: the event table, or the mentions behind a merged table.
EVENTS: Final = TableKind.of("event", EVENT_COLUMNS, published="article_date", reach=None)
#: One row per happening, with how widely it was reported.
MERGED: Final = TableKind.of("merged", MERGED_COLUMNS, published="first_article_date", reach="mention_count")

#: Both kinds, for declarations that cover either.
KINDS: Final = (EVENTS, MERGED)


def known_columns(*names: str) -> tuple[str, ...]:
    """``names``, checked to be columns of at least one kind of table: a declaration with a typo fails at import."""
    unknown = [name for name in names if not any(name in kind.columns for kind in KINDS)]
    if unknown:
        raise SchemaError(f"No kind of event table has the column {', '.join(unknown)}.")
    return names


__all__ = ["EVENTS", "KINDS", "MERGED", "TableKind", "known_columns"]
