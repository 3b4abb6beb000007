"""Every date family, in priority order, and the prefilter derived from their trigger words.

Families are declared in :mod:`families_calendar`, :mod:`families_relative` and
:mod:`families_context`, each in its own priority order; on equal extent the earlier family
wins, so calendar families come before relative ones, and those before the story's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.dates import families_calendar, families_context, families_relative
from timeline.dates.family import DateFamily, DateFamilyError, trigger_pattern

__all__ = ["FAMILIES", "PREFILTER", "TRIGGERS", "in_order", "prefilter"]


def in_order(*groups: Iterable[DateFamily]) -> tuple[DateFamily, ...]:
    """The families of ``groups``, first to last; DateFamilyError when two share a name."""
    families = tuple(family for group in groups for family in group)
    seen: set[str] = set()
    for family in families:
        if family.name in seen:
            raise DateFamilyError(f"Two date families are named {family.name!r}; a name says which rule resolves it.")
        seen.add(family.name)
    return families


def prefilter(families: Iterable[DateFamily]) -> re.Pattern[str]:
    """One regular expression that finds, in a lower-cased text, any trigger of any of ``families``.

    A text it finds nothing in cannot hold a date; a family that always runs makes it find every text.
    """
    families = tuple(families)
    if any(family.always_run for family in families):
        return re.compile("")
    triggers = sorted({t for family in families for t in family.triggers})
    return re.compile("|".join(trigger_pattern(t) for t in triggers))


FAMILIES = in_order(families_calendar.FAMILIES, families_relative.FAMILIES, families_context.FAMILIES)
#: Every trigger of every family, each looked for once per text.
TRIGGERS = frozenset(t for family in FAMILIES for t in family.triggers)
PREFILTER = prefilter(FAMILIES)
