"""Benchmark: how long the dashboard takes to open a corpus, cold and again from the extraction cache.

Writes ``--articles`` generated articles (see ``bench_extract.generate_corpus``) to a
temporary folder, points the dashboard at it (``$TIMELINE_CORPUS``) with a fresh cache
(``$TIMELINE_CACHE_DIR``), and runs ``dashboard.py`` in Streamlit's AppTest three times:
cold (every article extracted), again in the same server (the corpus kept in memory), and
after clearing Streamlit's resources (a restarted server: only the on-disk cache is left,
so the spaCy model is never loaded). Not a timed test: it prints seconds.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "bench")]


def _open(label: str) -> dict[str, str]:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(PROJECT / "dashboard.py"), default_timeout=3600)
    start = time.perf_counter()
    app.run()
    seconds = time.perf_counter() - start
    if app.exception:
        raise SystemExit(f"the dashboard failed: {app.exception[0].value}")
    metrics = {metric.label: str(metric.value) for metric in app.metric}
    print(f"  {label}: {seconds:.2f} s ({', '.join(f'{key} {value}' for key, value in metrics.items())})")
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="articles in the generated corpus")
    args = parser.parse_args(argv)

    from bench_extract import generate_corpus

    from timeline.articles import format_article
    from timeline.defaults import CACHE_DIR_ENV, CORPUS_ENV

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        for number, article in enumerate(generate_corpus(args.articles)):
            (corpus / f"{number:05d}.md").write_text(format_article(article), encoding="utf-8")
        os.environ[CORPUS_ENV] = str(corpus)
        os.environ[CACHE_DIR_ENV] = str(Path(folder) / "cache")
        import streamlit as st

        print(f"dashboard opening a corpus of {args.articles} generated articles:")
        cold = _open("cold (every article extracted, then cached)")
        warm = _open("again, same server (corpus in memory)")
        st.cache_resource.clear()
        reopened = _open("restarted server (on-disk cache only; the model is never loaded)")
    return 0 if cold == warm == reopened else 1


if __name__ == "__main__":
    raise SystemExit(main())
