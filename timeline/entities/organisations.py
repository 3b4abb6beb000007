"""Organisations and armed groups: one canonical name, a kind and a country.

Well-known organisations go by many names ("HTS", "Hayat Tahrir al-Sham"); the table
in :mod:`timeline.entities.data` maps them to one. Otherwise the name is kept as
written (without "the" or a possessive), it is an armed group when it says so
("Army", "Forces", "Brigades"), and its country is the one its name or a possessive
before it gives ("Syrian National Army" -> Syria, "Qatar’s Al Jazeera" -> Qatar).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Span

from timeline.entities import data
from timeline.entities.data import POSSESSIVES
from timeline.entities.people import country_of_entity_ending_at, country_of_name
from timeline.names import follow_renamings, name_words, straight_apostrophes
from timeline.places import Gazetteer
from timeline.types import ActorKind, EntityMention, EntityType


@dataclass(frozen=True)
class Organisation:
    """An organisation mention resolved: canonical name, kind and country (or "")."""

    canonical: str
    kind: ActorKind
    country: str


def read_organisation(doc: Doc, span: Span, places: Gazetteer) -> Organisation:
    """Resolve the organisation ``span`` names.

    A generic noun after the name says what it is, not which, and is dropped ("the ANO party"
    is ANO, "Houthi movement" the Houthis); a state's cabinet or government is the state
    ("Israel's Cabinet").
    """
    words = name_words(straight_apostrophes(span.text))
    while len(words) > 1 and words[-1] in data.GENERIC_ORG_NOUNS:
        words = words[:-1]
    name = " ".join(words)
    if len(words) == 1 and name.lower() in data.STATE_HEADS:
        state = _possessor(doc, span.start, places)
        if state:
            return Organisation(state, ActorKind.STATE, state)
    known = data.KNOWN_ORGANISATIONS.get(name.lower())
    if known is not None:
        canonical, code, armed = known
        known_country = places.country_of_code(code) if code else None
        kind = ActorKind.ARMED_GROUP if armed else ActorKind.ORGANISATION
        return Organisation(canonical, kind, known_country.name if known_country is not None else "")
    armed = any(word in data.ARMED_WORDS for word in words)
    country = _country_in(words, places) or _possessor(doc, span.start, places)
    generic = all(word in data.ROLE_WORDS or word in data.ORG_WORDS for word in words)
    if generic and not country:
        country = _opening_country(doc, span, places)
    if country and generic:
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


def _opening_country(doc: Doc, span: Span, places: Gazetteer) -> str:
    """The country a sentence opens on, before a generic body it names: "In Russia, the Defense
    Ministry said" is Russia's ministry. "" when the sentence opens otherwise."""
    if not doc.has_annotation("SENT_START"):
        return ""
    start = span.sent.start
    if start + 3 > span.start or doc[start].lower_ != "in" or doc[start + 1].ent_iob_ != "B":
        return ""
    end = start + 2
    while end < span.start and doc[end].ent_iob_ == "I":
        end += 1
    if end >= span.start or doc[end].text != ",":
        return ""
    country = places.country(doc[start + 1 : end].text)
    return country.name if country is not None else ""


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
_STATE_HEADS = data.STATE_HEADS
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


#: Between a name and the acronym defined after it: "Hayat Tahrir al-Sham (HTS)", "the United
#: Kingdom Maritime Trade Operations agency (UKMTO)".
_BEFORE_ACRONYM = re.compile(r"\s*(?:[a-z]+\s+){0,2}\($")
#: Words left out of an acronym's letters ("National League for Democracy" is NLD).
_NOT_IN_ACRONYMS = frozenset({"of", "for", "the", "and", "on", "in", "de", "du"})
_MAX_ACRONYM = 8


def unify_organisations(mentions: Sequence[EntityMention], text: str) -> list[EntityMention]:
    """``mentions`` (in text order) with each organisation under the one name the article gives it in full.

    - An acronym the article defines ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM)") is the
      full name, wherever it is written; where the table of well-known organisations knows
      the group only by its acronym, the full name written wins.
    - A legal form is no part of the name when the article also writes the name without it
      ("Apple Inc." beside "Apple" is Apple); alone it stays ("Taiwan Semiconductor
      Manufacturing Co").
    - An acronym whose letters are the initials of one organisation the article names in full
      is that organisation ("ICC" after "International Criminal Court", "GM" after "General
      Motors Corporation").
    - A name cut short of its organisation words ("Royal Jordanian" beside "Royal Jordanian
      Airlines") is the full name, when exactly one fits.
    """
    organisations = [m for m in mentions if m.type is EntityType.ORGANISATION]
    if not organisations:
        return list(mentions)
    names = {m.canonical for m in organisations}
    renamed = _defined_acronyms(organisations, text)
    for name in names | set(renamed.values()):
        plain = without_legal_form(name)
        if plain != name and (plain in names or plain in renamed):
            renamed.setdefault(name, plain)
    bases = {follow_renamings(renamed, name) for name in names}
    full = {name for name in bases if " " in name}
    shortened: dict[str, str] = {}
    for name in sorted(bases):
        candidates = {
            other
            for other in full - {name}
            if (_acronym(name) and name in {_initials(other), _initials(without_legal_form(other))})
            or _cut_short(name, other)
        }
        if len(candidates) == 1:
            shortened[name] = next(iter(candidates))
    final = {name: follow_renamings(shortened, follow_renamings(renamed, name)) for name in names}
    if all(name == target for name, target in final.items()):
        return list(mentions)
    return [
        replace(m, canonical=final[m.canonical]) if m.type is EntityType.ORGANISATION else m for m in mentions
    ]



def without_legal_form(name: str) -> str:
    """``name`` without the legal form that ends it: "Apple Inc." -> "Apple", "Aer Lingus Group PLC" -> "Aer Lingus"."""
    words = name.split()
    while len(words) > 1 and words[-1] in data.LEGAL_FORMS:
        words = words[:-1]
    return " ".join(words)


def _defined_acronyms(organisations: list[EntityMention], text: str) -> dict[str, str]:
    """Canonical names to rename so that a defined acronym and its full name are one organisation."""
    renamed: dict[str, str] = {}
    for name, acronym in pairwise(organisations):
        if not _acronym(acronym.text) or not _BEFORE_ACRONYM.match(text[name.end : acronym.start]):
            continue
        if text[acronym.end : acronym.end + 1] != ")":
            continue
        full = name.canonical
        if _acronym(full) or full == acronym.canonical:
            # The table knows the group by its acronym; the article spells it out.
            full = " ".join(_generic_dropped(name_words(straight_apostrophes(name.text))))
        if without_legal_form(full) == acronym.text:
            continue  # "EADS N.V. (EADS)" defines nothing.
        for canonical in (name.canonical, acronym.canonical):
            if canonical != full:
                renamed[canonical] = full
    return renamed


def _generic_dropped(words: list[str]) -> list[str]:
    while len(words) > 1 and words[-1] in data.GENERIC_ORG_NOUNS:
        words = words[:-1]
    return words


def _acronym(name: str) -> bool:
    return 2 <= len(name) <= _MAX_ACRONYM and name.isalnum() and name.upper() == name and name[0].isalpha()


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word.lower() not in _NOT_IN_ACRONYMS).upper()


def _cut_short(short: str, full: str) -> bool:
    """Whether ``full`` is ``short`` followed by organisation words that say what it is ("Royal
    Jordanian" + "Airlines"), not only by a legal form (which the name drops instead)."""
    words, longer = short.split(), full.split()
    extra = longer[len(words) :]
    return (
        len(longer) > len(words)
        and longer[: len(words)] == words
        and all(word in data.ORG_WORDS or word in data.LEGAL_FORMS for word in extra)
        and not all(word in data.LEGAL_FORMS for word in extra)
    )
