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
class GoldParticipant:
    """One annotated participant of a gold event: the mention as written and the entity it names."""

    start: int
    end: int
    #: The mention as written in the document text ("Boeing Co.", "the United States").
    text: str
    #: The entity's own name, its TAG_DESCRIPTOR ("Boeing", "United States of America").
    descriptor: str
    #: The entity's MEANTIME type: PER, ORG, LOC, PRO, FIN or MIX.
    type: str
    #: The participant's PropBank role: Arg0, Arg1, Argm-LOC, …
    role: str


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event anchored to a calendar date (see :mod:`timeline.corpora.meantime`).

    ``start``/``end`` span the event's sentence in the document text; ``actors`` are
    its named people, organisations and states, ``places`` its named places, whose
    countries a scorer resolves.
    """

    start: int
    end: int
    #: The event word as written ("won") and its lemma ("win").
    word: str
    pred: str
    #: The TIMEX3 value of the date the event is anchored to ("2005-06-13", "2009").
    date: str
    #: True when that date is the document's creation time, not a date written near the event.
    date_is_creation_time: bool = False
    actors: tuple[GoldParticipant, ...] = field(default_factory=tuple)
    places: tuple[GoldParticipant, ...] = field(default_factory=tuple)


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
    events: tuple[GoldEvent, ...] = field(default_factory=tuple)
