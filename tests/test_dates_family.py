"""Declaring a date family: a declaration that contradicts itself fails when built; groups are read strictly."""

from __future__ import annotations

import re
from typing import Any

import pytest

from timeline.dates.context import Context, Resolved
from timeline.dates.family import DIGIT, MONTH, Candidate, DateFamily, DateFamilyError


def _no_date(candidate: Candidate, context: Context) -> Resolved | None:
    return None


#: A declaration that holds together; each case below breaks one part of it.
VALID: dict[str, Any] = {
    "name": "blue_moon",
    "pattern": r"(?P<word>[Bb]lue)(?:[ ](?P<tail>moon))?",
    "triggers": ("blue",),
    "groups": ("word", "tail"),
    "resolve": _no_date,
    "examples": ("Once in a [blue moon].",),
}


def test_date_family_valid_declaration_builds() -> None:
    """The declaration the other cases break builds, with its pattern compiled once."""
    family = DateFamily(**VALID)
    assert family.compiled.pattern == VALID["pattern"]
    assert family.runs_on({"blue"})
    assert not family.runs_on({"moon"})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"groups": ("word", "colour")}, "'blue_moon' declares group 'colour', which its pattern lacks"),
        ({"triggers": ()}, "'blue_moon' has no trigger words"),
        ({"triggers": ("Blue",)}, "trigger 'Blue' must be one lower-case word"),
        ({"triggers": ("blue moon",)}, "trigger 'blue moon' must be one lower-case word"),
        ({"always_run": True}, "'blue_moon' always runs, so its triggers would never be read"),
        ({"examples": ()}, "'blue_moon' has no example"),
        ({"examples": ("Once in a blue moon.",)}, "must put its expression in one pair of brackets"),
        ({"examples": ("Once in a [red moon].",)}, "its pattern does not match 'red moon'"),
        ({"examples": ("Once in a [blue] moon.",)}, "its pattern does not match 'blue'"),
        ({"triggers": ("moon",), "examples": ("Once in a [blue].",)}, "holds none of its triggers"),
        ({"keep": lambda candidate, text: False}, "its keep-test drops its own example"),
        ({"pattern": "(?P<word>blue"}, "'blue_moon': its pattern does not compile"),
        ({"name": "Blue Moon"}, "is not lower-case letters and underscores"),
    ],
)
def test_date_family_rejects_contradictions_when_built(changes: dict[str, Any], message: str) -> None:
    """Missing groups, no or unusable triggers, examples its pattern, triggers or keep-test miss: all fail at once."""
    with pytest.raises(DateFamilyError, match=re.escape(message)):
        DateFamily(**{**VALID, **changes})


def test_date_family_may_always_run_without_triggers() -> None:
    """A family that says it always runs needs no trigger words and runs on any text."""
    family = DateFamily(**{**VALID, "triggers": (), "always_run": True})
    assert family.runs_on(set())


@pytest.mark.parametrize(("trigger", "example"), [(DIGIT, "In [2012]."), (MONTH, "In [March].")])
def test_date_family_token_triggers(trigger: str, example: str) -> None:
    """DIGIT and MONTH stand for any digit and any month name; an example holding neither is refused."""
    changes = {"pattern": r"(?P<word>\w+)", "groups": ("word",), "triggers": (trigger,)}
    assert DateFamily(**{**VALID, **changes, "examples": (example,)}).runs_on({trigger})
    with pytest.raises(DateFamilyError, match="holds none of its triggers"):
        DateFamily(**{**VALID, **changes, "examples": ("In [here].",)})


def _candidate(text: str, groups: tuple[str, ...] = ("word", "tail")) -> Candidate:
    family = DateFamily(**{**VALID, "groups": groups})
    match = family.compiled.search(text)
    assert match is not None
    return Candidate(family, match.start(), match.end(), match)


def test_candidate_reads_declared_groups() -> None:
    """A declared group reads its text; an optional one the match lacks reads as ""."""
    assert _candidate("a blue moon").group("tail") == "moon"
    assert _candidate("a blue sky").optional("tail") == ""


@pytest.mark.parametrize(
    ("text", "groups", "name", "message"),
    [
        ("a blue sky", ("word", "tail"), "tail", "read group 'tail' as present, but this match of 'blue' lacks it"),
        ("a blue moon", ("word",), "tail", "read group 'tail', which it does not declare"),
        ("a blue moon", ("word",), "colour", "read group 'colour', which it does not declare"),
    ],
)
def test_candidate_raises_on_undeclared_or_absent_group(
    text: str, groups: tuple[str, ...], name: str, message: str
) -> None:
    """Reading an undeclared or unknown group, or an absent one as present, is a bug that raises, never 'no date'."""
    with pytest.raises(DateFamilyError, match=re.escape(message)):
        _candidate(text, groups).group(name)
