"""timeline.jsonvalue: JSON within the stated depth and integer limits, every failure a reason."""

from __future__ import annotations

import pytest

from timeline.defaults import MAX_JSON_DEPTH, MAX_NUMBER_DIGITS
from timeline.jsonvalue import JsonValueError, parse_json


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (_deep(MAX_JSON_DEPTH), None),
        ('{"a": ' + _deep(MAX_JSON_DEPTH - 1) + "}", None),
        (_deep(MAX_JSON_DEPTH + 1), "nested more than 64 levels deep"),
        ('{"a": ' + _deep(MAX_JSON_DEPTH) + "}", "nested more than 64 levels deep"),
        (_deep(100_000), "nested more than 64 levels deep"),
        ("7" * MAX_NUMBER_DIGITS, None),
        ("-" + "7" * MAX_NUMBER_DIGITS, None),
        ("7" * (MAX_NUMBER_DIGITS + 1), "holds an integer of 4,301 digits, more than the 4,300 a number may have"),
        ('{"id": ' + "1" * 5_000 + "}", "holds an integer of 5,000 digits"),
        ("1" * 5_000 + ".5", None),
        ('{"a": 1,}', "is not valid JSON (Expecting property name enclosed in double quotes at column 9)"),
        ('{\n"a": }', "is not valid JSON (Expecting value at line 2, column 6)"),
    ],
    ids=[
        "depth-at-limit", "object-depth-at-limit", "depth-past-limit", "object-depth-past-limit", "depth-100000",
        "digits-at-limit", "negative-digits-at-limit", "digits-past-limit", "digits-5000", "long-float",
        "syntax", "syntax-second-line",
    ],
)  # fmt: skip
def test_jsonvalue_limits(text, reason):
    """Values at the limits are read; past them, or malformed, each is a reason that completes a sentence."""
    if reason is None:
        parse_json(text)
        return
    with pytest.raises(JsonValueError) as raised:
        parse_json(text)
    assert reason in raised.value.reason
    assert raised.value.reason.startswith(("is ", "holds "))
