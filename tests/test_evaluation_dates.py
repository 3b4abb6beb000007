"""TempEval-3 style scoring of DATE timexes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timeline.corpora import read_corpus
from timeline.dates import find_dates
from timeline.evaluation.dates import run, score

#: TimeML news written for the project and annotated by hand; the engine was never tuned on it before it was written.
HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"

_TML = """<?xml version="1.0" ?>
<TimeML><DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-12-04" functionInDocument="CREATION_TIME">2024-12-04</TIMEX3></DCT>
<TEXT>Ministers met <TIMEX3 tid="t1" type="DATE" value="2024-12-02">on Monday</TIMEX3> and
<TIMEX3 tid="t2" type="DATE" value="2024-11">last month</TIMEX3>; the war began in
<TIMEX3 tid="t3" type="DATE" value="2010">2011</TIMEX3>,
<TIMEX3 tid="t4" type="DURATION" value="P3Y">three years ago</TIMEX3>,
and in <TIMEX3 tid="t5" type="DATE" value="2024-SP">the spring</TIMEX3>. Fighting resumed in 2019.</TEXT>
</TimeML>
"""


@pytest.fixture
def tml_corpus(tmp_path: Path) -> Path:
    """A one-document TimeML corpus written for these tests, with known hits, misses and a wrong value."""
    path = tmp_path / "d1.tml"
    path.write_text(_TML, encoding="utf-8")
    return path


def _figures(report: str, name: str) -> tuple[float, float, float]:
    match = re.search(rf"^{name}\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$", report, re.MULTILINE)
    assert match, report
    return float(match[1]), float(match[2]), float(match[3])


def test_run_scores_strict_relaxed_and_value(tml_corpus: Path) -> None:
    """Relaxed counts overlaps, strict same spans, value overlaps with equal values; durations count neither way."""
    report = run([str(tml_corpus)])
    # Gold DATEs: "on Monday", "last month", "2011" (gold value 2010), "the spring".
    # Counted predictions: "Monday" (inside the gold span), "last month", "2011", "the spring", "2019" (spurious);
    # "three years ago" lies on a DURATION and counts neither way.
    assert "gold DATE timexes: 4   predicted: 5" in report
    assert _figures(report, "relaxed") == (0.8, 1.0, 0.889)
    assert _figures(report, "strict") == (0.6, 0.75, 0.667)
    assert _figures(report, "value") == (0.6, 0.75, 0.667)
    assert "DATE value F1: 0.667" in report


def test_run_writes_predictions_and_errors(tml_corpus: Path, tmp_path: Path) -> None:
    """Predictions and errors go to JSONL files naming the document and the expression."""
    predictions, errors = tmp_path / "p.jsonl", tmp_path / "e.jsonl"
    run([str(tml_corpus)], str(predictions), str(errors))
    found = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    problems = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert {p["text"] for p in found} >= {"Monday", "last month", "2011", "2019"}
    assert {(p["kind"], p["text"]) for p in problems} >= {("SPURIOUS", "2019"), ("VALUE", "2011")}


@pytest.mark.parametrize(
    ("counts", "expected"),
    [((1, 2, 1, 4), (0.5, 0.25, 1 / 3)), ((0, 0, 0, 0), (0.0, 0.0, 0.0)), ((3, 3, 3, 3), (1.0, 1.0, 1.0))],
)
def test_score_precision_recall_f1(counts: tuple[int, int, int, int], expected: tuple[float, float, float]) -> None:
    """Precision over predictions, recall over gold, F1 their harmonic mean, 0 for empty sides."""
    result = score(*counts)
    assert (result.precision, result.recall, result.f1) == pytest.approx(expected)


@pytest.mark.corpus
def test_meantime_date_value_f1(meantime_path: Path) -> None:
    """On MEANTIME, DATE value F1 is at least 0.85 (the bar of issue 3)."""
    report = run([str(meantime_path)])
    value_f1 = float(re.search(r"DATE value F1: ([\d.]+)", report)[1])  # type: ignore[index]
    assert value_f1 >= 0.85, report


def test_heldout_value_f1() -> None:
    """On the project's own held-out TimeML news, DATE value F1 is at least 0.85."""
    report = run([str(HELDOUT)])
    assert "Documents: 24" in report
    assert _figures(report, "value")[2] >= 0.85, report


def test_heldout_durations_are_not_dates() -> None:
    """No date is found on a held-out DURATION ("13 years", "a year", "the past 13 years")."""
    on_durations = []
    checked = 0
    for document in read_corpus([HELDOUT]):
        assert document.creation_date is not None
        durations = [t for t in document.timexes if t.type == "DURATION"]
        checked += len(durations)
        on_durations += [
            (document.doc_id, m.text)
            for m in find_dates(document.text, document.creation_date)
            if any(m.start < t.end and t.start < m.end for t in durations)
        ]
    assert checked > 0
    assert on_durations == []
