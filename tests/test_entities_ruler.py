"""The entity fixes: model entities trimmed and relabelled with the gazetteer and the article."""

from __future__ import annotations

import pytest

from tests.conftest import doc_with_entities
from timeline.entities.ruler import EntityFixes
from timeline.places import gazetteer

_FIXES = EntityFixes(gazetteer())


def _fixed(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Entities after the fixes, for a blank doc given the model's (text, label) entities."""
    doc = doc_with_entities(text, ents)
    return [(ent.text, ent.label_) for ent in _FIXES(doc).ents]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Forces advanced into Aleppo.", [("Aleppo", "NORP")], [("Aleppo", "GPE")]),
        ("Counterattacks on Aleppo began.", [("Aleppo", "PERSON")], [("Aleppo", "GPE")]),
        ("Qatar and Türkiye talked.", [("Türkiye", "ORG")], [("Qatar", "GPE"), ("Türkiye", "GPE")]),
        ("Forces moved to Hama.", [("Hama.", "GPE")], [("Hama", "GPE")]),
        ("Palestine’s ministry spoke.", [("Palestine’s", "ORG")], [("Palestine", "GPE")]),
        (
            "Bashar Al-Assad ruled. Forces of the Bashar Al-Assad regime. Assad fled.",
            [("Bashar Al-Assad", "PERSON"), ("the Bashar Al-Assad", "ORG"), ("Assad", "PERSON")],
            [("Bashar Al-Assad", "PERSON"), ("Bashar Al-Assad", "PERSON"), ("Assad", "PERSON")],
        ),
        (
            "Fritz Henderson spoke. Henderson said so.",
            [("Fritz Henderson", "PERSON"), ("Henderson", "GPE")],
            [("Fritz Henderson", "PERSON"), ("Henderson", "PERSON")],
        ),
        ("Saturn Corporation grew.", [("Saturn Corporation", "PERSON")], [("Saturn Corporation", "ORG")]),
        ("At 16:15 UTC it fell.", [("UTC", "ORG")], []),
        ("The iPhone sold well.", [("iPhone", "ORG")], []),
        ("The US Government acted.", [("US Government", "ORG")], [("US Government", "GPE")]),
        (
            "Secretary of State Antony Blinken flew in.",
            [("State", "ORG"), ("Antony Blinken", "PERSON")],
            [("Antony Blinken", "PERSON")],
        ),
        (
            "Hakan Fidan spoke. Fidan said no.",
            [("Hakan Fidan", "PERSON")],
            [("Hakan Fidan", "PERSON"), ("Fidan", "PERSON")],
        ),
        ("HTS leaders met.", [], [("HTS", "ORG")]),
        (
            "Spokeswoman Sandy Angers said so. Angers added more.",
            [("Spokeswoman Sandy Angers", "ORG"), ("Angers", "ORG")],
            [("Sandy Angers", "PERSON"), ("Angers", "PERSON")],
        ),
        ("Prince Edward Island voted.", [("Prince Edward Island", "GPE")], [("Prince Edward Island", "GPE")]),
        (
            "Queen Elizabeth Hospital opened.",
            [("Queen Elizabeth Hospital", "ORG")],
            [("Queen Elizabeth Hospital", "ORG")],
        ),
        ("Minister Bashar Al-Assad spoke.", [("Minister Bashar Al-Assad", "ORG")], [("Bashar Al-Assad", "PERSON")]),
    ],
)
def test_entities_ruler_fixes_model_entities(
    text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    """Known places win over wrong labels, spans lose punctuation, people and organisations are recognised."""
    assert _fixed(text, ents) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The offensive moved into Idlib at dawn.", [("Idlib", "GPE")]),
        ("The offensive reached Idlib at dawn.", []),
        ("They entered the city of Hama yesterday.", [("Hama", "GPE")]),
        ("Talks covered Syria and the Gaza Strip.", [("Syria", "GPE"), ("Gaza Strip", "GPE")]),
        ("Jordan scored twice.", []),
        ("Turkey is best roasted slowly.", []),
        ("Idlib reporters gathered.", []),
        ("Reading is fun.", []),
    ],
)
def test_entities_ruler_finds_missed_places_conservatively(text: str, expected: list[tuple[str, str]]) -> None:
    """Countries and well-known places are found unaided; cities need a locative word; ambiguous names never."""
    assert _fixed(text, []) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Title\nKYIV — Strikes hit.", [], [("KYIV", "GPE")]),
        ("Title\nLAGOS, Nigeria (Reuters) — Rates rose.", [("LAGOS", "ORG"), ("Nigeria", "GPE")],
         [("LAGOS", "GPE"), ("Nigeria", "GPE"), ("Reuters", "ORG")]),
        ("Title\nNEW DELHI — Votes counted.", [("NEW DELHI", "ORG")], [("NEW DELHI", "GPE")]),
        ("Title\nBREAKING — Votes counted.", [], []),
        ("Strikes hit Kharkiv and Odesa overnight.", [("Kharkiv and Odesa", "ORG")],
         [("Kharkiv", "GPE"), ("Odesa", "GPE")]),
        ("Shares of Procter and Gamble rose.", [("Procter and Gamble", "ORG")], [("Procter and Gamble", "ORG")]),
        ("Neighbouring Burkina Faso suffers too.", [("Neighbouring Burkina Faso", "ORG")], [("Burkina Faso", "GPE")]),
        ("Air France cut flights.", [("Air France", "ORG")], [("Air France", "ORG")]),
        ("The Houthis vowed to retaliate.", [("Houthis", "PERSON")], [("Houthis", "ORG")]),
        ("The M23 entered the city.", [("M23", "GPE")], [("M23", "ORG")]),
    ],
)
def test_entities_ruler_datelines_lists_and_known_groups(
    text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    """Dateline capitals are places; "X and Y" of two places splits; known groups are organisations."""
    assert _fixed(text, ents) == expected
