"""HTML pages: the main text by trafilatura, the publication date from the page's metadata.

Only the given markup is read: nothing is fetched, and the date comes from markup
that states it (``<meta>`` tags, JSON-LD ``datePublished``, ``<time>`` marked as the
publication time), never from dates in the text or the URL, which would be a guess.
"""

from __future__ import annotations

import email.utils
import json
import re
from collections.abc import Iterator
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from timeline.articles import article_from_fields
from timeline.defaults import MAX_ARTICLE_CHARS, MAX_HTML_BYTES
from timeline.errors import ArticleError
from timeline.ingest.decode import decode_bytes, normalise_text
from timeline.ingest.result import Outcome, ReadContext

#: ``<meta>`` names and properties that state when a page was first published.
_PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "dc.date",
        "dc.date.issued",
        "dc.date.created",
        "dcterms.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "citation_publication_date",
    }
)
#: An lxml HTML element; lxml ships no type information.
HtmlElement = Any
#: Visible text a page may carry around its article (menus, footers, related links).
_MAX_PAGE_TEXT = 3 * MAX_ARTICLE_CHARS
_ISO_PREFIX = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")


def read_html(data: bytes, context: ReadContext) -> Iterator[Outcome]:
    """The article of one HTML page, or a problem saying why it has none."""
    if len(data) > MAX_HTML_BYTES:
        raise ArticleError(
            context.where,
            f"is an HTML page of {len(data) / 1e6:,.1f} MB, more than the {MAX_HTML_BYTES // 2**20} MB read",
        )
    markup = decode_bytes(data, context.where, html=True)
    tree = load_html(markup) if markup.strip() else None
    if tree is None:
        raise ArticleError(context.where, "is empty or not an HTML page that can be read")
    visible = _visible_chars(tree)
    if visible > _MAX_PAGE_TEXT:
        # trafilatura's time grows faster than the page on long repetitive text; refuse first.
        raise ArticleError(
            context.where,
            f"is an HTML page with {visible:,} characters of text, more than an article page has "
            f"(an article may have {MAX_ARTICLE_CHARS:,}); split it into separate articles",
        )
    fields = _metadata(tree)
    text = _main_text(tree, context.where)
    if not text:
        raise ArticleError(context.where, "is an HTML page with no article text to extract")
    yield article_from_fields(
        fields,
        normalise_text(text),
        context.where,
        default_title=context.default_title,
        date=context.date,
        latest=context.latest,
    )


def _visible_chars(tree: HtmlElement) -> int:
    hidden = sum(len(element.text_content()) for element in tree.iter("script", "style", "noscript", "template"))
    return len(tree.text_content()) - hidden


def _main_text(tree: HtmlElement, where: str) -> str:
    try:
        text = trafilatura.extract(tree, include_comments=False, include_images=False, favor_recall=True)
    # trafilatura parses whatever a user uploads; its own failure is reported, not hidden.
    except Exception as error:
        raise ArticleError(
            where, f"is an HTML page whose text could not be extracted ({type(error).__name__})"
        ) from None
    return text or ""


def _metadata(tree: HtmlElement) -> dict[str, str]:
    fields: dict[str, str] = {}
    title = _meta_content(tree, {"og:title", "twitter:title"}) or _first_text(tree, ".//title")
    if title:
        fields["title"] = title
    source = _meta_content(tree, {"og:site_name", "application-name"})
    if source:
        fields["source"] = source
    url = _first_attribute(tree, './/link[@rel="canonical"]', "href") or _meta_content(tree, {"og:url"})
    if url:
        fields["url"] = url
    published = _published(tree)
    if published:
        fields["date"] = published
    return fields


def _published(tree: HtmlElement) -> str:
    """The stated publication date as ``YYYY-MM-DD`` when it reads as one, else as written, else ""."""
    candidates = [
        _meta_content(tree, _PUBLISHED_META),
        _json_ld_published(tree),
        _first_attribute(tree, './/time[@itemprop="datePublished" or @pubdate]', "datetime"),
    ]
    stated = [value for value in candidates if value]
    for value in stated:
        iso = _as_iso(value)
        if iso:
            return iso
    # A stated date we cannot read is reported by the date check, not silently replaced.
    return stated[0] if stated else ""


def _as_iso(value: str) -> str:
    match = _ISO_PREFIX.match(value)
    if match:
        return match.group(1)
    try:
        # RFC 2822 ("Mon, 02 Dec 2024 10:00:00 GMT"), common in feeds and older pages.
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""


def _meta_content(tree: HtmlElement, names: set[str] | frozenset[str]) -> str:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in names and content:
            return content
    return ""


def _json_ld_published(tree: HtmlElement) -> str:
    for script in tree.xpath('.//script[@type="application/ld+json"]'):
        try:
            document = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        value = _find_key(document, "datePublished")
        if value:
            return value
    return ""


def _find_key(document: object, key: str, depth: int = 0) -> str:
    if depth > 8:
        return ""
    if isinstance(document, dict):
        value = document.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        children: list[object] = list(document.values())
    elif isinstance(document, list):
        children = list(document)
    else:
        return ""
    for child in children:
        found = _find_key(child, key, depth + 1)
        if found:
            return found
    return ""


def _first_text(tree: HtmlElement, path: str) -> str:
    for element in tree.iterfind(path):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return ""


def _first_attribute(tree: HtmlElement, path: str, attribute: str) -> str:
    for element in tree.xpath(path):
        value = (element.get(attribute) or "").strip()
        if value:
            return value
    return ""
