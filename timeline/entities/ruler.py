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
"""

from __future__ import annotations

import re

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from timeline.entities import data
from timeline.entities.contexts import border_phrase, inside_phrase, names_a_city, names_a_place, place_of_phrase
from timeline.names import is_the, name_words, straight_apostrophes
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
POSSESSIVES = data.POSSESSIVES
_GOVERNMENT = frozenset({"Government", "government"})
#: What follows the place of a dateline: a country, a news agency, or the dash.
_PARTICIPLE_ENDINGS = ("ing", "ed")
_MIN_PARTICIPLE = 5
_DATELINE_ENDS = frozenset({",", "(", "—", "–", "-", "--"})
#: A label the model gives loosely, to any title: a name the article tags elsewhere wins over it. ("PRODUCT" it
#: gives rightly, to cars and phones named after their makers: "Ford Taurus".)
_LOOSE_LABELS = frozenset({"WORK_OF_ART"})
#: Words that name a kind of body or post, not one ("Parliament", "Minister"): never looked for again.
_GENERIC_NAME_WORDS = data.ORG_WORDS | data.ROLE_WORDS | data.HONORIFICS
#: Where a name the model missed may stand in its clause for us to take it: subject or possessor.
_NAME_ROLES_IN_CLAUSE = frozenset({"nsubj", "nsubjpass", "poss"})
#: The most letters of an acronym written in parentheses after a name ("(UKMTO)").
_MAX_ACRONYM = 8
#: The most words a person's name has ("Mohammed bin Abdulrahman Al Thani").
_MAX_NAME_WORDS = 5


def surname_key(word: str) -> str:
    """How a surname is compared: lower case, without name particles ("Al-Assad" -> "assad")."""
    key = straight_apostrophes(word.lower())
    for prefix in data.SURNAME_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def person_shaped(tokens: list[str]) -> bool:
    """Whether ``tokens`` look like a person's name: 1-5 capitalised words, none an organisation word.

    Name particles count as capitalised: joined to a name ("Ahmed al-Sharaa") or, inside it,
    standing alone ("Tamim bin Hamad Al Thani", "Ursula von der Leyen").
    """
    return 0 < len(tokens) <= _MAX_NAME_WORDS and all(
        _name_word(word, inner=0 < index < len(tokens) - 1) for index, word in enumerate(tokens)
    )


def _name_word(word: str, *, inner: bool) -> bool:
    if inner and word in data.NAME_PARTICLES:
        return True
    bare = word
    for prefix in data.SURNAME_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            bare = word[len(prefix) :]
            break
    return bare[:1].isupper() and bare.replace("-", "").replace(".", "").isalpha() and word not in data.NOT_NAME_WORDS


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
            trimmed = _trim(doc, ent)
            parts = _repaired(doc, trimmed) if trimmed is not None else []
            # The acronym of what is no name is none either ("iPhones Software Development Kit (SDK").
            if parts and not _not_a_name(parts[0]):
                spans.extend(part for part in parts if not _not_a_name(part))
        spans = _with_known_organisations(doc, spans)
        datelines = self._datelines(doc)
        if datelines:
            taken = {index for span in datelines for index in range(span.start, span.end)}
            spans = [span for span in spans if not any(index in taken for index in range(span.start, span.end))]
        spans = [part for span in spans for part in self._split_places(doc, span)]
        surnames = self._surnames(spans)
        full = _full_name_surnames(spans)
        fixed = [self._relabel(doc, span, surnames, full) for span in spans] + datelines
        fixed = [span for span in fixed if not _part_of_title(doc, span, fixed)]
        fixed.extend(_missed_surnames(doc, fixed + others))
        fixed.extend(_missed_organisations(doc, fixed + others))
        fixed.extend(self._missed_places(doc, fixed + others))
        fixed.extend(_places_named_by_a_noun(doc, fixed + others))
        repeats = _missed_repeats(doc, fixed, [span for span in others if span.label_ not in _LOOSE_LABELS])
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


#: The most words an unknown place name after "the town of" may have ("the village of Nova Poltavka").
_MAX_UNKNOWN_PLACE_WORDS = 3


def _places_named_by_a_noun(doc: Doc, spans: list[Span]) -> list[Span]:
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


def _with_known_organisations(doc: Doc, spans: list[Span]) -> list[Span]:
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


def _missed_organisations(doc: Doc, spans: list[Span]) -> list[Span]:
    """One-word names of well-known organisations ("HTS", "Hezbollah") the model did not tag."""
    covered = {index for span in spans for index in range(span.start, span.end)}
    return [
        Span(doc, token.i, token.i + 1, label="ORG")
        for token in doc
        if token.i not in covered and token.text in _ORGANISATION_NAMES
    ]


def _missed_repeats(doc: Doc, spans: list[Span], others: list[Span]) -> list[Span]:
    """Names of people and organisations the article tags, written again where the model missed
    them ("Launch customer ANA" tagged, "Japan's (ANA)" not; "Apple Corps" in the title only)."""
    labels: dict[tuple[str, ...], set[str]] = {}
    for span in spans:
        if span.label_ in _ACTOR_LABELS:
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


def _missed_surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    """Surnames the model did not tag, of people named in full in the article ("Fidan" after "Hakan
    Fidan"), and family names written first ("Yoon declared" after "Yoon Suk Yeol") where the parse
    makes the word a name that acts."""
    surnames = set()
    firsts = set()
    for span in spans:
        words = _words(span)
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


#: The longest word of a given name written after the family name, as in "Yoon Suk Yeol".
_SHORT_GIVEN_NAME = 4


def family_name_first(words: list[str]) -> bool:
    """Whether a name reads family name first, as East Asian names do: the given name after it is
    hyphenated ("Lee Jae-myung") or two short words ("Yoon Suk Yeol"). A Western first name alone
    is too often a word ("Will", "Mark") to be taken for the person."""
    given = words[1:]
    return (len(given) == 1 and "-" in given[0]) or (
        len(given) == 2 and all(len(word) <= _SHORT_GIVEN_NAME for word in given)
    )


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


def _repaired(doc: Doc, span: Span) -> list[Span]:
    """``span`` as the name it is part of: an acronym after it in parentheses is a name of its
    own ("Hayat Tahrir al-Sham (HTS" is two), and a person's name cut at a particle or a hyphen
    is whole again ("Ursula von der" + "Leyen", "Han Duck" + "-soo")."""
    opening = next((token.i for token in span if token.text == "("), None)
    if opening is not None and opening > span.start:
        name = _trim(doc, doc[span.start : opening])
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


def _trim(doc: Doc, span: Span) -> Span | None:
    start, end = span.start, span.end
    for index in range(start, end):
        if doc[index].is_space and "\n" in doc[index].text:
            end = index
            break
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


@Language.factory(ENTITY_FIXES)
def make_entity_fixes(nlp: Language, name: str) -> EntityFixes:
    """Build the component (and the gazetteer, once) when the pipeline is built."""
    del nlp, name
    return EntityFixes(gazetteer())
