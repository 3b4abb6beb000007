"""A whole-corpus run, as a new user would do it: ``timeline extract`` over hundreds of articles.

Builds one JSON Lines corpus in a temporary folder (never in the project) from:

- every MEANTIME document (real Wikinews articles, with their creation dates) under the
  given path;
- the project's own held-out TimeML and entity articles (``tests/data``) and the seed;
- generated news-like articles (``bench_extract.generate_corpus``) up to ``--articles``;
- a handful of articles a real corpus throws at us: history ("the 11th century",
  "in 1066", "in 1500"), far deadlines ("by 2300", "9999"), a line that is not JSON, a
  record with no text, an article with no date, an empty text, one huge run-on sentence.

Then runs ``python -m timeline extract`` on it in a fresh process with no cache, and
prints what a user would check: the exit code, articles read and lines skipped, events
written, the earliest and latest days in the table, whether anything printed a
traceback, and the seconds it took. Not a test: it prints figures.

    python bench/corpus_run.py ../shared/corpora/meantime [--articles 256]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "bench")]

#: Articles a real corpus holds beside ordinary news; each must come through, or be named and skipped.
_ODD_RECORDS: tuple[object, ...] = (
    {
        "id": "history-11th-century",
        "date": "2024-11-20",
        "title": "Cathedral restored",
        "text": "The cathedral, built in the 11th century, reopened on Sunday after a restoration that began "
        "in 1500 by one count. Historians trace its first stones to 1066.",
    },
    {
        "id": "far-deadline",
        "date": "2024-11-21",
        "title": "Climate pledge",
        "text": "Ministers agreed on Thursday to a target for 2300, and a vault sealed until 9999 was opened in 1677.",
    },
    {"id": "no-text", "date": "2024-11-22", "title": "A record without its text"},
    {"id": "empty", "date": "2024-11-22", "title": "Empty", "text": ""},
    {"id": "undated", "title": "No date given", "text": "The council met on Monday to discuss the budget."},
    {"id": "run-on", "date": "2024-11-23", "text": "Talks resumed last Monday and " * 400},
)
_NOT_JSON = "{this line is not JSON"


def corpus_records(meantime: Path | None, count: int) -> Iterator[dict[str, str]]:
    """The corpus's articles as JSON records, real ones first, then generated ones up to ``count``."""
    from bench_extract import generate_corpus

    from timeline.corpora import read_corpus
    from timeline.evaluation.heldout import read_heldout
    from timeline.ingest import load_articles

    made = 0
    sources = [meantime] if meantime is not None else []
    for document in read_corpus([*sources, PROJECT / "tests" / "data" / "heldout"]):
        if document.creation_date is None:
            continue
        made += 1
        yield {"id": document.doc_id, "date": document.creation_date.isoformat(), "text": document.text}
    for held in read_heldout([PROJECT / "tests" / "data" / "heldout_entities"]):
        made += 1
        yield {"id": held.doc_id, "date": held.date.isoformat(), "text": held.text}
    for article in load_articles([PROJECT / "seeds"]).articles:
        made += 1
        yield _record(article)
    for article in generate_corpus(max(0, count - made)):
        yield _record(article)


def _record(article: object) -> dict[str, str]:
    from timeline.types import Article

    assert isinstance(article, Article)
    return {
        "id": article.article_id,
        "date": article.date.isoformat(),
        "title": article.title,
        "source": article.source,
        "text": article.text,
    }


def write_corpus(path: Path, meantime: Path | None, count: int) -> int:
    """Write the corpus as JSON Lines; return how many lines it holds."""
    lines = [json.dumps(record, ensure_ascii=False) for record in corpus_records(meantime, count)]
    lines.extend(json.dumps(record, ensure_ascii=False) for record in _ODD_RECORDS)
    lines.append(_NOT_JSON)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("meantime", nargs="?", type=Path, help="MEANTIME folder (../shared/corpora/meantime)")
    parser.add_argument("--articles", type=int, default=256, help="ordinary articles in the corpus (default 256)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        lines = write_corpus(corpus, args.meantime, args.articles)
        command = [sys.executable, "-m", "timeline", "extract", str(corpus), "--no-cache", "-o", f"{folder}/out.csv"]
        start = time.perf_counter()
        done = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        out = Path(folder) / "out.csv"
        rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8")))) if out.exists() else []
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped ")]
    starts = sorted(row["date_start"] for row in rows if row["date_start"])
    print(f"corpus: {lines} JSON lines ({args.articles} ordinary articles, {len(_ODD_RECORDS) + 1} odd ones)")
    print(f"exit code {done.returncode} in {seconds:.1f} s; traceback printed: {'Traceback' in done.stderr}")
    print(f"events written: {len(rows)} from {len({row['article_id'] for row in rows})} articles")
    print(f"lines named and skipped: {len(skipped)}")
    for line in skipped:
        print(f"  {line[:160]}")
    if starts:
        print(f"days covered: {starts[0]} … {max(row['date_end'] for row in rows if row['date_end'])}")
    history = [row for row in rows if row["date_start"] and row["date_start"] < "1677"]
    print(f"events before 1677: {len(history)} ({', '.join(sorted({row['date_value'] for row in history}))})")
    print(f"last line of stderr: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''}")
    ok = done.returncode == 0 and "Traceback" not in done.stderr and bool(rows)
    print(f"whole corpus extracted: {ok} (run on {dt.datetime.now():%Y-%m-%d %H:%M})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
