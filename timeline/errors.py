"""Every error the library raises on purpose, each saying when it is raised.

The CLI and the dashboard catch :class:`TimelineError` and show its message as
one sentence; anything else is a bug.
"""

from __future__ import annotations


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
        super().__init__(f"{where}: {reason}")


class ArticleDateError(ArticleError):
    """Raised when an article has no publication date, or one that is not a real date."""


class MissingDateError(ArticleDateError):
    """Raised when an article states no publication date at all (not a wrong one): a date the user gives can fix it."""


class EvaluationInputError(TimelineError):
    """Raised when an annotated corpus file (CAT XML or TimeML) cannot be read."""


class CacheError(TimelineError):
    """Raised when the on-disk event cache cannot be read or written (see :mod:`timeline.cache`)."""


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
