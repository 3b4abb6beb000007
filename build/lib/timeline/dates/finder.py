"""Find date expressions in text and decide their extent.

Every family of :mod:`registry` whose trigger words the text holds runs its pattern and its
keep-test; candidates from all families are collected and the longest wins where they overlap
(on equal extent, the family declared first). Prepositions ("on", "since", "in", "at") stay
outside the extent, as in TIMEX3 annotation. Nothing here says what date an expression means:
that is each family's rule.
"""

from __future__ import annotations

import re

from timeline.dates.family import Candidate, present_triggers
from timeline.dates.registry import FAMILIES, PREFILTER, TRIGGERS

__all__ = ["find_candidates"]

#: Words after a written day that make it the name of an event ("the September 11 attacks").
_EVENT_NAME_AFTER = re.compile(r",?[^\S\n]+(?:terrorist[^\S\n]+|terror[^\S\n]+)?(?:attacks?|bombings?)\b")
#: A possessive just before the day ("Hamas' Oct. 7, 2023, attack", "Russia's 24 February invasion") makes it
#: the date of one actor's attack, not the name of an event.
_POSSESSIVE_BEFORE = re.compile(r"\w(?:['’]s?)[^\S\n]+$")
_RANK = {family.name: rank for rank, family in enumerate(FAMILIES)}


def find_candidates(text: str) -> list[Candidate]:
    """Non-overlapping date expressions in ``text``, in text order."""
    lower = text.lower()
    if not PREFILTER.search(lower):
        return []
    present = present_triggers(lower, TRIGGERS)
    found: list[Candidate] = []
    names: list[tuple[int, int]] = []
    for family in FAMILIES:
        if not family.runs_on(present):
            continue
        for match in family.compiled.finditer(text):
            if match.end() <= match.start():
                continue
            if (
                family.may_name_event
                and _EVENT_NAME_AFTER.match(text, match.end())
                and not _POSSESSIVE_BEFORE.search(text, max(0, match.start() - 5), match.start())
            ):
                # "the September 11 attacks" names an event; no part of it is a date of the story.
                names.append((match.start(), match.end()))
                continue
            candidate = Candidate(family, match.start(), match.end(), match)
            if family.keep is None or family.keep(candidate, text):
                found.append(candidate)
    if names:
        found = [c for c in found if all(c.end <= start or c.start >= end for start, end in names)]
    found.sort(key=lambda c: (-(c.end - c.start), _RANK[c.family.name], c.start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in found:
        if all(candidate.end <= start or candidate.start >= end for start, end in taken):
            chosen.append(candidate)
            taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: c.start)
