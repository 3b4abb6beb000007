"""timeline.outlets: the outlet a reader is shown, and links that are safe to follow."""

from __future__ import annotations

import pytest

from timeline.outlets import outlet, safe_link, site_name


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://www.aljazeera.com/news/2024/12/2/x", "https://www.aljazeera.com/news/2024/12/2/x"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("ftp://example.org/file", ""),
        ("https://", ""),
        ("https://exa mple.org/", ""),
        ("", ""),
    ],
)
def test_outlets_only_http_links(url, link):
    """Only an http(s) URL with a host becomes a link; anything else is no link at all."""
    assert safe_link(url) == link


@pytest.mark.parametrize(
    ("source", "url", "expected"),
    [
        ("Al Jazeera", "https://www.aljazeera.com/x", "Al Jazeera"),
        ("unknown", "https://www.aljazeera.com/x", "aljazeera.com"),
        ("", "https://news.example.org/x", "news.example.org"),
        ("unknown", "javascript:alert(1)", "unknown"),
        ("unknown", "", "unknown"),
    ],
)
def test_outlets_source_or_the_sites_name(source, url, expected):
    """The stated outlet wins; otherwise the URL's site name stands in; otherwise 'unknown'."""
    assert outlet(source, url) == expected


def test_outlets_site_name_of_a_bad_url_is_empty():
    """A URL that is no link has no site name."""
    assert site_name("mailto:someone@example.org") == ""
