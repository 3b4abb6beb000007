"""The typed values passed between stages. Each is frozen: a stage never edits another's output."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias

#: What a long stage calls as it goes, with (articles done, articles in all): the CLI
#: moves a progress bar with it, the dashboard a progress widget.
ProgressCallback: TypeAlias = Callable[[int, int], None]


class Precision(StrEnum):
    """How much of the calendar a date value covers."""

    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    #: PRESENT_REF / PAST_REF / FUTURE_REF: a time relative to the article, with no extent.
    REFERENCE = "reference"


#: Precisions from the finest to the coarsest: the one ordering every stage ranks dates by.
#: A reference (PRESENT_REF …) has no extent, so it ranks after all of them.
PRECISION_ORDER: tuple[Precision, ...] = (
    Precision.DAY,
    Precision.WEEKEND,
    Precision.WEEK,
    Precision.MONTH,
    Precision.QUARTER,
    Precision.SEASON,
    Precision.HALF,
    Precision.YEAR,
    Precision.DECADE,
    Precision.CENTURY,
)


def precision_rank(precision: str) -> int:
    """Rank of ``precision`` in :data:`PRECISION_ORDER` (0 finest); anything else ranks last."""
    try:
        return PRECISION_ORDER.index(Precision(precision))
    except ValueError:
        return len(PRECISION_ORDER)


class DateSource(StrEnum):
    """Where an event's date came from."""

    #: Written in full in the text ("December 1, 2023", "2015").
    EXPLICIT = "explicit"
    #: Resolved against the article date ("Sunday", "last month", "On November 9").
    RELATIVE = "relative"
    #: Taken from the sentence before, which tells the same story ("At the time").
    CONTEXT = "context"
    #: The article's own publication date.
    ARTICLE = "article"


class AnchorKind(StrEnum):
    """What a relative date was counted from: the first words of an event's ``date_anchor``."""

    #: The article's publication date ("Sunday", "last month").
    ARTICLE = "article date"
    #: An earlier date of the same text ("the day before", "a week later").
    EARLIER = "earlier date"
    #: The date of the sentence before, which tells the same story (a context event).
    PREVIOUS = "previous sentence"


class EntityType(StrEnum):
    """Coarse entity types, as scored against annotated corpora."""

    PERSON = "PER"
    ORGANISATION = "ORG"
    LOCATION = "LOC"
    #: A nationality or demonym ("Turkish", "Palestinians"): it gives a country but is
    #: not a named person, organisation or place, so scoring and the batch output skip it.
    NATIONALITY = "NORP"


class ActorKind(StrEnum):
    """What kind of actor a name denotes."""

    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"
    ARMED_GROUP = "armed_group"


@dataclass(frozen=True)
class Article:
    """One news article with its publication date, as the user gave it."""

    article_id: str
    title: str
    date: dt.date
    text: str
    source: str = "unknown"
    url: str = ""
    #: Where it was read from (file, file:line, upload name); for messages only.
    origin: str = ""


@dataclass(frozen=True)
class TimexValue:
    """A resolved date: its TIMEX3 value and the calendar days it covers.

    ``start``/``end`` are the first and last day covered; both are ``None`` for
    REF values (``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``), which have no extent.
    """

    value: str
    precision: Precision
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, with character offsets into that text."""

    start: int
    end: int
    text: str
    timex: TimexValue
    source: DateSource
    #: The date family whose rule gave the value (``timeline.dates.family.DateFamily.name``), or "".
    rule: str = ""
    #: What a relative value was counted from, as ``"<AnchorKind> <TIMEX3 value>"``
    #: ("article date 2024-12-02", "earlier date 2024-11-30"); "" for a date written in full.
    anchor: str = ""


@dataclass(frozen=True)
class Place:
    """A canonical place with its country and region."""

    name: str
    #: ISO 3166-1 alpha-3 code, or "" for a place above countries (a region, a sea).
    country_code: str
    #: Common English country name ("Syria", "Türkiye"), or "".
    country: str
    region: str


@dataclass(frozen=True)
class EntityMention:
    """A named mention in a text, resolved to its canonical entity."""

    start: int
    end: int
    text: str
    type: EntityType
    #: One name per entity across all articles ("Hakan Fidan", "Türkiye").
    canonical: str
    #: Country (common English name) the entity belongs to or lies in, or "".
    country: str = ""
    #: For actors: person / organisation / state / armed group. None for plain places.
    actor_kind: ActorKind | None = None
    #: For people: the role stated with the name ("Foreign Minister"), or "".
    role: str = ""
    #: For places: the resolved place.
    place: Place | None = None
    #: False when the name is not a mention on its own: a name modifying a noun ("US
    #: markets", "Airbus A380") or a phrase built around one ("Qatar's foreign ministry").
    #: Such mentions still give actors and countries; scoring and the batch output skip them.
    standalone: bool = True


@dataclass(frozen=True)
class Event:
    """A dated happening: one date in one sentence, with who and where.

    ``date`` is a mention of the sentence, one handed on from an earlier sentence of the
    story (its source is ``context`` and its offsets lie outside the sentence), or the
    article's own day (source ``article``, offsets -1).
    """

    event_id: str
    article: Article
    sentence_index: int
    sentence: str
    date: DateMention
    actors: tuple[str, ...] = field(default_factory=tuple)
    places: tuple[str, ...] = field(default_factory=tuple)
    countries: tuple[str, ...] = field(default_factory=tuple)
    regions: tuple[str, ...] = field(default_factory=tuple)
    #: Character offsets of the evidence in the article text (-1 when not known).
    sentence_start: int = -1
    sentence_end: int = -1
    #: The verb (or event noun) the date belongs to, as written; "" when the sentence has none.
    predicate: str = ""
    #: Whether the date is the sentence's main event's, not a side clause's.
    main_event: bool = True
    #: The countries (a subset of ``countries``) taken from the story, not stated in the sentence.
    countries_inferred: tuple[str, ...] = field(default_factory=tuple)
