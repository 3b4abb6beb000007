"""Entity scoring: the overlap arithmetic, and the MEANTIME bar (typed overlap F1 at least 0.80)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.corpora import AnnotatedDocument, GoldEntity
from timeline.evaluation.entities import TypedTallies, run, score_document
from timeline.types import EntityMention, EntityType


def test_evaluation_entities_typed_overlap_counts() -> None:
    """A prediction counts when it overlaps gold of its type; non-standalone and late mentions are ignored."""
    document = AnnotatedDocument(
        doc_id="d", path="d", text="x" * 100, creation_date=None,
        entities=(GoldEntity(0, 10, EntityType.PERSON), GoldEntity(20, 30, EntityType.LOCATION)),
        annotated_end=50,
    )
    mentions = [
        EntityMention(2, 8, "x", EntityType.PERSON, "x"),
        EntityMention(20, 25, "x", EntityType.ORGANISATION, "x"),
        EntityMention(40, 45, "x", EntityType.LOCATION, "x", standalone=False),
        EntityMention(60, 65, "x", EntityType.LOCATION, "x"),
    ]
    scores = TypedTallies()
    score_document(document, mentions, scores)
    assert (scores.overall.predicted, scores.overall.correct, scores.overall.gold, scores.overall.found) == (2, 1, 2, 1)
    assert scores.by_type[EntityType.PERSON].f1 == 1.0


@pytest.mark.slow
@pytest.mark.corpus
def test_evaluation_entities_meantime_bar(meantime_path: Path) -> None:
    """On MEANTIME's annotated part, our PER/ORG/LOC names reach typed overlap F1 0.80."""
    report = run([str(meantime_path)])
    overall = next(line for line in report.splitlines() if line.startswith("all"))
    assert float(overall.split()[-1]) >= 0.80, report
