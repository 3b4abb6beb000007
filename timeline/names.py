"""Small rules for names as articles write them, shared by the gazetteer and the entity rules.

A name often opens with the definite article ("the Gaza Strip", "The Syrian National
Army" at a sentence's start), which is not part of the name. "the" counts as written in
lower case or capitalised, not in capitals: "THE" opens a headline or a dateline, where
the rules that read it say so themselves (``any_case``).
"""

from __future__ import annotations

from typing import Final

#: "the" as it opens a name: mid-sentence, or capitalised at a sentence's start.
THE: Final = frozenset({"the", "The"})


def is_the(word: str, *, any_case: bool = False) -> bool:
    """Whether ``word`` is "the" or "The"; with ``any_case``, in any casing ("THE", "tHe")."""
    return word.lower() == "the" if any_case else word in THE


def name_words(text: str) -> list[str]:
    """The words of a name (split at spaces, so "Al-Assad" is one word), without a leading "the".

    A name that is only "the" has no words left.
    """
    words = text.split()
    return words[1:] if words and is_the(words[0]) else words


def without_leading_the(text: str) -> str:
    """``text`` with its spaces collapsed and a leading "the" dropped: "the  Gaza Strip" -> "Gaza Strip".

    Unlike :func:`name_words`, a lone "the" is kept: it is a word looked up, not an empty name.
    """
    words = text.split()
    return " ".join(words[1:] if len(words) > 1 and is_the(words[0]) else words)


def straight_apostrophes(text: str) -> str:
    """``text`` with typographic apostrophes as ASCII ones, so "Côte d’Ivoire" and "Côte d'Ivoire" compare equal."""
    return text.replace("’", "'")



def follow_renamings(renamed: dict[str, str], name: str) -> str:
    """Where ``name`` ends after its renamings ("GM" -> "General Motors Corporation" -> "General Motors").

    A cycle of renamings stops at the last name before it would repeat.
    """
    seen = {name}
    while name in renamed and renamed[name] not in seen:
        name = renamed[name]
        seen.add(name)
    return name


__all__ = ["THE", "follow_renamings", "is_the", "name_words", "straight_apostrophes", "without_leading_the"]
