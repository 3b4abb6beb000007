"""What the ``dates`` and ``entities`` commands share: open the input and the output, run, exit code."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from timeline.cli.exit_codes import ExitCode
from timeline.errors import InputFileError, shown
from timeline.opening import open_text, why

#: ``process(stream, out, errors, where) -> (articles done, lines skipped)`` of :mod:`timeline.mentions`.
Process = Callable[[TextIO, TextIO, TextIO, str], tuple[int, int]]


def run_batch(process: Process, input_path: str, output_path: str | None) -> ExitCode:
    """Run ``process`` on the JSONL file ``input_path``; write to ``output_path`` or stdout; return the exit code.

    Only a regular file is read (a named pipe could wait forever); a file that cannot be
    opened, read or written is one sentence on stderr.
    """
    with ExitStack() as stack:
        try:
            stream = stack.enter_context(open_text(input_path))
        except InputFileError as error:
            print(error, file=sys.stderr)
            return ExitCode.NOTHING_PROCESSED
        if output_path is None:
            out = _stdout()
        else:
            try:
                out = stack.enter_context(Path(output_path).open("w", encoding="utf-8"))
            except OSError as error:
                print(f"{shown(output_path)}: cannot write it ({why(error)}).", file=sys.stderr)
                return ExitCode.NOTHING_PROCESSED
        done, skipped = process(stream, out, sys.stderr, input_path)
        out.flush()
    return ExitCode.NOTHING_PROCESSED if skipped and not done else ExitCode.OK


def _stdout() -> TextIO:
    # The output is JSON lines, which are UTF-8 whatever the terminal's locale says.
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")
    return sys.stdout
