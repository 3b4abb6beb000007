"""``python -m timeline dates INPUT.jsonl [-o OUT.jsonl]``: one JSON line per date expression.

See :mod:`timeline.mentions.dates` for the lines and :mod:`timeline.mentions.lines` for
the limits on input lines; a malformed input line is named on stderr in one sentence and
skipped.
"""

from __future__ import annotations

import argparse

from timeline.cli.batch import run_batch
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

    return run_batch(process, input_path, output_path)
