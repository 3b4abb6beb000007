"""What a date family is: one declaration of its pattern, trigger words, groups, keep-test and rule.

A declaration that contradicts itself fails when it is built, that is when its module is
imported, never silently at run time: every group it says its rule reads must be in its
pattern, it must have trigger words (or say that it always runs), and each of its examples
must be matched by its pattern, pass its trigger words and its keep-test. A rule that reads a
group its family does not declare raises :class:`DateFamilyError` instead of reading "no date".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Set
from dataclasses import dataclass, field
from typing import TypeAlias

from timeline.dates.context import Context, Resolved

#: A trigger that stands for any digit.
DIGIT = "#digit"
#: A trigger that stands for the start of any month name.
MONTH = "#month"
_TOKENS: dict[str, re.Pattern[str]] = {
    DIGIT: re.compile(r"\d"),
    MONTH: re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"),
}
#: An example: a sentence with the expression the family must find in square brackets.
_EXAMPLE = re.compile(r"([^\[\]]*)\[([^\[\]]+)\]([^\[\]]*)")
_NAME = re.compile(r"[a-z][a-z_]*")


class DateFamilyError(Exception):
    """Raised when a date family's declaration contradicts itself (at import), or when a rule reads a group
    its family does not declare or a declared group as present when the match lacks it (a bug in the rule)."""


@dataclass(frozen=True)
class Candidate:
    """A date expression found in a text: the family that found it, its extent and its match."""

    family: DateFamily
    start: int
    end: int
    match: re.Match[str]

    def group(self, name: str) -> str:
        """The text of group ``name``, which the family declares and this match has.

        DateFamilyError when the family does not declare it, or when the match lacks it: read a
        group that may be absent with :meth:`optional`.
        """
        text = self.match.group(self._declared(name))
        if text is None:
            raise DateFamilyError(
                f"Date family {self.family.name!r} read group {name!r} as present, but this match of "
                f"{self.match.group(0)!r} lacks it; read an optional group with optional()."
            )
        return text

    def optional(self, name: str) -> str:
        """The text of group ``name``, which the family declares, or "" when this match lacks it."""
        return self.match.group(self._declared(name)) or ""

    def _declared(self, name: str) -> str:
        if name not in self.family.groups:
            raise DateFamilyError(
                f"Date family {self.family.name!r} read group {name!r}, which it does not declare "
                f"(it declares {', '.join(self.family.groups) or 'none'})."
            )
        return name


#: A family's rule: a candidate in its context gives its value and source, or None for no date.
Resolver: TypeAlias = Callable[[Candidate, Context], Resolved | None]
#: A family's keep-test: whether a match (in the whole text) is a date, not a name, verb or quantity.
KeepTest: TypeAlias = Callable[[Candidate, str], bool]


@dataclass(frozen=True, kw_only=True)
class DateFamily:
    """One family of English date expressions, declared once; checked when built.

    ``triggers`` are lower-case words, one of which every match contains (or :data:`DIGIT`,
    :data:`MONTH`); the finder runs the pattern only on texts holding one, which is most of its
    speed. ``groups`` are the pattern's groups that ``resolve`` and ``keep`` read. Each of
    ``examples`` is a sentence with the expression the family must find in square brackets.
    ``may_name_event`` marks a written day that can be the name of an event ("the September 11
    attacks"), when no date inside it is kept.
    """

    name: str
    pattern: str
    triggers: tuple[str, ...]
    groups: tuple[str, ...]
    resolve: Resolver
    examples: tuple[str, ...]
    keep: KeepTest | None = None
    always_run: bool = False
    may_name_event: bool = False
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not _NAME.fullmatch(self.name):
            raise DateFamilyError(f"Date family name {self.name!r} is not lower-case letters and underscores.")
        try:
            compiled = re.compile(self.pattern)
        except re.error as error:
            raise DateFamilyError(f"Date family {self.name!r}: its pattern does not compile ({error}).") from None
        object.__setattr__(self, "compiled", compiled)
        for group in self.groups:
            if group not in compiled.groupindex:
                raise DateFamilyError(
                    f"Date family {self.name!r} declares group {group!r}, which its pattern lacks "
                    f"(it has {', '.join(compiled.groupindex) or 'none'})."
                )
        self._check_triggers()
        if not self.examples:
            raise DateFamilyError(f"Date family {self.name!r} has no example expression it must find.")
        for example in self.examples:
            self._check_example(example)

    def runs_on(self, present: Set[str]) -> bool:
        """Whether the pattern can match a text holding the triggers ``present``."""
        return self.always_run or not present.isdisjoint(self.triggers)

    def _check_triggers(self) -> None:
        if self.always_run and self.triggers:
            raise DateFamilyError(f"Date family {self.name!r} always runs, so its triggers would never be read.")
        if not self.always_run and not self.triggers:
            raise DateFamilyError(
                f"Date family {self.name!r} has no trigger words, so the prefilter would skip it on every text; "
                "give triggers, or always_run=True."
            )
        for trigger in self.triggers:
            if trigger not in _TOKENS and (not trigger or trigger != trigger.lower() or re.search(r"\s", trigger)):
                raise DateFamilyError(
                    f"Date family {self.name!r}: trigger {trigger!r} must be one lower-case word, "
                    "since it is looked for in the lower-cased text and the pattern's spaces may be tabs or several."
                )

    def _check_example(self, example: str) -> None:
        parts = _EXAMPLE.fullmatch(example)
        if parts is None:
            raise DateFamilyError(
                f"Date family {self.name!r}: example {example!r} must put its expression in one pair of brackets."
            )
        text = parts[1] + parts[2] + parts[3]
        start, end = len(parts[1]), len(parts[1]) + len(parts[2])
        match = self.compiled.match(text, start)
        if match is None or match.end() != end:
            raise DateFamilyError(f"Date family {self.name!r}: its pattern does not match {parts[2]!r} in {text!r}.")
        if not self.runs_on(present_triggers(text.lower(), self.triggers)):
            raise DateFamilyError(
                f"Date family {self.name!r}: its example {text!r} holds none of its triggers, "
                "so the prefilter would skip it."
            )
        if self.keep is not None and not self.keep(Candidate(self, start, end, match), text):
            raise DateFamilyError(f"Date family {self.name!r}: its keep-test drops its own example {text!r}.")


def trigger_pattern(trigger: str) -> str:
    """The regular expression that finds ``trigger`` in a lower-cased text."""
    token = _TOKENS.get(trigger)
    return token.pattern if token is not None else re.escape(trigger)


def present_triggers(lower: str, triggers: Collection[str]) -> set[str]:
    """Those of ``triggers`` that the lower-cased text ``lower`` holds."""
    return {t for t in triggers if (_TOKENS[t].search(lower) is not None if t in _TOKENS else t in lower)}
