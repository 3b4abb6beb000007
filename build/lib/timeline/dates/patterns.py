"""Pieces of regular expressions that the date families of several modules share."""

from __future__ import annotations

#: Where a date expression may start: not inside a word, a number, an amount, a path or an abbreviation.
B = r"(?<![\w/$£€#'’.-])"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def cap(words: str) -> str:
    """``words`` with each alternative's first letter allowed in capitals (sentence starts)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" if w[0].isalpha() else w for w in words.split("|"))
