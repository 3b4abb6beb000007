"""The command line: each command parses its options, makes one library call, and turns
the library's named errors into one sentence on stderr.

    python -m timeline extract PATH... [--date YYYY-MM-DD] [-o FILE] [--format csv|jsonl] [--merged]
                               [--engine inprocess|dask] [--scheduler ADDRESS] [--workers N]
                               [--cache DIR | --no-cache] [--parquet DIR] [--store DIR [--no-finalize]]
    python -m timeline store finalize DIR
    python -m timeline evaluate [--entities | --events] PATH... [--predictions FILE] [--errors FILE]
    python -m timeline dates INPUT.jsonl [-o OUT.jsonl]
    python -m timeline entities INPUT.jsonl [-o OUT.jsonl]

One module per command (its options and its run), the exit codes in :mod:`.exit_codes`.
This is the edge that reads the clock: :func:`main` passes today's date into the library.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from timeline.cli import dates, entities, evaluate, extract, store
from timeline.cli.exit_codes import ExitCode
from timeline.errors import TimelineError

__all__ = ["ExitCode", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command; README documents each one."""
    parser = argparse.ArgumentParser(prog="python -m timeline", description="News events on a timeline you can trust.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (extract, store, evaluate, dates, entities):
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(_run(args, today=dt.date.today()))
    except TimelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return ExitCode.NOTHING_PROCESSED
    except KeyboardInterrupt:
        print("error: interrupted.", file=sys.stderr)
        return ExitCode.INTERRUPTED


def _run(args: argparse.Namespace, *, today: dt.date) -> ExitCode:
    if args.command == "extract":
        # A day's grace covers a publication date written in a time zone ahead of ours.
        return extract.run(extract.ExtractOptions.from_args(args), latest=today + dt.timedelta(days=1))
    if args.command == "store":
        return store.run(args)
    if args.command == "evaluate":
        return evaluate.run(args)
    if args.command == "dates":
        return dates.run(args.input, args.output)
    return entities.run(args.input, args.output)
