"""What the text and its dependency parse say about each sentence, for :mod:`timeline.events`.

Per sentence (a spaCy span), from the parse the pipeline has already made (no second pass):

- **the main predicate**: the sentence's root verb. Two repairs of the small model's
  parse: a quotation whose verb came out as the root hands the root to the reporting
  verb outside the quotation (“…,” he said); a participle right after its noun with a
  finite verb under it ("The hostages taken a year ago were released") is a reduced
  relative clause, and the finite verb is the main predicate. The main predicate and
  the verbs conjoined with it ("resigned and left") make the **main event**, which is a
  report when one of them is a reporting verb ("flew to The Hague and said…");
- **its tense**, read from the verb's tag and auxiliaries (:class:`~timeline.events.Tense`):
  "will", "would" and the other modals, or a verb of intent over an infinitive ("plans
  to", "is expected to", "are to be freed"), make it a plan; "has" + participle is the
  present perfect, "had" + participle the past perfect;
- **what each date modifies** (:class:`~timeline.events.Attachment`): from the date's
  root token, heads are followed (through prep, pobj, npadvmod, nmod, …) to the first
  verb; a date written before a noun that is an argument of a verb ("the September 11
  attacks changed…", "Sunday's vote") modifies that noun. The date dates the main event
  when the way from its predicate up to the main predicate passes only through
  conjuncts, complement clauses (what was said, planned or tried) and adverbial
  clauses with no subject of their own ("Speaking on Saturday, he said…"); a relative
  or participial clause, an apposition, an adverbial clause with its own subject, a
  noun argument or a quotation dates its own thing, not the main event. A date after
  "since" that bounds a comparison ("its lowest level since 2003", "the first such
  declaration since 2017") dates no happening at all;
- **quotations**: text between double quotes; a line that opens a quotation and never
  closes it is quoted to its end, and one that closes a quotation it never opened is
  quoted from its start (a quotation running over several paragraphs);
- **captions**: a short paragraph that names a photo credit or says it is a caption
  (:data:`~timeline.defaults.CAPTION_MARKERS`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from timeline.defaults import CAPTION_MARKERS, PLAN_WORDS, REPORTING_VERBS
from timeline.events import Attachment, Predicate, Tense
from timeline.types import DateMention

_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})
#: How a date written before a noun hangs on it ("the September 11 attacks", "Sunday's vote").
_PREMODIFIERS = frozenset({"compound", "nmod", "amod", "poss", "nummod"})
#: How a noun is an argument of its verb: a date before such a noun dates the noun's happening.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos", "oprd", "dative", "conj"})
#: Clauses that tell their own happening, whatever the main verb's date.
_SIDE_CLAUSES = frozenset({"relcl", "acl", "appos", "csubj", "csubjpass", "parataxis", "amod", "nmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_AUXILIARIES = frozenset({"aux", "auxpass"})
_FUTURE_WORDS = frozenset({"will", "'ll", "shall", "wo"})
_BE = frozenset({"is", "are", "am", "was", "were", "'s", "'re", "be"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_OPENING_QUOTES = "“«"
_CLOSING_QUOTES = "”»"
_LONGEST_CAPTION = 400
#: How many words before "since" a superlative may stand and still make it a comparison.
_COMPARISON_REACH = 8
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` inside double quotes, as (start, end) offsets, in text order."""
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        opened = -1
        closed = 0
        for offset, char in enumerate(line):
            if opened < 0 and char in _CLOSING_QUOTES:
                # A closing quote with no opening one ends a quotation begun on an earlier line.
                spans.append((position + closed, position + offset + 1))
            elif opened < 0 and (char in _OPENING_QUOTES or char == '"'):
                opened = offset
            elif opened >= 0 and (char in _CLOSING_QUOTES or char == '"'):
                spans.append((position + opened, position + offset + 1))
                opened = -1
                closed = offset + 1
        if opened >= 0:
            spans.append((position + opened, position + len(line)))
        position += len(line) + 1
    return spans


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph of ``text`` starts: after a blank line, or after every line break when there is none."""
    breaks = [match.end() for match in _BLANK_LINE.finditer(text)]
    if not breaks:
        breaks = [match.end() for match in re.finditer("\n", text)]
    return [0, *breaks]


def paragraph_of(starts: Sequence[int], offset: int) -> int:
    """The 0-based paragraph holding ``offset``, given :func:`paragraph_starts`."""
    return bisect.bisect_right(starts, offset) - 1


def is_caption(paragraph: str) -> bool:
    """Whether a paragraph is a photo caption or credit line."""
    folded = paragraph.casefold()
    return len(paragraph) <= _LONGEST_CAPTION and any(marker in folded for marker in CAPTION_MARKERS)


def inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of the (sorted, disjoint) ``spans``."""
    index = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


class SentenceParse:
    """The main predicate of one parsed sentence and what each of its dates modifies."""

    def __init__(self, span: Span, quotes: Sequence[tuple[int, int]]) -> None:
        self._quotes = quotes
        self.root = _main_root(span, quotes)
        self._main_tokens = _conjuncts(self.root) if self.root is not None else set()
        self._span = span
        self.main = _predicate(self.root, main=True) if self.root is not None else None
        if self.main is not None and not self.main.reporting:
            # "flew to The Hague and said she would visit him": a report joined to the main verb.
            doc = span.doc
            joined = any(doc[index].lower_ in REPORTING_VERBS for index in self._main_tokens)
            self.main = replace(self.main, reporting=joined)
        self._preposition = ""

    def attach(self, mention: DateMention) -> Attachment:
        """What ``mention`` modifies, and whether that dates the main event."""
        doc = self._span.doc
        dated = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if dated is None or self.root is None:
            # A sentence with no verb (a heading, a date line): the date is all it tells.
            return Attachment(mention.start, None, main=True)
        marker = _marker(dated)
        preposition = marker.lower_ if marker is not None else ""
        comparison = marker is not None and preposition == "since" and _compares(marker, dated)
        covered = range(dated.start, dated.end)
        token = dated.root
        while True:
            head = token.head
            if head.i == token.i:
                return Attachment(mention.start, None, False, preposition, comparison)
            if head.i in covered:
                token = head
                continue
            if head.pos_ in _VERBS:
                main = not inside(self._quotes, mention.start) and self._dates_main_event(head)
                return Attachment(mention.start, _predicate(head), main, preposition, comparison)
            if head.lower_ == "since" and head.head.pos_ in _NOUNS | {"ADJ"}:
                # "the first such declaration since 2017": a comparison on the noun.
                return Attachment(mention.start, _predicate(head.head), False, preposition, comparison)
            if head.pos_ in _NOUNS and token.dep_ in _PREMODIFIERS and head.dep_ in _ARGUMENTS:
                return Attachment(mention.start, _predicate(head), False, preposition, comparison)
            token = head

    def _dates_main_event(self, verb: Token) -> bool:
        token = verb
        while token.i not in self._main_tokens:
            if token.head.i == token.i:
                return False
            if token.dep_ in _SIDE_CLAUSES or (token.dep_ == "advcl" and _has_subject(token)):
                return False
            if token.pos_ in _NOUNS and token.dep_ not in {"pobj", "conj"}:
                return False
            token = token.head
        return True


def _marker(dated: Span) -> Token | None:
    """The preposition whose object the date is ("on" Sunday, "since" 2012), or None."""
    root = dated.root
    if root.dep_ == "pobj" and root.head.pos_ in {"ADP", "SCONJ"}:
        return root.head
    return None


def _compares(since: Token, dated: Span) -> bool:
    """Whether "since <date>" bounds a comparison ("its lowest level since 2003", "the first since 2017").

    A date that a clause describes ("since 2020, when Assad's forces captured areas") is a
    happening of its own, whatever it is compared with.
    """
    if any(child.dep_ in {"relcl", "acl", "advcl"} for child in dated.root.children):
        return False
    before = since.doc[max(since.sent.start, since.i - _COMPARISON_REACH) : since.i]
    return any(token.tag_ in {"JJS", "RBS"} or token.lower_ in {"first", "ever"} for token in before)


def _main_root(span: Span, quotes: Sequence[tuple[int, int]]) -> Token | None:
    root = span.root
    if root.pos_ in _NOUNS:
        # "Mediation efforts stalled since …" parsed as a noun with a participle after it: the
        # participle, right after its noun and with no subject or auxiliary, is the sentence's verb.
        following = [child for child in root.rights if child.dep_ == "acl" and child.i == root.i + 1]
        if following and following[0].tag_ in {"VBD", "VBN"} and not _auxiliaries(following[0]):
            return following[0]
    if root.pos_ not in _VERBS:
        return None
    if inside(quotes, root.idx):
        # “We have given our answer,” he said: the news is the saying, outside the quotation.
        for child in root.children:
            if child.pos_ in _VERBS and child.lower_ in REPORTING_VERBS and not inside(quotes, child.idx):
                return child
    if root.tag_ == "VBN" and not _auxiliaries(root):
        # "The hostages taken a year ago were released on Monday": the participle is a reduced
        # relative clause on its noun; the finite verb under it is what the sentence tells.
        for child in root.children:
            if (
                child.dep_ in {"advcl", "conj", "ccomp"}
                and child.pos_ in _VERBS
                and not _has_subject(child)
                and any(aux.tag_ in _FINITE_TAGS for aux in _auxiliaries(child))
            ):
                return child
    return root


def _conjuncts(root: Token) -> set[int]:
    """The main predicate and the verbs conjoined with it, as token indices."""
    found = {root.i}
    stack = [root]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.pos_ in _VERBS and child.i not in found:
                found.add(child.i)
                stack.append(child)
    return found


def _predicate(token: Token, main: bool = False) -> Predicate:
    tense = tense_of(token) if token.pos_ in _VERBS else Tense.NONE
    if main and tense is Tense.NONE and token.tag_ == "VBN" and not _auxiliaries(token):
        # A main verb with a participle's tag and no auxiliary is a past tense the model misread.
        tense = Tense.PAST
    complements = [child for child in token.children if child.dep_ == "ccomp" and child.pos_ in _VERBS]
    return Predicate(
        text=token.text,
        start=token.idx,
        end=token.idx + len(token.text),
        tense=tense,
        reporting=token.lower_ in REPORTING_VERBS,
        negated=any(child.dep_ == "neg" for child in token.children),
        complement=tense_of(complements[0]) if complements else Tense.NONE,
    )


def tense_of(verb: Token) -> Tense:
    """The tense of a verb, from its tag and its auxiliaries (see the module doc)."""
    auxiliaries = _auxiliaries(verb)
    if not auxiliaries and verb.dep_ == "conj" and verb.tag_ in {"VBN", "VBG", "VB"} and verb.head.pos_ in _VERBS:
        # "has resigned and left": the second verb shares the first one's auxiliary.
        return tense_of(verb.head)
    words = {aux.lower_ for aux in auxiliaries}
    if words & _FUTURE_WORDS or any(aux.tag_ == "MD" for aux in auxiliaries) or _plans(verb):
        return Tense.FUTURE
    if verb.tag_ in {"VBN", "VBG"} and "had" in words:
        return Tense.PAST_PERFECT
    if verb.tag_ in {"VBN", "VBG"} and words & {"has", "have", "'ve"}:
        return Tense.PRESENT_PERFECT
    tags = {verb.tag_} | {aux.tag_ for aux in auxiliaries}
    if "VBD" in tags:
        return Tense.PAST
    if tags & {"VBZ", "VBP"}:
        return Tense.PRESENT
    return Tense.NONE


def _plans(verb: Token) -> bool:
    """Whether the verb is an intent or schedule over an infinitive ("plans to", "is due to", "are to be freed")."""
    infinitive = any(child.dep_ == "xcomp" and _has_to(child) for child in verb.children)
    if verb.lower_ in PLAN_WORDS and infinitive:
        return True
    if any(child.dep_ in {"acomp", "oprd"} and child.lower_ in PLAN_WORDS for child in verb.children):
        return True
    return verb.lower_ in _BE and infinitive


def _has_to(verb: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in _AUXILIARIES]


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in _SUBJECTS for child in verb.children)
