"""The command line: each command parses its options, makes one library call, and turns
the library's named errors into one sentence on stderr.

    python -m timeline extract PATH... [--date YYYY-MM-DD] [-o FILE] [--format csv|jsonl] [--merged]
                               [--engine inprocess|dask] [--scheduler ADDRESS] [--workers N]
                               [--cache DIR | --no-cache] [--parquet DIR]
    python -m timeline evaluate [--entities | --events] PATH... [--predictions FILE] [--errors FILE]
    python -m timeline dates INPUT.jsonl [-o OUT.jsonl]
    python -m timeline entities INPUT.jsonl [-o OUT.jsonl]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from timeline.errors import TimelineError

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command; README documents each one."""
    parser = argparse.ArgumentParser(prog="python -m timeline", description="News events on a timeline you can trust.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="write the event table of article files or folders")
    extract.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files (.txt .md .jsonl .csv .html) or folders"
    )
    extract.add_argument("--date", type=_iso_date, help="publication date for articles that do not state one")
    extract.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    extract.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format (default csv)")
    extract.add_argument("--merged", action="store_true", help="write merged events instead of one row per mention")
    extract.add_argument(
        "--engine", choices=("inprocess", "dask"), default="inprocess", help="where to run (default inprocess)"
    )
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
    extract.add_argument("--parquet", metavar="DIR", dest="parquet_dir", help="also write the events as Parquet parts")

    evaluate = commands.add_parser("evaluate", help="score dates (or --entities) against MEANTIME or TimeML")
    evaluate.add_argument("paths", nargs="+", metavar="PATH", help="annotated files or folders (.xml CAT, .tml TimeML)")
    scored = evaluate.add_mutually_exclusive_group()
    scored.add_argument("--entities", action="store_true", help="score named people, organisations and places")
    scored.add_argument(
        "--events", action="store_true", help="score whole events (row, date, actors, countries): MEANTIME or .json"
    )
    evaluate.add_argument("--predictions", metavar="FILE", help="write the predicted dates here (JSONL)")
    evaluate.add_argument("--errors", metavar="FILE", help="write the missed and wrong dates (or events) here (JSONL)")

    dates = commands.add_parser("dates", help="date expressions of JSONL articles, one JSON line each")
    dates.add_argument("input", metavar="INPUT.jsonl")
    dates.add_argument("-o", "--output", metavar="OUT.jsonl")

    entities = commands.add_parser("entities", help="named mentions of JSONL articles, one JSON line each")
    entities.add_argument("input", metavar="INPUT.jsonl")
    entities.add_argument("-o", "--output", metavar="OUT.jsonl")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except TimelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    except KeyboardInterrupt:
        print("error: interrupted.", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.command == "extract":
        from timeline.commands import extract

        return extract.run(
            extract.ExtractOptions(
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
            )
        )
    if args.command == "evaluate":
        if args.entities:
            from timeline.evaluation import entities as entity_scoring

            print(entity_scoring.run(args.paths))
        elif args.events:
            from timeline.evaluation import events as event_scoring

            print(event_scoring.run(args.paths, args.errors))
        else:
            from timeline.evaluation import dates as date_scoring

            print(date_scoring.run(args.paths, args.predictions, args.errors))
        return EXIT_OK
    if args.command == "dates":
        from timeline.batch import dates as date_batch

        return date_batch.run(args.input, args.output)
    from timeline.batch import entities as entity_batch

    return entity_batch.run(args.input, args.output)


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
