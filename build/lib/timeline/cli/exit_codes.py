"""The exit codes of every command, in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a command's exit status means."""

    #: Done; inputs that could not be read were named on stderr and skipped.
    OK = 0
    #: Nothing was processed: no input could be read, or a named error stopped the command.
    NOTHING_PROCESSED = 1
    #: The command line itself is wrong (argparse exits with this status).
    USAGE = 2
    #: An unexpected error stopped the command: one sentence on stderr, the stack in the error log
    #: (:mod:`timeline.incidents`); 70 is ``EX_SOFTWARE`` of sysexits.h.
    INTERNAL_ERROR = 70
    #: Stopped by Ctrl-C (128 + SIGINT, the shell's convention).
    INTERRUPTED = 130
    #: The reader of the output went away (``| head``): 128 + SIGPIPE, the shell's convention.
    OUTPUT_CLOSED = 141
