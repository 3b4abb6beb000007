"""timeline.names: the small rules for names as written, shared by the gazetteer and the entity rules."""

from __future__ import annotations

import pytest

from timeline.names import follow_renamings, is_the, name_words, straight_apostrophes, without_leading_the


@pytest.mark.parametrize(
    ("word", "any_case", "expected"),
    [
        ("the", False, True),
        ("The", False, True),
        ("THE", False, False),
        ("THE", True, True),
        ("tHe", True, True),
        ("then", True, False),
        ("", True, False),
    ],
)
def test_names_is_the(word, any_case, expected):
    """"the" and "The" open a name; capitals count only where a rule asks for any case."""
    assert is_the(word, any_case=any_case) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Gaza Strip", ["Gaza", "Strip"]),
        ("The  Syrian National Army", ["Syrian", "National", "Army"]),
        ("THE Hague", ["THE", "Hague"]),
        ("Theresa May", ["Theresa", "May"]),
        ("the", []),
        ("", []),
    ],
)
def test_names_name_words(text, expected):
    """A name's words lose a leading "the"; a name of "the" alone has none left."""
    assert name_words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Gaza Strip", "Gaza Strip"),
        ("  The   White House ", "White House"),
        ("THE HAGUE", "THE HAGUE"),
        ("the", "the"),
        ("Thebes", "Thebes"),
        ("", ""),
    ],
)
def test_names_without_leading_the(text, expected):
    """Spaces collapse and a leading "the" goes, but a lone "the" stays a word to look up."""
    assert without_leading_the(text) == expected


def test_names_straight_apostrophes():
    """Typographic apostrophes become ASCII ones; nothing else changes."""
    assert straight_apostrophes("Côte d’Ivoire’s ‘x’") == "Côte d'Ivoire's ‘x'"


@pytest.mark.parametrize(
    ("renamed", "name", "expected"),
    [
        ({"GM": "General Motors Corporation", "General Motors Corporation": "General Motors"}, "GM", "General Motors"),
        ({"GM": "General Motors"}, "Ford", "Ford"),
        ({"A": "B", "B": "A"}, "A", "B"),
    ],
    ids=["chain", "not-renamed", "cycle"],
)
def test_names_follow_renamings(renamed, name, expected):
    """A name follows its renamings to the end of the chain, and a cycle stops before repeating."""
    assert follow_renamings(renamed, name) == expected
