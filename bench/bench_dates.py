"""Benchmark: sentences per second of the date stage alone, next to spaCy's small pipeline, in one run.

    python bench/bench_dates.py [CORPUS_PATH] [--sentences N]

With a MEANTIME or TimeML path, the sentences are the corpus's own lines (read in
place, never copied); without one, news-like sentences are generated from a fixed
seed. The date stage (``find_dates``, dateparser caches emptied first) and spaCy's
small English pipeline (all its default pipes) run on the same sentences; the
script prints both rates and their ratio. The bar is a ratio of at least 5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.dates import find_dates
from timeline.dates.dateparser_adapter import parse_explicit

_SUBJECTS = ["The ministry", "Officials", "The company", "Rebel forces", "The central bank", "Shareholders", "Police"]
_VERBS = ["said", "announced", "reported", "confirmed", "will decide", "agreed", "is expected to vote", "denied"]
_OBJECTS = ["a new plan", "the deal", "record losses", "the ceasefire", "job cuts", "an inquiry", "higher prices"]
_DATES = [
    "on Sunday", "on Tuesday", "last week", "this month", "in March", "on June 3", "on 11 December 2009",
    "since October 7, 2023", "in 2015", "early 2011", "in the fourth quarter of 2005", "last year", "next month",
    "yesterday", "today", "at the time", "the day before", "in the 1990s", "this summer", "",
    "", "", "",
]  # fmt: skip
_TAILS = ["", " after talks in Doha", ", according to a statement", " despite 2,000 protests", " amid 44,466 deaths"]


def generated_sentences(count: int) -> list[tuple[str, dt.date]]:
    """``count`` news-like sentences with article dates, always the same for the same count."""
    rng = random.Random(20241202)
    sentences = []
    for _ in range(count):
        date = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        when = rng.choice(_DATES)
        parts = [rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS), when]
        sentences.append((" ".join(p for p in parts if p) + rng.choice(_TAILS) + ".", date))
    return sentences


def corpus_sentences(path: str, count: int) -> list[tuple[str, dt.date]]:
    """Up to ``count`` lines of the corpus documents, each with its document's creation date."""
    from timeline.corpora import read_corpus

    sentences = []
    for document in read_corpus([path]):
        date = document.creation_date or dt.date(2000, 1, 1)
        sentences.extend((line, date) for line in document.text.split("\n") if line.strip())
    return sentences[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", help="MEANTIME/TimeML path whose lines to use (default: generated)")
    parser.add_argument("--sentences", type=int, default=3000, help="how many sentences (default 3000)")
    args = parser.parse_args()
    sentences = corpus_sentences(args.corpus, args.sentences) if args.corpus else generated_sentences(args.sentences)
    texts = [text for text, _ in sentences]

    parse_explicit.cache_clear()
    started = time.perf_counter()
    found = sum(len(find_dates(text, date)) for text, date in sentences)
    date_seconds = time.perf_counter() - started

    import spacy

    from timeline.defaults import spacy_model_name

    model = spacy_model_name()
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:50]))  # warm-up, so model loading is not timed
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    spacy_seconds = time.perf_counter() - started

    date_rate, spacy_rate = len(texts) / date_seconds, len(texts) / spacy_seconds
    print(f"sentences: {len(texts)} ({'corpus ' + args.corpus if args.corpus else 'generated'})")
    print(f"date stage: {date_rate:,.0f} sentences/s ({found} date expressions)")
    print(f"spaCy {model} (all default pipes): {spacy_rate:,.0f} sentences/s")
    print(f"ratio: {date_rate / spacy_rate:.1f}x (bar: 5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
