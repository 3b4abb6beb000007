"""Names the model missed, found where the article shows them."""

from __future__ import annotations

import pytest

from tests.conftest import doc_with_entities
from timeline.entities.missed import (
    missed_organisations,
    missed_repeats,
    missed_surnames,
    places_named_by_a_noun,
    with_known_organisations,
)


def _texts(spans) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(span.text, span.label_) for span in spans]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Hakan Fidan spoke. Fidan said no.", [("Hakan Fidan", "PERSON")], [("Fidan", "PERSON")]),
        ("Ahmed al-Sharaa spoke. Sharaa left.", [("Ahmed al-Sharaa", "PERSON")], [("Sharaa", "PERSON")]),
        ("Mark Rutte spoke. Fidan left.", [("Mark Rutte", "PERSON")], []),
    ],
)
def test_entities_missed_surnames(text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    """The surname of a person named in full is that person where the model missed it."""
    doc = doc_with_entities(text, ents)
    assert _texts(missed_surnames(doc, list(doc.ents))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("HTS leaders met.", [("HTS", "ORG")]), ("Houthi fighters fired.", [("Houthi", "ORG")]),
     ("Wagner wrote operas.", []), ("The who and the what.", [])],
)
def test_entities_missed_organisations(text: str, expected: list[tuple[str, str]]) -> None:
    """Well-known one-word names and acronyms are organisations; a group's name that is also a surname is not."""
    doc = doc_with_entities(text, [])
    assert _texts(missed_organisations(doc, [])) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Human Rights Watch said so.", [], [("Human Rights Watch", "ORG")]),
        ("Fighters from Jama'at Nusrat al-Islam wal-Muslimin came.", [("Nusrat al-Islam", "PERSON")],
         [("Jama'at Nusrat al-Islam wal-Muslimin", "ORG")]),
        ("Monitors said the Human Rights Watch report was late.", [("the Human Rights Watch", "ORG")],
         [("the Human Rights Watch", "ORG")]),
        ("They watch human rights watch groups.", [], []),
    ],
)
def test_entities_missed_known_organisations_whole(
    text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    """A well-known name of several words is one organisation, over the spans that cut it; a span holding it stays."""
    doc = doc_with_entities(text, ents)
    assert _texts(with_known_organisations(doc, list(doc.ents))) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Launch customer ANA ordered 55. Japan's (ANA) took one.", [("ANA", "ORG")], [("ANA", "ORG")]),
        ("Parliament voted. Parliament rose.", [("Parliament", "ORG")], []),
        ("Al-Taamari said so. Striker Musa Al-Taamari scored.", [("Al-Taamari", "PERSON")],
         [("Striker Musa Al-Taamari", "PERSON")]),
    ],
)
def test_entities_missed_repeats(text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    """A name the article tags is found again where the model missed it; a generic body is not."""
    doc = doc_with_entities(text, ents)
    assert _texts(missed_repeats(doc, list(doc.ents), [])) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Forces captured the village of Dachne.", [("Dachne", "GPE")]),
     ("They took the town of Nova Poltavka Uzhe Gorod.", [("Nova Poltavka Uzhe", "GPE")]),
     ("He is the President of France.", [])],
)
def test_entities_missed_places_named_by_a_noun(text: str, expected: list[tuple[str, str]]) -> None:
    """Capitalised words after "the village of" are a place, known or not, three words at most."""
    doc = doc_with_entities(text, [])
    assert _texts(places_named_by_a_noun(doc, [])) == expected
