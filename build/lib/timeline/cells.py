"""The list cells of an event table (actors, countries, …), read without a Python loop over rows.

A news table repeats few distinct lists (the same countries come up again and again),
so each helper finds the distinct cells first (one hash per row), walks only those in
Python, and lets every row take its cell's answer with numpy.
"""

from __future__ import annotations

from itertools import chain

import numpy as np
import pandas as pd


def factorized_cells(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each row's code into the distinct cells of a list column (lists made tuples so they can be hashed)."""
    values = column.to_numpy(dtype=object)
    try:
        codes, cells = pd.factorize(values, use_na_sentinel=False)
    except TypeError:
        values = np.fromiter((tuple(cell) if isinstance(cell, list) else cell for cell in values), dtype=object)
        codes, cells = pd.factorize(values, use_na_sentinel=False)
    return codes, np.asarray(cells, dtype=object)


def any_in(column: pd.Series, selected: set[str]) -> np.ndarray:
    """For each row of a list column, whether any of its values is in ``selected``."""
    codes, cells = factorized_cells(column)
    hits = np.fromiter(
        (isinstance(cell, tuple | list) and not selected.isdisjoint(cell) for cell in cells.tolist()),
        dtype=bool,
        count=len(cells),
    )
    found: np.ndarray = hits[codes]
    return found


def distinct_values(column: pd.Series) -> set[str]:
    """Every non-empty text value named in a list column."""
    _, cells = factorized_cells(column)
    lists = (cell for cell in cells.tolist() if isinstance(cell, tuple | list))
    return {value for value in chain.from_iterable(lists) if isinstance(value, str) and value}


__all__ = ["any_in", "distinct_values", "factorized_cells"]
