"""Spans the model cut or joined wrongly, mended."""

from __future__ import annotations

import pytest

from tests.conftest import doc_with_entities
from timeline.entities.spans import repaired, trim


@pytest.mark.parametrize(
    ("text", "ent", "expected"),
    [
        ("Forces moved to Hama.", ("Hama.", "GPE"), "Hama"),
        ("Palestine’s ministry spoke.", ("Palestine’s", "ORG"), "Palestine"),
        ("Title\nKYIV strikes", ("Title\nKYIV", "GPE"), "Title"),
    ],
)
def test_entities_spans_trim(text: str, ent: tuple[str, str], expected: str) -> None:
    """No trailing punctuation or possessive, no line break inside."""
    doc = doc_with_entities(text, [ent])
    span = trim(doc, doc.ents[0])
    assert span is not None
    assert span.text == expected


@pytest.mark.parametrize(
    ("text", "ent", "expected"),
    [
        ("A commander of Hayat Tahrir al-Sham (HTS) spoke.", ("Hayat Tahrir al-Sham (HTS", "ORG"),
         [("Hayat Tahrir al-Sham", "ORG"), ("HTS", "ORG")]),
        ("President Ursula von der Leyen came.", ("Ursula von der", "PERSON"), [("Ursula von der Leyen", "PERSON")]),
        ("Prime Minister Han Duck-soo said so.", ("Han Duck", "PERSON"), [("Han Duck-soo", "PERSON")]),
        ("Han Duck - Soo said so.", ("Han Duck", "PERSON"), [("Han Duck", "PERSON")]),
        ("The deal (a big one) held.", ("The deal (a big one", "ORG"), [("The deal", "ORG")]),
    ],
)
def test_entities_spans_repaired(text: str, ent: tuple[str, str], expected: list[tuple[str, str]]) -> None:
    """An acronym in parentheses is a name of its own; a person's name cut at a particle or a glued hyphen is whole."""
    doc = doc_with_entities(text, [ent])
    assert [(span.text, span.label_) for span in repaired(doc, doc.ents[0])] == expected
