"""``python -m timeline extract PATH...``: articles in, the event table out.

The articles are read (:func:`timeline.ingest.load_articles`), then go through the corpus
front door (:func:`timeline.corpus.build_timeline`); the table written is after the corpus
stages, whatever the engine. Problems go to stderr one line each.

With ``--store DIR`` the paths are shards of a partitioned corpus: only their names are
listed here, and each task reads, extracts and stores its own shard
(:func:`timeline.engines.sharded.run_shards`) into the event store ``DIR``
(:mod:`timeline.store`), which is then finalized (:func:`timeline.store_finalize.finalize_store`)
unless ``--no-finalize`` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from timeline.cli.exit_codes import ExitCode
from timeline.engines import ENGINES, max_workers
from timeline.errors import TimelineError, shown
from timeline.types import ProgressCallback


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
    store_dir: str | None = None
    finalize: bool = True

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> ExtractOptions:
        """The options of a parsed ``extract`` command line."""
        return cls(
            paths=tuple(args.paths),
            date=args.date,
            output=args.output,
            fmt=args.format,
            merged=args.merged,
            engine=args.engine,
            scheduler=args.scheduler,
            workers=args.workers,
            cache_dir=args.cache_dir,
            use_cache=args.use_cache,
            parquet_dir=args.parquet_dir,
            store_dir=args.store_dir,
            finalize=args.finalize,
        )


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare the command and its options."""
    extract = commands.add_parser("extract", help="write the event table of article files or folders")
    extract.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files (.txt .md .jsonl .csv .html .parquet) or folders"
    )
    extract.add_argument("--date", type=_iso_date, help="publication date for articles that do not state one")
    extract.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    extract.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format (default csv)")
    extract.add_argument("--merged", action="store_true", help="write merged events instead of one row per mention")
    extract.add_argument("--engine", choices=ENGINES, default=ENGINES[0], help="where to run (default inprocess)")
    extract.add_argument(
        "--scheduler", metavar="ADDRESS", help="address of an existing Dask scheduler (with --engine dask)"
    )
    extract.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="spaCy processes (default: one per core for large corpora), or Dask workers",
    )
    extract.add_argument("--cache", metavar="DIR", dest="cache_dir", help="cache folder (default .timeline-cache)")
    extract.add_argument("--no-cache", action="store_false", dest="use_cache", help="extract everything afresh")
    extract.add_argument(
        "--parquet", metavar="DIR", dest="parquet_dir", help="also write each article's events as Parquet parts"
    )
    extract.add_argument(
        "--store",
        metavar="DIR",
        dest="store_dir",
        help="treat the paths as shards (files, folders or globs): each worker reads, extracts and writes its own "
        "into the event store DIR, which is then finalized",
    )
    extract.add_argument(
        "--no-finalize",
        action="store_false",
        dest="finalize",
        help="with --store: leave the store unfinalized (run `store finalize DIR` once the last shards are in)",
    )


def run(options: ExtractOptions, *, latest: dt.date) -> ExitCode:
    """Extract and write; non-zero only when nothing was processed.

    ``latest`` is the latest publication date accepted (the caller reads the clock).
    Raises :class:`~timeline.errors.TimelineError` subclasses, which :func:`timeline.cli.main` shows.
    """
    # Imported here: pandas, the ingest readers and spaCy are slow to import, and `--help` need not wait.
    from timeline.cache import default_cache_dir
    from timeline.corpus import build_timeline
    from timeline.export import to_csv_bytes, to_jsonl_bytes
    from timeline.ingest import load_articles

    if options.store_dir is not None:
        return _run_store(options, latest=latest)
    if not options.finalize:
        raise TimelineError("--no-finalize only applies to --store DIR.")
    result = load_articles([Path(path) for path in options.paths], date=options.date, latest=latest)
    for problem in result.problems:
        print(f"skipped {problem}", file=sys.stderr)
    if not result.articles:
        print("error: no article could be read, so no events were written.", file=sys.stderr)
        return ExitCode.NOTHING_PROCESSED
    cache_dir = (options.cache_dir or default_cache_dir()) if options.use_cache else None
    with _progress_bar(len(result.articles)) as on_progress:
        timeline = build_timeline(
            result.articles,
            engine=options.engine,
            scheduler=options.scheduler,
            workers=_workers(options),
            cache_dir=cache_dir,
            output_dir=options.parquet_dir,
            on_progress=on_progress,
            problems=result.problems,
        )
    frame = timeline.merged.events if options.merged else timeline.events
    _write(to_csv_bytes(frame) if options.fmt == "csv" else to_jsonl_bytes(frame), options.output)
    print(
        f"{len(frame)} events from {len(result.articles)} articles ({len(result.problems)} skipped).",
        file=sys.stderr,
    )
    return ExitCode.OK


def _workers(options: ExtractOptions) -> int | None:
    """The workers asked for, at most one per core of this machine (said on stderr when fewer)."""
    if options.workers is None or options.scheduler is not None:
        # An existing cluster has the workers it has; ours are not started.
        return options.workers
    most = max_workers()
    if options.workers <= most:
        return options.workers
    print(
        f"note: --workers {options.workers:,} is more than this machine's cores allow; using {most}.",
        file=sys.stderr,
    )
    return most


def _run_store(options: ExtractOptions, *, latest: dt.date) -> ExitCode:
    """Extract shard by shard into the event store, then finalize it; the counts go to stderr."""
    from timeline.cache import check_cache, default_cache_dir
    from timeline.engines.sharded import list_shards, run_shards
    from timeline.ingest import SUPPORTED_SUFFIXES
    from timeline.store_finalize import finalize_store

    if options.output is not None or options.merged or options.parquet_dir is not None:
        raise TimelineError("--store writes the events into the store; -o, --merged and --parquet do not apply to it.")
    store = Path(options.store_dir or "")
    listing = list_shards(options.paths, SUPPORTED_SUFFIXES)
    for problem in listing.problems:
        print(f"skipped {problem}", file=sys.stderr)
    if not listing.shards:
        print("error: no article file was found, so no events were written.", file=sys.stderr)
        return ExitCode.NOTHING_PROCESSED
    cache_dir = (options.cache_dir or default_cache_dir()) if options.use_cache else None
    # Checked here, once, as build_timeline does: a remote cluster's cache path is its workers'.
    if cache_dir is not None and options.scheduler is None and not check_cache(cache_dir).usable:
        cache_dir = None
    with _progress_bar(len(listing.shards), unit="shard") as on_progress:
        outcomes = run_shards(
            listing.shards,
            store=store,
            engine=options.engine,
            scheduler=options.scheduler,
            workers=options.workers,
            cache_dir=cache_dir,
            date=options.date,
            latest=latest,
            on_progress=on_progress,
        )
    skipped = [line for outcome in outcomes for line in outcome.problems]
    for line in skipped:
        print(f"skipped {line}", file=sys.stderr)
    articles = sum(outcome.articles for outcome in outcomes)
    events = sum(outcome.events for outcome in outcomes)
    if not articles:
        print("error: no article could be read, so no events were written.", file=sys.stderr)
        return ExitCode.NOTHING_PROCESSED
    print(
        f"{events} events from {articles} articles in {len(outcomes)} shards "
        f"({len(skipped) + len(listing.problems)} skipped) written to {store}.",
        file=sys.stderr,
    )
    if options.finalize:
        done = finalize_store(store)
        print(f"finalized: {done.events} events, {done.happenings} happenings in the store.", file=sys.stderr)
    return ExitCode.OK


@contextmanager
def _progress_bar(total: int, unit: str = "article") -> Iterator[ProgressCallback]:
    from tqdm import tqdm

    # disable=None: a bar on a terminal, nothing in a pipe or a CI log.
    with tqdm(total=total, unit=unit, desc="extracting", file=sys.stderr, disable=None) as bar:

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
        raise TimelineError(f"The output file {shown(output)} cannot be written ({error.strerror}).") from error


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None
