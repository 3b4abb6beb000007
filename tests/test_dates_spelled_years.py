"""Spelled-out years and decades, as broadcast transcripts write them (families spelled_year, spelled_decade)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import only_date
from timeline.dates import find_dates
from timeline.types import DateSource

ARTICLE = dt.date(2014, 4, 16)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The archive was started in nineteen forty-six.", "nineteen forty-six", "1946"),
        ("The river last rose this high in nineteen forty-seven.", "nineteen forty-seven", "1947"),
        ("Nineteen eighty-four was a hard year.", "Nineteen eighty-four", "1984"),
        ("The works, built in eighteen seventy, flooded.", "eighteen seventy", "1870"),
        ("The bridge opened in nineteen oh five.", "nineteen oh five", "1905"),
        ("The hall was rebuilt in the year nineteen hundred.", "the year nineteen hundred", "1900"),
        ("The newest tape dates from the year two thousand and one.", "the year two thousand and one", "2001"),
        ("Pumps were installed after the floods of the year two thousand.", "the year two thousand", "2000"),
        ("In two thousand eight prices rose.", "two thousand eight", "2008"),
        ("The games came back in twenty twelve.", "twenty twelve", "2012"),
        ("We first aired them in March nineteen ninety-one.", "March nineteen ninety-one", "1991-03"),
        ("The town boomed in the nineteen-eighties.", "the nineteen-eighties", "198"),
    ],
)
def test_spelled_out_years(text: str, written: str, value: str) -> None:
    """A year written in words is that year (with its month, that month; a spelled decade, that decade)."""
    assert only_date(text, ARTICLE, written) == (value, DateSource.EXPLICIT)


@pytest.mark.parametrize(
    "text",
    [
        "The farm has two thousand sheep.",
        "Some nineteen hundred people marched.",
        "Prices rose in two thousand homes.",
        "The bill came to two thousand five hundred pounds.",
        "A crowd of two thousand gathered.",
    ],
)
def test_spelled_counts_are_no_years(text: str) -> None:
    """Counts written in words ("two thousand sheep", "nineteen hundred people") are no dates."""
    assert find_dates(text, ARTICLE) == []
