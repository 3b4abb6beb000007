"""The annotated document every corpus reader returns, whatever the file format."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from timeline.types import EntityType


@dataclass(frozen=True)
class GoldTimex:
    """One annotated TIMEX3: its character span in the document text, type and value."""

    start: int
    end: int
    #: DATE, TIME, DURATION or SET.
    type: str
    value: str
    #: True for the timex that is the document's creation time (its dateline).
    is_creation_time: bool = False


@dataclass(frozen=True)
class GoldEntity:
    """One annotated named-entity mention (a proper name of a person, organisation or place)."""

    start: int
    end: int
    type: EntityType


@dataclass(frozen=True)
class AnnotatedDocument:
    """A document's plain text with its creation date and gold annotations.

    ``annotated_end`` is the character offset where the annotated part of the text
    ends: some corpora (MEANTIME) annotate only the first sentences, so a scorer
    counts predictions before that offset alone.
    """

    doc_id: str
    path: str
    text: str
    creation_date: dt.date | None
    timexes: tuple[GoldTimex, ...] = field(default_factory=tuple)
    entities: tuple[GoldEntity, ...] = field(default_factory=tuple)
    annotated_end: int = 0
