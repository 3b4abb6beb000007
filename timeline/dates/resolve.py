"""Turn a found expression into a TIMEX3 value with the rule of its family.

The rules live in three modules: :mod:`rules_calendar` (written dates, months,
quarters, seasons, decades), :mod:`rules_relative` (weekdays by tense, "last
month", "yesterday") and :mod:`rules_context` (anaphora against the story's last
date, and REF values).
"""

from __future__ import annotations

from timeline.dates import rules_calendar, rules_context, rules_relative
from timeline.dates.context import Context, Resolved
from timeline.dates.finder import Candidate
from timeline.dates.rule import Rule

__all__ = ["Context", "Resolved", "resolve"]

_RULES: dict[str, Rule] = {**rules_calendar.RULES, **rules_relative.RULES, **rules_context.RULES}


def resolve(candidate: Candidate, context: Context) -> Resolved | None:
    """The value of ``candidate`` in ``context``, or None when it names no date."""
    rule = _RULES.get(candidate.kind)
    if rule is None:
        return None
    try:
        return rule(candidate, context)
    except (ValueError, OverflowError):
        # A day that does not exist ("February 30") or a year outside the calendar: no date.
        return None
