"""Read MEANTIME's CAT XML: tokens, TIMEX3 annotations and named entity mentions."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from timeline.corpora._detok import join_sentences
from timeline.corpora.document import AnnotatedDocument, GoldEntity, GoldTimex
from timeline.errors import EvaluationInputError
from timeline.types import EntityType

_ENTITY_TYPES = {"PER": EntityType.PERSON, "ORG": EntityType.ORGANISATION, "LOC": EntityType.LOCATION}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
#: A dateline such as "September 01, 2007", used when no CREATION_TIME timex exists.
_DATELINE_FORMAT = "%B %d , %Y"


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
    annotated = _annotated_end(elements, token_sentence, spans)
    return AnnotatedDocument(
        doc_id=document.get("doc_id") or path.stem,
        path=str(path),
        text=text,
        creation_date=creation,
        timexes=tuple(timexes),
        entities=tuple(entities),
        annotated_end=annotated,
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


def _annotated_end(
    elements: list[ET.Element], token_sentence: dict[str, int], spans: list[list[tuple[int, int]]]
) -> int:
    """End of the last sentence holding a document-level annotation.

    Document-level markables carry attributes besides ``m_id``; the later,
    corpus-level ones (bare ``m_id``) reach sentences the annotators never tagged.
    """
    last = -1
    for element in elements:
        if len(element.attrib) <= 1:
            continue
        for anchor in element.findall("token_anchor"):
            sentence = token_sentence.get(anchor.get("t_id", ""))
            if sentence is not None:
                last = max(last, sentence)
    for number in range(last, -1, -1):
        if number < len(spans) and spans[number]:
            return spans[number][-1][1]
    return 0
