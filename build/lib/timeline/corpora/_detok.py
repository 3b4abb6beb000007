"""Rebuild readable text from a corpus's tokens, remembering where each token lies."""

from __future__ import annotations

from collections.abc import Sequence

#: Tokens written against the word before them.
_NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        ")",
        "]",
        "}",
        "%",
        "'s",
        "'S",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "n't",
        "''",
        "”",
        "’",
        "...",
        "'",
    }
)
#: Tokens written against the word after them.
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "£", "€", "¥", "#", "``", "“", "`", "‘"})
#: Penn Treebank quote tokens, written back as the quotes a reader sees.
_QUOTES = {"``": '"', "''": '"'}


def join_sentences(sentences: Sequence[Sequence[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The text of ``sentences`` (one per line) and each token's (start, end) offsets in it."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    position = 0
    for number, tokens in enumerate(sentences):
        if number:
            parts.append("\n")
            position += 1
        spans: list[tuple[int, int]] = []
        glue_next = True
        open_quote = False
        for token in tokens:
            shown = _QUOTES.get(token, token)
            glue = glue_next or token in _NO_SPACE_BEFORE
            glue_next = token in _NO_SPACE_AFTER
            if token == '"':
                # A bare quote opens or closes by turns; closing ones hug the word before.
                glue = glue or open_quote
                glue_next = not open_quote
                open_quote = not open_quote
            if not glue:
                parts.append(" ")
                position += 1
            spans.append((position, position + len(shown)))
            parts.append(shown)
            position += len(shown)
        offsets.append(spans)
    return "".join(parts), offsets
