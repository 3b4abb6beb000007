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

from timeline.entities.contexts import is_credit
from timeline.entities.locations import is_modifier, is_subject, resolve_place, seat_metonym
from timeline.entities.organisations import Organisation, nominal_organisations, read_organisation
from timeline.entities.people import Person, read_person, resolve_people
from timeline.places import Gazetteer, gazetteer
from timeline.types import ActorKind, EntityMention, EntityType, Place

__all__ = ["tag_entities"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def tag_entities(doc: Doc) -> list[EntityMention]:
    """Every person, organisation, place and nationality mention of ``doc``, in text order.

    Canonical names are shared across articles ("Türkiye" for "Turkey"); surnames
    resolve to the full name used in the same article ("Fidan" -> "Hakan Fidan").
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
            place, is_country = place_of[span.start]
            institution = seat_metonym(span, place, text, places)
            if institution is not None:
                mentions.append(_place(span, institution, False))
            else:
                mentions.append(_place(span, place, is_country and is_subject(span, countries)))
        elif label == "NORP":
            mentions.append(_nationality(span, places))
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


def _place(span: Span, place: Place, acts: bool) -> EntityMention:
    return EntityMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=EntityType.LOCATION,
        canonical=place.name,
        country=place.country,
        actor_kind=ActorKind.STATE if acts else None,
        place=place,
        standalone=not is_modifier(span),
    )


def _nationality(span: Span, places: Gazetteer) -> EntityMention:
    country = places.demonym(span.text)
    name = country.name if country is not None else span.text
    return EntityMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=EntityType.NATIONALITY,
        canonical=name,
        country=country.name if country is not None else "",
        standalone=False,
    )
