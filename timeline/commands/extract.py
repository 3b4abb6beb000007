"""``python -m timeline extract``: articles in, the event table out."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from timeline.cache import default_cache_dir
from timeline.corpus import build_timeline
from timeline.errors import TimelineError
from timeline.export import to_csv_bytes, to_jsonl_bytes
from timeline.ingest import load_articles

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1


@dataclass(frozen=True)
class ExtractOptions:
    """What the user asked of ``extract``, as parsed from the command line."""

    paths: tuple[str, ...]
    date: dt.date | None = None
    output: str | None = None
    fmt: str = "csv"
    merged: bool = False
    engine: str = "inprocess"
    scheduler: str | None = None
    workers: int | None = None
    cache_dir: str | None = None
    use_cache: bool = True
    parquet_dir: str | None = None


def run(options: ExtractOptions) -> int:
    """Extract and write; problems go to stderr one line each; non-zero only when nothing was processed."""
    # The command line is the edge that may read the clock; a day's grace covers time zones.
    latest = dt.date.today() + dt.timedelta(days=1)
    result = load_articles([Path(path) for path in options.paths], date=options.date, latest=latest)
    for problem in result.problems:
        print(f"skipped {problem}", file=sys.stderr)
    if not result.articles:
        print("error: no article could be read, so no events were written.", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    cache_dir = (options.cache_dir or default_cache_dir()) if options.use_cache else None
    with _progress_bar(len(result.articles)) as on_progress:
        timeline = build_timeline(
            result.articles,
            engine=options.engine,
            scheduler=options.scheduler,
            workers=options.workers,
            cache_dir=cache_dir,
            output_dir=options.parquet_dir,
            on_progress=on_progress,
        )
    # After the corpus stages, which build_timeline runs once on the whole table.
    frame = timeline.merged.events if options.merged else timeline.events
    _write(to_csv_bytes(frame) if options.fmt == "csv" else to_jsonl_bytes(frame), options.output)
    print(
        f"{len(frame)} events from {len(result.articles)} articles ({len(result.problems)} skipped).",
        file=sys.stderr,
    )
    return EXIT_OK


@contextmanager
def _progress_bar(total: int) -> Iterator[Callable[[int, int], None]]:
    # disable=None: a bar on a terminal, nothing in a pipe or a CI log.
    with tqdm(total=total, unit="article", desc="extracting", file=sys.stderr, disable=None) as bar:

        def advance(done: int, _total: int) -> None:
            bar.update(done - bar.n)

        yield advance


def _write(data: bytes, output: str | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        Path(output).write_bytes(data)
    except OSError as error:
        raise TimelineError(f"The output file {output} cannot be written ({error.strerror}).") from error
