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
It is also the one boundary of every command: a named error is its sentence, a file the
system cannot open or write is one sentence naming it, and anything unexpected is
"internal error while …; details in LOG (ref XXXX)" with the stack in the error log
(:mod:`timeline.incidents`), never a traceback on the terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
from collections.abc import Sequence

from timeline.cli import dates, entities, evaluate, extract, store
from timeline.cli.exit_codes import ExitCode
from timeline.errors import TimelineError, shown
from timeline.incidents import log_incident

__all__ = ["ExitCode", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command; README documents each one."""
    parser = argparse.ArgumentParser(prog="python -m timeline", description="News events on a timeline you can trust.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (extract, store, evaluate, dates, entities):
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code. Never lets an exception out (but ``SystemExit`` from ``--help``)."""
    args = build_parser().parse_args(argv)
    _messages_never_fail()
    try:
        return int(_run(args, today=dt.date.today()))
    except TimelineError as error:
        _say(f"error: {error}")
        return ExitCode.NOTHING_PROCESSED
    except KeyboardInterrupt:
        _say("error: interrupted.")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return ExitCode.OUTPUT_CLOSED
    except OSError as error:
        if error.filename is None:
            return _internal(error, args.command)
        # A file the system will not give us (a full disk, a folder without write permission).
        _say(f"error: {shown(os.fsdecode(error.filename))}: {error.strerror or error}.")
        return ExitCode.NOTHING_PROCESSED
    # The boundary of every command: whatever was not raised on purpose is a bug, told in one sentence.
    except Exception as error:
        return _internal(error, args.command)


def _internal(error: Exception, command: str) -> ExitCode:
    incident = log_incident(error, f"running `timeline {command}`")
    _say(f"error: {incident.sentence()}.")
    return ExitCode.INTERNAL_ERROR


def _say(message: str) -> None:
    # Escaped again as a whole: a message may quote a name a library module did not escape.
    print(shown(message), file=sys.stderr)


def _messages_never_fail() -> None:
    """Let stderr write any character, whatever the terminal's encoding, so a message cannot raise."""
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; pointing it at /dev/null keeps that from a second error.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


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
