"""Abbreviated months with a period, wherever they stand, including a date wrapped over two lines."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import find_dates

ARTICLE = dt.date(2009, 1, 15)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The office opened on Sept. 12, 2001, downtown.", "Sept. 12, 2001", "2001-09-12"),
        ("The office opened on Sept. 12,\n2001, downtown.", "Sept. 12,\n2001", "2001-09-12"),
        ("The office opened on Sept.\n12, 2001.", "Sept.\n12, 2001", "2001-09-12"),
        ("The office opened on 12 Sept.\n2001.", "12 Sept.\n2001", "2001-09-12"),
        ("He will be sentenced on Feb. 3.", "Feb. 3", "2009-02-03"),
        ("Feb. 3 is the day he will be sentenced.", "Feb. 3", "2009-02-03"),
        ("Early voting began on Oct. 18, officials said.", "Oct. 18", "2008-10-18"),
        ("Sales fell in Dec. 2008.", "Dec. 2008", "2008-12"),
        ("Sales fell in Dec.\n2008.", "Dec.\n2008", "2008-12"),
    ],
)
def test_abbreviated_months(text: str, written: str, value: str) -> None:
    """'Sept. 12, 2001' and 'Feb. 3' are found whole, also with one line break inside, and resolved."""
    found = [(m.text, m.timex.value) for m in find_dates(text, ARTICLE)]
    assert (written, value) in found, found


def test_a_blank_line_ends_a_date() -> None:
    """A paragraph break is no wrapped line: the year after it is a date of its own."""
    found = [(m.text, m.timex.value) for m in find_dates("It opened on Sept. 12.\n\n2001 was hard.", ARTICLE)]
    assert found == [("Sept. 12", "2008-09-12"), ("2001", "2001")]
