"""Spans the model cut or joined wrongly, mended before the ruler reads them.

A span never ends with punctuation or a possessive, nor crosses a line break (:func:`trim`);
an acronym in parentheses inside a span is a name of its own, and a person's name cut at a
particle or a hyphen is whole again (:func:`repaired`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from timeline.entities import data

#: The most letters of an acronym written in parentheses after a name ("(UKMTO)").
_MAX_ACRONYM = 8


def repaired(doc: Doc, span: Span) -> list[Span]:
    """``span`` as the name it is part of: an acronym after it in parentheses is a name of its
    own ("Hayat Tahrir al-Sham (HTS" is two), and a person's name cut at a particle or a hyphen
    is whole again ("Ursula von der" + "Leyen", "Han Duck" + "-soo")."""
    opening = next((token.i for token in span if token.text == "("), None)
    if opening is not None and opening > span.start:
        name = trim(doc, doc[span.start : opening])
        inside = [token for token in doc[opening + 1 : span.end] if not token.is_punct]
        parts = [Span(doc, name.start, name.end, label=span.label_)] if name is not None else []
        if len(inside) == 1 and _acronym(inside[0].text):
            parts.append(Span(doc, inside[0].i, inside[0].i + 1, label=span.label_))
        return parts
    if span.label_ != "PERSON":
        return [span]
    end = span.end
    while end < len(doc):
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            if not (doc[end + 1].is_alpha and doc[end + 1].is_lower):
                break
            end += 2
        elif doc[end - 1].text in data.NAME_PARTICLES and doc[end - 1].is_lower and doc[end].is_title:
            end += 1
        else:
            break
    return [span] if end == span.end else [Span(doc, span.start, end, label="PERSON")]


def _acronym(word: str) -> bool:
    """Whether ``word`` is written as an acronym: 2-8 capitals or digits, a capital first ("HTS", "M23")."""
    return 2 <= len(word) <= _MAX_ACRONYM and word[0].isupper() and word.isalnum() and word.upper() == word


def trim(doc: Doc, span: Span) -> Span | None:
    start, end = span.start, span.end
    for index in range(start, end):
        if doc[index].is_space and "\n" in doc[index].text:
            end = index
            break
    while end > start and (doc[end - 1].text in data.POSSESSIVES or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)
