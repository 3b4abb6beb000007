"""tag_entities on small blank-pipeline docs: canonical names, countries, kinds, places."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from timeline.entities import tag_entities
from timeline.types import ActorKind, EntityType

_NLP = spacy.blank("en")


def _doc(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A blank doc whose entities are the given (text, label) pairs, found left to right."""
    doc = _NLP(text)
    spans = []
    position = 0
    for ent_text, label in ents:
        start = text.index(ent_text, position)
        position = start + len(ent_text)
        span = doc.char_span(start, position, label=label)
        assert span is not None, ent_text
        spans.append(span)
    doc.ents = spans
    return doc


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Turkish Foreign Minister Hakan Fidan visited Aleppo. Then Fidan left.",
            [("Turkish", "NORP"), ("Hakan Fidan", "PERSON"), ("Aleppo", "GPE"), ("Fidan", "PERSON")],
            [
                ("Turkish", EntityType.NATIONALITY, "Türkiye", "Türkiye", None),
                ("Hakan Fidan", EntityType.PERSON, "Hakan Fidan", "Türkiye", ActorKind.PERSON),
                ("Aleppo", EntityType.LOCATION, "Aleppo", "Syria", None),
                ("Fidan", EntityType.PERSON, "Hakan Fidan", "Türkiye", ActorKind.PERSON),
            ],
        ),
        (
            "Fighters of the Syrian National Army and Hayat Tahrir al-Sham advanced.",
            [("the Syrian National Army", "ORG"), ("Hayat Tahrir al-Sham", "ORG")],
            [
                ("the Syrian National Army", EntityType.ORGANISATION, "Syrian National Army", "Syria",
                 ActorKind.ARMED_GROUP),
                ("Hayat Tahrir al-Sham", EntityType.ORGANISATION, "Hayat Tahrir Al-Sham", "Syria",
                 ActorKind.ARMED_GROUP),
            ],
        ),
        (
            "Talks in Turkey and the Occupied Palestinian territories went on.",
            [("Turkey", "GPE"), ("the Occupied Palestinian territories", "GPE")],
            [
                ("Turkey", EntityType.LOCATION, "Türkiye", "Türkiye", None),
                ("the Occupied Palestinian territories", EntityType.LOCATION, "Occupied Palestinian territories",
                 "Palestine", None),
            ],
        ),
    ],
)
def test_entities_tag_resolves_mentions(
    text: str, ents: list[tuple[str, str]], expected: list[tuple[str, EntityType, str, str, ActorKind | None]]
) -> None:
    """Each mention gets its type, one canonical name, its country and its actor kind."""
    mentions = tag_entities(_doc(text, ents))
    assert [(m.text, m.type, m.canonical, m.country, m.actor_kind) for m in mentions] == expected


def test_entities_tag_nominal_organisation_takes_its_country() -> None:
    """"Qatar’s foreign ministry" is an organisation of Qatar, not counted as a name of its own."""
    mentions = tag_entities(_doc("Qatar’s foreign ministry said so.", [("Qatar", "GPE")]))
    ministry = next(m for m in mentions if m.type is EntityType.ORGANISATION)
    assert (ministry.canonical, ministry.country, ministry.standalone) == ("Qatar Foreign Ministry", "Qatar", False)


def test_entities_tag_empty_doc() -> None:
    """A doc with no entities gives no mentions."""
    assert tag_entities(_NLP("")) == []
