"""Finding date expressions and deciding their extent."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from timeline.dates import find_dates
from timeline.dates.finder import find_candidates


@pytest.mark.parametrize(
    ("text", "extents"),
    [
        ("Talks resumed on Sunday.", ["Sunday"]),
        ("It has ruled since October 7, 2023.", ["October 7, 2023"]),
        ("Profit fell in the fourth quarter of 2005.", ["the fourth quarter of 2005"]),
        ("Sales fell in early 2011 and late 2006.", ["early 2011", "late 2006"]),
        ("Forces have advanced since the weekend.", ["the weekend"]),
        ("At the time, prices rose.", ["the time"]),
        ("Sales rose 5% in May, the firm said.", ["May"]),
        ("Released: Friday\nJune 18, 2008", ["Friday", "June 18, 2008"]),
        ("Its strike in the 1990s and the mid-2020s plan", ["the 1990s", "the mid-2020s"]),
        ("It happened on Tuesday, June 3, 2008 at noon.", ["Tuesday, June 3, 2008"]),
        ("He ruled from 1990-1995 and in 2001–2004.", ["1990", "1995", "2001", "2004"]),
        ("The index fell on 2008-09-17.", ["2008-09-17"]),
    ],
)
def test_find_candidates_extent(text: str, extents: list[str]) -> None:
    """Prepositions stay outside the extent; the longest expression wins; lines are never crossed."""
    assert [text[c.start : c.end] for c in find_candidates(text)] == extents


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nothing to see here",
        "May I help?",
        "They march on.",
        "June Carter sang.",
        "The Russell 2000 points lower.",
        "Route 2008 was closed.",
        "Flight 1549 landed.",
    ],
)
def test_find_candidates_ignores_non_dates(text: str) -> None:
    """Names, verbs and numbers that look like months or years are not candidates."""
    assert find_candidates(text) == []


def test_find_candidates_in_text_order_without_overlap() -> None:
    """Candidates come in text order and never overlap."""
    text = "On Monday, June 1, 2009, and last week, GM said in 2008 and the first half of 2009."
    found = find_candidates(text)
    assert len(found) == 4
    assert [c.start for c in found] == sorted(c.start for c in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize(
    "text",
    [
        "Prices may fall further.",
        "Protesters march to the square every week.",
        "We will see.",
        "He paused for a second.",
        "The bill cost $27 million.",
        "John Smith, 48, of Ohio was arrested.",
        "Only 1/2 of the votes were counted.",
        "The airline ordered a Boeing 747 and an A380.",
        "The war has lasted 13 years.",
        "It took a year to build.",
        "It grew over the past 13 years.",
        "Over the coming days, talks continue.",
        "A week-long truce ended.",
        "At least 44,466 people died.",
        "The firm cut 2,000 jobs and 1500 workers left.",
        "It reached 2010 points.",
        "Stocks crashed on Black Monday.",
        "Ten years after the September 11 attacks, the memorial opened.",
        "The Russell 2000 Index fell.",
        "Organisers of the March for Jobs rally counted 5,000 people.",
        "The hosts equalised in the second half and won on penalties.",
        "He threw a touchdown pass in the fourth quarter.",
        "The building has 1999 rooms.",
        "Nearly 2000 homes lost power.",
        "The first half of the match was dull.",
    ],
)
def test_resolve_no_false_dates(text: str) -> None:
    """Modal 'may', the verb 'march', numbers, money, ages, fractions, models and durations are not dates."""
    dated = [m.text for m in find_dates(text, dt.date(2024, 12, 4))]
    assert dated == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales should recover in the second half.", "2024-H2"),
        ("Profit fell in the fourth quarter.", "2024-Q4"),
        ("The March 2011 protests spread.", "2011-03"),
        ("Talks resumed in March.", "2024-03"),
        ("It reported revenue for fiscal 2016.", "FY2016"),
    ],
)
def test_resolve_periods_outside_games(text: str, value: str) -> None:
    """Halves, quarters and months stay dates when no game or procession is spoken of."""
    assert [m.timex.value for m in find_dates(text, dt.date(2024, 12, 4))] == [value]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("At that point, prices fell.", "that point"),
        ("Prices are high at present.", "at present"),
        ("He left this afternoon.", "this afternoon"),
    ],
)
def test_find_candidates_with_only_one_family_trigger(text: str, written: str) -> None:
    """One family's trigger word is enough: the prefilter is derived from every family's, none is left out."""
    assert [text[c.start : c.end] for c in find_candidates(text)] == [written]
