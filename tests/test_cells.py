"""timeline.cells: list columns read once per distinct cell."""

from __future__ import annotations

import pandas as pd
import pytest

from timeline.cells import any_in, distinct_values, factorized_cells


@pytest.mark.parametrize(
    ("cells", "codes"),
    [
        ([("A",), ("B",), ("A",)], [0, 1, 0]),
        ([["A"], ("B",), ["A"]], [0, 1, 0]),
        ([], []),
    ],
    ids=["tuples", "lists", "empty"],
)
def test_cells_factorized_share_codes(cells, codes):
    """Equal cells (lists as tuples) share one code, in order of first appearance."""
    found, distinct = factorized_cells(pd.Series(cells, dtype=object))
    assert found.tolist() == codes
    assert len(distinct) == len(set(codes))


@pytest.mark.parametrize(
    ("selected", "expected"),
    [({"B"}, [True, False, True, False]), ({"Z"}, [False] * 4), (set(), [False] * 4)],
)
def test_cells_any_in(selected, expected):
    """A row matches when any of its values is selected; an empty cell never does."""
    column = pd.Series([("A", "B"), ("C",), ["B"], ()], dtype=object)
    assert any_in(column, selected).tolist() == expected


def test_cells_distinct_values_skip_empty_and_non_text():
    """Every named value once; empty strings and cells that are not lists are not values."""
    column = pd.Series([("A", "", "B"), ("B",), None, ("C",)], dtype=object)
    assert distinct_values(column) == {"A", "B", "C"}
