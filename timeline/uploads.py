"""What a user hands the dashboard at once (pasted text, uploaded files, a date) as articles and problems.

The dashboard only shows the result: the articles to extract, one sentence per input
that could not be read, and, for pasted text without a date, the date the text itself
suggests for the user to confirm (never used silently).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from timeline.errors import ArticleDateError, TimelineError
from timeline.ingest import IngestResult, load_upload, suggest_date
from timeline.types import Article

#: How pasted text is named in messages.
PASTED_NAME = "pasted article"
NOTHING_GIVEN = "Nothing to add: paste an article or choose a file first."


@dataclass(frozen=True)
class Submission:
    """The articles read from one submission, a sentence for each input that failed, and a date hint."""

    articles: tuple[Article, ...] = ()
    problems: tuple[str, ...] = ()
    #: A suggested publication date for undated pasted text, as a sentence; "" when none.
    hint: str = ""


def read_submission(
    pasted: str,
    files: Sequence[tuple[str, bytes]],
    *,
    title: str = "",
    date: dt.date | None = None,
    latest: dt.date | None = None,
) -> Submission:
    """Read pasted text (titled ``title`` when given) and uploaded ``(name, bytes)`` files.

    ``date`` is the publication date of articles that state none; ``latest`` the latest
    date accepted (the caller's today). Never raises for bad input.
    """
    if not pasted.strip() and not files:
        return Submission(problems=(NOTHING_GIVEN,))
    try:
        results = _read(pasted, files, title.strip(), date, latest)
    except TimelineError as error:
        return Submission(problems=(str(error),))
    problems = [problem for result in results for problem in result.problems]
    undated = any(isinstance(problem, ArticleDateError) and problem.where == PASTED_NAME for problem in problems)
    suggested = suggest_date(pasted, latest=latest) if undated else None
    hint = (
        f"The text's newest full date is {suggested:%A %d %B %Y}: if it was published then, "
        "choose that publication date and add it again."
        if suggested is not None
        else ""
    )
    return Submission(
        articles=tuple(article for result in results for article in result.articles),
        problems=tuple(str(problem) for problem in problems),
        hint=hint,
    )


def _read(
    pasted: str, files: Sequence[tuple[str, bytes]], title: str, date: dt.date | None, latest: dt.date | None
) -> list[IngestResult]:
    results = []
    if pasted.strip():
        result = load_upload(PASTED_NAME, pasted.encode("utf-8"), date=date, latest=latest)
        if title:
            result = replace(result, articles=tuple(replace(article, title=title) for article in result.articles))
        results.append(result)
    results.extend(load_upload(name, data, date=date, latest=latest) for name, data in files)
    return results
