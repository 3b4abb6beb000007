"""Benchmark: partitioned input on Dask, throughput with 1 and 2 workers over 8 shards, in one run.

    python bench/bench_dask.py [--articles 240] [--shards 8]

The corpus is generated (``bench_extract.generate_corpus``) and written as ``--shards``
JSON Lines shards in a temporary folder. For each cluster size a local Dask cluster of
worker processes is started, the spaCy model loaded on every worker (so the timing is
extraction, not start-up), and the shards run as ``timeline extract --store`` runs them
(:func:`timeline.engines.sharded.run_shards`: each worker reads, extracts and writes its
own shards; the driver sends names). Printed: articles and words per wall second, words
per worker CPU second, and the machine's load average (wall-clock throughput can only
grow with workers where cores are free). The cache is off. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "bench")]


def write_shards(folder: Path, articles: int, shards: int) -> tuple[int, int]:
    """Write the generated corpus as ``shards`` JSON Lines files; return its articles and words."""
    from bench_extract import generate_corpus, words_in

    corpus = generate_corpus(articles)
    for number in range(shards):
        lines = [
            json.dumps({"id": a.article_id, "date": a.date.isoformat(), "title": a.title, "source": a.source,
                        "text": a.text})
            for a in corpus[number::shards]
        ]  # fmt: skip
        (folder / f"shard-{number:02d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(corpus), words_in(corpus)


def _cpu_seconds() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def bench(folder: Path, workers: int) -> tuple[float, float, float]:
    """Seconds for the shards on ``workers`` local worker processes, their CPU seconds, and the load average."""
    from distributed import Client, LocalCluster

    from timeline.engines.sharded import list_shards, run_shards
    from timeline.ingest import SUPPORTED_SUFFIXES
    from timeline.nlp import load_nlp

    shards = list_shards([folder], SUPPORTED_SUFFIXES).shards
    with (
        tempfile.TemporaryDirectory() as store,
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: bool(load_nlp()))
        # A warm-up shard per worker: each stage's first call builds its caches.
        run_shards(shards[:workers], store=store, engine="dask", scheduler=cluster.scheduler_address)
        before = client.run(_cpu_seconds)
        start = time.perf_counter()
        run_shards(shards, store=store, engine="dask", scheduler=cluster.scheduler_address)
        seconds = time.perf_counter() - start
        after = client.run(_cpu_seconds)
    return seconds, sum(after[worker] - before[worker] for worker in after), os.getloadavg()[0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=240, help="generated articles")
    parser.add_argument("--shards", type=int, default=8, help="JSON Lines shards they are written as")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        articles, words = write_shards(Path(folder), args.articles, args.shards)
        print(f"corpus: {articles} generated articles, {words:,} words, in {args.shards} shards")
        rates = {}
        for workers in (1, 2):
            seconds, cpu, load = bench(Path(folder), workers)
            rates[workers] = words / seconds
            print(
                f"  {workers} worker{'s' if workers > 1 else ''}: {articles / seconds:,.1f} articles/s,"
                f" {words / seconds:,.0f} words/s ({words / cpu:,.0f} words per worker CPU second;"
                f" 1-minute load average {load:.1f} on {os.cpu_count()} cores)"
            )
    print(f"speed-up from 1 to 2 workers: {rates[2] / rates[1]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
