"""Score our named mentions against MEANTIME's gold names: typed overlap P/R/F1.

Gold: MEANTIME ``ENTITY_MENTION`` elements with ``syntactic_type="NAM"`` whose entity is
PER, ORG or LOC, in the annotated part of each document (as read by
:mod:`timeline.corpora`). Ours: the standalone PER/ORG/LOC mentions of
:func:`timeline.entities.tag_entities` starting in that part (nationalities, and names
that only modify a noun, are not names in MEANTIME's sense and are not counted).

A predicted mention is correct when it overlaps a gold mention of the same type; a
gold mention is found when a predicted mention of its type overlaps it. Precision
counts predictions, recall counts gold mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.corpora import AnnotatedDocument, read_corpus
from timeline.evaluation.heldout import evaluate_heldout, is_heldout, read_heldout, report_heldout
from timeline.evaluation.scores import Scores, overlaps, score
from timeline.evaluation.tagging import tag_texts
from timeline.types import EntityMention, EntityType

#: The types scored, in report order.
SCORED_TYPES = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.LOCATION)


@dataclass
class Tally:
    """Counts for one type (or all): predictions, correct predictions, gold mentions, found gold."""

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        """Correct predictions over predictions (0 when nothing was predicted)."""
        return self._scores.precision

    @property
    def recall(self) -> float:
        """Found gold mentions over gold mentions (0 when there is no gold)."""
        return self._scores.recall

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return self._scores.f1

    @property
    def _scores(self) -> Scores:
        return score(self.correct, self.predicted, self.found, self.gold)


@dataclass
class TypedTallies:
    """Tallies overall and per type."""

    overall: Tally = field(default_factory=Tally)
    by_type: dict[EntityType, Tally] = field(default_factory=lambda: {kind: Tally() for kind in SCORED_TYPES})
    documents: int = 0


def scored_mentions(mentions: Iterable[EntityMention], end: int) -> list[EntityMention]:
    """The mentions a name scorer counts: standalone PER/ORG/LOC starting before ``end``."""
    return [m for m in mentions if m.standalone and m.type in SCORED_TYPES and m.start < end]


def score_document(document: AnnotatedDocument, mentions: Sequence[EntityMention], scores: TypedTallies) -> None:
    """Add one document's counts to ``scores``."""
    end = document.annotated_end
    predicted = scored_mentions(mentions, end)
    gold = [entity for entity in document.entities if entity.start < end]
    for mention in predicted:
        hit = any(overlaps(mention, entity) and entity.type == mention.type for entity in gold)
        for tally in (scores.overall, scores.by_type[mention.type]):
            tally.predicted += 1
            tally.correct += hit
    for entity in gold:
        hit = any(overlaps(mention, entity) and entity.type == mention.type for mention in predicted)
        for tally in (scores.overall, scores.by_type[entity.type]):
            tally.gold += 1
            tally.found += hit
    scores.documents += 1


def evaluate(documents: Sequence[AnnotatedDocument]) -> TypedTallies:
    """Tag every document and score it."""
    scores = TypedTallies()
    for document, mentions in zip(documents, tag_texts(document.text for document in documents), strict=True):
        score_document(document, mentions, scores)
    return scores


def report(scores: TypedTallies) -> str:
    """The scores as a short plain-text table."""
    lines = [
        f"Named entities (typed overlap) on {scores.documents} documents",
        f"{'type':<8}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    rows = [(kind.value, tally) for kind, tally in scores.by_type.items()] + [("all", scores.overall)]
    for name, tally in rows:
        lines.append(
            f"{name:<8}{tally.gold:>6}{tally.predicted:>6}{tally.precision:>8.3f}{tally.recall:>8.3f}{tally.f1:>8.3f}"
        )
    return "\n".join(lines)


def run(paths: list[str]) -> str:
    """Score our entities on the corpora at ``paths`` and return the report.

    Held-out JSON sets (:mod:`timeline.evaluation.heldout`) are scored on their own and
    also report canonical-name and country accuracy; other paths are read as corpora.
    Raises :class:`~timeline.errors.EvaluationInputError` when a file cannot be read.
    """
    heldout_paths = [path for path in paths if is_heldout(Path(path))]
    corpus_paths = [path for path in paths if path not in heldout_paths]
    parts = []
    if corpus_paths:
        parts.append(report(evaluate(read_corpus(corpus_paths))))
    if heldout_paths:
        parts.append(report_heldout(evaluate_heldout(read_heldout(heldout_paths)), details=True))
    return "\n\n".join(parts)
