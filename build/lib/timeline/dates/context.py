"""What a family's rule sees (the text, the article date, the story so far) and the helpers rules share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from timeline.dates import timex as tx
from timeline.dates.tense import clause_tense, speaks_of_future
from timeline.types import DateSource, Precision, TimexValue, precision_rank

if TYPE_CHECKING:
    # Only for annotations: the family module builds on this one.
    from timeline.dates.family import Candidate

Resolved = tuple[TimexValue, DateSource]


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the text, the article date and the story's last date so far."""

    text: str
    article_date: dt.date
    last: TimexValue | None
    #: The story's last date of day precision, which "the day" and "that day" refer back to.
    last_day: TimexValue | None = None
    #: Every date of the story so far, oldest first.
    history: Sequence[TimexValue] = ()

    def latest_within(self, precision: Precision) -> TimexValue | None:
        """The story's latest date at least as fine as ``precision`` ("that month" needs a month or a day)."""
        rank = precision_rank(precision)
        for value in reversed(self.history):
            if precision_rank(value.precision) <= rank:
                return value
        return None

    def future(self, candidate: Candidate) -> bool:
        """Whether the expression's clause speaks of the future."""
        return speaks_of_future(self.text, candidate.start, candidate.end)

    def tense(self, candidate: Candidate, deadline: bool = True) -> str | None:
        """ "future", "past", or None when the clause does not tell (see :func:`clause_tense`)."""
        return clause_tense(self.text, candidate.start, candidate.end, deadline)


def shift(value: TimexValue, unit: Precision, amount: int, base: dt.date) -> TimexValue:
    """The stretch of ``unit`` precision ``amount`` units after the one holding ``base``."""
    if unit is Precision.DAY:
        return tx.day_value(base + dt.timedelta(days=amount))
    if unit is Precision.WEEK:
        return tx.week_value(base + dt.timedelta(weeks=amount))
    if unit is Precision.WEEKEND:
        return tx.week_value(base + dt.timedelta(weeks=amount), weekend=True)
    if unit is Precision.MONTH:
        moved = base + relativedelta(months=amount)
        return tx.month_value(moved.year, moved.month)
    if unit is Precision.QUARTER:
        moved = base + relativedelta(months=3 * amount)
        return tx.quarter_value(moved.year, (moved.month - 1) // 3 + 1)
    if unit is Precision.YEAR:
        return tx.year_value(base.year + amount)
    if unit is Precision.DECADE:
        return tx.decade_value((base.year // 10 + amount) * 10)
    if unit is Precision.CENTURY:
        return tx.century_value((base.year // 100 + amount) * 100)
    return value


UNIT = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "weekend": Precision.WEEKEND,
    "month": Precision.MONTH,
    "quarter": Precision.QUARTER,
    "year": Precision.YEAR,
    "decade": Precision.DECADE,
    "century": Precision.CENTURY,
    "period": Precision.YEAR,
    "time": Precision.DAY,
}


def story_anchor(context: Context, unit: Precision) -> tuple[dt.date, DateSource]:
    """The day anaphora count from: the story's latest date fine enough for ``unit``, else the article date.

    "A day later" cannot count from a year, so it skips back to the last day-precise date.
    """
    anchor = context.latest_within(unit)
    if anchor is not None and anchor.start is not None:
        return anchor.start, DateSource.CONTEXT
    return context.article_date, DateSource.RELATIVE
