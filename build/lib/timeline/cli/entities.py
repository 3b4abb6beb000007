"""``python -m timeline entities INPUT.jsonl [-o OUT.jsonl]``: one JSON line per named mention.

See :mod:`timeline.mentions.entities` for the lines and :mod:`timeline.mentions.lines`
for the limits on input lines; a malformed input line is named on stderr in one sentence
and skipped.
"""

from __future__ import annotations

import argparse

from timeline.cli.batch import run_batch
from timeline.cli.exit_codes import ExitCode


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare the command and its options."""
    entities = commands.add_parser("entities", help="named mentions of JSONL articles, one JSON line each")
    entities.add_argument("input", metavar="INPUT.jsonl")
    entities.add_argument("-o", "--output", metavar="OUT.jsonl")


def run(input_path: str, output_path: str | None = None) -> ExitCode:
    """Run the interface on a file; write to ``output_path`` or stdout; return the exit code.

    Raises :class:`~timeline.errors.ModelNotInstalledError` when the spaCy model is missing.
    """
    # Imported here: spaCy is slow to import, and `--help` need not wait for it.
    from timeline.mentions.entities import process

    return run_batch(process, input_path, output_path)
