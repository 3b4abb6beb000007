"""The held-out entity set: its reader, its scorer, and the floors our entities keep on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from timeline.errors import EvaluationInputError
from timeline.evaluation.entities import run
from timeline.evaluation.heldout import NameTally, is_heldout, read_heldout, score_heldout
from timeline.types import EntityMention, EntityType

HELDOUT = PROJECT / "tests" / "data" / "heldout_entities"


def _write(folder: Path, mentions: list[dict[str, str]], body: str = "Kyiv said Kyiv would not yield.") -> Path:
    """One held-out file in ``folder`` with the given body and mentions."""
    path = folder / "a.json"
    data = {"id": "a", "date": "2025-01-01", "title": "Head", "body": body, "mentions": mentions}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_evaluation_heldout_reader_locates_repeated_mentions(tmp_path: Path) -> None:
    """Repeated names are found in order after the title, each after the previous mention."""
    mention = {"text": "Kyiv", "type": "LOC", "canonical": "Kyiv", "country": "Ukraine"}
    (document,) = read_heldout([_write(tmp_path, [mention, mention])])
    assert document.text.startswith("Head\n")
    assert [(name.start, name.end) for name in document.names] == [(5, 9), (15, 19)]
    assert is_heldout(tmp_path)


@pytest.mark.parametrize(
    "mentions",
    [
        [{"text": "Lviv", "type": "LOC", "canonical": "Lviv", "country": "Ukraine"}],
        [{"text": "Kyiv", "type": "CITY", "canonical": "Kyiv", "country": "Ukraine"}],
        [{"text": "Kyiv", "type": "LOC"}],
    ],
)
def test_evaluation_heldout_reader_names_bad_files(tmp_path: Path, mentions: list[dict[str, str]]) -> None:
    """A mention not in the body, an unknown type or a missing field is one clear error naming the file."""
    path = _write(tmp_path, mentions)
    with pytest.raises(EvaluationInputError, match=r"a\.json"):
        read_heldout([path])


def test_evaluation_heldout_scores_names_and_countries(tmp_path: Path) -> None:
    """Typed overlap counts as for MEANTIME; canonical name and country are checked on found mentions."""
    mention = {"text": "Kyiv", "type": "LOC", "canonical": "Kyiv", "country": "Ukraine"}
    (document,) = read_heldout([_write(tmp_path, [mention, mention])])
    predicted = [
        EntityMention(0, 4, "Head", EntityType.LOCATION, "Head"),
        EntityMention(5, 9, "Kyiv", EntityType.LOCATION, "Kyiv", "Ukraine"),
        EntityMention(15, 19, "Kyiv", EntityType.LOCATION, "Kiev", ""),
        EntityMention(20, 25, "would", EntityType.PERSON, "would"),
    ]
    tally = NameTally()
    score_heldout(document, predicted, tally)
    assert (tally.predicted, tally.correct, tally.gold, tally.found) == (3, 2, 2, 2)
    assert (tally.canonical_right, tally.country_right) == (1, 1)


@pytest.mark.slow
def test_evaluation_heldout_floors() -> None:
    """On the held-out news set our entities keep typed F1 0.92 and name and country accuracy 0.95."""
    report = run([str(HELDOUT)])
    lines = report.splitlines()
    f1 = float(lines[1].split("F1")[1].split()[0])
    canonical = float(lines[2].split()[3])
    country = float(lines[3].split()[2])
    assert f1 >= 0.92, report
    assert canonical >= 0.95, report
    assert country >= 0.95, report
