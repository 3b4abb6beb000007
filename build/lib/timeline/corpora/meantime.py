"""Read MEANTIME's CAT XML: tokens, TIMEX3 annotations, named entity mentions and dated events.

A **gold event** is a document-level ``EVENT_MENTION`` in the annotated part of the
document that a ``TLINK`` anchors to a calendar date: a relation of type
:data:`ANCHOR_RELATIONS` (either direction) to a ``TIMEX3`` of type DATE whose value
names days (``2005-06-13``, ``2009-Q4``; not ``PRESENT_REF``), the creation time
included (in a file that flags no CREATION_TIME timex, a date in its dateline). Events
only BEFORE or AFTER a date have no value to compare and are not gold events; nor are
events dated only through other events (no closure is taken).

An event anchored to several dates takes the one written in its own sentence first,
then the finest (day before month before year), then a written one before the
creation time. Its participants are the ``HAS_PARTICIPANT`` targets that are named
(``syntactic_type`` NAM, or PRE.NAM for a name modifying a noun, "Qatar Airways
order"), with the entity they refer to:

- **actors**: named PER and ORG participants in any role, and named LOC participants
  in the Arg0 role: MEANTIME makes a state the agent that way ("Japan", "the US
  Government", "the White House" as Arg0), while LOC in other roles is where
  something happened or went;
- **places**: named LOC participants in any role, and named ``Argm-LOC`` targets of
  any type ("at General Motors").
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from timeline.corpora._detok import join_sentences
from timeline.corpora.document import AnnotatedDocument, GoldEntity, GoldEvent, GoldParticipant, GoldTimex
from timeline.dates.timex import timex_of
from timeline.errors import EvaluationInputError
from timeline.types import EntityType, Precision, precision_rank

_ENTITY_TYPES = {"PER": EntityType.PERSON, "ORG": EntityType.ORGANISATION, "LOC": EntityType.LOCATION}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
#: A dateline such as "September 01, 2007", used when no CREATION_TIME timex exists.
_DATELINE_FORMAT = "%B %d , %Y"

#: TLINK types that put an event inside, at, or at an end of a date: the date is its value.
ANCHOR_RELATIONS = frozenset(
    {"INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY", "DURING"}
)
#: Syntactic types of a named mention: a name, or a name modifying a noun.
_NAMED = frozenset({"NAM", "PRE.NAM"})
_ACTOR_TYPES = frozenset({"PER", "ORG"})


def read_meantime(path: str | Path) -> list[AnnotatedDocument]:
    """Every document in a CAT XML file, or in the ``.xml`` files under a folder (sorted)."""
    root = Path(path)
    files = sorted(root.rglob("*.xml")) if root.is_dir() else [root]
    return [read_meantime_file(file) for file in files]


def read_meantime_file(path: Path) -> AnnotatedDocument:
    """One CAT XML document; raises :class:`EvaluationInputError` if it cannot be read."""
    try:
        document = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise EvaluationInputError(f"{path}: cannot read it as CAT XML ({error}).") from error
    if document.tag != "Document":
        raise EvaluationInputError(f"{path}: not a CAT XML document (its root is <{document.tag}>, not <Document>).")
    tokens = _tokens(document, path)
    text, spans = _text(tokens)
    token_span = {t_id: spans[s][i] for t_id, (s, i, _) in tokens.items()}
    token_sentence = {t_id: s for t_id, (s, _, _) in tokens.items()}
    markables = document.find("Markables")
    elements = list(markables) if markables is not None else []
    timexes = _timexes(elements, token_span)
    entities = _entities(document, elements, token_span)
    creation = _creation_date(timexes, text)
    last_sentence = _last_annotated_sentence(elements, token_sentence)
    annotated = _sentence_end(last_sentence, spans)
    events = _events(document, elements, _Spans(text, token_span, token_sentence, spans), last_sentence)
    return AnnotatedDocument(
        doc_id=document.get("doc_id") or path.stem,
        path=str(path),
        text=text,
        creation_date=creation,
        timexes=tuple(timexes),
        entities=tuple(entities),
        annotated_end=annotated,
        events=tuple(events),
    )


def _tokens(document: ET.Element, path: Path) -> dict[str, tuple[int, int, str]]:
    """t_id -> (sentence, index within the sentence, token text)."""
    result: dict[str, tuple[int, int, str]] = {}
    counts: dict[int, int] = {}
    for token in document.iter("token"):
        t_id, sentence = token.get("t_id"), token.get("sentence")
        if t_id is None or sentence is None or not sentence.isdigit():
            raise EvaluationInputError(f"{path}: a <token> lacks its t_id or sentence number.")
        number = int(sentence)
        index = counts.get(number, 0)
        counts[number] = index + 1
        result[t_id] = (number, index, token.text or "")
    return result


def _text(tokens: dict[str, tuple[int, int, str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The document text, one sentence a line, and each sentence's token spans."""
    numbers = sorted({s for s, _, _ in tokens.values()})
    rank = {number: position for position, number in enumerate(numbers)}
    sentences: list[list[str]] = [[] for _ in numbers]
    for sentence, _, word in tokens.values():
        sentences[rank[sentence]].append(word)
    text, spans = join_sentences(sentences)
    # Re-key by the file's own sentence numbers, which may skip values.
    by_number = [[] for _ in range(max(numbers, default=-1) + 1)]  # type: list[list[tuple[int, int]]]
    for number in numbers:
        by_number[number] = spans[rank[number]]
    return text, by_number


def _anchored_span(element: ET.Element, token_span: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    spans = [token_span[a.get("t_id", "")] for a in element.findall("token_anchor") if a.get("t_id") in token_span]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _timexes(elements: list[ET.Element], token_span: dict[str, tuple[int, int]]) -> list[GoldTimex]:
    result = []
    for element in elements:
        if element.tag != "TIMEX3":
            continue
        span = _anchored_span(element, token_span)
        if span is None:
            # Timexes without anchors are implicit (inferred by annotators), not in the text.
            continue
        result.append(
            GoldTimex(
                start=span[0],
                end=span[1],
                type=element.get("type", ""),
                value=element.get("value", ""),
                is_creation_time=element.get("functionInDocument") == "CREATION_TIME",
            )
        )
    return sorted(result, key=lambda t: (t.start, t.end))


def _entities(
    document: ET.Element, elements: list[ET.Element], token_span: dict[str, tuple[int, int]]
) -> list[GoldEntity]:
    kind = {
        e.get("m_id", ""): _ENTITY_TYPES[e.get("ent_type", "")]
        for e in elements
        if e.tag == "ENTITY" and e.get("ent_type") in _ENTITY_TYPES
    }
    mention_type: dict[str, EntityType] = {}
    relations = document.find("Relations")
    for relation in relations.iter("REFERS_TO") if relations is not None else []:
        target = relation.find("target")
        if target is None or target.get("m_id") not in kind:
            continue
        for source in relation.findall("source"):
            mention_type[source.get("m_id", "")] = kind[target.get("m_id", "")]
    found: set[GoldEntity] = set()
    for element in elements:
        if element.tag != "ENTITY_MENTION" or element.get("syntactic_type") != "NAM":
            continue
        entity_type = mention_type.get(element.get("m_id", ""))
        span = _anchored_span(element, token_span)
        if entity_type is not None and span is not None:
            found.add(GoldEntity(start=span[0], end=span[1], type=entity_type))
    return sorted(found, key=lambda e: (e.start, e.end, e.type))


def _creation_date(timexes: list[GoldTimex], text: str) -> dt.date | None:
    for timex in timexes:
        if timex.is_creation_time:
            match = _ISO_DAY.match(timex.value)
            if match:
                try:
                    return dt.date(int(match[1]), int(match[2]), int(match[3]))
                except ValueError:
                    return None
    # Without a CREATION_TIME timex, the second line is still the article's dateline.
    lines = text.split("\n")
    if len(lines) > 1:
        try:
            return dt.datetime.strptime(lines[1].replace(",", " ,").replace("  ", " "), _DATELINE_FORMAT).date()
        except ValueError:
            return None
    return None


def _last_annotated_sentence(elements: list[ET.Element], token_sentence: dict[str, int]) -> int:
    """Number of the last sentence holding a document-level annotation, or -1.

    Document-level markables carry attributes besides ``m_id``; the later,
    corpus-level ones (bare ``m_id``) reach sentences the annotators never tagged.
    """
    last = -1
    for element in elements:
        if not _is_document_level(element):
            continue
        for anchor in element.findall("token_anchor"):
            sentence = token_sentence.get(anchor.get("t_id", ""))
            if sentence is not None:
                last = max(last, sentence)
    return last


def _is_document_level(element: ET.Element) -> bool:
    return len(element.attrib) > 1


def _sentence_end(last: int, spans: list[list[tuple[int, int]]]) -> int:
    """End of the last non-empty sentence numbered ``last`` or less (0 when there is none)."""
    for number in range(last, -1, -1):
        if number < len(spans) and spans[number]:
            return spans[number][-1][1]
    return 0


@dataclass(frozen=True)
class _Spans:
    """Where the tokens lie: the text, each token's span and sentence, each sentence's token spans."""

    text: str
    token_span: dict[str, tuple[int, int]]
    token_sentence: dict[str, int]
    sentences: list[list[tuple[int, int]]]

    def sentence_of(self, element: ET.Element) -> int | None:
        numbers = [self.token_sentence[t] for t in _anchor_ids(element) if t in self.token_sentence]
        return min(numbers) if numbers else None


@dataclass(frozen=True)
class _Anchor:
    value: str
    sentence: int | None
    is_creation_time: bool

    def rank(self, sentence: int) -> tuple[bool, int, bool, str]:
        """Sort key: own sentence first, then the finest date, then a written date before the creation time."""
        timex = timex_of(self.value)
        precision = timex.precision if timex is not None else Precision.REFERENCE
        return (self.sentence != sentence, precision_rank(precision), self.is_creation_time, self.value)


def _anchor_ids(element: ET.Element) -> list[str]:
    return [anchor.get("t_id", "") for anchor in element.findall("token_anchor")]


def _calendar_timexes(elements: list[ET.Element], spans: _Spans) -> dict[str, _Anchor]:
    """DATE timexes whose value names days, by m_id (implicit ones too: their value is known).

    A file with no CREATION_TIME timex still has its dateline, the second sentence
    (as :func:`_creation_date` reads it): a date there is the creation time.
    """
    timexes = [element for element in elements if element.tag == "TIMEX3"]
    flagged = any(element.get("functionInDocument") == "CREATION_TIME" for element in timexes)
    numbers = sorted(number for number, tokens in enumerate(spans.sentences) if tokens)
    dateline = numbers[1] if len(numbers) > 1 and not flagged else None
    result: dict[str, _Anchor] = {}
    for element in timexes:
        if element.get("type") != "DATE":
            continue
        value = element.get("value", "")
        sentence = spans.sentence_of(element)
        creation = element.get("functionInDocument") == "CREATION_TIME" or (
            dateline is not None and sentence == dateline
        )
        if creation and (day := _ISO_DAY.match(value)):
            # The creation time is a day, whatever time of day the file gives it.
            value = day[0]
        timex = timex_of(value)
        if timex is None or timex.precision is Precision.REFERENCE:
            continue
        result[element.get("m_id", "")] = _Anchor(value, sentence, creation)
    return result


def _events(document: ET.Element, elements: list[ET.Element], spans: _Spans, last_sentence: int) -> list[GoldEvent]:
    """The gold events of the document (see the module docstring), in text order."""
    mentions = {
        e.get("m_id", ""): e for e in elements if e.tag in ("EVENT_MENTION", "ENTITY_MENTION") and _is_document_level(e)
    }
    timexes = _calendar_timexes(elements, spans)
    relations = document.find("Relations")
    links = list(relations) if relations is not None else []
    anchors: dict[str, list[_Anchor]] = {}
    for link in links:
        if link.tag != "TLINK" or link.get("reltype") not in ANCHOR_RELATIONS:
            continue
        ends = _ends(link)
        for event, timex in (ends, ends[::-1]):
            if event in mentions and mentions[event].tag == "EVENT_MENTION" and timex in timexes:
                anchors.setdefault(event, []).append(timexes[timex])
    participants = _participants(links, elements, mentions, spans)
    result = []
    for m_id, found in anchors.items():
        element = mentions[m_id]
        sentence = spans.sentence_of(element)
        span = _anchored_span(element, spans.token_span)
        if sentence is None or span is None or sentence > last_sentence:
            continue
        anchor = min(found, key=lambda a: a.rank(sentence))
        named = participants.get(m_id, [])
        tokens = spans.sentences[sentence]
        result.append(
            GoldEvent(
                start=tokens[0][0],
                end=tokens[-1][1],
                word=spans.text[span[0] : span[1]],
                pred=element.get("pred", ""),
                date=anchor.value,
                date_is_creation_time=anchor.is_creation_time,
                actors=tuple(p for p in named if _is_actor(p)),
                places=tuple(p for p in named if _is_place(p)),
            )
        )
    return sorted(result, key=lambda e: (e.start, e.word, e.pred))


def _ends(link: ET.Element) -> tuple[str, str]:
    source, target = link.find("source"), link.find("target")
    return (
        source.get("m_id", "") if source is not None else "",
        target.get("m_id", "") if target is not None else "",
    )


def _participants(
    links: list[ET.Element], elements: list[ET.Element], mentions: dict[str, ET.Element], spans: _Spans
) -> dict[str, list[GoldParticipant]]:
    """Each event mention's named participants, with the entity each refers to."""
    entities = {e.get("m_id", ""): e for e in elements if e.tag == "ENTITY"}
    entity_of: dict[str, ET.Element] = {}
    for link in links:
        if link.tag != "REFERS_TO":
            continue
        target = link.find("target")
        entity = entities.get(target.get("m_id", "") if target is not None else "")
        if entity is None:
            continue
        for source in link.findall("source"):
            entity_of[source.get("m_id", "")] = entity
    result: dict[str, list[GoldParticipant]] = {}
    for link in links:
        if link.tag != "HAS_PARTICIPANT":
            continue
        event, mention_id = _ends(link)
        mention = mentions.get(mention_id)
        entity = entity_of.get(mention_id)
        if mention is None or mention.tag != "ENTITY_MENTION" or mention.get("syntactic_type") not in _NAMED:
            continue
        span = _anchored_span(mention, spans.token_span)
        if span is None or entity is None:
            continue
        participant = GoldParticipant(
            start=span[0],
            end=span[1],
            text=spans.text[span[0] : span[1]],
            descriptor=" ".join(entity.get("TAG_DESCRIPTOR", "").split()),
            type=entity.get("ent_type", ""),
            role=link.get("sem_role", ""),
        )
        known = result.setdefault(event, [])
        if participant not in known:
            known.append(participant)
    return result


def _is_actor(participant: GoldParticipant) -> bool:
    return participant.type in _ACTOR_TYPES or (participant.type == "LOC" and participant.role == "Arg0")


def _is_place(participant: GoldParticipant) -> bool:
    return participant.type == "LOC" or participant.role == "Argm-LOC"
