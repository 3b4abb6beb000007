"""Rules for expressions counted from the article date: weekdays by tense, "last/this/next" units,
"yesterday", "two weeks ago", weekends and parts of the day.
"""

from __future__ import annotations

import datetime as dt

from timeline.dates import timex as tx
from timeline.dates.context import UNIT, Context, Resolved, lower, shift, story_anchor
from timeline.dates.finder import Candidate
from timeline.dates.rule import Rule
from timeline.types import DateSource, Precision

_WEEKDAY_NUMBER = {
    name: number
    for number, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _unit(candidate: Candidate, context: Context) -> Resolved | None:
    rel, unit = lower(candidate, "rel"), UNIT[lower(candidate, "unit")]
    base = context.article_date
    anaphoric = rel in {"following", "previous", "prior"}
    if anaphoric or (rel == "next" and candidate.group("the") and unit is Precision.DAY):
        anchor, source = story_anchor(context, unit)
        return shift(tx.day_value(anchor), unit, 1 if rel in {"following", "next"} else -1, anchor), source
    if rel in {"last", "past"}:
        amount = -1
    elif rel in {"next", "coming"}:
        amount = 1
    else:
        amount = 0
    if unit is Precision.WEEKEND and amount == -1:
        # The weekend just gone: for a Sunday article, that is the same day's weekend.
        amount = 0 if base.weekday() >= 5 else -1
    return shift(tx.day_value(base), unit, amount, base), DateSource.RELATIVE


def _edge(candidate: Candidate, context: Context) -> Resolved | None:
    # "the end of this year" keeps the precision of the unit it is the edge of.
    rel, unit = lower(candidate, "rel"), UNIT[lower(candidate, "unit")]
    amount = {"last": -1, "next": 1}.get(rel, 0)
    base = context.article_date
    source = DateSource.RELATIVE
    if rel == "that" or (rel == "the" and _story_unit_told_in_past(candidate, context, unit)):
        base, source = story_anchor(context, unit)
    return shift(tx.day_value(base), unit, amount, base), source


def _story_unit_told_in_past(candidate: Candidate, context: Context, unit: Precision) -> bool:
    """Whether "the end of the decade" means the story's: a past clause after a date of that unit other than now's.

    "In the 1990s the town boomed; by the end of the decade ..." is the 1990s; "the end of the year" in a
    story of the present is the article's year.
    """
    anchor = context.latest_within(unit)
    if anchor is None or anchor.start is None or context.tense(candidate, deadline=False) != "past":
        return False
    return shift(anchor, unit, 0, anchor.start).value != shift(anchor, unit, 0, context.article_date).value


def _earlier_this(candidate: Candidate, context: Context) -> Resolved | None:
    unit = UNIT[lower(candidate, "unit")]
    amount = {"last": -1, "next": 1}.get(lower(candidate, "rel"), 0)
    if lower(candidate, "rel") == "that":
        # "earlier that year": the story's year.
        base, source = story_anchor(context, unit)
        return shift(tx.day_value(base), unit, 0, base), source
    base = context.article_date
    return shift(tx.day_value(base), unit, amount, base), DateSource.RELATIVE


def _fiscal_year(candidate: Candidate, context: Context) -> Resolved | None:
    # Numbered by the calendar year of the article, the usual reading when the fiscal calendar is not told.
    offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(lower(candidate, "rel"), 0)
    return tx.fiscal_year_value(context.article_date.year + offset), DateSource.RELATIVE


def _new_year(candidate: Candidate, context: Context) -> Resolved | None:
    # Late in a year, "the new year" is the one about to begin; early in it, the one just begun.
    base = context.article_date
    return tx.year_value(base.year + (1 if base.month >= 10 else 0)), DateSource.RELATIVE


def _ago(candidate: Candidate, context: Context) -> Resolved | None:
    count = _NUMBER_WORDS.get(lower(candidate, "n")) or int(candidate.group("n") or "1")
    unit = UNIT[lower(candidate, "unit")]
    direction = lower(candidate, "dir")
    if direction == "ago":
        base, source = context.article_date, DateSource.RELATIVE
    else:
        base, source = story_anchor(context, unit)
    sign = 1 if direction == "later" else -1
    if unit is Precision.WEEK:
        return tx.day_value(base + dt.timedelta(weeks=sign * count)), source
    return shift(tx.day_value(base), unit, sign * count, base), source


def _deictic(candidate: Candidate, context: Context) -> Resolved | None:
    if candidate.group("possessive") and lower(candidate, "word") == "today":
        # "today's GM", "today's world": the present era, not the day.
        return tx.reference_value("PRESENT_REF"), DateSource.RELATIVE
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[lower(candidate, "word")]
    return tx.day_value(context.article_date + dt.timedelta(days=offset)), DateSource.RELATIVE


def _part_of_day(candidate: Candidate, context: Context) -> Resolved | None:
    day_word = lower(candidate, "day")
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1}.get(day_word)
    if offset is not None:
        day = context.article_date + dt.timedelta(days=offset)
        return tx.part_of_day_value(day, _PART_CODE[lower(candidate, "part")]), DateSource.RELATIVE
    resolved = _weekday(candidate, context)
    if resolved is None or resolved[0].start is None:
        return None
    return tx.part_of_day_value(resolved[0].start, _PART_CODE[lower(candidate, "part")]), resolved[1]


def _weekday(candidate: Candidate, context: Context) -> Resolved | None:
    target = _WEEKDAY_NUMBER[lower(candidate, "wd") or lower(candidate, "day")]
    mod = " ".join(lower(candidate, "mod").split())
    if mod in {"the following", "the next", "the previous"}:
        base, source = story_anchor(context, Precision.WEEK)
    else:
        base, source = context.article_date, DateSource.RELATIVE
    ahead = (target - base.weekday()) % 7
    behind = (base.weekday() - target) % 7
    if mod in {"next", "the following", "the next", "coming"}:
        day = base + dt.timedelta(days=ahead or 7)
    elif mod in {"last", "the previous", "past"}:
        day = base - dt.timedelta(days=behind or 7)
    elif mod == "this":
        day = base + dt.timedelta(days=target - base.weekday())
    elif ahead and context.future(candidate):
        day = base + dt.timedelta(days=ahead)
    else:
        # Past-tense news: the latest such day on or before the article date.
        day = base - dt.timedelta(days=behind)
    return tx.day_value(day), source


def _weekend(candidate: Candidate, context: Context) -> Resolved | None:
    mod = " ".join(lower(candidate, "mod").split())
    base = context.article_date
    source = DateSource.RELATIVE
    if mod in {"that", "the following", "the previous"}:
        base, source = story_anchor(context, Precision.WEEK)
    saturday_this_week = base + dt.timedelta(days=5 - base.weekday())
    if mod in {"next", "the following"}:
        day = saturday_this_week + dt.timedelta(weeks=1 if base.weekday() >= 5 else 0)
    elif mod in {"last", "the previous", "the past"}:
        day = saturday_this_week - dt.timedelta(weeks=0 if base.weekday() >= 5 else 1)
    elif mod in {"this", "that"}:
        day = saturday_this_week
    elif base.weekday() < 5 and not context.future(candidate):
        day = saturday_this_week - dt.timedelta(weeks=1)
    else:
        day = saturday_this_week
    return tx.week_value(day, weekend=True), source


RULES: dict[str, Rule] = {
    "edge": _edge,
    "earlier_this": _earlier_this,
    "unit": _unit,
    "ago": _ago,
    "new_year": _new_year,
    "fiscal_year": _fiscal_year,
    "deictic": _deictic,
    "part_of_day": _part_of_day,
    "weekday": _weekday,
    "weekend": _weekend,
}
