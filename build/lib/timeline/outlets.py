"""Where an article came from, as a reader is shown it: the outlet's name and a link that is safe to follow.

An article's ``source`` is its outlet when the input named one; otherwise the site name of
its URL stands in ("aljazeera.com"). Only ``http`` and ``https`` URLs become links: a
``javascript:`` or ``data:`` URL from an uploaded file is never offered to a click.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from timeline.defaults import UNKNOWN_SOURCE

__all__ = ["LINK_SCHEMES", "outlet", "safe_link", "site_name"]

#: URL schemes a link may have.
LINK_SCHEMES: Final = frozenset({"http", "https"})


def safe_link(url: str) -> str:
    """``url`` when it is an http(s) URL with a host, else "" (nothing to link to)."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname or any(char.isspace() for char in text):
        return ""
    return text


def site_name(url: str) -> str:
    """The site of an http(s) URL without a leading "www." ("https://www.aljazeera.com/x" → "aljazeera.com"), or ""."""
    link = safe_link(url)
    if not link:
        return ""
    host = (urlsplit(link).hostname or "").lower()
    return host.removeprefix("www.")


def outlet(source: str, url: str) -> str:
    """The outlet to show: the stated source, else the URL's site name, else "unknown"."""
    stated = source.strip()
    if stated and stated != UNKNOWN_SOURCE:
        return stated
    return site_name(url) or UNKNOWN_SOURCE
