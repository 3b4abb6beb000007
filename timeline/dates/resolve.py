"""Turn a found expression into a TIMEX3 value with the rule of its family.

The rules live with their families' patterns: :mod:`families_calendar` (written dates,
months, quarters, seasons, decades), :mod:`families_relative` (weekdays by tense, "last
month", "yesterday") and :mod:`families_context` (anaphora against the story's last date,
and REF values).
"""

from __future__ import annotations

from timeline.dates.context import Context, Resolved
from timeline.dates.family import Candidate

__all__ = ["resolve"]


def resolve(candidate: Candidate, context: Context) -> Resolved | None:
    """The value of ``candidate`` in ``context``, or None when it names no date."""
    try:
        return candidate.family.resolve(candidate, context)
    except (ValueError, OverflowError):
        # A day that does not exist ("February 30") or a year outside the calendar: no date.
        return None
