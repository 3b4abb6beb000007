"""Pronouns and definite nouns that stand for a named actor: who "he" and "the group" are."""

from __future__ import annotations

import pytest

from tests.conftest import doc_with_entities
from timeline.entities import tag_entities
from timeline.entities.anaphora import NOUNS, resolve_anaphora


def _stands_for(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(word, canonical name) of each mention a pronoun or definite noun of ``text`` makes."""
    words = {"he", "she", "him", "her", "his", "it", *NOUNS}
    return [(m.text, m.canonical) for m in tag_entities(nlp(text)) if not m.standalone and m.text.lower() in words]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Former President Rodrigo Duterte was detained on Tuesday. He was put on a chartered jet that left Manila.",
         [("He", "Rodrigo Duterte")]),
        ("Home Secretary Shabana Mahmood will face questions. Her office said she would hold a surgery on Saturday.",
         [("Her", "Shabana Mahmood")]),
        ("President Yoon Suk Yeol declared martial law on Dec. 3. Parliament impeached him on Dec. 14.",
         [("him", "Yoon Suk Yeol")]),
        ("The M23 pulled out of peace talks on Monday. The group blamed sanctions imposed on Monday.",
         [("group", "M23")]),
        ("Royal Jordanian Airlines announced flights. The airline will operate four weekly flights from July.",
         [("airline", "Royal Jordanian Airlines")]),
        ("Israeli jets struck the city of Tyre on Sunday. The strikes killed 12 people.", [("strikes", "Israel")]),
        ("Israeli jets struck the city of Tyre on Sunday. Mikati called the strikes a massacre.", []),
        ("Tshisekedi met Kagame. Kagame said he would talk again.", []),
        ("Royal Jordanian was founded in 1963. It joined the oneworld alliance in 2007.", []),
        ("The Bank of England met. The Bank of Canada cut rates.", []),
    ],
)
def test_entities_anaphora_stands_for(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    """A pronoun is the person the sentence before has as subject (once a sentence); "the group" the latest
    armed group; "it" and names with "Bank" in them nothing."""
    assert _stands_for(nlp, text) == expected


@pytest.mark.slow
def test_entities_anaphora_acts_but_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    """The pronoun's mention gives the actor, its kind and country, and is not counted as a name."""
    doc = nlp("Turkish Foreign Minister Hakan Fidan arrived on Monday. He met reporters in Ankara.")
    he = [m for m in tag_entities(doc) if m.text == "He"]
    assert [(m.canonical, m.country, m.actor_kind is not None, m.standalone) for m in he] == [
        ("Hakan Fidan", "Türkiye", True, False)
    ]


def test_entities_anaphora_needs_sentences() -> None:
    """A doc no parser read has no sentence before: nothing is added."""
    doc = doc_with_entities("Hakan Fidan arrived. He left.", [("Hakan Fidan", "PERSON")])
    assert resolve_anaphora(doc, tag_entities(doc)) == []
