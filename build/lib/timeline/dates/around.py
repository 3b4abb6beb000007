"""What the words around a match say: the helpers that families' keep-tests share."""

from __future__ import annotations

import re

_WORD_BEFORE = re.compile(r"([\w.]+)(?:[^\S\n]|-)*$")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


def word_before(text: str, position: int) -> str:
    """The lower-cased word just before ``position`` (within 40 characters), or ""."""
    match = _WORD_BEFORE.search(text, max(0, position - 40), position)
    return match.group(1).lower() if match else ""


def capitalised_before(text: str, position: int) -> bool:
    """Whether the word just before ``position`` starts with a capital letter."""
    match = _WORD_BEFORE.search(text, max(0, position - 40), position)
    return match is not None and match.group(1)[:1].isupper()


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, looking no further than 300 characters each way."""
    left = max(0, start - 300)
    for found in _SENTENCE_BREAK.finditer(text, left, start):
        left = found.end()
    stop = _SENTENCE_BREAK.search(text, end, min(len(text), end + 300))
    return text[left : stop.start() if stop else min(len(text), end + 300)]
