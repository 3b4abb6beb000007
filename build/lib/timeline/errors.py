"""Every error the library raises on purpose, each saying when it is raised.

The CLI and the dashboard catch :class:`TimelineError` and show its message as
one sentence; anything else is a bug.
"""

from __future__ import annotations

import os


def shown(name: str | os.PathLike[str]) -> str:
    """``name`` (a path, an upload's name, a message) as it may be written to a terminal or a page.

    Every character that is not printable (control and ANSI escape characters, line and
    paragraph separators, bidirectional overrides, zero-width characters) is written as
    a Python-style escape, so a file name can neither move the cursor, recolour the
    terminal nor break a one-line message. The bytes of a file name that are not UTF-8
    (which Python keeps as lone surrogates) are written ``\\xNN``. The one helper every
    message that names an input uses; printable text comes back unchanged.
    """
    text = os.fspath(name)
    if text.isprintable():
        return text
    return "".join(character if character.isprintable() else _escape(character) for character in text)


_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(character: str) -> str:
    if character in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:
        # os.fsdecode keeps an undecodable byte of a file name as this surrogate.
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


class TimelineError(Exception):
    """Base class: its ``str()`` is a complete sentence fit to show a user."""


class ModelNotInstalledError(TimelineError):
    """Raised when the configured spaCy model package cannot be imported."""


class ArticleError(TimelineError):
    """Raised when one article (a file, a row, a line) cannot be read.

    ``where`` names the file and, when known, the line or row, so a message
    can say what, where and why in one sentence.
    """

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        # ``where`` stays as given (front ends match it against their inputs); the message shows it escaped.
        super().__init__(f"{shown(where)}: {reason}")


class ArticleDateError(ArticleError):
    """Raised when an article has no publication date, or one that is not a real date."""


class MissingDateError(ArticleDateError):
    """Raised when an article states no publication date at all (not a wrong one): a date the user gives can fix it."""


class EvaluationInputError(TimelineError):
    """Raised when an annotated corpus file (CAT XML or TimeML) cannot be read."""


class CacheError(TimelineError):
    """Raised when the on-disk event cache cannot be read or written (see :mod:`timeline.cache`)."""


class InputFileError(TimelineError):
    """Raised when an input file cannot be opened for reading: missing, unreadable, too large, or
    not a regular file (a FIFO, a device or a socket, which could block or be read forever).

    Its message is a sentence, full stop included; ``reason`` alone completes one after a name.
    """

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{shown(where)}: {reason}.")


class EngineError(TimelineError):
    """Raised when an extraction engine cannot run: an unknown engine, a bad worker count,
    or a Dask scheduler that cannot be reached (see :mod:`timeline.engines`)."""


class CorrectionError(TimelineError):
    """Raised when a correction a user typed cannot be applied: a date that is not one, an unknown field."""


class WorkspaceError(TimelineError):
    """Raised when the workspace store cannot be opened, read or written, or a workspace id is not one
    (see :mod:`timeline.workspace`)."""


class FetchError(TimelineError):
    """Raised when a page cannot be fetched for add-by-URL: a refused address or scheme, a page too large or
    too slow, or a network failure (see :mod:`timeline.fetch`)."""
