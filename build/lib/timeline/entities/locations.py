"""Places and states: a place mention resolved through the gazetteer, and a country acting
as the subject of a sentence ("Israel has killed…", "Türkiye and Russia agreed…")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from timeline.names import name_words
from timeline.places import Gazetteer
from timeline.places.data import SEATS_OF_INSTITUTIONS
from timeline.types import Place

_SUBJECTS = frozenset({"nsubj"})
#: Words after a place name that name its kind of area, not the place.
#: ("County" stays: in the US it is part of the name.)
_AREA_NOUNS = frozenset({"province", "district", "region", "governorate", "oblast"})
_TEXT_KEY = "timeline_text"
#: Nouns of a state's means and envoys: a nationality or country qualifying one that acts
#: makes the state act ("Israeli jets struck"). As written: the pipeline runs no lemmatizer.
_AGENT_NOUNS = frozenset({
    "jet", "jets", "warplane", "warplanes", "aircraft", "plane", "planes", "drone", "drones", "missile",
    "missiles", "rocket", "rockets", "strike", "strikes", "airstrike", "airstrikes", "shelling", "artillery",
    "bombardment", "bombing", "troops", "soldiers", "forces", "army", "military", "navy", "warship",
    "warships", "tanks", "police", "ministers", "ambassadors", "diplomats", "envoys", "negotiators",
    "authorities",
})
#: Nouns of dealings between parties, as written (the pipeline runs no lemmatizer): a
#: country "with" one of them is a party ("talks with Kinshasa").
_DEALINGS = frozenset({
    "talk", "talks", "ceasefire", "ceasefires", "truce", "deal", "deals", "agreement", "agreements",
    "accord", "negotiation", "negotiations", "meeting", "meetings", "dialogue", "war", "relations",
    "ties", "summit", "treaty", "pact",
})


def resolve_place(span: Span, places: Gazetteer) -> tuple[Place, bool]:
    """The place ``span`` names and whether it is a country; unknown places keep their name with no country."""
    entry = places.lookup(span.text, _text_of(span.doc))
    if entry is not None:
        if not entry.is_country:
            qualifier = _qualifier(span, places)
            if qualifier is not None and qualifier.country_code and qualifier.country_code != entry.place.country_code:
                # "Santa Clara, California" is not the larger Santa Clara elsewhere.
                return replace(qualifier, name=entry.place.name), False
        return entry.place, entry.is_country
    words = name_words(span.text)
    if len(words) > 1 and words[-1].lower() in _AREA_NOUNS:
        # "Kunar province" is Kunar.
        words = words[:-1]
        known = places.lookup(" ".join(words))
        if known is not None:
            return known.place, known.is_country
    return Place(name=" ".join(words), country_code="", country="", region=""), False


def seat_metonym(span: Span, place: Place, text: str, places: Gazetteer) -> Place | None:
    """The institution a seat city acting as a subject stands for, when the article names it, else None."""
    seat = SEATS_OF_INSTITUTIONS.get(place.name)
    if seat is None or not is_subject(span, frozenset()):
        return None
    institution, named = seat
    if named.search(text) is None:
        return None
    return places.resolve(institution)


def _qualifier(span: Span, places: Gazetteer) -> Place | None:
    """The country or US state written after "<city>, " ("Santa Clara, California"), or None."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    after = doc[span.end + 1]
    if after.ent_iob_ != "B" or after.ent_type_ != "GPE":
        return None
    end = after.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    # Only a qualifier that closes the phrase: in "in Kyiv, Russia said" Russia starts a clause.
    if end < len(doc) and not doc[end].is_punct:
        return None
    entry = places.lookup(doc[after.i : end].text)
    if entry is not None and (entry.is_country or entry.population == 0):
        return entry.place
    return None


def _text_of(doc: Doc) -> str:
    # Doc.text joins every token anew on each call, and an article names many places.
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def is_subject(span: Span, countries: frozenset[int]) -> bool:
    """Whether ``span`` is the subject of its clause, alone or coordinated with other countries.

    ``countries`` holds the token indices of the doc's country mentions: in "Türkiye and
    Russia agreed" Russia is a subject through Türkiye; a coordination led by anything
    else (often a parser's mistake in long lists) does not make a country act.
    """
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
        if token.i not in countries:
            return False
    return token.dep_ in _SUBJECTS


def is_party(span: Span, countries: frozenset[int]) -> bool:
    """Whether ``span`` names a party to talks, a truce or a war: "a ceasefire between the United
    States and the Houthis", "peace talks with Kinshasa", "sanctions against Russia".

    A country after "between" or "against", or after "with" hanging on a noun of such
    dealings, takes part in them; "with" anywhere else ("a border with Niger") does not.
    """
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    if preposition.lower_ in {"between", "against"}:
        return True
    return preposition.lower_ == "with" and preposition.head.lower_ in _DEALINGS


def modifies_agent(span: Span) -> bool:
    """Whether ``span`` qualifies the agent of its clause, a state's means or envoys: "Israeli jets
    struck", "killed by Russian drones", "EU ambassadors agreed". The state then acts.

    "Ukrainian officials said" does not: officials who report are sources, not agents.
    """
    root = span.root
    if root.dep_ not in {"amod", "compound", "nmod"} or root.head.i < span.end:
        return False
    agent = root.head
    if agent.lower_ not in _AGENT_NOUNS:
        return False
    while agent.dep_ == "conj" and agent.head is not agent:
        agent = agent.head
    return agent.dep_ in _SUBJECTS or (agent.dep_ == "pobj" and agent.head.dep_ == "agent")


def is_modifier(span: Span) -> bool:
    """Whether ``span`` only modifies a noun after it ("US markets", "Airbus A380", "Apple CEO Steve Jobs")."""
    root = span.root
    if span.end < len(span.doc) and span.doc[span.end].text == "(":
        # "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)": the parser hangs a name on its acronym.
        return False
    return (
        root.dep_ in {"compound", "nmod", "amod"}
        and root.head.i >= span.end
        and root.head.pos_ in {"NOUN", "PROPN", "NUM"}
    )
