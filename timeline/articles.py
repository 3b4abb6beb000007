"""The article file format: a small front-matter header, then the text.

An article file (``.txt`` or ``.md``) looks like::

    ---
    title: Qatar and Türkiye discuss Gaza
    date: 2024-12-02
    source: unknown
    url:
    ---
    The article's text, verbatim.

``date`` (ISO ``YYYY-MM-DD``) is the publication date and the base of every
relative date in the text. ``title`` defaults to the file name, ``source`` to
"unknown", ``url`` to empty; an ``id`` key overrides the content hash. A file
without a header is read as text only, and needs a date from elsewhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from timeline.defaults import UNKNOWN_SOURCE
from timeline.errors import ArticleDateError
from timeline.types import Article

_FENCE = "---"
KNOWN_KEYS = ("id", "title", "date", "source", "url")


@dataclass(frozen=True)
class FrontMatter:
    """The header keys of an article file and the text after it."""

    fields: dict[str, str]
    text: str


def split_front_matter(content: str) -> FrontMatter:
    """Split ``content`` into its header fields and its text; no header gives no fields."""
    lines = content.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        return FrontMatter({}, content.lstrip("\ufeff"))
    fields: dict[str, str] = {}
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == _FENCE:
            return FrontMatter(fields, "".join(lines[index + 1 :]))
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip()
    # An opening fence with no closing one is text that happens to start with a rule.
    return FrontMatter({}, content.lstrip("\ufeff"))


def format_article(article: Article) -> str:
    """Render ``article`` in the file format, so that reading it back gives the same article."""
    header = [
        _FENCE,
        f"id: {article.article_id}",
        f"title: {article.title}",
        f"date: {article.date.isoformat()}",
        f"source: {article.source}",
        f"url: {article.url}",
        _FENCE,
    ]
    return "\n".join(header) + "\n" + article.text


def parse_date(value: str, where: str) -> dt.date:
    """Parse an ISO publication date, or raise :class:`ArticleDateError` saying why not."""
    text = value.strip()
    if not text:
        raise ArticleDateError(where, "has no publication date; give one as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ArticleDateError(
            where, f"has the publication date {text!r}, which is not a real YYYY-MM-DD date"
        ) from None


def content_id(text: str, date: dt.date) -> str:
    """A stable article id from its text and date, so the same article always gets the same id."""
    digest = hashlib.sha256(f"{date.isoformat()}\n{text.strip()}".encode()).hexdigest()
    return digest[:16]


def article_from_content(content: str, origin: str, *, default_title: str = "", date: dt.date | None = None) -> Article:
    """Build an article from a file's decoded content; ``date`` stands in when the header has none."""
    front = split_front_matter(content)
    raw_date = front.fields.get("date", "")
    if raw_date:
        article_date = parse_date(raw_date, origin)
    elif date is not None:
        article_date = date
    else:
        raise ArticleDateError(origin, "has no publication date; add a 'date: YYYY-MM-DD' header or pass --date")
    text = front.text.strip("\n")
    return Article(
        article_id=front.fields.get("id") or content_id(text, article_date),
        title=front.fields.get("title") or default_title or origin,
        date=article_date,
        text=text,
        source=front.fields.get("source") or UNKNOWN_SOURCE,
        url=front.fields.get("url", ""),
        origin=origin,
    )
