"""From one analysed article to its events: a date in a sentence, with who and where.

Each date mention with an extent becomes one event whose evidence is its sentence.
A sentence with no date of its own continues the story of the sentence before it
when it is told in the past tense and shares an actor, place or country with it
("In a press conference in Istanbul, Fidan noted…" after "On Monday, … visited
Türkiye"); it then takes that date, marked as from context. A date after the article
("next week") is never handed on: a past-tense sentence cannot be telling of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from timeline.regions import region_of
from timeline.types import Article, DateMention, DateSource, EntityMention, Event, Precision


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: its span, its text, and whether it is told in the past tense."""

    index: int
    start: int
    end: int
    text: str
    past_tense: bool


@dataclass(frozen=True)
class _Who:
    actors: tuple[str, ...]
    places: tuple[str, ...]
    countries: tuple[str, ...]
    regions: tuple[str, ...]

    def shares_with(self, other: _Who) -> bool:
        mine = set(self.actors) | set(self.places) | set(self.countries)
        theirs = set(other.actors) | set(other.places) | set(other.countries)
        return bool(mine & theirs)


def is_event_date(mention: DateMention) -> bool:
    """Whether a date can stand on a timeline: it covers days, it is not a bare reference."""
    timex = mention.timex
    return timex.precision is not Precision.REFERENCE and timex.start is not None and timex.end is not None


def build_events(
    article: Article,
    sentences: Sequence[Sentence],
    dates: Sequence[DateMention],
    entities: Sequence[EntityMention],
) -> list[Event]:
    """Return the article's events in text order."""
    events: list[Event] = []
    previous: tuple[Sentence, _Who, DateMention] | None = None
    for sentence in sentences:
        who = _who_in(sentence, entities)
        own = [
            mention for mention in dates if sentence.start <= mention.start < sentence.end and is_event_date(mention)
        ]
        if own:
            for mention in own:
                events.append(_event(article, sentence, mention, who))
            # What a later past-tense sentence goes on telling happened by the article date.
            told = [mention for mention in own if _not_after(mention, article)]
            previous = (sentence, who, told[-1]) if told else None
            continue
        if previous is not None and sentence.past_tense and who.shares_with(previous[1]):
            inherited = replace(previous[2], source=DateSource.CONTEXT)
            events.append(_event(article, sentence, inherited, who))
            previous = (sentence, who, inherited)
            continue
        previous = None
    return events


def _not_after(mention: DateMention, article: Article) -> bool:
    return mention.timex.start is not None and mention.timex.start <= article.date


def _who_in(sentence: Sentence, entities: Sequence[EntityMention]) -> _Who:
    inside = [mention for mention in entities if sentence.start <= mention.start < sentence.end]
    actors = _unique(mention.canonical for mention in inside if mention.actor_kind is not None)
    places = _unique(mention.place.name for mention in inside if mention.place is not None)
    countries = _unique(mention.country for mention in inside if mention.country)
    regions = _unique(region for region in (_region(mention) for mention in inside if mention.country) if region)
    return _Who(actors, places, countries, regions)


def _region(mention: EntityMention) -> str:
    # A place knows its region; a person's, an organisation's or a nationality's country is a name.
    return mention.place.region if mention.place is not None else region_of(mention.country)


def _event(article: Article, sentence: Sentence, mention: DateMention, who: _Who) -> Event:
    return Event(
        event_id=_event_id(article.article_id, sentence.index, mention),
        article=article,
        sentence_index=sentence.index,
        sentence=sentence.text,
        date=mention,
        actors=who.actors,
        places=who.places,
        countries=who.countries,
        regions=who.regions,
    )


def _event_id(article_id: str, sentence_index: int, mention: DateMention) -> str:
    key = f"{article_id}:{sentence_index}:{mention.start}:{mention.timex.value}:{mention.source}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """The values in first-seen order, each once."""
    return tuple(dict.fromkeys(values))
