"""The one module that talks to dateparser: explicit date strings in, (day, period) out.

dateparser is kept to what it does well, reading a written date ("December 1,
2023", "11 December", "7/8/07"); the rules around it live with the date families (:mod:`registry`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateparser.date import DateDataParser

from timeline.defaults import DATEPARSER_LANGUAGES, DATEPARSER_PARSERS, DATEPARSER_SETTINGS

#: What dateparser says it read: "day", "week", "month" or "year".
Period = str


@lru_cache(maxsize=16384)
def parse_explicit(expression: str, base: dt.date) -> tuple[dt.date, Period] | None:
    """The date ``expression`` writes and how precisely, read with ``base`` as the relative base.

    None when dateparser cannot read it.
    """
    settings = dict(DATEPARSER_SETTINGS)
    settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    settings["PARSERS"] = list(DATEPARSER_PARSERS)
    try:
        return _parse(expression, settings)
    except (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError):
        # dateparser raises these on strings it half-recognises; to us that is "cannot read".
        return None


def _parse(expression: str, settings: dict[str, object]) -> tuple[dt.date, Period] | None:
    parser = DateDataParser(languages=list(DATEPARSER_LANGUAGES), settings=settings)
    data = parser.get_date_data(expression)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")
