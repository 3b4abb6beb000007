"""Why an event has its date, in one sentence a reader can check.

An event row says how its date was obtained: the expression as written (``date_text``),
the date family whose rule read it (``date_rule``) and what a relative date was counted
from (``date_anchor``: the article date, an earlier date of the text, or the sentence
before). :func:`why_date` turns the three into "“Sunday”: a weekday, placed by the tense
of its verb, counted from the article date, Monday 2 December 2024".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

from timeline.humandates import human_date, human_day
from timeline.types import AnchorKind

__all__ = ["CORRECTED_RULE", "RULE_WORDS", "rule_words", "why_date", "why_dates"]

#: The ``date_rule`` of a date a user corrected (see :mod:`timeline.corrections`).
CORRECTED_RULE: Final = "corrected"

#: What each date family reads, in plain words (families not listed read as their name).
RULE_WORDS: Final = {
    "full_mdy": "a full date",
    "full_dmy": "a full date",
    "numeric": "a date written in figures",
    "iso": "a date written in figures",
    "month_day": "a month and day, in the year of the article",
    "day_month": "a day and month, in the year of the article",
    "month_year": "a month and year",
    "week_of_month": "a week of a month",
    "month": "a month, in the year the story is told",
    "quarter": "a quarter",
    "quarter_code": "a quarter",
    "half": "a half year",
    "season": "a season",
    "decade": "a decade",
    "spelled_year": "a year written in words",
    "spelled_decade": "a decade written in words",
    "holiday": "a named day of the calendar",
    "century": "a century",
    "year": "a year",
    "distant_year": "a year",
    "year_short": "a year written with two figures",
    "edge": "the start or end of a period",
    "earlier_this": "a part of the current period",
    "unit": "this, last or next week, month or year",
    "fiscal_year": "a fiscal year",
    "new_year": "the new year",
    "ago": "a time ago",
    "deictic": "today, yesterday or tomorrow",
    "part_of_day": "a part of a day",
    "weekday": "a weekday, placed by the tense of its verb",
    "weekend": "a weekend",
    "same_period": "the same period a year before",
    "year_previous": "a day or period before or after an earlier date",
    "reference": "a time relative to the article",
    "anaphora": "a phrase that refers back to an earlier date",
}


def rule_words(rule: str) -> str:
    """What the date family ``rule`` reads, in plain words."""
    return RULE_WORDS.get(rule, rule.replace("_", " "))


def why_date(date_text: str, date_rule: str, date_anchor: str) -> str:
    """One sentence on how a date was obtained: the expression, the rule, and what it was counted from."""
    written = f"“{date_text}”" if date_text else "The article's own date"
    if date_rule == CORRECTED_RULE:
        return f"Corrected by hand{_was(date_anchor)}."
    if date_anchor == AnchorKind.PREVIOUS:
        return f"{written} is the date of the sentence before, which tells the same story."
    reading = f": {rule_words(date_rule)}" if date_rule else ""
    if date_anchor.startswith(AnchorKind.ARTICLE):
        day = _day_or_value(_after(date_anchor, AnchorKind.ARTICLE))
        return f"{written}{reading}, counted from the article date, {day}."
    if date_anchor.startswith(AnchorKind.EARLIER):
        earlier = _after(date_anchor, AnchorKind.EARLIER)
        told = f", {human_date(earlier)}" if earlier else ""
        return f"{written}{reading}, counted from an earlier date of the text{told}."
    return f"{written}{reading}, read as written."


def why_dates(rows: Iterable[tuple[str, str, str]]) -> list[str]:
    """:func:`why_date` of each ``(date_text, date_rule, date_anchor)``; repeated triples are written once."""
    seen: dict[tuple[str, str, str], str] = {}
    sentences = []
    for row in rows:
        if row not in seen:
            seen[row] = why_date(*row)
        sentences.append(seen[row])
    return sentences


def _after(anchor: str, kind: str) -> str:
    return anchor[len(kind) :].strip()


def _day_or_value(value: str) -> str:
    try:
        return human_day(dt.date.fromisoformat(value))
    except ValueError:
        return human_date(value)


def _was(anchor: str) -> str:
    return f" (the text gave {human_date(anchor[4:])})" if anchor.startswith("was ") else ""
