"""timeline.articles: the front-matter header, publication dates and ids."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from timeline.articles import article_from_content, content_id, format_article, parse_date, split_front_matter
from timeline.errors import ArticleDateError, ArticleError, MissingDateError

DAY = dt.date(2024, 12, 2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-02", DAY),
        (" 2024-12-02 ", DAY),
        ("2024-12-02T10:00:00Z", DAY),
        ("2024-12-02 10:00", DAY),
        ("2024-02-29", dt.date(2024, 2, 29)),
    ],
)
def test_articles_parse_date_accepts_iso(value, expected):
    """ISO dates, with or without a time, are read as the day they name."""
    assert parse_date(value, "f.txt") == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "has no publication date"),
        ("2024-02-30", "not a real YYYY-MM-DD date"),
        ("2023-02-29", "not a real YYYY-MM-DD date"),
        ("2024-13-01", "not a real YYYY-MM-DD date"),
        ("12/02/2024", "not a real YYYY-MM-DD date"),
        ("2024-12-02garbage", "not a real YYYY-MM-DD date"),
        ("December 2, 2024", "not a real YYYY-MM-DD date"),
        ("2101-01-01", "surely a typo"),
    ],
)
def test_articles_parse_date_refuses(value, fragment):
    """A missing, impossible, non-ISO or absurdly late date is an ArticleDateError saying which."""
    with pytest.raises(ArticleDateError, match=fragment) as raised:
        parse_date(value, "f.txt")
    assert raised.value.where == "f.txt"


def test_articles_parse_date_latest():
    """A date after the latest accepted one is refused; that day itself is fine."""
    assert parse_date("2026-11-26", "f", latest=dt.date(2026, 11, 26)) == dt.date(2026, 11, 26)
    with pytest.raises(ArticleDateError, match="later than 2026-11-26"):
        parse_date("2026-11-27", "f", latest=dt.date(2026, 11, 26))


@pytest.mark.parametrize(
    ("content", "fields", "text"),
    [
        ("---\ndate: 2024-12-02\n---\nBody.", {"date": "2024-12-02"}, "Body."),
        ("\ufeff---\nTitle: X\n---\nBody.", {"title": "X"}, "Body."),
        ("No header.", {}, "No header."),
        ("---\nnever closed\nBody.", {}, "---\nnever closed\nBody."),
        ("", {}, ""),
        (
            "---\ntitle: \"Quoted\"\ndate: '2024-12-02'\ntags:\n  - a\n# note\n---\nBody.",
            {"title": "Quoted", "date": "2024-12-02", "tags": ""},
            "Body.",
        ),
        ("---\nAn intro that is no header.\n---\nBody.", {}, "---\nAn intro that is no header.\n---\nBody."),
    ],
)
def test_articles_split_front_matter(content, fields, text):
    """The header's keys are read case-insensitively; an unclosed header is text."""
    front = split_front_matter(content)
    assert (front.fields, front.text) == (fields, text)


def test_articles_round_trip():
    """An article written in the file format reads back as the same article."""
    article = article_from_content("---\ntitle: A title\ndate: 2024-12-02\nsource: S\n---\nLine one.\nLine two.", "f")
    assert article_from_content(format_article(article), "f") == article


@pytest.mark.parametrize("title", ['"Enough"', "'single'", '"" twice ""', "plain"])
def test_articles_round_trip_quoted_title(title):
    """A title that looks quoted survives being written and read back."""
    article = dataclasses.replace(article_from_content("---\ndate: 2024-12-02\n---\nBody.", "f"), title=title)
    assert article_from_content(format_article(article), "f").title == title


def test_articles_content_id_stable():
    """The content id depends on text and date only, and never fails, even on a lone surrogate."""
    assert content_id("Text.", DAY) == content_id("\nText.\n", DAY)
    assert content_id("Text.", DAY) != content_id("Text.", DAY + dt.timedelta(days=1))
    assert len(content_id("\ud800", DAY)) == 16


@pytest.mark.parametrize(("content", "fragment"), [("", "is empty"), (" \n ", "only whitespace")])
def test_articles_empty_text(content, fragment):
    """An article without text is an ArticleError, not an empty article."""
    with pytest.raises(ArticleError, match=fragment):
        article_from_content(content, "f.txt", date=DAY)


@pytest.mark.parametrize(
    ("header", "missing"),
    [("", True), ("date: 2024-02-30\n", False), ("date: someday\n", False)],
    ids=["no-date", "impossible-date", "not-a-date"],
)
def test_articles_missing_date_is_its_own_error(header, missing):
    """Only an article that states no date raises MissingDateError, the one a user-given date can fix."""
    with pytest.raises(ArticleDateError) as raised:
        article_from_content(f"---\ntitle: T\n{header}---\nText.", "a.txt")
    assert isinstance(raised.value, MissingDateError) is missing
