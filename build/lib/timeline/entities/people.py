"""People: the name without titles, the role written with it, the country it serves, and
surname-only mentions resolved to the full name used elsewhere in the article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from timeline.entities import data
from timeline.entities.data import POSSESSIVES
from timeline.entities.shapes import surname_key
from timeline.names import is_the
from timeline.places import Gazetteer

_ROLE_WORDS_LOWER = frozenset(word.lower() for word in data.ROLE_WORDS)
_PARTICLES_LOWER = frozenset(word.lower() for word in data.NAME_PARTICLES)


@dataclass(frozen=True)
class Person:
    """One person mention: character span of the bare name, the name, role and country."""

    start: int
    end: int
    name: str
    role: str
    country: str


def read_person(doc: Doc, span: Span, places: Gazetteer) -> Person:
    """The person ``span`` names: titles and honorifics stripped, role and affiliation read around it.

    "Turkish Foreign Minister Hakan Fidan" gives Hakan Fidan, "Foreign Minister", Türkiye;
    "Qatar’s Prime Minister … Sheikh Mohammed bin Abdulrahman Al-Thani" gives the name
    without "Sheikh" and Qatar.
    """
    start = span.start
    inner: list[int] = []
    while start < span.end - 1 and _is_title(doc[start]):
        if doc[start].text not in data.HONORIFICS and not is_the(doc[start].text, any_case=True):
            inner.append(start)
        start += 1
    outer, before = _role_before(doc, span.start)
    role_tokens = outer + inner
    role = _role_text(doc, role_tokens)
    country = _country_at(doc, before, places) if role_tokens else ""
    if not role:
        role, country = _apposition_after(doc, span.end, places) or (role, country)
    name_span = doc[start : span.end]
    return Person(name_span.start_char, name_span.end_char, canonical_name(name_span.text), role, country)


def canonical_name(text: str) -> str:
    """A person's name written one way across articles: single spaces, "al-Assad" as "Al-Assad"."""
    words = []
    for word in text.split():
        if word[:3] in {"al-", "el-"} and len(word) > 3:
            word = word[0].upper() + word[1:3] + word[3].upper() + word[4:]
        words.append(word)
    return " ".join(words)


def resolve_people(people: Sequence[Person]) -> list[Person]:
    """Give every mention the full name (and role, country) of the person it refers to.

    A one-word mention ("Fidan"), or a surname led by a particle ("Al Thani", "Von der
    Leyen"), is the full name ending in that surname, the latest one before it, or else
    the first one after it; name particles are ignored ("Assad" = "Bashar Al-Assad").
    Failing that, a one-word mention is the one full name it is a middle name of ("Lula"),
    or the one it opens, where the family name comes first ("Yoon" = "Yoon Suk Yeol").
    One person's role and country, once stated, hold for all their mentions.
    """
    full: dict[str, list[Person]] = {}
    # Middle names of long names ("Lula" in "Luiz Inacio Lula da Silva"), used when unique.
    middle: dict[str, set[str]] = {}
    # First words of full names: the family name where it comes first ("Yoon" in "Yoon Suk Yeol").
    first: dict[str, set[str]] = {}
    for person in people:
        words = person.name.split()
        if len(words) > 1:
            full.setdefault(surname_key(words[-1]), []).append(person)
            first.setdefault(surname_key(words[0]), set()).add(person.name)
        for word in words[1:-1] if len(words) > 2 else []:
            if word[:1].isupper() and word not in data.NAME_PARTICLES:
                middle.setdefault(surname_key(word), set()).add(person.name)
    resolved: list[Person] = []
    for person in people:
        words = person.name.split()
        name = person.name
        candidates = [
            candidate
            for candidate in (full.get(surname_key(words[-1]), []) if _surname_only(words) else [])
            if _ends_with(candidate.name, words)
        ]
        if candidates:
            earlier = [candidate for candidate in candidates if candidate.start < person.start]
            name = (earlier[-1] if earlier else candidates[0]).name
        elif len(words) == 1 and len(middle.get(surname_key(words[0]), ())) == 1:
            name = next(iter(middle[surname_key(words[0])]))
        elif len(words) == 1 and len(first.get(surname_key(words[0]), ())) == 1:
            name = next(iter(first[surname_key(words[0])]))
        resolved.append(replace(person, name=name))
    roles: dict[str, str] = {}
    countries: dict[str, str] = {}
    for person in resolved:
        if person.role:
            roles.setdefault(person.name, person.role)
        if person.country:
            countries.setdefault(person.name, person.country)
    return [
        replace(person, role=person.role or roles.get(person.name, ""), country=countries.get(person.name, ""))
        for person in resolved
    ]


def _surname_only(words: list[str]) -> bool:
    """Whether a mention is a surname alone: one word, or a surname led by a particle ("Al Thani", "Von der Leyen")."""
    return len(words) == 1 or words[0].lower() in _PARTICLES_LOWER


def _ends_with(name: str, words: list[str]) -> bool:
    """Whether ``name`` is longer than ``words`` and ends with them, particles compared without case."""
    tail = name.split()[-len(words) :]
    return len(name.split()) > len(words) and [surname_key(word) for word in tail] == [
        surname_key(word) for word in words
    ]


def _is_title(token: Token) -> bool:
    return token.text in data.HONORIFICS or token.text in data.ROLE_WORDS or is_the(token.text)


def _role_before(doc: Doc, start: int) -> tuple[list[int], int]:
    """Token indices of the role words written just before ``start``, and the index before them."""
    chain: list[int] = []
    index = start - 1
    while index >= 0:
        token = doc[index]
        is_role = token.lower_ in _ROLE_WORDS_LOWER or token.text in data.HONORIFICS
        joins_roles = bool(chain) and token.lower_ in data.ROLE_JOINERS and index > 0
        if not (is_role or (joins_roles and doc[index - 1].lower_ in _ROLE_WORDS_LOWER)):
            break
        chain.append(index)
        index -= 1
    while chain and doc[chain[-1]].lower_ in data.ROLE_JOINERS:
        index = chain.pop()
    return sorted(chain), index


def _role_text(doc: Doc, indices: list[int]) -> str:
    words = [doc[index].text for index in sorted(indices) if doc[index].text not in data.HONORIFICS]
    while words and words[0].lower() in data.ROLE_JOINERS:
        words.pop(0)
    while words and words[-1].lower() in data.ROLE_JOINERS:
        words.pop()
    return " ".join(words)


def _country_at(doc: Doc, index: int, places: Gazetteer) -> str:
    """The country named by the entity ending at token ``index`` ("Qatar’s", "Turkish", "U.S."), or ""."""
    while index >= 0 and doc[index].lower_ in data.ROLE_QUALIFIERS:
        index -= 1
    if index >= 0 and doc[index].text in POSSESSIVES:
        index -= 1
    return country_of_entity_ending_at(doc, index, places)


def country_of_entity_ending_at(doc: Doc, index: int, places: Gazetteer) -> str:
    """The country named by the whole entity whose last token is ``index``, or "" when no entity ends there."""
    if index < 0 or doc[index].ent_iob_ == "O":
        return ""
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return country_of_name(doc[start : index + 1].text, places)


def country_of_name(text: str, places: Gazetteer) -> str:
    """The country a place name or demonym points to ("Aleppo", "Turkish", "U.S."), or ""."""
    country = places.demonym(text)
    if country is not None:
        return country.name
    place = places.resolve(text)
    return place.country if place is not None else ""


def _apposition_after(doc: Doc, end: int, places: Gazetteer) -> tuple[str, str] | None:
    """Role and country from an apposition: "Hakan Fidan, Turkey’s foreign minister," ."""
    index = end
    if index >= len(doc) or doc[index].text != ",":
        return None
    index += 1
    if index < len(doc) and is_the(doc[index].text, any_case=True):
        index += 1
    if index >= len(doc) or doc[index].ent_iob_ != "B":
        return None
    ent_end = index + 1
    while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
        ent_end += 1
    country = country_of_name(doc[index:ent_end].text, places)
    index = ent_end + 1 if ent_end < len(doc) and doc[ent_end].text in POSSESSIVES else ent_end
    role_end = index
    while role_end < len(doc) and (
        doc[role_end].lower_ in _ROLE_WORDS_LOWER
        or (doc[role_end].lower_ in data.ROLE_JOINERS and role_end > index)
    ):
        role_end += 1
    role = _role_text(doc, list(range(index, role_end)))
    if not country or not role:
        return None
    return role, country
