"""What rules share: the story so far, shifting by units, and the anchor of anaphora."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import timex as tx
from timeline.dates.context import Context, shift, story_anchor
from timeline.types import DateSource, Precision

ARTICLE = dt.date(2024, 12, 4)
STORY = (tx.day_value(dt.date(2019, 5, 4)), tx.month_value(2020, 3), tx.year_value(2021))


@pytest.mark.parametrize(
    ("precision", "value"),
    [
        (Precision.YEAR, "2021"),
        (Precision.MONTH, "2020-03"),
        (Precision.WEEK, "2019-05-04"),
        (Precision.DAY, "2019-05-04"),
    ],
)
def test_context_latest_within_finds_a_fine_enough_date(precision: Precision, value: str) -> None:
    """The latest story date at least as fine as the precision asked for."""
    context = Context("", ARTICLE, STORY[-1], STORY[0], STORY)
    found = context.latest_within(precision)
    assert found is not None
    assert found.value == value


@pytest.mark.parametrize(
    ("unit", "amount", "value"),
    [
        (Precision.DAY, -1, "2024-12-03"),
        (Precision.WEEK, 1, "2024-W50"),
        (Precision.WEEKEND, -1, "2024-W48-WE"),
        (Precision.MONTH, -12, "2023-12"),
        (Precision.QUARTER, 1, "2025-Q1"),
        (Precision.YEAR, 0, "2024"),
        (Precision.DECADE, -1, "201"),
        (Precision.CENTURY, 0, "20"),
    ],
)
def test_shift_moves_by_whole_units(unit: Precision, amount: int, value: str) -> None:
    """Shifting counts whole calendar units from the one holding the base day."""
    assert shift(tx.day_value(ARTICLE), unit, amount, ARTICLE).value == value


def test_story_anchor_falls_back_to_the_article_date() -> None:
    """With no story date fine enough, anaphora count from the article date, marked relative."""
    context = Context("", ARTICLE, STORY[-1], None, (STORY[-1],))
    assert story_anchor(context, Precision.DAY) == (ARTICLE, DateSource.RELATIVE)
    assert story_anchor(context, Precision.YEAR) == (dt.date(2021, 1, 1), DateSource.CONTEXT)
