"""What is not a date: eras named after a season, a collapse, clock times with a zone, durations, states."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import find_dates

ARTICLE = dt.date(2021, 8, 21)


@pytest.mark.parametrize(
    "text",
    [
        "The invasion crushed the Prague Spring.",
        "Protests spread during the Arab Spring.",
        "Speakers recalled the fall of Kabul.",
        "Speakers recalled the fall of the Berlin Wall.",
        "Crowds gathered at 1900 GMT.",
        "The flight left at 2330 local time.",
        "The ceasefire took effect at 1800 hours.",
        "The ban could last up to a year.",
        "Stores will close for six weeks.",
        "The recount could take up to two weeks.",
        "Jurors deliberated for two days.",
        "Fiat will buy the stake that the US government currently owns.",
        "They ordered a new design currently under development by Airbus.",
    ],
)
def test_not_dates(text: str) -> None:
    """Named eras and movements, 'the fall of X', zoned clock times, durations and a thing's state give no date."""
    assert find_dates(text, ARTICLE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose in the spring of 1968.", [("the spring of 1968", "1968-SP")]),
        ("The talks resume in the fall of 2022.", [("the fall of 2022", "2022-FA")]),
        ("In Spring, prices rose.", [("Spring", "2021-SP")]),
        ("Prices rose last Spring.", [("last Spring", "2020-SP")]),
        ("The town was founded in 1900.", [("1900", "1900")]),
        ("The store currently sells music.", [("currently", "PRESENT_REF")]),
        ("We are currently testing a dose.", [("currently", "PRESENT_REF")]),
    ],
)
def test_the_dates_beside_them_stay(text: str, expected: list[tuple[str, str]]) -> None:
    """Seasons with a year or a lead-in, years without a zone, and 'currently' of the main clause stay dates."""
    assert [(m.text, m.timex.value) for m in find_dates(text, ARTICLE)] == expected
