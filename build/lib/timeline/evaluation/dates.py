"""TempEval-3 style scoring of the date finder on annotated corpora (MEANTIME, TimeML).

Gold DATE timexes (not the creation time) are scored: relaxed match (spans
overlap), strict match (same span), and value (spans overlap and values equal).
A prediction overlapping a gold timex of another type (DURATION, TIME, SET) or
the dateline counts neither way, as does anything past the annotated part.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.corpora import AnnotatedDocument, GoldTimex, read_corpus
from timeline.dates import find_dates
from timeline.evaluation.scores import overlaps, score
from timeline.types import DateMention

#: Characters of text shown on each side of an error.
_CONTEXT = 50


@dataclass
class Counts:
    """Running totals for one corpus: gold, predicted, and the three kinds of match."""

    gold: int = 0
    predicted: int = 0
    gold_relaxed: int = 0
    predicted_relaxed: int = 0
    gold_strict: int = 0
    predicted_strict: int = 0
    gold_value: int = 0
    predicted_value: int = 0
    documents: int = 0
    skipped: list[str] = field(default_factory=list)


def evaluate_document(
    document: AnnotatedDocument,
    counts: Counts,
    predictions: list[dict[str, object]],
    errors: list[str],
    mentions: Sequence[DateMention] | None = None,
) -> None:
    """Score the finder on one document, adding to ``counts`` and the prediction and error lists.

    ``mentions``, when given, are another system's dates for the document, scored the same way
    in place of the finder's (``bench/compare_heideltime.py`` scores HeidelTime so).
    """
    if document.creation_date is None:
        counts.skipped.append(document.path)
        return
    counts.documents += 1
    limit = document.annotated_end
    gold = [t for t in document.timexes if t.type == "DATE" and not t.is_creation_time and t.start < limit]
    ignored = [t for t in document.timexes if t.start < limit and (t.type != "DATE" or t.is_creation_time)]
    found = [
        m
        for m in (find_dates(document.text, document.creation_date) if mentions is None else mentions)
        if m.start < limit and (any(overlaps(m, t) for t in gold) or not any(overlaps(m, t) for t in ignored))
    ]
    counts.gold += len(gold)
    counts.predicted += len(found)
    for timex in gold:
        overlapping = [m for m in found if overlaps(m, timex)]
        counts.gold_relaxed += bool(overlapping)
        counts.gold_strict += any(m.start == timex.start and m.end == timex.end for m in overlapping)
        counts.gold_value += any(m.timex.value == timex.value for m in overlapping)
        if not overlapping:
            errors.append(_error("MISSED", document, timex.start, timex.end, f"gold {timex.value}"))
        elif not any(m.timex.value == timex.value for m in overlapping):
            shown = ", ".join(f"{m.text!r}={m.timex.value}" for m in overlapping)
            errors.append(_error("VALUE", document, timex.start, timex.end, f"gold {timex.value}, found {shown}"))
    for mention in found:
        overlapping_gold = [t for t in gold if overlaps(mention, t)]
        counts.predicted_relaxed += bool(overlapping_gold)
        counts.predicted_strict += any(t.start == mention.start and t.end == mention.end for t in overlapping_gold)
        counts.predicted_value += any(t.value == mention.timex.value for t in overlapping_gold)
        if not overlapping_gold:
            errors.append(_error("SPURIOUS", document, mention.start, mention.end, f"found {mention.timex.value}"))
        predictions.append(_prediction(document, mention, overlapping_gold))


def _error(kind: str, document: AnnotatedDocument, start: int, end: int, detail: str) -> str:
    """One JSON line describing a missed, spurious or wrongly valued date, with its context."""
    text = document.text
    record = {
        "kind": kind,
        "document": document.path,
        "creation_date": str(document.creation_date),
        "text": text[start:end],
        "detail": detail,
        "context": f"{text[max(0, start - _CONTEXT) : start]}[[{text[start:end]}]]{text[end : end + _CONTEXT]}",
    }
    return json.dumps(record, ensure_ascii=False)


def _prediction(document: AnnotatedDocument, mention: DateMention, gold: Sequence[GoldTimex]) -> dict[str, object]:
    return {
        "document": document.path,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "value": mention.timex.value,
        "source": mention.source.value,
        "gold": [{"start": t.start, "end": t.end, "value": t.value} for t in gold],
    }


def report(counts: Counts) -> str:
    """The scores as a small table, with the counts behind them."""
    relaxed = score(counts.predicted_relaxed, counts.predicted, counts.gold_relaxed, counts.gold)
    strict = score(counts.predicted_strict, counts.predicted, counts.gold_strict, counts.gold)
    value = score(counts.predicted_value, counts.predicted, counts.gold_value, counts.gold)
    lines = [
        f"Documents: {counts.documents}   gold DATE timexes: {counts.gold}   predicted: {counts.predicted}",
        f"{'DATE':<10}{'precision':>10}{'recall':>10}{'F1':>10}",
    ]
    for name, scores in (("strict", strict), ("relaxed", relaxed), ("value", value)):
        lines.append(f"{name:<10}{scores.precision:>10.3f}{scores.recall:>10.3f}{scores.f1:>10.3f}")
    lines.append(f"DATE value F1: {value.f1:.3f}")
    for path in counts.skipped:
        lines.append(f"Skipped {path}: it has no creation date to resolve dates against.")
    return "\n".join(lines)


def run(paths: list[str], predictions_out: str | None = None, errors_out: str | None = None) -> str:
    """Score the finder on the corpora at ``paths``; write predictions/errors when asked; return the report.

    Raises :class:`~timeline.errors.EvaluationInputError` when a corpus file cannot be read.
    """
    counts = Counts()
    predictions: list[dict[str, object]] = []
    errors: list[str] = []
    for document in read_corpus(paths):
        evaluate_document(document, counts, predictions, errors)
    if predictions_out is not None:
        Path(predictions_out).write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), encoding="utf-8"
        )
    if errors_out is not None:
        Path(errors_out).write_text("".join(e + "\n" for e in errors), encoding="utf-8")
    return report(counts)
