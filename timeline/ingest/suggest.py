"""A publication date to offer the user for an undated article; never applied without them."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
)


def suggest_date(text: str, *, latest: dt.date | None = None) -> dt.date | None:
    """The newest full date written in ``text`` (not after ``latest``), as a guess for the user to confirm.

    A news story is usually published on or soon after the last day it reports, so
    the newest complete date it mentions ("December 1, 2023", "2023-12-01") is a
    reasonable suggestion; None when the text names no complete date.
    """
    found = [day for day in _dates(text) if latest is None or day <= latest]
    return max(found, default=None)


def _dates(text: str) -> list[dt.date]:
    days = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            month = match.group("month")
            number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                days.append(dt.date(int(match.group("year")), number, int(match.group("day"))))
            except ValueError:
                continue
    return days
