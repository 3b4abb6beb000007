"""Places and states: a place mention resolved through the gazetteer, and a country acting
as the subject of a sentence ("Israel has killed…", "Türkiye and Russia agreed…")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from timeline.places import Gazetteer
from timeline.types import Place

_SUBJECTS = frozenset({"nsubj"})
_TEXT_KEY = "timeline_text"


def resolve_place(span: Span, places: Gazetteer) -> tuple[Place, bool]:
    """The place ``span`` names and whether it is a country; unknown places keep their name with no country."""
    entry = places.lookup(span.text, _text_of(span.doc))
    if entry is not None:
        return entry.place, entry.is_country
    words = span.text.split()
    if words and words[0] in {"the", "The"}:
        words = words[1:]
    return Place(name=" ".join(words), country_code="", country="", region=""), False


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


def is_modifier(span: Span) -> bool:
    """Whether ``span`` only modifies a noun after it ("US markets", "Airbus A380", "Apple CEO Steve Jobs")."""
    root = span.root
    return (
        root.dep_ in {"compound", "nmod", "amod"}
        and root.head.i >= span.end
        and root.head.pos_ in {"NOUN", "PROPN", "NUM"}
    )
