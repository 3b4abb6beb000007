"""A publication date to offer the user for an undated article; never applied without them."""

from __future__ import annotations

import datetime as dt
from typing import Final

from timeline.dates import find_dates
from timeline.types import DateSource, Precision

#: Any base will do: only dates written in full are kept, and those do not depend on it.
_BASE: Final = dt.date(2000, 1, 1)


def suggest_date(text: str, *, latest: dt.date | None = None) -> dt.date | None:
    """The newest full date written in ``text`` (not after ``latest``), as a guess for the user to confirm.

    A news story is usually published on or soon after the last day it reports, so
    the newest complete date it mentions ("December 1, 2023", "2023-12-01") is a
    reasonable suggestion; None when the text names no complete date.
    """
    found = [
        mention.timex.start
        for mention in find_dates(text, latest or _BASE)
        if mention.source is DateSource.EXPLICIT and mention.timex.precision is Precision.DAY
    ]
    return max((day for day in found if day is not None and (latest is None or day <= latest)), default=None)
