"""What a user hands the dashboard at once (pasted text, uploaded files, a page fetched by URL, a date)
as articles and problems.

The dashboard only shows the result: the articles to extract, one sentence per input
that could not be read, and each input that states no publication date, with the date
its text suggests for the user to confirm (never used silently). An input without a date
is not a failure: it waits, listed, until the user gives its date or discards it
(:func:`date_prompt` says so in one sentence).

This is the dashboard's boundary for what users give it: each input is read on its own,
within the limits of :mod:`timeline.ingest` (an upload of at most ``MAX_FILE_BYTES``),
and whatever goes wrong unexpectedly while reading one is that input's sentence, with a
reference to the error log but not the server's paths; the other inputs are still read.
Names are shown escaped (:func:`timeline.errors.shown`). A lone surrogate in pasted
text (a browser may send half of a pair) becomes U+FFFD.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Final

from timeline.defaults import MAX_ARTICLE_CHARS
from timeline.errors import ArticleError, MissingDateError, TimelineError, shown
from timeline.fetch import FetchedPage
from timeline.humandates import human_day
from timeline.incidents import log_incident
from timeline.ingest import IngestResult, load_upload, suggest_date
from timeline.outlets import safe_link
from timeline.types import Article

#: How pasted text is named in messages.
PASTED_NAME = "pasted article"
NOTHING_GIVEN = "Nothing to add: paste an article or choose a file first."
#: Inputs holding one article whose text may suggest its date (a feed or table holds many).
_SINGLE_ARTICLE_SUFFIXES: Final = ("", ".txt", ".md", ".markdown")
#: The most bytes searched for a suggested date: an article's text in UTF-32, and a header.
_MAX_SUGGESTION_BYTES: Final = 4 * MAX_ARTICLE_CHARS + 64 * 1024
_LONE_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class Undated:
    """An input (pasted text or a file) with articles that state no publication date.

    The dashboard asks the user for the date and reads ``data`` again with it;
    ``suggested`` is what the text suggests (its newest full date), or ``None``.
    """

    name: str
    data: bytes
    title: str = ""
    suggested: dt.date | None = None
    #: Whether this is a page fetched by URL (``name`` is its URL, ``data`` its HTML).
    page: bool = False

    @property
    def pasted(self) -> bool:
        """Whether this is pasted text rather than a file."""
        return self.name == PASTED_NAME and not self.page


@dataclass(frozen=True)
class Submission:
    """The articles read from one submission, a sentence for each input that failed, and its undated inputs."""

    articles: tuple[Article, ...] = ()
    problems: tuple[str, ...] = ()
    #: The inputs whose articles state no date, to be read again with a date the user confirms.
    undated: tuple[Undated, ...] = ()
    #: The problems that are not an input waiting for its date: what could not be read at all.
    refused: tuple[str, ...] = ()


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
    pasted, title = _whole_characters(pasted), _whole_characters(title)
    if not pasted.strip() and not files:
        return Submission(problems=(NOTHING_GIVEN,), refused=(NOTHING_GIVEN,))
    try:
        results = _read(pasted, files, title.strip(), date, latest)
    except TimelineError as error:
        return Submission(problems=(str(error),), refused=(str(error),))
    problems = [problem for result in results for problem in result.problems]
    inputs = ([(PASTED_NAME, pasted.encode("utf-8"))] if pasted.strip() else []) + list(files)
    # One per name, the first: the dashboard keys each date box by the input's name.
    waiting: dict[str, bytes] = {}
    for name, data in inputs:
        if date is None and any(_lacks_date(problem, name) for problem in problems):
            waiting.setdefault(name, data)
    undated = tuple(
        Undated(name, data, title if name == PASTED_NAME else "", _suggested(name, data, latest))
        for name, data in waiting.items()
    )
    return Submission(
        articles=tuple(article for result in results for article in result.articles),
        problems=tuple(str(problem) for problem in problems),
        undated=undated,
        refused=tuple(str(problem) for problem in problems if not any(_lacks_date(problem, u.name) for u in undated)),
    )


def read_page(page: FetchedPage, *, date: dt.date | None = None, latest: dt.date | None = None) -> Submission:
    """Read a page fetched by URL as an uploaded HTML file is read; without a stated date it waits for one.

    Messages name the page by its URL; its article keeps that URL unless the page names
    its own canonical one, and is titled by the URL when the page has no title.
    """
    plain = page.content_type.split(";", 1)[0].strip().lower() == "text/plain"
    result = load_upload(_PAGE_TEXT if plain else _PAGE_HTML, page.body, date=date, latest=latest)
    problems = [_renamed(problem, page.url) for problem in result.problems]
    articles = tuple(
        replace(
            article,
            url=safe_link(article.url) or page.final_url,
            title=page.url if article.title == _PAGE_STEM else article.title,
            origin=page.url,
        )
        for article in result.articles
    )
    missing = date is None and any(isinstance(problem, MissingDateError) for problem in problems)
    undated = (Undated(page.url, page.body, "", _suggested_text(page, latest), page=True),) if missing else ()
    return Submission(
        articles=articles,
        problems=tuple(str(problem) for problem in problems),
        undated=undated,
        refused=tuple(str(problem) for problem in problems if not (missing and isinstance(problem, MissingDateError))),
    )


#: The names a fetched page is read under (its format is chosen by the suffix), then renamed to its URL.
_PAGE_STEM: Final = "fetched page"
_PAGE_HTML: Final = f"{_PAGE_STEM}.html"
_PAGE_TEXT: Final = f"{_PAGE_STEM}.txt"


def _renamed(problem: ArticleError, where: str) -> ArticleError:
    return type(problem)(where, problem.reason)


def _suggested_text(page: FetchedPage, latest: dt.date | None) -> dt.date | None:
    # The page's article text is what suggests a date, not its markup. The reader gives the
    # text only with some date; which one does not matter, as only the text is kept.
    result = load_upload(_PAGE_HTML, page.body, date=dt.date(2000, 1, 1))
    text = " ".join(article.text for article in result.articles)
    return suggest_date(text, latest=latest) if text else None


def date_prompt(undated: Undated, date_format: str) -> str:
    """The sentence that asks for an undated input's publication date, naming the date box's format."""
    what = "The pasted text" if undated.pasted else undated.name
    ask = f"{what} states no publication date. Pick it in the date box below ({date_format}) and add it, or discard it."
    suggestion = suggestion_sentence(undated)
    return f"{ask} {suggestion}" if suggestion else ask


def read_undated(undated: Undated, date: dt.date, *, latest: dt.date | None = None) -> Submission:
    """Read an undated input again with the publication ``date`` the user confirmed."""
    if undated.page:
        return read_page(FetchedPage(undated.name, undated.name, undated.data, "text/html"), date=date, latest=latest)
    if undated.pasted:
        return read_submission(undated.data.decode("utf-8"), (), title=undated.title, date=date, latest=latest)
    return read_submission("", [(undated.name, undated.data)], date=date, latest=latest)


def suggestion_sentence(undated: Undated) -> str:
    """One sentence offering the suggested date of an undated input, or "" when its text suggests none."""
    if undated.suggested is None:
        return ""
    return (
        f"The newest full date in {shown(undated.name)} is {human_day(undated.suggested)}: "
        "if it was published then, confirm that date below."
    )


def _lacks_date(problem: TimelineError, name: str) -> bool:
    """Whether ``problem`` says an article of input ``name`` states no date (not a wrong one)."""
    # A stated but impossible or future date is the article's own error: a given date cannot fix it.
    return isinstance(problem, MissingDateError) and (problem.where == name or problem.where.startswith(f"{name}:"))


def _suggested(name: str, data: bytes, latest: dt.date | None) -> dt.date | None:
    if PurePath(name).suffix.lower() not in _SINGLE_ARTICLE_SUFFIXES and name != PASTED_NAME:
        return None
    if len(data) > _MAX_SUGGESTION_BYTES:
        # An undated text this long was refused as too long to be an article anyway.
        return None
    try:
        # Only a suggestion: undecodable bytes are replaced rather than refused.
        return suggest_date(data.decode("utf-8", errors="replace"), latest=latest)
    # Only a suggestion: when finding it fails, the user is asked for the date without one.
    except Exception as error:
        log_incident(error, f"suggesting a date for {shown(name)}")
        return None


def _read(
    pasted: str, files: Sequence[tuple[str, bytes]], title: str, date: dt.date | None, latest: dt.date | None
) -> list[IngestResult]:
    results = []
    if pasted.strip():
        result = _load(PASTED_NAME, pasted.encode("utf-8"), date, latest)
        if title:
            result = replace(result, articles=tuple(replace(article, title=title) for article in result.articles))
        results.append(result)
    results.extend(_load(name, data, date, latest) for name, data in files)
    return results


def _load(name: str, data: bytes, date: dt.date | None, latest: dt.date | None) -> IngestResult:
    """One input's articles; whatever goes wrong unexpectedly is its one problem, and the others are read."""
    try:
        return load_upload(name, data, date=date, latest=latest)
    except TimelineError:
        raise
    # The boundary of one upload: the stack goes to the server's log, a sentence to the user.
    except Exception as error:
        incident = log_incident(error, f"reading the upload {shown(name)}")
        reason = f"could not be read because of an internal error; {incident.details(with_path=False)}"
        return IngestResult(problems=(ArticleError(name, reason),))


def _whole_characters(text: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", text)
