"""Granularity as TimeML annotation expects: the value keeps the unit the expression counts in."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import only_date

FRIDAY = dt.date(2013, 3, 1)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The firm warned on profits six weeks ago.", "six weeks ago", "2013-W03"),
        ("The firm warned on profits two weeks ago.", "two weeks ago", "2013-W07"),
        # One week back names the day seven days before, as MEANTIME's annotators read it.
        ("The quake hit a week ago.", "a week ago", "2013-02-22"),
        ("Turnout was lower a decade ago.", "a decade ago", "200"),
        ("Turnout was lower two decades ago.", "two decades ago", "199"),
        ("It was the largest march this century.", "this century", "20"),
        ("It was the worst crash of the last century.", "the last century", "19"),
        ("The plant closed three years ago.", "three years ago", "2010"),
        ("Prices peaked two months ago.", "two months ago", "2013-01"),
        ("The strike began five days ago.", "five days ago", "2013-02-24"),
    ],
)
def test_values_keep_the_unit_counted(text: str, written: str, value: str) -> None:
    """'six weeks ago' is a week, 'a decade ago' a decade, 'this century' a century, 'five days ago' a day."""
    assert only_date(text, FRIDAY, written)[0] == value


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The fire started on 5 May 2021. Two weeks later, crews left.", "Two weeks later", "2021-W20"),
        ("The fire started on 5 May 2021. A week later, crews left.", "A week later", "2021-05-12"),
    ],
)
def test_weeks_counted_from_the_story(text: str, written: str, value: str) -> None:
    """Weeks counted from the story's day keep the same granularity as weeks counted from the article."""
    assert only_date(text, FRIDAY, written)[0] == value
