"""Organisations and armed groups: one canonical name, a kind and a country.

Well-known organisations go by many names ("HTS", "Hayat Tahrir al-Sham"); the table
in :mod:`timeline.entities.data` maps them to one. Otherwise the name is kept as
written (without "the" or a possessive), it is an armed group when it says so
("Army", "Forces", "Brigades"), and its country is the one its name or a possessive
before it gives ("Syrian National Army" -> Syria, "Qatar’s Al Jazeera" -> Qatar).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from timeline.entities import data
from timeline.entities.people import country_of_entity_ending_at, country_of_name
from timeline.entities.ruler import POSSESSIVES
from timeline.names import name_words
from timeline.places import Gazetteer
from timeline.types import ActorKind


@dataclass(frozen=True)
class Organisation:
    """An organisation mention resolved: canonical name, kind and country (or "")."""

    canonical: str
    kind: ActorKind
    country: str


def read_organisation(doc: Doc, span: Span, places: Gazetteer) -> Organisation:
    """Resolve the organisation ``span`` names."""
    words = name_words(span.text)
    name = " ".join(words)
    known = data.KNOWN_ORGANISATIONS.get(name.lower())
    if known is not None:
        canonical, code, armed = known
        known_country = places.country_of_code(code) if code else None
        kind = ActorKind.ARMED_GROUP if armed else ActorKind.ORGANISATION
        return Organisation(canonical, kind, known_country.name if known_country is not None else "")
    armed = any(word in data.ARMED_WORDS for word in words)
    country = _country_in(words, places) or _possessor(doc, span.start, places)
    if country and all(word in data.ROLE_WORDS or word in data.ORG_WORDS for word in words):
        # A generic name ("Foreign Ministry") is only one organisation once its country is in it.
        name = f"{country} {name}"
    return Organisation(name, ActorKind.ARMED_GROUP if armed else ActorKind.ORGANISATION, country)


def _country_in(words: list[str], places: Gazetteer) -> str:
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            demonym = places.demonym(phrase)
            if demonym is not None:
                return demonym.name
            country = places.country(phrase)
            if country is not None:
                return country.name
    return ""


def _possessor(doc: Doc, start: int, places: Gazetteer) -> str:
    """The country in "<country>’s <organisation>" or "<nationality> <organisation>", or ""."""
    if start < 1:
        return ""
    last = start - 1
    if doc[last].text in POSSESSIVES:
        last -= 1
    elif doc[last].ent_type_ != "NORP":
        return ""
    return country_of_entity_ending_at(doc, last, places)


@dataclass(frozen=True)
class NominalOrganisation:
    """An organisation described around a country ("Qatar’s foreign ministry"): its span and resolution."""

    start: int
    end: int
    text: str
    organisation: Organisation


#: Heads that make the phrase the state itself ("the Turkish government" acts as Türkiye).
_STATE_HEADS = frozenset({"government", "presidency", "administration", "cabinet", "regime"})
_MILITARY_HEADS = frozenset({"army", "military", "forces"})
_MAX_WORDS = 3


def nominal_organisations(doc: Doc, places: Gazetteer) -> list[NominalOrganisation]:
    """Organisations written as a country plus a common noun: "Qatar’s foreign ministry",
    "the Turkish government", "Syrian forces"."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "NORP"}:
            continue
        country = country_of_name(ent.text, places)
        if not country:
            continue
        index = ent.end
        if ent.label_ == "GPE":
            if index >= len(doc) or doc[index].text not in POSSESSIVES:
                continue
            index += 1
        for end in range(index, min(index + _MAX_WORDS, len(doc))):
            token = doc[end]
            if not token.is_lower or not token.is_alpha:
                break
            if token.lower_ in data.ORG_HEAD_NOUNS:
                phrase = doc[index : end + 1].text
                span = doc[ent.start : end + 1]
                found.append(NominalOrganisation(span.start_char, span.end_char, span.text, _nominal(country, phrase)))
                break
    return found


def _nominal(country: str, phrase: str) -> Organisation:
    head = phrase.split()[-1].lower()
    if head in _STATE_HEADS:
        return Organisation(country, ActorKind.STATE, country)
    if head in _MILITARY_HEADS:
        name = data.NATIONAL_MILITARIES.get(country, f"{country} Armed Forces")
        return Organisation(name, ActorKind.ARMED_GROUP, country)
    return Organisation(f"{country} {phrase.title()}", ActorKind.ORGANISATION, country)
