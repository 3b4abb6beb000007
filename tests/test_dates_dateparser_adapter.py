"""The dateparser wrapper: explicit forms in, (day, period) out, None when unreadable."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates.dateparser_adapter import parse_explicit

BASE = dt.date(2024, 12, 2)


@pytest.mark.parametrize(
    ("expression", "day", "period"),
    [
        ("December 1, 2023", dt.date(2023, 12, 1), "day"),
        ("11 December 2009", dt.date(2009, 12, 11), "day"),
        ("October 7, 2023", dt.date(2023, 10, 7), "day"),
        ("March 12 2009", dt.date(2009, 3, 12), "day"),
        ("October 1982", dt.date(1982, 10, 1), "month"),
    ],
)
def test_parse_explicit_reads_written_dates(expression: str, day: dt.date, period: str) -> None:
    """Fully written dates come back as their day and how precisely they were written."""
    assert parse_explicit(expression, BASE) == (day, period)


@pytest.mark.parametrize("expression", ["", "the weekend of the Gulf", "xyzzy", "99/99/9999"])
def test_parse_explicit_unreadable_is_none(expression: str) -> None:
    """Strings dateparser cannot read give None, never an exception."""
    assert parse_explicit(expression, BASE) is None


def test_parse_explicit_caches_by_expression_and_date() -> None:
    """The same expression and base date are parsed once."""
    parse_explicit.cache_clear()
    parse_explicit("June 18, 2008", BASE)
    parse_explicit("June 18, 2008", BASE)
    parse_explicit("June 18, 2008", dt.date(2010, 1, 1))
    info = parse_explicit.cache_info()
    assert (info.hits, info.misses) == (1, 2)
