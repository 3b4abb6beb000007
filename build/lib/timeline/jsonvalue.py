"""JSON text to a value, within the stated limits (:mod:`timeline.defaults`): nesting depth and integer size.

Python's own parser raises ``RecursionError`` on deep nesting and ``ValueError`` on an
integer past its digit limit; both become a :class:`JsonValueError` whose reason
completes a sentence, like a syntax error does.
"""

from __future__ import annotations

import json
from typing import Final

from timeline.defaults import MAX_JSON_DEPTH, MAX_NUMBER_DIGITS

__all__ = ["JsonValueError", "parse_json"]

_TOO_DEEP: Final = (
    f"is JSON nested more than {MAX_JSON_DEPTH} levels deep (lists and objects inside each other), "
    "more than an article needs"
)


class JsonValueError(ValueError):
    """A JSON text that cannot be read; ``reason`` completes a sentence ("is not valid JSON (…)")."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class _HugeIntegerError(ValueError):
    def __init__(self, digits: int) -> None:
        self.digits = digits
        super().__init__(digits)


def parse_json(text: str) -> object:
    """The value of the JSON ``text``; raises :class:`JsonValueError` saying why it cannot be read."""
    try:
        value = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        # json's messages end "...starting at" when the position completes them.
        at = "" if error.msg.endswith(" at") else " at"
        line = f" line {error.lineno}," if error.lineno > 1 else ""
        raise JsonValueError(f"is not valid JSON ({error.msg}{at}{line} column {error.colno})") from None
    except RecursionError:
        raise JsonValueError(_TOO_DEEP) from None
    except _HugeIntegerError as error:
        raise JsonValueError(
            f"holds an integer of {error.digits:,} digits, more than the {MAX_NUMBER_DIGITS:,} a number may have"
        ) from None
    if _deeper_than(value, MAX_JSON_DEPTH):
        raise JsonValueError(_TOO_DEEP)
    return value


def _bounded_int(digits: str) -> int:
    count = len(digits.lstrip("-"))
    if count > MAX_NUMBER_DIGITS:
        raise _HugeIntegerError(count)
    return int(digits)


def _deeper_than(value: object, limit: int) -> bool:
    """Whether ``value`` nests lists and objects more than ``limit`` levels deep (a bare value is level 0)."""
    # Iterative, so the check itself cannot exhaust the stack.
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] | tuple[object, ...] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth + 1 > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
