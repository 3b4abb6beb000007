"""Dispatching a candidate to its family's rule."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates.context import Context
from timeline.dates.finder import _PATTERNS, find_candidates
from timeline.dates.resolve import _RULES, resolve


def test_resolve_every_finder_family_has_a_rule() -> None:
    """Each kind of expression the finder reports has exactly one rule to resolve it."""
    assert {kind for kind, _ in _PATTERNS} == set(_RULES)


@pytest.mark.parametrize(
    "text", ["It ended on February 30, 2021.", "It ended on 31 April 2020.", "It ended 13/45/2020."]
)
def test_resolve_impossible_days_are_no_date(text: str) -> None:
    """A day the calendar lacks resolves to nothing instead of raising."""
    context = Context(text, dt.date(2024, 1, 1), None)
    assert [resolve(c, context) for c in find_candidates(text)] in ([], [None])


def test_resolve_years_beyond_the_calendar_are_no_date() -> None:
    """'next year' in the year 9999 has no value, and no exception escapes."""
    text = "It happens next year."
    context = Context(text, dt.date(9999, 6, 1), None)
    assert [resolve(c, context) for c in find_candidates(text)] == [None]
