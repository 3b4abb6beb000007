"""Precision, recall and F1 from match counts, as every scorer here reports them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one kind of match."""

    precision: float
    recall: float
    f1: float


def score(matched_predicted: int, predicted: int, matched_gold: int, gold: int) -> Scores:
    """P, R and F1 from the matched counts on each side; 0 where a side is empty."""
    precision = matched_predicted / predicted if predicted else 0.0
    recall = matched_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


class Span(Protocol):
    """Anything with character offsets: a predicted mention or a gold annotation."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def overlaps(first: Span, second: Span) -> bool:
    """Whether two character spans share at least one character (TempEval's relaxed match)."""
    return first.start < second.end and second.start < first.end
