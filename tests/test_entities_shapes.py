"""How names look: a person's name, a surname compared, a family name written first."""

from __future__ import annotations

import pytest

from timeline.entities.shapes import family_name_first, person_shaped, surname_key


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Hakan", "Fidan"], True),
        (["Ahmed", "al-Sharaa"], True),
        (["Tamim", "bin", "Hamad", "Al", "Thani"], True),
        (["Ursula", "von", "der", "Leyen"], True),
        (["Han", "Duck-soo"], True),
        (["bin", "Laden"], False),
        (["Saturn", "Corporation"], False),
        (["Queen", "Elizabeth", "Hospital"], False),
        ([], False),
    ],
)
def test_entities_shapes_person_shaped(words: list[str], expected: bool) -> None:
    """Capitalised words, particles inside a name or joined to it; no organisation or place noun."""
    assert person_shaped(words) is expected


@pytest.mark.parametrize(("word", "key"), [("Al-Assad", "assad"), ("al-Sharaa", "sharaa"), ("Fidan", "fidan")])
def test_entities_shapes_surname_key(word: str, key: str) -> None:
    """A surname compares without case or its article."""
    assert surname_key(word) == key


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["Yoon", "Suk", "Yeol"], True), (["Lee", "Jae-myung"], True), (["Mark", "Rutte"], False),
     (["Luiz", "Inacio", "Lula", "da", "Silva"], False)],
)
def test_entities_shapes_family_name_first(words: list[str], expected: bool) -> None:
    """A hyphenated given name or two short ones after the first word: the family name comes first."""
    assert family_name_first(words) is expected
