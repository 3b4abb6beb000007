"""Turn a found expression into a TIMEX3 value with the rule of its family.

The rules live with their families' patterns: :mod:`families_calendar` (written dates,
months, quarters, seasons, decades), :mod:`families_relative` (weekdays by tense, "last
month", "yesterday") and :mod:`families_context` (anaphora against the story's last date,
and REF values).

:func:`resolve_mention` also records how the value was obtained, so a reader can check it:
the family whose rule gave it and what a relative value was counted from.
"""

from __future__ import annotations

from timeline.dates.context import Context, Resolved
from timeline.dates.family import Candidate
from timeline.types import AnchorKind, DateMention, DateSource, TimexValue, precision_rank

__all__ = ["anchor_of", "resolve", "resolve_mention"]


def resolve(candidate: Candidate, context: Context) -> Resolved | None:
    """The value of ``candidate`` in ``context``, or None when it names no date."""
    try:
        return candidate.family.resolve(candidate, context)
    except (ValueError, OverflowError):
        # A day that does not exist ("February 30") or a year outside the calendar: no date.
        return None


def resolve_mention(candidate: Candidate, context: Context) -> DateMention | None:
    """The mention of ``candidate`` in ``context`` with its family and anchor recorded, or None for no date."""
    resolved = resolve(candidate, context)
    if resolved is None:
        return None
    value, source = resolved
    return DateMention(
        candidate.start,
        candidate.end,
        context.text[candidate.start : candidate.end],
        value,
        source,
        rule=candidate.family.name,
        anchor=anchor_of(value, source, context),
    )


def anchor_of(value: TimexValue, source: DateSource, context: Context) -> str:
    """What a value was counted from: the article date, an earlier date of the text, or nothing (written in full).

    A rule counting from the story (source ``context``) takes the story's latest date fine
    enough for its unit (:func:`timeline.dates.context.story_anchor`); the unit is the
    value's own precision, so that is the date named here.
    """
    if source is DateSource.RELATIVE or source is DateSource.ARTICLE:
        return f"{AnchorKind.ARTICLE} {context.article_date.isoformat()}"
    if source is DateSource.CONTEXT:
        rank = precision_rank(value.precision)
        earlier = next((seen for seen in reversed(context.history) if precision_rank(seen.precision) <= rank), None)
        picked = earlier or context.last
        return f"{AnchorKind.EARLIER} {picked.value}" if picked is not None else str(AnchorKind.EARLIER)
    return ""
