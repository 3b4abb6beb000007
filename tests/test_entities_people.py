"""People: titles stripped, roles and affiliations read, surnames resolved to full names."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from tests.conftest import doc_with_entities
from timeline.entities.people import Person, canonical_name, read_person, resolve_people
from timeline.places import gazetteer


def _person(doc: Doc) -> Span:
    return next(ent for ent in doc.ents if ent.label_ == "PERSON")


@pytest.mark.parametrize(
    ("text", "ents", "name", "role", "country"),
    [
        (
            "Turkish Foreign Minister Hakan Fidan spoke.",
            [("Turkish", "NORP"), ("Hakan Fidan", "PERSON")],
            "Hakan Fidan",
            "Foreign Minister",
            "Türkiye",
        ),
        (
            "Qatar’s Prime Minister and Minister of Foreign Affairs Sheikh Mohammed bin Abdulrahman Al-Thani called.",
            [("Qatar", "GPE"), ("Mohammed bin Abdulrahman Al-Thani", "PERSON")],
            "Mohammed bin Abdulrahman Al-Thani",
            "Prime Minister and Minister of Foreign Affairs",
            "Qatar",
        ),
        (
            "Then outgoing U.S. President Joe Biden said so.",
            [("U.S.", "GPE"), ("Joe Biden", "PERSON")],
            "Joe Biden",
            "President",
            "United States",
        ),
        (
            "Yesterday President Emmanuel Macron left.",
            [("President Emmanuel Macron", "PERSON")],
            "Emmanuel Macron",
            "President",
            "",
        ),
        (
            "They met Annalena Baerbock, Germany's foreign minister, in Berlin.",
            [("Annalena Baerbock", "PERSON"), ("Germany", "GPE"), ("Berlin", "GPE")],
            "Annalena Baerbock",
            "foreign minister",
            "Germany",
        ),
        ("Dr. Jane Roe arrived.", [("Dr. Jane Roe", "PERSON")], "Jane Roe", "", ""),
    ],
)
def test_entities_people_title_stripping(
    text: str, ents: list[tuple[str, str]], name: str, role: str, country: str
) -> None:
    """The name loses its titles and honorifics; the role and the country it serves are kept apart."""
    doc = doc_with_entities(text, ents)
    person = read_person(doc, _person(doc), gazetteer())
    assert (person.name, person.role, person.country) == (name, role, country)


def _p(start: int, name: str, role: str = "", country: str = "") -> Person:
    return Person(start, start + len(name), name, role, country)


@pytest.mark.parametrize(
    ("people", "names", "countries"),
    [
        (
            [_p(0, "Hakan Fidan", "Foreign Minister", "Türkiye"), _p(50, "Fidan")],
            ["Hakan Fidan", "Hakan Fidan"],
            ["Türkiye", "Türkiye"],
        ),
        (
            [_p(0, "Biden"), _p(30, "Joe Biden", "President", "United States"), _p(60, "Biden")],
            ["Joe Biden", "Joe Biden", "Joe Biden"],
            ["United States"] * 3,
        ),
        ([_p(0, "Bashar Al-Assad"), _p(40, "Assad")], ["Bashar Al-Assad", "Bashar Al-Assad"], ["", ""]),
        (
            [_p(0, "George Bush"), _p(20, "Bush"), _p(40, "Jeb Bush"), _p(60, "Bush")],
            ["George Bush", "George Bush", "Jeb Bush", "Jeb Bush"],
            ["", "", "", ""],
        ),
        ([_p(0, "Smith"), _p(10, "Jones")], ["Smith", "Jones"], ["", ""]),
    ],
)
def test_entities_people_surname_resolution(people: list[Person], names: list[str], countries: list[str]) -> None:
    """A surname alone is the full name used nearest before it (else after it), with that person's country."""
    resolved = resolve_people(people)
    assert [person.name for person in resolved] == names
    assert [person.country for person in resolved] == countries


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Bashar al-Assad", "Bashar Al-Assad"),
        ("Bashar Al-Assad", "Bashar Al-Assad"),
        ("Mohammed  bin Abdulrahman al-Thani", "Mohammed bin Abdulrahman Al-Thani"),
        ("Abdel Fattah el-Sisi", "Abdel Fattah El-Sisi"),
        ("Joe Biden", "Joe Biden"),
    ],
)
def test_entities_people_canonical_name_is_one_spelling(written: str, canonical: str) -> None:
    """Spacing and the case of name particles do not split one person into two."""
    assert canonical_name(written) == canonical


@pytest.mark.parametrize(
    ("people", "names"),
    [
        ([_p(0, "Mohammed bin Abdulrahman Al Thani"), _p(60, "Al Thani")], ["Mohammed bin Abdulrahman Al Thani"] * 2),
        ([_p(0, "Ursula von der Leyen"), _p(40, "Von der Leyen")], ["Ursula von der Leyen"] * 2),
        ([_p(0, "Yoon Suk Yeol"), _p(30, "Yoon")], ["Yoon Suk Yeol"] * 2),
        ([_p(0, "Steve Jobs"), _p(30, "Steve")], ["Steve Jobs"] * 2),
        ([_p(0, "Ahmed al-Sharaa"), _p(30, "Sharaa"), _p(50, "al-Sharaa")], ["Ahmed al-Sharaa"] * 3),
        ([_p(0, "Yoon Suk Yeol"), _p(20, "Yoon Min"), _p(40, "Yoon")], ["Yoon Suk Yeol", "Yoon Min", "Yoon"]),
        ([_p(0, "Al Thani")], ["Al Thani"]),
    ],
)
def test_entities_people_particles_and_family_names_first(people: list[Person], names: list[str]) -> None:
    """A surname led by a particle, a family name written first or a first name alone is the one full name it fits."""
    assert [person.name for person in resolve_people(people)] == names
