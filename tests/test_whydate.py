"""timeline.whydate: one sentence saying how an event's date was obtained."""

from __future__ import annotations

import pytest

from timeline.whydate import CORRECTED_RULE, RULE_WORDS, rule_words, why_date, why_dates


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            ("Sunday", "weekday", "article date 2024-12-02"),
            "“Sunday”: a weekday, placed by the tense of its verb, counted from the article date, "
            "Monday 2 December 2024.",
        ),
        (
            ("Sunday", "weekday", "previous sentence"),
            "“Sunday” is the date of the sentence before, which tells the same story.",
        ),
        (
            ("the time", "anaphora", "earlier date 2020"),
            "“the time”: a phrase that refers back to an earlier date, counted from an earlier date of the text, "
            "2020 (year).",
        ),
        (("October 7, 2023", "full_mdy", ""), "“October 7, 2023”: a full date, read as written."),
        (("Sunday", CORRECTED_RULE, "was 2024-12-01"), "Corrected by hand (the text gave Sunday 1 December 2024)."),
        (
            ("", "", "article date 2024-12-02"),
            "The article's own date, counted from the article date, Monday 2 December 2024.",
        ),
    ],
)
def test_whydate_says_expression_rule_and_anchor(row, expected):
    """The sentence names the expression as written, what its rule reads and what it was counted from."""
    assert why_date(*row) == expected


@pytest.mark.parametrize(("rule", "words"), [("weekday", RULE_WORDS["weekday"]), ("a_new_family", "a new family")])
def test_whydate_rule_words(rule, words):
    """A known family has plain words; a new one reads as its name."""
    assert rule_words(rule) == words


def test_whydate_many_rows_repeat_alike():
    """A column of rows gets a sentence each, the same rows the same sentence."""
    rows = [("2012", "year", ""), ("Sunday", "weekday", "article date 2024-12-02"), ("2012", "year", "")]
    sentences = why_dates(rows)
    assert sentences[0] == sentences[2] != sentences[1]
    assert len(sentences) == 3
