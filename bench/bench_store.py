"""Benchmark: the dashboard's work for a filter change on an event store of 1 M and 10 M events, DuckDB against pandas.

    python bench/bench_store.py [--events 10000000] [--small 1000000] [--articles 120] [--folder DIR] [--pandas-large]

The events are resampled from a generated corpus's extracted events as
``bench/bench_extract.py`` does (dates shifted by whole weeks, fresh ids and articles),
written into a store shard by shard (:func:`timeline.store.write_shard`, 100,000 events
a shard) and finalized (:func:`timeline.store_finalize.finalize_store`): first the
``--small`` store, then the rest of the shards appended and finalized again.

For each size, a fresh process opens the store and times what the dashboard does on a
filter change, unfiltered (the worst case) and by the commonest country, in the merged
view (the dashboard's default) and one row per report:

- DuckDB (:mod:`timeline.store_query`): counts, lane counts, the figure, the first
  2,000 evidence rows;
- pandas (the in-memory path, the store's tables read into memory): ``filter_events``,
  ``count_events``, ``lane_counts``, ``timeline_figure``, ``evidence_table``.

Each printed time is the median of ``--rounds``, the process's peak resident memory
beside it. Bars: 300 ms at the small size and 1 s at the large one for DuckDB, resident
memory under 2 GB. pandas at the large size needs about 7 GB and is left out unless
``--pandas-large`` is given. The store is written under ``--folder`` (default: a new
folder in /tmp) and deleted at the end. Not a test; exit status 1 when a bar is missed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "bench")]

SMALL_BAR_MS = 300.0
LARGE_BAR_MS = 1000.0
MEMORY_BAR_BYTES = 2 * 1024**3
SHARD_EVENTS = 100_000

_PROBE = r"""
import json, statistics, sys, time
sys.path[:0] = [sys.argv[1]]
from pathlib import Path
store, engine, rounds = Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
from timeline.kinds import EVENTS, MERGED
start = time.perf_counter()
if engine == "duckdb":
    from timeline.store_query import EventStore, StoreFilters
    opened = EventStore(store)
    def work(kind, country):
        # Every round is a fresh filter change: nothing the previous round asked is reused.
        opened.forget()
        chosen = StoreFilters(countries=(country,) if country else ())
        counts = opened.counts(kind, chosen)
        opened.lane_counts(kind, chosen, "country")
        opened.figure(kind, chosen, "country")
        opened.rows(kind, chosen, limit=2000)
        return counts.events
    options = opened.filter_options(MERGED)
else:
    from timeline import display, filters, lanes
    from timeline.chart import timeline_figure
    from timeline.store import read_store_merged, read_store_mentions
    tables = {MERGED.name: read_store_merged(store), EVENTS.name: read_store_mentions(store)}
    def work(kind, country):
        shown = filters.filter_events(tables[kind.name], countries=(country,) if country else ())
        display.count_events(shown, kind=kind, mentions=tables[EVENTS.name])
        lanes.lane_counts(shown, "country", kind=kind)
        timeline_figure(shown, "country", kind=kind)
        display.evidence_table(shown, kind=kind, limit=2000)
        return len(shown)
    options = filters.filter_options(tables[MERGED.name])
opened_s = time.perf_counter() - start
country = sys.argv[5]
results = {"open_s": opened_s}
for kind in (MERGED, EVENTS):
    for label, chosen in (("all", ""), ("country", country)):
        times = []
        for _ in range(rounds):
            begin = time.perf_counter()
            rows = work(kind, chosen)
            times.append(time.perf_counter() - begin)
        results[f"{kind.name} {label}"] = {"ms": 1000 * statistics.median(times), "rows": rows}
# The process's peak resident memory: VmHWM starts afresh with the program, where
# getrusage's maximum would carry over the parent's from before exec.
status = Path("/proc/self/status").read_text().splitlines()
results["peak_rss"] = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
print(json.dumps(results))
"""


def base_events(articles: int) -> pd.DataFrame:
    """The extracted events of ``articles`` generated articles (as bench_extract makes them)."""
    from bench_extract import generate_corpus

    from timeline.nlp import load_nlp
    from timeline.pipeline import extract_frame

    return extract_frame(generate_corpus(articles), nlp=load_nlp())


def resampled_shard(frame: pd.DataFrame, count: int, number: int) -> pd.DataFrame:
    """Shard ``number``: ``count`` events resampled as bench_extract's ``resample`` does, ids unique across shards."""
    from bench_extract import resample

    rows = resample(frame, count, seed=1000 + number)
    offset = number * count
    articles = rows["article_id"].str.slice(3).astype(np.int64) + offset // 12
    return rows.assign(
        event_id=[f"ev{offset + index:09d}" for index in range(count)],
        article_id=[f"art{value:08d}" for value in articles.tolist()],
    )


def build(store: Path, frame: pd.DataFrame, first: int, last: int) -> float:
    """Write shards ``first`` to ``last - 1`` into ``store`` and finalize it; the seconds it took."""
    from timeline.store import write_shard
    from timeline.store_finalize import finalize_store

    start = time.perf_counter()
    for number in range(first, last):
        write_shard(store, f"bench-shard-{number:04d}", resampled_shard(frame, SHARD_EVENTS, number))
    written = time.perf_counter() - start
    done = finalize_store(store)
    total = time.perf_counter() - start
    print(
        f"    store of {done.events:,} events ({done.happenings:,} happenings): shards written in {written:,.0f} s,"
        f" finalized in {total - written:,.0f} s ({done.parts} merge parts)",
        flush=True,
    )
    return total


def probe(store: Path, engine: str, rounds: int, country: str) -> dict[str, object]:
    """Run the timing in a fresh process, so each engine's memory is its own."""
    output = subprocess.run(
        [sys.executable, "-c", _PROBE, str(PROJECT), str(store), engine, str(rounds), country],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    return result


def report(size: int, results: dict[str, dict[str, object]], bar_ms: float) -> bool:
    """Print DuckDB's and pandas' times side by side; whether DuckDB met the bars."""
    duck = results["duckdb"]
    worst = max(float(value["ms"]) for key, value in duck.items() if isinstance(value, dict))  # type: ignore[index]
    rss = int(duck["peak_rss"])  # type: ignore[call-overload]
    print(f"  {size:,} events (median of the rounds; rows shown in brackets):")
    print(f"    {'view, filter':<28}{'DuckDB':>12}{'pandas':>12}")
    for key, value in duck.items():
        if not isinstance(value, dict):
            continue
        other = results.get("pandas", {}).get(key)
        theirs = f"{float(other['ms']):,.0f} ms" if isinstance(other, dict) else "not run"
        print(f"    {key + ' (' + format(int(value['rows']), ',') + ')':<28}{float(value['ms']):>9,.0f} ms{theirs:>12}")
    for engine, result in results.items():
        print(
            f"    {engine}: opened in {float(result['open_s']):.1f} s, resident memory"  # type: ignore[arg-type]
            f" {int(result['peak_rss']) / 1024**2:,.0f} MB"  # type: ignore[call-overload]
        )
    met = worst <= bar_ms and rss < MEMORY_BAR_BYTES
    print(
        f"    DuckDB worst {worst:,.0f} ms (bar {bar_ms:,.0f} ms), {rss / 1024**3:.2f} GB (bar 2 GB)"
        f" {'PASS' if met else 'FAIL'}"
    )
    return met


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000, help="events in the large store")
    parser.add_argument("--small", type=int, default=1_000_000, help="events in the small store")
    parser.add_argument("--articles", type=int, default=120, help="generated articles whose events are resampled")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per timing (the median is kept)")
    parser.add_argument("--folder", type=Path, help="where to write the store (default: a new folder in /tmp)")
    parser.add_argument("--pandas-large", action="store_true", help="time pandas on the large store too (~7 GB)")
    args = parser.parse_args(argv)

    print(f"disk: {shutil.disk_usage(args.folder or tempfile.gettempdir()).free / 1024**3:,.0f} GB free")
    frame = base_events(args.articles)
    print(f"base: {len(frame):,} events extracted from {args.articles} generated articles", flush=True)
    country = str(frame["countries"].explode().value_counts().index[0])
    root = Path(tempfile.mkdtemp(prefix="bench-store-", dir=args.folder))
    store = root / "store"
    passed = True
    try:
        built = 0
        for size, bar, with_pandas in (
            (args.small, SMALL_BAR_MS, True),
            (args.events, LARGE_BAR_MS, args.pandas_large),
        ):
            shards = max(size // SHARD_EVENTS, 1)
            print(f"building the store of {shards * SHARD_EVENTS:,} events:", flush=True)
            build(store, frame, built, shards)
            built = shards
            results = {"duckdb": probe(store, "duckdb", args.rounds, country)}
            if with_pandas:
                results["pandas"] = probe(store, "pandas", args.rounds, country)
            passed &= report(shards * SHARD_EVENTS, results, bar)
        size_on_disk = sum(path.stat().st_size for path in store.rglob("*") if path.is_file())
        print(f"store on disk: {size_on_disk / 1024**3:.2f} GB (filter: country={country})")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
