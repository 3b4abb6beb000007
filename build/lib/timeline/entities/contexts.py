"""What the words around a name say it is: a place, or a credit, whatever the model called it.

The model often calls a small town, a camp or a neighbourhood a person or an
organisation ("the northern town of Sebba", "Zamzam camp", "grew up in Small Heath").
These tests read only the words next to the name, so the ruler can relabel such names
as places before anything makes them actors. A news agency in a dateline ("BEIRUT
(Reuters) -") or a photo credit names who reports, never who acts.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from timeline.entities import data

#: How far after "<name>, " an apposition may name the kind of place ("El Fasher, the last major city").
_APPOSITION_WORDS = 6
_ARTICLES = frozenset({"the", "a", "an"})
_BORDERS = frozenset({"border", "borders", "frontier"})
#: Words that may follow the head noun of an apposition: a preposition, a relative word.
_AFTER_HEAD = frozenset({
    "in", "of", "on", "near", "at", "to", "by", "from", "with", "that", "which", "where", "whose", "and",
    "south", "north", "east", "west", "about", "some", "just", "outside",
})


def place_of_phrase(doc: Doc, start: int, nouns: frozenset[str] = data.PLACE_OF_NOUNS) -> bool:
    """Whether the name at token ``start`` follows "<one of nouns> of" ("the town of", "the village of")."""
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in nouns


def border_phrase(doc: Doc, span: Span) -> bool:
    """Whether ``span`` follows "the border with" or "the frontier of": only a country or a region has one."""
    start = span.start
    return start > 1 and doc[start - 1].lower_ in {"with", "of"} and doc[start - 2].lower_ in _BORDERS


def inside_phrase(doc: Doc, span: Span) -> bool:
    """Whether ``span`` follows a word that puts it on a map ("in", "near", "outside"), with no possessive after it.

    "in Steve Jobs' place" or "in Hamas' attack" read the name as the owner of a thing, not as a place.
    """
    before = span.start - 1
    if before > 0 and doc[before].lower_ == "the":
        before -= 1
    if before < 0 or doc[before].text not in data.INSIDE_WORDS:
        return False
    return span.end >= len(doc) or doc[span.end].text not in data.POSSESSIVES


def place_noun_after(doc: Doc, span: Span) -> bool:
    """Whether a noun of places follows ``span``, perhaps after one lower-case word ("Zamzam displacement camp")."""
    for index in range(span.end, min(len(doc), span.end + 2)):
        token = doc[index]
        if not (token.is_lower and token.is_alpha):
            return False
        if token.text in data.PLACE_NOUNS_AFTER:
            return True
    return False


def place_apposition(doc: Doc, span: Span) -> bool:
    """Whether an apposition after ``span`` says what kind of place it is ("Tawila, a town 40 miles west")."""
    first = span.end + 1
    if first >= len(doc) or doc[span.end].text != "," or doc[first].lower_ not in _ARTICLES:
        return False
    for index in range(first + 1, min(len(doc), first + 1 + _APPOSITION_WORDS)):
        token = doc[index]
        if token.is_punct:
            return False
        if token.lower_ in data.SETTLEMENT_NOUNS:
            # "the city's mayor" and "a village elder" describe a person: the place noun must
            # end the apposition's head ("a town 40 miles west", "the last major city in Darfur").
            following = doc[index + 1] if index + 1 < len(doc) else None
            return following is None or following.is_punct or following.like_num or following.lower_ in _AFTER_HEAD
    return False


def names_a_place(doc: Doc, span: Span) -> bool:
    """Whether the words around ``span`` make it a place, whichever name it is."""
    return place_of_phrase(doc, span.start) or place_noun_after(doc, span) or place_apposition(doc, span)


def names_a_city(doc: Doc, span: Span) -> bool:
    """Whether the words around ``span``, a name the gazetteer knows as a city, make it that city.

    Wider than :func:`names_a_place`: "in Ostrava" and "the fall of Mariupol" are read as
    places only because the name is a city's; "Toyota" the company stays what the model said.
    """
    return (
        place_of_phrase(doc, span.start, data.CITY_OF_NOUNS)
        or inside_phrase(doc, span)
        or place_noun_after(doc, span)
        or place_apposition(doc, span)
    )


#: Words that open a photo credit ("Photograph: Maxar Technologies/AFP/Getty Images").
_CREDIT_LABELS = frozenset({"Photograph", "Photo", "Picture", "Image", "Photos", "Photographs"})


def is_credit(doc: Doc, span: Span) -> bool:
    """Whether ``span`` credits who reports: an agency in a dateline's parentheses, or a photo credit."""
    start = span.start
    if start >= 2 and doc[start - 1].text == ":" and doc[start - 2].text in _CREDIT_LABELS:
        return True
    if start == 0 or doc[start - 1].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
        return False
    # The dateline before it is written in capitals: "KYIV, Ukraine (AP)", "OUAGADOUGOU (Reuters)".
    index = start - 2
    while index >= 0 and not (doc[index].is_space and "\n" in doc[index].text):
        token = doc[index]
        if not (token.is_upper or token.text == "," or token.ent_type_ == "GPE"):
            return False
        index -= 1
    return index < start - 2


#: What follows the place of a dateline: a country after a comma, a news agency, or the dash.
_DATELINE_ENDS = frozenset({",", "(", "—", "–", "-", "--"})


def is_dateline(doc: Doc, span: Span) -> bool:
    """Whether ``span`` is the place of a dateline ("DOHA, Qatar (AP) —"): where the story was filed.

    Capitals opening a line before a comma, an agency or a dash; the parse may make it the
    subject of the sentence after it, but a dateline never acts.
    """
    opens_line = span.start == 0 or (doc[span.start - 1].is_space and "\n" in doc[span.start - 1].text)
    return (
        opens_line
        and span.text.isupper()
        and span.end < len(doc)
        and doc[span.end].text in _DATELINE_ENDS
    )
