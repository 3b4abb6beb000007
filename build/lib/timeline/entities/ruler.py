"""A pipeline component that corrects the model's entities with the gazetteer and the article.

Like spaCy's own rulers it first finds (trims, relabels, looks up) and then writes
``doc.ents`` once. The rules, in order:

1. Trim: a span never ends with punctuation or a possessive ("Hama." -> "Hama",
   "Palestine’s" -> "Palestine") and never crosses a line break.
2. Drop what is not a named entity: time zones, currency codes, market indices;
   events ("Paris Air Show", "Worldwide Developers Conference"); product names in
   lower camel case ("iPhone", "the iTunes Music Store"), which the model calls
   organisations.
3. People first: a title then a name is a person ("Spokeswoman Sandy Angers", which
   the model calls an organisation); a name the article also uses for a person ("Jobs" after "Steve
   Jobs", "the Bashar Al-Assad regime" beside "Assad") is a person, whatever the
   model said, unless it is a country.
4. Places: a name the gazetteer knows as a country or a well-known place is a place
   (the model's "Türkiye" ORG, "Aleppo" NORP); a city name the model called a
   nationality is a place; one it called a person is a place only if it is a large
   city (:data:`~timeline.places.data.MIN_CITY_POPULATION_OVER_PERSON`) and no person
   in the article bears that name. Names that are also ordinary words or names
   (:data:`~timeline.places.data.AMBIGUOUS_NAMES`) keep the model's label.
5. "<country> Government" is the state (a place), like the country itself.
6. A person or place name containing an organisation word ("Saturn Corporation",
   "Douglas Aircraft") is an organisation.
7. An "organisation" that is only a word of a person's title before the name
   ("Secretary of State Antony Blinken") is dropped.
8. Surnames the model missed, of people named in full elsewhere in the article,
   are people ("Fidan" at the start of a sentence, after "Hakan Fidan").
9. One-word names and acronyms of well-known organisations the model missed
   ("HTS leader …") are organisations.
10. Places the model missed: a capitalised country, alias or well-known place name is
   added; a city name only after a locative word ("in Hama", "the city of Idlib").
   Ambiguous names are never added this way.
11. Datelines: a known place in capitals opening a line before a comma, a news agency
   or a dash ("LAGOS, Nigeria (Reuters) —") is a place, whatever the model said.
12. "Kharkiv and Odesa" tagged as one entity is two places when both halves are
   unambiguous places; a sentence-opening word glued to a country ("Neighbouring
   Burkina Faso") is dropped; a name the model called a person or place that is a
   well-known organisation ("Houthis", "M23") is an organisation.
13. Spans the model cut are mended (:mod:`.spans`): "Hayat Tahrir al-Sham (HTS" is a
   name and its acronym, "Ursula von der" + "Leyen" one person; names of well-known
   organisations are whole ("Jama'at Nusrat al-Islam wal-Muslimin").
14. Places by their context, whatever the model said (:mod:`.contexts`): "the town of
   Sebba", "Zamzam camp", "Tawila, a town …", "south of el-Fasher"; "in Small Heath" for a
   name the model called a person; "in Ostrava" or "the fall of Mariupol" for a city the
   gazetteer knows; a city of a million the model called an organisation; a name ending
   in a facility word ("People's Palace", "… Airport") is a facility.
15. A courtesy title before a surname alone is a person ("Ms Mahmood"); a word of a
   post ("Justice Secretary"), a title with no name ("Emir Sheikh") is no name.
16. Names the model missed (:mod:`.missed`): a name the article tags elsewhere, where
   it is written again ("Japan's (ANA)"); places after "the village of".
17. One sense per article: a name the article shows to be a place is a place at every
   mention; a short form of an organisation's name ("Royal Jordanian" beside "Royal
   Jordanian Airlines") an organisation; an ambiguous country listed with a country is
   that country ("Mali and Niger"), and so is one after "the border with".
"""

from __future__ import annotations

import re

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from timeline.entities import data
from timeline.entities.contexts import border_phrase, inside_phrase, names_a_city, names_a_place
from timeline.entities.missed import (
    missed_organisations,
    missed_repeats,
    missed_surnames,
    places_named_by_a_noun,
    with_known_organisations,
)
from timeline.entities.shapes import person_shaped, surname_key
from timeline.entities.spans import repaired, trim
from timeline.names import is_the, name_words
from timeline.places import Entry, Gazetteer, gazetteer
from timeline.places.data import MIN_CITY_POPULATION_OVER_ORGANISATION, MIN_CITY_POPULATION_OVER_PERSON

ENTITY_FIXES = "timeline_entity_fixes"

#: Labels we reason about; others (DATE, MONEY, …) pass through untouched.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels the model gives names it takes for actors; the context may show them to be places.
_ACTOR_LABELS = frozenset({"PERSON", "ORG"})
#: Words that join the names of a list ("Mali and Niger", "Mali, Niger").
_LIST_JOINTS = frozenset({"and", "or", ","})
_GOVERNMENT = frozenset({"Government", "government"})
_PARTICIPLE_ENDINGS = ("ing", "ed")
_MIN_PARTICIPLE = 5
#: What follows the place of a dateline: a country, a news agency, or the dash.
_DATELINE_ENDS = frozenset({",", "(", "—", "–", "-", "--"})
#: A label the model gives loosely, to any title: a name the article tags elsewhere wins over it. ("PRODUCT" it
#: gives rightly, to cars and phones named after their makers: "Ford Taurus".)
_LOOSE_LABELS = frozenset({"WORK_OF_ART"})
class EntityFixes:
    """The component: built once with the pipeline, then cheap per document."""

    def __init__(self, places: Gazetteer) -> None:
        self._places = places
        self._first_words = frozenset(name.split(" ", 1)[0] for name in places.names())

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        others: list[Span] = []
        for ent in doc.ents:
            if ent.label_ not in NAME_LABELS:
                others.append(ent)
                continue
            trimmed = trim(doc, ent)
            parts = repaired(doc, trimmed) if trimmed is not None else []
            # The acronym of what is no name is none either ("iPhones Software Development Kit (SDK").
            if parts and not _not_a_name(parts[0]):
                spans.extend(part for part in parts if not _not_a_name(part))
        spans = with_known_organisations(doc, spans)
        datelines = self._datelines(doc)
        if datelines:
            taken = {index for span in datelines for index in range(span.start, span.end)}
            spans = [span for span in spans if not any(index in taken for index in range(span.start, span.end))]
        spans = [part for span in spans for part in self._split_places(doc, span)]
        surnames = self._surnames(spans)
        full = _full_name_surnames(spans)
        fixed = [self._relabel(doc, span, surnames, full) for span in spans] + datelines
        fixed = [span for span in fixed if not _part_of_title(doc, span, fixed)]
        fixed.extend(missed_surnames(doc, fixed + others))
        fixed.extend(missed_organisations(doc, fixed + others))
        fixed.extend(self._missed_places(doc, fixed + others))
        fixed.extend(places_named_by_a_noun(doc, fixed + others))
        repeats = missed_repeats(doc, fixed, [span for span in others if span.label_ not in _LOOSE_LABELS])
        if repeats:
            # A name found again inside what the model called a work or a product wins over it
            # ("The Beatles' Apple Corps", a WORK_OF_ART).
            taken = {index for span in repeats for index in range(span.start, span.end)}
            others = [span for span in others if not any(i in taken for i in range(span.start, span.end))]
            fixed.extend(repeats)
        fixed = self._coordinated_countries(doc, fixed)
        fixed = self._one_sense(doc, fixed, _full_name_surnames(fixed))
        doc.ents = filter_spans(fixed + others)
        return doc

    def _datelines(self, doc: Doc) -> list[Span]:
        """Places opening a line in capitals before a comma, agency or dash ("LAGOS, Nigeria (Reuters) —")."""
        found = []
        # Only tokens after a line break can open a dateline; the array finds them without a
        # walk over every token in Python.
        starts = [0] + [int(index) + 1 for index in doc.to_array(IS_SPACE).nonzero()[0] if "\n" in doc[int(index)].text]
        for start in starts:
            end = start
            while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
                end += 1
            if end == start or end >= len(doc) or doc[end].text not in _DATELINE_ENDS:
                continue
            if self._places.lookup(doc[start:end].text) is not None:
                found.append(Span(doc, start, end, label="GPE"))
        return found

    def _split_places(self, doc: Doc, span: Span) -> list[Span]:
        """ "Kharkiv and Odesa" as two places; "Neighbouring Burkina Faso" as the place alone."""
        first = span[0]
        if (
            len(span) > 1
            and first.is_sent_start
            and len(first.text) > _MIN_PARTICIPLE
            and first.lower_.endswith(_PARTICIPLE_ENDINGS)
            and self._places.lookup(span.text) is None
        ):
            # A sentence-opening participle or adjective ("Neighbouring", "Landlocked") is not
            # part of the country after it; a proper word is ("Air France").
            rest = self._places.lookup(span[1:].text)
            if rest is not None and rest.is_country and not rest.ambiguous:
                return [Span(doc, span.start + 1, span.end, label="GPE")]
        joins = [token.i for token in span if token.lower_ == "and"]
        if len(joins) != 1 or span.label_ == "PERSON":
            return [span]
        left, right = doc[span.start : joins[0]], doc[joins[0] + 1 : span.end]
        entries = [self._places.lookup(part.text) if len(part) else None for part in (left, right)]
        if any(entry is None or entry.ambiguous for entry in entries):
            return [span]
        return [Span(doc, left.start, left.end, label="GPE"), Span(doc, right.start, right.end, label="GPE")]

    def _surnames(self, spans: list[Span]) -> frozenset[str]:
        keys = set()
        for span in spans:
            words = _words(span)
            titled = _titled_name(words) if span.label_ in {"ORG", "PERSON"} else []
            if titled:
                keys.add(surname_key(titled[-1]))
            elif span.label_ == "PERSON" and self._places.lookup(span.text) is None and person_shaped(words):
                keys.add(surname_key(words[-1]))
        return frozenset(keys)

    def _relabel(self, doc: Doc, span: Span, surnames: frozenset[str], full: frozenset[str]) -> Span:
        """``span`` with the label the gazetteer and the article give it; ``full`` holds the surnames
        of the people named in full (a lone "Jobs" is one of them, never a place)."""
        label = span.label_
        words = _words(span)
        entry = self._places.lookup(span.text)
        is_country = entry is not None and entry.is_country
        titled = _titled_name(words) if label == "ORG" and entry is None else []
        if titled:
            return _tail(doc, span, len(titled), "PERSON")
        if label != "PERSON" and not is_country and person_shaped(words) and surname_key(words[-1]) in surnames:
            return _without_the(doc, span, "PERSON")
        if entry is not None:
            return self._as_place(doc, span, entry, surnames, full)
        if label in PLACE_LABELS and self._places.demonym(span.text) is not None:
            # "Ukrainian officials": the model's place is a nationality.
            return Span(doc, span.start, span.end, label="NORP")
        known = " ".join(words).lower() in data.KNOWN_ORGANISATIONS
        if label != "ORG" and known:
            return _without_the(doc, span, "ORG")
        if label == "ORG" and len(words) > 1 and words[-1] in _GOVERNMENT:
            head = " ".join(words[:-1])
            if self._places.country(head) is not None or self._places.demonym(head) is not None:
                return Span(doc, span.start, span.end, label="GPE")
        if label in {"PERSON", "GPE", "LOC", "FAC"} and any(word in data.ORG_WORDS for word in words):
            return Span(doc, span.start, span.end, label="ORG")
        if label in _ACTOR_LABELS and not known and words:
            if words[-1] in data.FACILITY_WORDS:
                return Span(doc, span.start, span.end, label="FAC")
            if _unknown_place(doc, span, words, full):
                return Span(doc, span.start, span.end, label="GPE")
        return span


    def _coordinated_countries(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A country name that is also a word or a name, listed with a country, is that country ("Mali and Niger")."""
        by_start = {span.start: span for span in spans}
        by_end = {span.end: span for span in spans}
        # Only names block a country here: the model sometimes calls "Niger" a product, which it is not.
        taken = {index for span in spans for index in range(span.start, span.end)}
        changed: dict[int, Span] = {}
        for span in spans:
            if span.label_ != "GPE" or not self._is_country(span.text):
                continue
            for joint, index in ((span.end, span.end + 1), (span.start - 1, span.start - 2)):
                if not (0 <= index < len(doc) and 0 <= joint < len(doc)) or doc[joint].lower_ not in _LIST_JOINTS:
                    continue
                token = doc[index]
                entry = self._places.lookup(token.text)
                if entry is None or not entry.is_country or not entry.ambiguous:
                    continue
                other = by_start.get(index) if index > span.start else by_end.get(index + 1)
                if other is not None and len(other) == 1 and other.label_ in _ACTOR_LABELS:
                    changed[other.start] = Span(doc, index, index + 1, label="GPE")
                elif other is None and index not in taken:
                    changed[index] = Span(doc, index, index + 1, label="GPE")
        if not changed:
            return spans
        kept = [changed.pop(span.start) if span.start in changed else span for span in spans]
        return kept + list(changed.values())

    def _is_country(self, text: str) -> bool:
        entry = self._places.lookup(text)
        return entry is not None and entry.is_country

    def _one_sense(self, doc: Doc, spans: list[Span], surnames: frozenset[str]) -> list[Span]:
        """Every mention of a name the article shows to be a place is that place ("Sebba, near the
        border"); a name the article gives an organisation, cut short of its organisation words, is
        that organisation ("Royal Jordanian" beside "Royal Jordanian Airlines"), not a person."""
        places = {
            self._place_key(span)
            for span in spans
            if span.label_ in PLACE_LABELS and self._evidently_a_place(doc, span)
        }
        organisations = {name for span in spans if span.label_ == "ORG" for name in _shortened(_words(span))}
        if not places and not organisations:
            return spans
        fixed = []
        for span in spans:
            name = " ".join(_words(span))
            if span.label_ in _ACTOR_LABELS and self._place_key(span) in places and not _a_surname(span, surnames):
                fixed.append(Span(doc, span.start, span.end, label="GPE"))
            elif span.label_ == "PERSON" and name in organisations and not _a_surname(span, surnames):
                fixed.append(Span(doc, span.start, span.end, label="ORG"))
            else:
                fixed.append(span)
        return fixed

    def _place_key(self, span: Span) -> str:
        """The place a name stands for, as the gazetteer names it ("el-Fasher" is "El Fasher"), else as written."""
        entry = self._places.lookup(span.text)
        return entry.place.name if entry is not None and not entry.ambiguous else " ".join(_words(span))

    def _evidently_a_place(self, doc: Doc, span: Span) -> bool:
        entry = self._places.lookup(span.text)
        if entry is not None:
            return not entry.ambiguous
        return names_a_place(doc, span) or inside_phrase(doc, span)

    def _as_place(self, doc: Doc, span: Span, entry: Entry, surnames: frozenset[str], full: frozenset[str]) -> Span:
        label = span.label_
        if label in PLACE_LABELS:
            return span
        if entry.ambiguous:
            # The one evidence stronger than the model's label: "the border with Niger".
            bordered = entry.is_country and border_phrase(doc, span)
            return Span(doc, span.start, span.end, label="GPE") if bordered else span
        if entry.is_country or entry.population == 0:
            if label == "PERSON" and surname_key(_words(span)[-1]) in surnames:
                return span
            return Span(doc, span.start, span.end, label="GPE")
        if label == "NORP":
            return Span(doc, span.start, span.end, label="GPE")
        if label in _ACTOR_LABELS and names_a_city(doc, span) and surname_key(_words(span)[-1]) not in full:
            return Span(doc, span.start, span.end, label="GPE")
        if label == "ORG" and entry.population >= MIN_CITY_POPULATION_OVER_ORGANISATION:
            return Span(doc, span.start, span.end, label="GPE")
        if (
            label == "PERSON"
            and len(span) == 1
            and entry.population >= MIN_CITY_POPULATION_OVER_PERSON
            and surname_key(span.text) not in surnames
        ):
            return Span(doc, span.start, span.end, label="GPE")
        return span

    def _missed_places(self, doc: Doc, spans: list[Span]) -> list[Span]:
        # A nationality inside a longer place name gives way to it ("Occupied Palestinian territories").
        covered = {index for span in spans if span.label_ != "NORP" for index in range(span.start, span.end)}
        found: list[Span] = []
        limit = self._places.max_words + 2
        index = 0
        while index < len(doc):
            token = doc[index]
            if index in covered or token.text not in self._first_words or not token.text[:1].isupper():
                index += 1
                continue
            match = self._longest_place(doc, index, limit, covered)
            if match is None:
                index += 1
                continue
            found.append(match)
            index = match.end
        return found

    def _longest_place(self, doc: Doc, start: int, limit: int, covered: set[int]) -> Span | None:
        previous = doc[start - 1] if start > 0 else None
        if previous is not None and previous.text[:1].isupper() and not previous.is_sent_start and previous.is_alpha:
            return None
        for end in range(min(len(doc), start + limit), start, -1):
            if any(index in covered or doc[index].is_space for index in range(start, end)):
                continue
            if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                continue
            entry = self._places.lookup(doc[start:end].text)
            if entry is None or entry.ambiguous or is_the(doc[start].text):
                continue
            if entry.is_country or entry.population == 0 or _after_locative(doc, start):
                return Span(doc, start, end, label="GPE")
        return None


def _a_surname(span: Span, surnames: frozenset[str]) -> bool:
    words = _words(span)
    return len(words) == 1 and surname_key(words[0]) in surnames


def _shortened(words: list[str]) -> list[str]:
    """A name without the organisation words ending it: "Royal Jordanian Airlines" -> "Royal Jordanian"."""
    end = len(words)
    while end > 1 and words[end - 1] in data.ORG_WORDS:
        end -= 1
    return [" ".join(words[:end])] if end < len(words) else []


def _unknown_place(doc: Doc, span: Span, words: list[str], full: frozenset[str]) -> bool:
    """Whether a name the gazetteer does not know is a place by the words around it ("the town of Sebba")."""
    if any(word in data.ORG_WORDS for word in words) or " ".join(words).isupper():
        return False
    if len(words) == 1 and surname_key(words[0]) in full:
        return False
    # "in" takes companies as often as places ("a stake in Fiat"): it counts only for a
    # name the model thought a person's, which "in" then shows is not one.
    return names_a_place(doc, span) or (span.label_ == "PERSON" and inside_phrase(doc, span))


def _full_name_surnames(spans: list[Span]) -> frozenset[str]:
    """The surnames of the people an article names in full: a lone "Jobs" after "Steve Jobs" is him."""
    return frozenset(
        surname_key(words[-1])
        for span in spans
        if span.label_ == "PERSON" and len(words := _words(span)) > 1 and person_shaped(words)
    )


def _titled_name(words: list[str]) -> list[str]:
    """The name in "Spokeswoman Sandy Angers" or "Ms Mahmood" (a title, then the name's words), else []."""
    index = 0
    while index < len(words) and (words[index] in data.ROLE_WORDS or words[index] in data.HONORIFICS):
        index += 1
    name = words[index:]
    # A courtesy title may stand before a surname alone ("Ms Mahmood"); a post needs a fuller
    # name ("Vice Media" is no Mr Media).
    shortest = 1 if index and words[index - 1] in data.HONORIFICS else 2
    if index == 0 or not shortest <= len(name) <= 3 or not person_shaped(name):
        return []
    return name if not any(word in data.ROLE_WORDS for word in name) else []


def _tail(doc: Doc, span: Span, count: int, label: str) -> Span:
    """The last ``count`` space-separated words of ``span`` as a span of their own."""
    starts = [match.start() for match in re.finditer(r"\S+", span.text)]
    tail = doc.char_span(span.start_char + starts[-count], span.end_char, label=label, alignment_mode="expand")
    return tail if tail is not None else span


def _part_of_title(doc: Doc, span: Span, spans: list[Span]) -> bool:
    """Whether a "name" is only a word of a title: "Secretary of State Antony Blinken", "Justice
    Secretary", or a title with no name ("Emir Sheikh" before the name the model tagged apart)."""
    words = _words(span)
    if span.label_ == "PERSON":
        return all(word in data.ROLE_WORDS or word in data.HONORIFICS for word in words)
    if span.label_ == "ORG" and len(words) == 1 and span.end < len(doc) and doc[span.end].text in data.OFFICE_NOUNS:
        return True
    if span.label_ != "ORG" or not all(word in data.ROLE_WORDS for word in words):
        return False
    index = span.end
    while index < len(doc) and doc[index].text in data.ROLE_WORDS | data.HONORIFICS:
        index += 1
    return any(other.start == index and other.label_ == "PERSON" for other in spans)


def _after_locative(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    previous = doc[start - 1]
    if previous.text in data.LOCATIVE_WORDS:
        return True
    return previous.lower_ == "of" and start > 1 and doc[start - 2].lower_ in data.SETTLEMENT_NOUNS


def _not_a_name(span: Span) -> bool:
    words = _words(span)
    if not words or span.text in data.NON_ENTITIES:
        return True
    first = words[0]
    lower_camel = len(first) > 2 and first[0].islower() and first[1].isupper()
    return lower_camel or (span.label_ != "PERSON" and words[-1] in data.EVENT_WORDS)


def _words(span: Span) -> list[str]:
    """The words of ``span`` as written (split at spaces, so "Al-Assad" is one word), without "the"."""
    return name_words(span.text)


def _without_the(doc: Doc, span: Span, label: str) -> Span:
    start = span.start + 1 if is_the(span[0].text) and len(span) > 1 else span.start
    return Span(doc, start, span.end, label=label)


@Language.factory(ENTITY_FIXES)
def make_entity_fixes(nlp: Language, name: str) -> EntityFixes:
    """Build the component (and the gazetteer, once) when the pipeline is built."""
    del nlp, name
    return EntityFixes(gazetteer())
