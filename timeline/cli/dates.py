"""``python -m timeline dates INPUT.jsonl [-o OUT.jsonl]``: one JSON line per date expression.

See :mod:`timeline.mentions.dates` for the lines; a malformed input line is named on
stderr in one sentence and skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline.cli.exit_codes import ExitCode


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare the command and its options."""
    dates = commands.add_parser("dates", help="date expressions of JSONL articles, one JSON line each")
    dates.add_argument("input", metavar="INPUT.jsonl")
    dates.add_argument("-o", "--output", metavar="OUT.jsonl")


def run(input_path: str, output_path: str | None = None) -> ExitCode:
    """Run the interface on a file; write to ``output_path`` or stdout; return the exit code."""
    # Imported here: the date engine loads dateparser, which `--help` need not wait for.
    from timeline.mentions.dates import process

    try:
        with Path(input_path).open(encoding="utf-8", errors="replace") as stream:
            if output_path is None:
                done, skipped = process(stream, sys.stdout, sys.stderr, input_path)
            else:
                with Path(output_path).open("w", encoding="utf-8") as out:
                    done, skipped = process(stream, out, sys.stderr, input_path)
    except OSError as error:
        print(f"{error.filename or input_path}: cannot open it ({error.strerror or error}).", file=sys.stderr)
        return ExitCode.NOTHING_PROCESSED
    return ExitCode.NOTHING_PROCESSED if skipped and not done else ExitCode.OK
