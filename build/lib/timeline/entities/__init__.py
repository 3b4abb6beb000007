"""Who and where: the named mentions of an analysed article, resolved to canonical entities.

:func:`tag_entities` reads the entities the pipeline of :func:`timeline.nlp.load_nlp`
left on the doc (already corrected by :mod:`timeline.entities.ruler`) and resolves
each one: people (:mod:`.people`), organisations and armed groups
(:mod:`.organisations`), places and acting states (:mod:`.locations`), and
nationalities, which give a country only. It walks the doc once; no model runs.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from timeline.entities.anaphora import resolve_anaphora
from timeline.entities.contexts import is_credit, is_dateline
from timeline.entities.locations import (
    is_modifier,
    is_party,
    is_subject,
    modifies_agent,
    resolve_place,
    seat_metonym,
)
from timeline.entities.organisations import (
    Organisation,
    nominal_organisations,
    read_organisation,
    unify_organisations,
)
from timeline.entities.people import Person, read_person, resolve_people
from timeline.places import Gazetteer, gazetteer
from timeline.places.data import ACTING_UNIONS
from timeline.types import ActorKind, EntityMention, EntityType, Place

__all__ = ["tag_entities"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def tag_entities(doc: Doc) -> list[EntityMention]:
    """Every person, organisation, place and nationality mention of ``doc``, in text order.

    Canonical names are shared across articles ("Türkiye" for "Turkey"); surnames
    resolve to the full name used in the same article ("Fidan" -> "Hakan Fidan"), and
    acronyms and short names of organisations to the full name the article gives them.
    Pronouns and nouns that stand for a named actor ("he", "the group") give that actor
    (:mod:`.anaphora`), in mentions that are no names of their own.
    """
    places = gazetteer()
    # Doc.text joins every token on each call: read it once.
    text = doc.text
    mentions: list[EntityMention] = []
    people: list[tuple[Span, Person]] = []
    place_of = {span.start: resolve_place(span, places) for span in doc.ents if span.label_ in _PLACE_LABELS}
    countries = frozenset(
        index
        for span in doc.ents
        if span.start in place_of and place_of[span.start][1]
        for index in range(span.start, span.end)
    )
    for span in doc.ents:
        label = span.label_
        if label == "PERSON":
            people.append((span, read_person(doc, span, places)))
        elif label == "ORG":
            mentions.append(_organisation(doc, span, places))
        elif label in _PLACE_LABELS:
            mentions.extend(_places(span, *place_of[span.start], text, places, countries))
        elif label == "NORP":
            mentions.append(_nationality(span, places, modifies_agent(span)))
    for (span, person), resolved in zip(people, resolve_people([person for _, person in people]), strict=True):
        mentions.append(
            EntityMention(
                start=person.start,
                end=person.end,
                text=text[person.start : person.end],
                type=EntityType.PERSON,
                canonical=resolved.name,
                country=resolved.country,
                actor_kind=ActorKind.PERSON,
                role=resolved.role,
                standalone=not is_modifier(span),
            )
        )
    for nominal in nominal_organisations(doc, places):
        mentions.append(
            _organisation_mention(nominal.start, nominal.end, nominal.text, nominal.organisation, standalone=False)
        )
    mentions.sort(key=lambda mention: (mention.start, -mention.end))
    mentions = unify_organisations(mentions, text)
    mentions.extend(resolve_anaphora(doc, mentions))
    mentions.sort(key=lambda mention: (mention.start, -mention.end))
    return mentions


def _organisation(doc: Doc, span: Span, places: Gazetteer) -> EntityMention:
    organisation = read_organisation(doc, span, places)
    mention = _organisation_mention(
        span.start_char, span.end_char, span.text, organisation, standalone=not is_modifier(span)
    )
    # An agency credited in a dateline or under a photo is a name, but it reports, it does not act.
    return replace(mention, actor_kind=None) if is_credit(doc, span) else mention


def _organisation_mention(
    start: int, end: int, text: str, organisation: Organisation, *, standalone: bool
) -> EntityMention:
    return EntityMention(
        start=start,
        end=end,
        text=text,
        type=EntityType.ORGANISATION,
        canonical=organisation.canonical,
        country=organisation.country,
        actor_kind=organisation.kind,
        standalone=standalone,
    )


def _places(
    span: Span, place: Place, is_country: bool, text: str, places: Gazetteer, countries: frozenset[int]
) -> list[EntityMention]:
    """A place mention, acting when it does: a country, or the body a place stands for.

    A country acts as the subject of its clause or as a party to talks or a truce; so does
    a union of countries ("the European Union imposed"). A seat city stands for the
    institution the article names ("Brussels would target" is the EU). A capital or a seat
    of power that acts ("Moscow denied", "the Kremlin said") stays the place it names, and
    its state acts beside it, in a mention of its own that only gives the actor.
    """
    acts = not is_dateline(span.doc, span) and (
        is_subject(span, countries) or is_party(span, countries) or modifies_agent(span)
    )
    institution = seat_metonym(span, place, text, places)
    if institution is not None:
        return [_place(span, institution, ActorKind.ORGANISATION)]
    if is_country:
        return [_place(span, place, ActorKind.STATE if acts else None)]
    if place.name in ACTING_UNIONS:
        return [_place(span, place, ActorKind.ORGANISATION if acts else None)]
    mention = _place(span, place, None)
    state = places.seat_of(place) if acts else None
    if state is None:
        return [mention]
    seat = EntityMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=EntityType.LOCATION,
        canonical=state.name,
        country=state.name,
        actor_kind=ActorKind.STATE,
        standalone=False,
    )
    return [mention, seat]


def _place(span: Span, place: Place, kind: ActorKind | None) -> EntityMention:
    return EntityMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=EntityType.LOCATION,
        canonical=place.name,
        country=place.country,
        actor_kind=kind,
        place=place,
        standalone=not is_modifier(span),
    )


def _nationality(span: Span, places: Gazetteer, acts: bool) -> EntityMention:
    """A nationality gives its country; the state acts when the nationality qualifies its agent ("Israeli jets")."""
    country = places.demonym(span.text)
    name = country.name if country is not None else span.text
    return EntityMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=EntityType.NATIONALITY,
        canonical=name,
        country=country.name if country is not None else "",
        actor_kind=ActorKind.STATE if acts and country is not None else None,
        standalone=False,
    )
