"""Telling whether a date's clause looks forward."""

from __future__ import annotations

import pytest

from timeline.dates.tense import clause_tense, speaks_of_future


@pytest.mark.parametrize(
    ("sentence", "future"),
    [
        ("The leaders will meet on Friday.", True),
        ("The plant is scheduled to close in June.", True),
        ("Markets stay shut until Friday.", True),
        ("The deal is due to be signed by Friday.", True),
        ("The leaders met on Friday.", False),
        ("He said on Friday that talks will resume.", False),
        ("On Friday, troops, backed by tanks, entered the town.", False),
        ("Nothing about Friday here", False),
        ("Early voting began on Monday and ends on Friday.", True),
        ("Producers agreed to raise output in June.", True),
        ("The law was due to take effect in June.", True),
        ("The delay was due to the storm on Friday.", False),
        ("The hosts won on Friday and will play again in the final.", False),
        ("The talks collapsed on Friday; both sides will meet again.", False),
        ("The match was postponed to Friday.", True),
        ("The next round of talks is set for June.", True),
        ("The event is to be held on Friday.", True),
        ("The union will hold a summit in Brussels on Friday, officials said.", True),
        ("The vote is expected on Friday, the minister told reporters.", True),
        ("The envoys met in Riyadh on Friday, officials said.", False),
    ],
)
def test_speaks_of_future(sentence: str, future: bool) -> None:
    """The nearest tense marker in the date's clause decides; deadlines, intents and schedules look forward."""
    start = sentence.index("Friday") if "Friday" in sentence else sentence.index("June")
    end = start + (6 if "Friday" in sentence else 4)
    assert speaks_of_future(sentence, start, end) is future


@pytest.mark.parametrize(
    ("sentence", "written", "tense"),
    [
        ("U.S. President Joe Biden, who leaves office on Monday, said the deal was done.", "Monday", "future"),
        (
            "Babis told supporters at his party's headquarters in Prague's Chodov district late on Saturday "
            "that he would seek to form a government.",
            "Saturday",
            "past",
        ),
        ("Tom Andrews called the planned vote \"a sham\" in a statement on Wednesday.", "Wednesday", "past"),
        ("The rebels rejected the planned vote on Sunday.", "Sunday", "future"),
        (
            "The airline will initially operate four weekly flights on Airbus A320 aircraft, rising to a daily "
            "service from July, subject to approvals.",
            "July",
            "future",
        ),
        ("Students have called for a nationwide rally in Kragujevac on 15 February.", "15 February", "future"),
        ("Protesters called for his resignation on Monday.", "Monday", "past"),
        (
            "Ford has announced sweeping cuts in its US and Canadian production, resulting in the partial "
            "closure of ten of its plants during the fourth quarter.",
            "the fourth quarter",
            None,
        ),
    ],
)
def test_clause_tense_follows_the_governing_verb(sentence: str, written: str, tense: str | None) -> None:
    """The verb the date attaches to decides, however far back in its sentence, not a verb of another clause."""
    start = sentence.index(written)
    assert clause_tense(sentence, start, start + len(written)) == tense
