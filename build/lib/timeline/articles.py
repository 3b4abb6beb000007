"""The article file format: a small front-matter header, then the text.

An article file (``.txt`` or ``.md``) looks like::

    ---
    title: Qatar and Türkiye discuss Gaza
    date: 2024-12-02
    source: unknown
    url:
    ---
    The article's text, verbatim.

``date`` (ISO ``YYYY-MM-DD``, optionally followed by a time) is the publication
date and the base of every relative date in the text. ``title`` defaults to the file
name, ``source`` to "unknown", ``url`` to empty; an ``id`` key overrides the content
hash. Values may be YAML-quoted; other keys, indented lines, list items and comments
are skipped. A file without a header is read as text only, and needs a date from
elsewhere; so is one whose "header" holds a line that is not ``key: value`` (Markdown
that opens with a horizontal rule keeps its text).

Dates are checked, never guessed: missing, impossible (2024-02-30) or later than the
``latest`` date the caller accepts is an :class:`ArticleDateError`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from timeline.defaults import MAX_ARTICLE_CHARS, MAX_PUBLICATION_YEAR, UNKNOWN_SOURCE
from timeline.errors import ArticleDateError, ArticleError, MissingDateError
from timeline.types import Article

_FENCE = "---"
_HEADER_LINE = re.compile(r"([A-Za-z][\w.-]{0,40})[ \t]*:(.*)", re.DOTALL)
# Indented YAML continuations, list items and comments carry nothing we read.
_SKIPPED_HEADER_STARTS = (" ", "\t", "-", "#")
# A date, optionally followed by a time ("2024-12-02T10:00:00Z"), which is dropped.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?\Z", re.DOTALL)
KNOWN_KEYS = ("id", "title", "date", "source", "url")


@dataclass(frozen=True)
class FrontMatter:
    """The header keys of an article file and the text after it."""

    fields: dict[str, str]
    text: str


def split_front_matter(content: str) -> FrontMatter:
    """Split ``content`` into its header fields and its text; no header gives no fields.

    A header is only taken as one when every line between the fences is ``key: value``
    (or a YAML continuation, list item or comment, which are skipped), so Markdown that
    merely opens with a horizontal rule keeps all its text. Values lose YAML quotes.
    """
    content = content.lstrip("\ufeff")
    lines = content.splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        return FrontMatter({}, content)
    fields: dict[str, str] = {}
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == _FENCE:
            return FrontMatter(fields, "".join(lines[index + 1 :]))
        if not line.strip() or line[0] in _SKIPPED_HEADER_STARTS:
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            break
        fields[match.group(1).lower()] = _unquote(match.group(2).strip())
    # No closing fence, or a line that is no header's: text that happens to start with a rule.
    return FrontMatter({}, content)


def _quoted(value: str) -> str:
    """``value`` as a header value that reads back unchanged (one layer of quotes is removed on reading)."""
    return f'"{value}"' if _unquote(value) != value else value


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def format_article(article: Article) -> str:
    """Render ``article`` in the file format, so that reading it back gives the same article."""
    header = [
        _FENCE,
        f"id: {_quoted(article.article_id)}",
        f"title: {_quoted(article.title)}",
        f"date: {article.date.isoformat()}",
        f"source: {_quoted(article.source)}",
        f"url: {_quoted(article.url)}",
        _FENCE,
    ]
    return "\n".join(header) + "\n" + article.text


def parse_date(value: str, where: str, *, latest: dt.date | None = None) -> dt.date:
    """Parse an ISO publication date, or raise :class:`ArticleDateError` saying why not.

    A date after ``latest`` (or, without one, after :data:`MAX_PUBLICATION_YEAR`) is
    refused as a typo: the library never reads the clock, so the front end passes today.
    """
    text = value.strip()
    if not text:
        raise MissingDateError(where, "has no publication date; give one as YYYY-MM-DD")
    try:
        if not _ISO_DATE.match(text):
            raise ValueError(text)
        date = dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ArticleDateError(
            where, f"has the publication date {_shorten(text)!r}, which is not a real YYYY-MM-DD date"
        ) from None
    check_plausible(date, where, latest=latest)
    return date


def check_plausible(date: dt.date, where: str, *, latest: dt.date | None = None) -> None:
    """Raise :class:`ArticleDateError` when ``date`` lies after ``latest`` or beyond any plausible year."""
    if latest is not None and date > latest:
        raise ArticleDateError(
            where, f"is dated {date.isoformat()}, later than {latest.isoformat()}, the latest publication date accepted"
        )
    if date.year > MAX_PUBLICATION_YEAR:
        raise ArticleDateError(
            where, f"is dated {date.isoformat()}, after the year {MAX_PUBLICATION_YEAR}; the date is surely a typo"
        )


def content_id(text: str, date: dt.date) -> str:
    """A stable article id from its text and date, so the same article always gets the same id."""
    # surrogatepass: an id must never fail, even for text that cannot be written as UTF-8.
    digest = hashlib.sha256(f"{date.isoformat()}\n{text.strip()}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:16]


def article_from_fields(
    fields: Mapping[str, str],
    text: str,
    origin: str,
    *,
    default_title: str = "",
    date: dt.date | None = None,
    latest: dt.date | None = None,
) -> Article:
    """Build an article from its metadata ``fields`` (keys of :data:`KNOWN_KEYS`) and its ``text``.

    ``date`` stands in when the fields have none; a date that is present but wrong is
    an error even then, since the article itself says something false. Raises
    :class:`ArticleError` for an empty or oversized text, :class:`ArticleDateError`
    for a missing, impossible or future date.
    """
    if not text.strip():
        raise ArticleError(origin, _empty_reason(text, has_header=bool(fields)))
    text = text.strip("\n")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(origin, too_long_reason(len(text)))
    raw_date = fields.get("date", "").strip()
    if raw_date:
        article_date = parse_date(raw_date, origin, latest=latest)
    elif date is not None:
        article_date = date
    else:
        raise MissingDateError(
            origin, "has no publication date; add one as YYYY-MM-DD, or give a date for the undated articles"
        )
    return Article(
        article_id=fields.get("id", "").strip() or content_id(text, article_date),
        title=_one_line(fields.get("title", "")) or default_title or origin,
        date=article_date,
        text=text,
        source=_one_line(fields.get("source", "")) or UNKNOWN_SOURCE,
        url=fields.get("url", "").strip(),
        origin=origin,
    )


def article_from_content(
    content: str,
    origin: str,
    *,
    default_title: str = "",
    date: dt.date | None = None,
    latest: dt.date | None = None,
) -> Article:
    """Build an article from a file's decoded content; ``date`` stands in when the header has none."""
    front = split_front_matter(content)
    return article_from_fields(front.fields, front.text, origin, default_title=default_title, date=date, latest=latest)


def too_long_reason(chars: int) -> str:
    """Why an article of ``chars`` characters is refused, as the end of a sentence."""
    return (
        f"is {chars:,} characters long, more than the {MAX_ARTICLE_CHARS:,} an article may have "
        "(about 15,000 words); split it into separate articles"
    )


def _empty_reason(text: str, *, has_header: bool) -> str:
    if has_header:
        return "has no article text"
    return "contains only whitespace" if text else "is empty"


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
