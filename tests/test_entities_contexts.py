"""The words around a name: the ones that make it a place, and the ones that make it a credit."""

from __future__ import annotations

import pytest

from tests.conftest import doc_with_entities
from timeline.entities.contexts import inside_phrase, is_credit, names_a_city, names_a_place


def _first(text: str, ents: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    doc = doc_with_entities(text, ents)
    return doc, doc.ents[0]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Militants attacked the northern town of Sebba on Sunday.", "Sebba", True),
        ("Forces captured the village of Dachne.", "Dachne", True),
        ("The camp lies nine miles south of Tawila.", "Tawila", True),
        ("Homes burned in Zamzam displacement camp.", "Zamzam", True),
        ("Residents of the Mezzeh neighbourhood cheered.", "Mezzeh", True),
        ("Tawila, a town 40 miles to the west, took them in.", "Tawila", True),
        ("Imamoglu, the city's mayor, was jailed.", "Imamoglu", False),
        ("Omar, a village elder, spoke.", "Omar", False),
        ("They bought a stake in Fiat last year.", "Fiat", False),
        ("The fall of Assad changed everything.", "Assad", False),
        ("Crowds gathered near Anguk subway station.", "Anguk", True),
        ("El Fasher, the last major city in Darfur, is besieged.", "El Fasher", True),
    ],
)
def test_entities_contexts_names_a_place(text: str, name: str, expected: bool) -> None:
    """ "the town of X", "X camp" and "X, a town …" make a name a place; "in" or "fall of" do not."""
    doc, span = _first(text, [(name, "PERSON")])
    assert names_a_place(doc, span) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Older voters in Ostrava backed ANO.", "Ostrava", True),
        ("Since the fall of Mariupol she has waited.", "Mariupol", True),
        ("Rivals Toyota and Honda gained.", "Toyota", False),
        ("Orders for Toyota's cars fell.", "Toyota", False),
    ],
)
def test_entities_contexts_names_a_city(text: str, name: str, expected: bool) -> None:
    """A name the gazetteer knows as a city is the city after "in" or "the fall of", not as a company's name."""
    doc, span = _first(text, [(name, "ORG")])
    assert names_a_city(doc, span) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("She grew up in Small Heath.", "Small Heath", True),
        ("Fighters gathered in the Sahel.", "Sahel", True),
        ("He also stood in Steve Jobs' place.", "Steve Jobs", False),
        ("He met Small Heath.", "Small Heath", False),
    ],
)
def test_entities_contexts_inside_phrase(text: str, name: str, expected: bool) -> None:
    """"in X" and "in the X" put a name on a map, unless a possessive makes it an owner."""
    doc, span = _first(text, [(name, "PERSON")])
    assert inside_phrase(doc, span) is expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Head\nKYIV, Ukraine (AP) — Drones struck.", [("KYIV", "GPE"), ("Ukraine", "GPE"), ("AP", "ORG")], True),
        ("Head\nOUAGADOUGOU (Reuters) - Militants killed dozens.", [("OUAGADOUGOU", "GPE"), ("Reuters", "ORG")],
         True),
        ("Fires burned. Photograph: Maxar Technologies", [("Maxar Technologies", "ORG")], True),
        ("Head\nThe rebels (M23) advanced.", [("M23", "ORG")], False),
        ("Head\nReuters said so.", [("Reuters", "ORG")], False),
    ],
)
def test_entities_contexts_is_credit(text: str, ents: list[tuple[str, str]], expected: bool) -> None:
    """An agency in a dateline's parentheses or after "Photograph:" reports; a name elsewhere may act."""
    doc = doc_with_entities(text, ents)
    assert is_credit(doc, doc.ents[-1]) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Sebba lies near the border with Niger.", True), ("The frontier of Niger is long.", True),
     ("He met Niger.", False), ("A deal with Niger was signed.", False)],
)
def test_entities_contexts_border_phrase(text: str, expected: bool) -> None:
    """"the border with X" names a country, even one whose name is also a word or a name."""
    from timeline.entities.contexts import border_phrase

    doc, span = _first(text, [("Niger", "PERSON")])
    assert border_phrase(doc, span) is expected
