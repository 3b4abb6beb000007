"""The registry of date families: every family finds its own examples, and the prefilter is derived."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline.dates import find_dates
from timeline.dates.family import DIGIT, MONTH, DateFamily, DateFamilyError
from timeline.dates.finder import find_candidates
from timeline.dates.registry import FAMILIES, PREFILTER, TRIGGERS, in_order, prefilter

WEDNESDAY = dt.date(2024, 12, 4)
EXAMPLES = [(family.name, example) for family in FAMILIES for example in family.examples]


def _plain(example: str) -> tuple[str, str]:
    """The example's text without brackets, and the expression between them."""
    return example.replace("[", "").replace("]", ""), example[example.index("[") + 1 : example.index("]")]


@pytest.mark.parametrize(("name", "example"), EXAMPLES, ids=[f"{name}: {example}" for name, example in EXAMPLES])
def test_registry_each_family_finds_its_own_examples(name: str, example: str) -> None:
    """Each family's example passes the prefilter, is found by that family with its extent, and resolves to a date."""
    text, written = _plain(example)
    assert PREFILTER.search(text.lower())
    assert (name, written) in [(c.family.name, text[c.start : c.end]) for c in find_candidates(text)]
    assert written in [m.text for m in find_dates(text, WEDNESDAY)]


@pytest.mark.parametrize("trigger", sorted(TRIGGERS))
def test_registry_prefilter_finds_every_trigger(trigger: str) -> None:
    """The prefilter is derived from every family's triggers: a text holding any one of them gets through."""
    sample = {DIGIT: "7", MONTH: "may"}.get(trigger, trigger)
    assert PREFILTER.search(f"a {sample} b")


@pytest.mark.parametrize("text", ["", "a cat sat on a mat", "he was tired of it"])
def test_registry_prefilter_skips_texts_without_triggers(text: str) -> None:
    """A text holding no family's trigger is skipped, and then no family could have matched it."""
    assert PREFILTER.search(text.lower()) is None
    assert find_candidates(text) == []


def test_registry_prefilter_of_a_family_that_always_runs_passes_everything() -> None:
    """One family that always runs makes the prefilter let every text through."""
    family = FAMILIES[0]
    always = DateFamily(
        name="always",
        pattern=family.pattern,
        triggers=(),
        groups=family.groups,
        resolve=family.resolve,
        examples=family.examples,
        always_run=True,
    )
    assert prefilter([*FAMILIES, always]).search("a cat sat on a mat")


def test_registry_rejects_two_families_of_one_name() -> None:
    """Two families with one name fail when the registry is put together."""
    with pytest.raises(DateFamilyError, match=re.escape(f"Two date families are named {FAMILIES[0].name!r}")):
        in_order(FAMILIES, FAMILIES[:1])
