"""Rules for expressions that refer back to the story ("at the time", "the day before", "the same
period last year") and for TIMEX3 references ("now", "recently", "the future").
"""

from __future__ import annotations

import datetime as dt

from timeline.dates import timex as tx
from timeline.dates.context import UNIT, Context, Resolved, lower, shift, story_anchor
from timeline.dates.finder import Candidate
from timeline.dates.rule import Rule
from timeline.types import DateSource, Precision, TimexValue

_PRESENT = frozenset({"now", "currently", "nowadays", "presently", "at present", "the present", "the time being"})
_FUTURE = frozenset({"the future", "the near future", "the distant future", "near future", "distant future"})


def _year_previous(candidate: Candidate, context: Context) -> Resolved | None:
    unit = UNIT[lower(candidate, "unit")]
    anchor, source = story_anchor(context, unit)
    amount = 1 if lower(candidate, "rel") == "after" else -1
    return shift(tx.day_value(anchor), unit, amount, anchor), source


def _same_period(candidate: Candidate, context: Context) -> Resolved | None:
    unit = lower(candidate, "unit")
    last = context.last
    if last is None or last.start is None:
        precision = UNIT.get(unit, Precision.YEAR)
        current = shift(tx.day_value(context.article_date), precision, 0, context.article_date)
        before = _one_year_before(current)
        return (before, DateSource.RELATIVE) if before is not None else None
    shifted = _one_year_before(last)
    return (shifted, DateSource.CONTEXT) if shifted is not None else None


def _one_year_before(value: TimexValue) -> TimexValue | None:
    if value.start is None:
        return None
    if value.precision is Precision.DAY:
        try:
            return tx.day_value(value.start.replace(year=value.start.year - 1))
        except ValueError:
            return tx.day_value(value.start - dt.timedelta(days=365))
    if value.precision is Precision.MONTH:
        return tx.month_value(value.start.year - 1, value.start.month)
    if value.precision is Precision.QUARTER:
        return tx.quarter_value(value.start.year - 1, (value.start.month - 1) // 3 + 1)
    if value.precision is Precision.WEEK:
        return tx.week_value(value.start - dt.timedelta(weeks=52))
    return tx.year_value(value.start.year - 1)


def _reference(candidate: Candidate, context: Context) -> Resolved | None:
    phrase = " ".join(lower(candidate, "ref").split())
    if phrase.endswith("soon"):
        # "soon" looks forward from the moment told; in a past narrative it is no reference to now.
        return (tx.reference_value("FUTURE_REF"), DateSource.RELATIVE) if context.tense(candidate) != "past" else None
    if phrase in _PRESENT:
        name = "PRESENT_REF"
    elif phrase in _FUTURE or phrase.endswith("term"):
        name = "FUTURE_REF"
    else:
        name = "PAST_REF"
    return tx.reference_value(name), DateSource.RELATIVE


def _anaphora(candidate: Candidate, context: Context) -> Resolved | None:
    phrase = " ".join(lower(candidate, "ana").split())
    last = context.last
    if phrase.endswith("day"):
        if context.last_day is not None:
            return context.last_day, DateSource.CONTEXT
        return tx.day_value(context.article_date), DateSource.RELATIVE
    phrase = phrase.replace("full-year", "full year")
    if phrase.split()[-2:-1] in (["entire"], ["whole"], ["full"]) and context.latest_within(Precision.YEAR) is None:
        return tx.year_value(context.article_date.year), DateSource.RELATIVE
    if last is None or last.start is None:
        return tx.reference_value("PAST_REF"), DateSource.RELATIVE
    # "that month", "the same year": the story's last date, at the precision the phrase names.
    wanted = {"week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}.get(phrase.split()[-1])
    if wanted is None:
        return last, DateSource.CONTEXT
    anchor = context.latest_within(wanted)
    if anchor is None or anchor.start is None:
        return None
    if anchor.precision is wanted:
        return anchor, DateSource.CONTEXT
    return shift(anchor, wanted, 0, anchor.start), DateSource.CONTEXT


RULES: dict[str, Rule] = {
    "same_period": _same_period,
    "year_previous": _year_previous,
    "reference": _reference,
    "anaphora": _anaphora,
}
