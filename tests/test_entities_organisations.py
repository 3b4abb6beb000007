"""Organisations: one name per organisation in an article, whatever the acronym or short form."""

from __future__ import annotations

import pytest

from tests.conftest import doc_with_entities
from timeline.entities import tag_entities
from timeline.entities.organisations import unify_organisations, without_legal_form
from timeline.types import ActorKind, EntityMention, EntityType


def _orgs(text: str, names: list[tuple[str, str]]) -> list[EntityMention]:
    """Organisation mentions of ``text``: (as written, canonical before unifying), found left to right."""
    mentions = []
    position = 0
    for written, canonical in names:
        start = text.index(written, position)
        position = start + len(written)
        mentions.append(
            EntityMention(start, position, written, EntityType.ORGANISATION, canonical, "", ActorKind.ORGANISATION)
        )
    return mentions


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Fighters from Jama'at Nusrat al-Islam wal-Muslimin (JNIM) attacked. JNIM claimed it.",
            [("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"), ("JNIM", "JNIM"), ("JNIM", "JNIM")],
            ["Jama'at Nusrat al-Islam wal-Muslimin"] * 3,
        ),
        (
            "His Republican People's Party (CHP) named him. The CHP said so.",
            [("Republican People's Party", "Republican People's Party"), ("CHP", "CHP"), ("CHP", "CHP")],
            ["Republican People's Party"] * 3,
        ),
        (
            "The United Kingdom Maritime Trade Operations agency (UKMTO) said so.",
            [("United Kingdom Maritime Trade Operations", "United Kingdom Maritime Trade Operations"),
             ("UKMTO", "UKMTO")],
            ["United Kingdom Maritime Trade Operations"] * 2,
        ),
        (
            "He faces the International Criminal Court. The ICC ruled.",
            [("International Criminal Court", "International Criminal Court"), ("ICC", "ICC")],
            ["International Criminal Court"] * 2,
        ),
        (
            "The National League for Democracy won. The NLD was dissolved.",
            [("National League for Democracy", "National League for Democracy"), ("NLD", "NLD")],
            ["National League for Democracy"] * 2,
        ),
        (
            "Royal Jordanian Airlines announced flights. Royal Jordanian was founded in 1963.",
            [("Royal Jordanian Airlines", "Royal Jordanian Airlines"), ("Royal Jordanian", "Royal Jordanian")],
            ["Royal Jordanian Airlines"] * 2,
        ),
        (
            "Apple Inc. sued. Apple won.",
            [("Apple Inc.", "Apple Inc."), ("Apple", "Apple")],
            ["Apple", "Apple"],
        ),
        (
            "General Motors Corporation (GM) cut jobs. General Motors said so. GM agreed.",
            [("General Motors Corporation", "General Motors Corporation"), ("GM", "GM"),
             ("General Motors", "General Motors"), ("GM", "GM")],
            ["General Motors"] * 4,
        ),
        (
            "Taiwan Semiconductor Manufacturing Co supplied chips.",
            [("Taiwan Semiconductor Manufacturing Co", "Taiwan Semiconductor Manufacturing Co")],
            ["Taiwan Semiconductor Manufacturing Co"],
        ),
        (
            "The Syrian National Council and the Syrian National Coalition met. The SNC spoke.",
            [("Syrian National Council", "Syrian National Council"),
             ("Syrian National Coalition", "Syrian National Coalition"), ("SNC", "SNC")],
            ["Syrian National Council", "Syrian National Coalition", "SNC"],
        ),
    ],
)
def test_entities_organisations_one_name_per_article(
    text: str, names: list[tuple[str, str]], expected: list[str]
) -> None:
    """A defined acronym, initials, a short form and a legal form all give one name; two that fit leave it alone."""
    assert [m.canonical for m in unify_organisations(_orgs(text, names), text)] == expected


@pytest.mark.parametrize(
    ("name", "plain"),
    [("Apple Inc.", "Apple"), ("Aer Lingus Group PLC", "Aer Lingus"), ("Inc.", "Inc."), ("Royal Jordanian Airlines",
                                                                                      "Royal Jordanian Airlines")],
)
def test_entities_organisations_without_legal_form(name: str, plain: str) -> None:
    """Legal forms end a company's name; other organisation words are part of it."""
    assert without_legal_form(name) == plain


@pytest.mark.parametrize(
    ("text", "ents", "canonical", "kind"),
    [
        ("Andrej Babiš's populist ANO party has won.", [("Andrej Babiš", "PERSON"), ("ANO party", "ORG")], "ANO",
         ActorKind.ORGANISATION),
        ("Yemen's Houthi movement said so.", [("Yemen", "GPE"), ("Houthi movement", "ORG")], "Houthis",
         ActorKind.ARMED_GROUP),
        ("Israel's Cabinet has put off a vote.", [("Israel", "GPE"), ("Cabinet", "ORG")], "Israel", ActorKind.STATE),
    ],
)
def test_entities_organisations_generic_nouns_and_cabinets(
    text: str, ents: list[tuple[str, str]], canonical: str, kind: ActorKind
) -> None:
    """ "the ANO party" is ANO, "Houthi movement" the Houthis, and a country's Cabinet is the state."""
    found = [m for m in tag_entities(doc_with_entities(text, ents)) if m.type is EntityType.ORGANISATION]
    assert [(m.canonical, m.actor_kind) for m in found] == [(canonical, kind)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "written", "canonical"),
    [
        ("Hundreds of fighters from Jama'at Nusrat al-Islam wal-Muslimin (JNIM) stormed a base. JNIM claimed it.",
         "JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Aung San Suu Kyi, whose National League for Democracy (NLD) won, remains in detention. The NLD was"
         " dissolved in March 2023.", "NLD", "National League for Democracy"),
        ("Human Rights Watch said in a report released on Monday that the army had killed civilians.",
         "Human Rights Watch", "Human Rights Watch"),
        ("Royal Jordanian Airlines today announced flights. Royal Jordanian, founded in 1963, is the carrier.",
         "Royal Jordanian", "Royal Jordanian Airlines"),
        ("Yemen's Houthi movement said on Wednesday it had sunk a Greek-operated bulk carrier.", "Houthi", "Houthis"),
    ],
)
def test_entities_organisations_in_articles(nlp, text: str, written: str, canonical: str) -> None:  # type: ignore[no-untyped-def]
    """With the model: defined acronyms, well-known names it misses or cuts, short forms: one name, and it acts."""
    found = [m for m in tag_entities(nlp(text)) if m.text == written]
    assert found, [(m.text, m.type) for m in tag_entities(nlp(text))]
    assert {(m.canonical, m.actor_kind is not None) for m in found} == {(canonical, True)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "written", "canonical"),
    [
        ("In Russia, the Defense Ministry said its forces had captured a village.", "the Defense Ministry",
         "Russia Defense Ministry"),
        ("The Defense Ministry said its forces had captured a village.", "The Defense Ministry", "Defense Ministry"),
    ],
)
def test_entities_organisations_generic_body_of_the_opening_country(  # type: ignore[no-untyped-def]
    nlp, text: str, written: str, canonical: str
) -> None:
    """A generic body in a sentence that opens "In <country>," is that country's; with no country, it stays generic."""
    found = [m for m in tag_entities(nlp(text)) if m.text == written]
    assert [m.canonical for m in found] == [canonical]
