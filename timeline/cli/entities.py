"""``python -m timeline entities INPUT.jsonl [-o OUT.jsonl]``: one JSON line per named mention.

See :mod:`timeline.mentions.entities` for the lines; a malformed input line is named on
stderr in one sentence and skipped.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

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

    try:
        stream = Path(input_path).open(encoding="utf-8", errors="replace")  # noqa: SIM115 - closed by the stack below
    except OSError as error:
        print(f"{input_path}: cannot read it ({error.strerror or error}).", file=sys.stderr)
        return ExitCode.NOTHING_PROCESSED
    with ExitStack() as stack:
        stack.enter_context(stream)
        out: TextIO = sys.stdout
        if output_path is not None:
            try:
                out = stack.enter_context(Path(output_path).open("w", encoding="utf-8"))
            except OSError as error:
                print(f"{output_path}: cannot write it ({error.strerror or error}).", file=sys.stderr)
                return ExitCode.NOTHING_PROCESSED
        done, skipped = process(stream, out, sys.stderr, input_path)
    return ExitCode.NOTHING_PROCESSED if skipped and not done else ExitCode.OK
