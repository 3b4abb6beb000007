"""Names the model missed, found where the article shows them: the ruler adds them as entities.

- surnames of people named in full in the article ("Fidan" after "Hakan Fidan"), and family
  names written first ("Yoon" after "Yoon Suk Yeol");
- names of well-known organisations: one word or acronym ("HTS", "Hezbollah", "Houthi"),
  or several words, whole where the model cut them ("Jama'at Nusrat al-Islam wal-Muslimin")
  or missed them ("Human Rights Watch");
- a person's or organisation's name the article tags, written again where the model
  tagged nothing ("Launch customer ANA" tagged, "Japan's (ANA)" not);
- places after "the town of", "the village of" …, known or not ("the town of Sebba").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from timeline.entities import data
from timeline.entities.contexts import place_of_phrase
from timeline.entities.shapes import family_name_first, person_shaped, surname_key
from timeline.names import is_the, name_words, straight_apostrophes

_PEOPLE_AND_ORGANISATIONS = frozenset({"PERSON", "ORG"})

#: Words that name a kind of body or post, not one ("Parliament", "Minister"): never looked for again.
_GENERIC_NAME_WORDS = data.ORG_WORDS | data.ROLE_WORDS | data.HONORIFICS
#: Where a name the model missed may stand in its clause for us to take it: subject or possessor.
_NAME_ROLES_IN_CLAUSE = frozenset({"nsubj", "nsubjpass", "poss"})


#: The most words an unknown place name after "the town of" may have ("the village of Nova Poltavka").
_MAX_UNKNOWN_PLACE_WORDS = 3


def places_named_by_a_noun(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names the model missed after "the town of", "the village of" …: places, known or not ("the town of Sebba")."""
    covered = {index for span in spans for index in range(span.start, span.end)}
    found = []
    for token in doc:
        start = token.i + 1
        if token.lower_ != "of" or start in covered or not place_of_phrase(doc, start):
            continue
        end = start
        while (
            end < len(doc)
            and end - start < _MAX_UNKNOWN_PLACE_WORDS
            and end not in covered
            and doc[end].is_title
            and doc[end].is_alpha
            and doc[end].text not in data.ROLE_WORDS
        ):
            end += 1
        if end > start:
            found.append(Span(doc, start, end, label="GPE"))
    return found


#: Names of well-known organisations found even when the model misses them: their
#: canonical names and their acronyms of three letters or more, as written.
_ORGANISATION_NAMES = frozenset(
    [canonical for canonical, _, _ in data.KNOWN_ORGANISATIONS.values() if " " not in canonical]
    + [key.upper() for key in data.KNOWN_ORGANISATIONS if key.isalpha() and len(key) >= 3 and key != "who"]
    # Other spellings of armed groups ("Hizbollah", "Houthi"), unless they are also people's names.
    + [
        key.title()
        for key, (_, _, armed) in data.KNOWN_ORGANISATIONS.items()
        if armed and key.isalpha() and key not in data.ALSO_PEOPLE
    ]
)

#: Names of several words of well-known organisations, longest first, by their first letters
#: (the tokenizer may split "Jama'at" in two, so the first word is compared as text).
_PHRASES: dict[str, list[str]] = {}
for _key in sorted((key for key in data.KNOWN_ORGANISATIONS if " " in key), key=len, reverse=True):
    _PHRASES.setdefault(re.match(r"[^\W\d_]*", _key).group(0), []).append(_key)  # type: ignore[union-attr]
#: Words that stay in lower case inside a capitalised name ("International Committee of the Red Cross").
_LOWER_NAME_WORDS = frozenset({"of", "the", "for", "and", "de", "du", "sans"})


def with_known_organisations(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with the names of well-known organisations whole: "Jama'at Nusrat al-Islam
    wal-Muslimin", which the model cuts into a person, or "Human Rights Watch", which it misses."""
    found = _known_organisation_names(doc)
    if not found:
        return spans
    kept = list(spans)
    for name in found:
        if any(span.start <= name.start and name.end <= span.end for span in kept):
            continue
        kept = [span for span in kept if span.end <= name.start or span.start >= name.end]
        kept.append(name)
    return sorted(kept, key=lambda span: span.start)


def _known_organisation_names(doc: Doc) -> list[Span]:
    text = straight_apostrophes(doc.text)
    found = []
    for token in doc:
        if not token.text[:1].isupper():
            continue
        lead = re.match(r"[^\W\d_]*", token.lower_)
        for key in _PHRASES.get(lead.group(0) if lead else "", ()):
            end = token.idx + len(key)
            if text[token.idx : end].lower() != key or (end < len(text) and text[end].isalnum()):
                continue
            span = doc.char_span(token.idx, end, label="ORG")
            if span is not None and all(_capitalised(word) for word in span.text.split()):
                found.append(span)
                break
    return found


def _capitalised(word: str) -> bool:
    """Whether a word is written as in a name: capitalised after any joined particle ("al-Islam")."""
    bare = word.rsplit("-", 1)[-1] if "-" in word and word[:1].islower() else word
    return bare[:1].isupper() or word in _LOWER_NAME_WORDS


def missed_organisations(doc: Doc, spans: list[Span]) -> list[Span]:
    """One-word names of well-known organisations ("HTS", "Hezbollah") the model did not tag."""
    covered = {index for span in spans for index in range(span.start, span.end)}
    return [
        Span(doc, token.i, token.i + 1, label="ORG")
        for token in doc
        if token.i not in covered and token.text in _ORGANISATION_NAMES
    ]


def missed_repeats(doc: Doc, spans: list[Span], others: list[Span]) -> list[Span]:
    """Names of people and organisations the article tags, written again where the model missed
    them ("Launch customer ANA" tagged, "Japan's (ANA)" not; "Apple Corps" in the title only)."""
    labels: dict[tuple[str, ...], set[str]] = {}
    for span in spans:
        if span.label_ in _PEOPLE_AND_ORGANISATIONS:
            words = tuple(token.text for token in span if not (token.i == span.start and is_the(token.text)))
            if words and words[0][:1].isalpha() and not all(word in _GENERIC_NAME_WORDS for word in words):
                labels.setdefault(words, set()).add(span.label_)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, found in labels.items():
        if len(found) == 1:
            by_first.setdefault(words[0], []).append((words, next(iter(found))))
    if not by_first:
        return []
    covered = {index for span in spans + others for index in range(span.start, span.end)}
    missed = []
    index = 0
    while index < len(doc):
        match = None
        if index not in covered:
            for words, label in sorted(by_first.get(doc[index].text, ()), key=lambda item: -len(item[0])):
                end = index + len(words)
                if end <= len(doc) and tuple(token.text for token in doc[index:end]) == words:
                    # One word alone must read as a name where it stands, not as a word at a sentence's start.
                    if len(words) > 1 or doc[index].pos_ in {"PROPN", ""}:
                        match = Span(doc, index, end, label=label)
                    break
        if match is not None and not any(i in covered for i in range(match.start, match.end)):
            missed.append(_with_first_names(doc, match, covered))
            index = match.end
        else:
            index += 1
    return missed


#: The most words a person's name found again may gain before it ("Striker Musa" + "Al-Taamari").
_MAX_FIRST_NAMES = 3


def _with_first_names(doc: Doc, span: Span, covered: set[int]) -> Span:
    """A person's surname found again with the capitalised names the model missed before it:
    "Striker Musa Al-Taamari", whose title the person reading strips."""
    if span.label_ != "PERSON":
        return span
    start = span.start
    while (
        start > 0
        and span.start - start < _MAX_FIRST_NAMES
        and start - 1 not in covered
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and doc[start - 1].pos_ in {"PROPN", ""}
    ):
        start -= 1
    return span if start == span.start else Span(doc, start, span.end, label="PERSON")


def missed_surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    """Surnames the model did not tag, of people named in full in the article ("Fidan" after "Hakan
    Fidan"), and family names written first ("Yoon declared" after "Yoon Suk Yeol") where the parse
    makes the word a name that acts."""
    surnames = set()
    firsts = set()
    for span in spans:
        words = name_words(span.text)
        if span.label_ == "PERSON" and len(words) > 1 and person_shaped(words):
            surnames.add(surname_key(words[-1]))
            if family_name_first(words):
                firsts.add(words[0])
    if not surnames:
        return []
    covered = {index for span in spans for index in range(span.start, span.end)}
    return [
        Span(doc, token.i, token.i + 1, label="PERSON")
        for token in doc
        if token.i not in covered
        and token.is_title
        and token.is_alpha
        and (
            surname_key(token.text) in surnames
            or (token.text in firsts and token.pos_ == "PROPN" and token.dep_ in _NAME_ROLES_IN_CLAUSE)
        )
    ]
