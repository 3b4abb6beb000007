"""timeline.ingest.suggest: a date to offer for an undated article, never applied by itself."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest import suggest_date


@pytest.mark.parametrize(
    ("text", "latest", "expected"),
    [
        ("The truce ended on December 1, 2023, and talks resumed on 3 Jan 2024.", None, dt.date(2024, 1, 3)),
        ("Filed 2024-12-02. Elections are set for March 3rd, 2025.", dt.date(2024, 12, 31), dt.date(2024, 12, 2)),
        ("Sept. 9, 2001 and the 11th of September 2001", None, dt.date(2001, 9, 11)),
        ("No full date here, only Sunday and last month.", None, None),
        ("An impossible 2024-02-30 and February 30, 2024.", None, None),
    ],
)
def test_suggest_date_newest_full_date(text, latest, expected):
    """The newest complete date the text names, not after ``latest``, or None."""
    assert suggest_date(text, latest=latest) == expected
