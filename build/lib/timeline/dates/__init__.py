"""Find and resolve the date expressions of a news text: ``find_dates``."""

from __future__ import annotations

import datetime as dt

from timeline.dates.context import Context
from timeline.dates.finder import find_candidates
from timeline.dates.resolve import resolve_mention
from timeline.types import DateMention, Precision, TimexValue

__all__ = ["find_dates"]


def find_dates(text: str, article_date: dt.date) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``article_date``, in text order.

    Pure and deterministic; never raises on any string. Anaphora ("at the time",
    "the day before") resolve against the story's last date before them.
    """
    mentions: list[DateMention] = []
    last: TimexValue | None = None
    last_day: TimexValue | None = None
    history: list[TimexValue] = []
    for candidate in find_candidates(text):
        mention = resolve_mention(candidate, Context(text, article_date, last, last_day, history))
        if mention is None:
            continue
        mentions.append(mention)
        value = mention.timex
        if value.precision is not Precision.REFERENCE:
            last = value
            history.append(value)
        if value.precision is Precision.DAY:
            last_day = value
    return mentions
