"""Lanes of the timeline: one per region, country or actor, and the events in each.

An event with several values of the grouping (two countries) sits in each of their
lanes; one with none sits in the lane named in :data:`NO_GROUP_LABELS`. Computed with
numpy over the distinct list cells (:mod:`timeline.cells`), never a Python loop over
rows: 100,000 events take ~15 ms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import pandas as pd

from timeline.cells import factorized_cells
from timeline.kinds import TableKind

GroupBy = Literal["region", "country", "actor"]

#: The list column that makes the lanes of each grouping (in both kinds of table).
GROUP_COLUMNS: Final[dict[GroupBy, str]] = {"region": "regions", "country": "countries", "actor": "actors"}

#: Lane of an event that names no value of the grouping (no country, no actor).
NO_GROUP_LABELS: Final[dict[GroupBy, str]] = {
    "region": "(no region)",
    "country": "(no country)",
    "actor": "(no actor)",
}

#: Name of the column holding each row's lane, in lane counts and the chart's rows.
LANE_COLUMN: Final = "lane"


@dataclass(frozen=True)
class LaneEntries:
    """Each (event, lane) entry of a table: the event's row position and its lane as a code into ``labels``.

    An event with several values of the grouping (two countries) has an entry in each of
    their lanes; an event with none has one in the lane named in :data:`NO_GROUP_LABELS`.
    Entries are in table order, each event's lanes in the order it names them.
    """

    positions: np.ndarray
    codes: np.ndarray
    #: Lane names, indexed by code.
    labels: np.ndarray

    def names(self) -> np.ndarray:
        """The lane name of each entry."""
        names: np.ndarray = self.labels[self.codes]
        return names


def lane_entries(frame: pd.DataFrame, group_by: GroupBy) -> LaneEntries:
    """The lane entries of ``frame`` (see :class:`LaneEntries`), computed without a Python loop over rows.

    The distinct list cells are found first (one hash per row) and only those are
    walked in Python; rows then gather their lanes with numpy.
    """
    none = NO_GROUP_LABELS[group_by]
    cell_codes, cells = factorized_cells(frame[GROUP_COLUMNS[group_by]])
    lane_of: dict[str, int] = {}
    flat: list[int] = []
    sizes = np.empty(len(cells), dtype=np.int64)
    for index, cell in enumerate(cells.tolist()):
        values = [value for value in cell if value] if isinstance(cell, tuple | list) else []
        for value in values or [none]:
            flat.append(lane_of.setdefault(value, len(lane_of)))
        sizes[index] = max(len(values), 1)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    row_sizes = sizes[cell_codes]
    positions = np.repeat(np.arange(len(cell_codes), dtype=np.int64), row_sizes)
    # Index of each entry within its row's lanes: 0, 1, … restarting at every row.
    firsts = np.cumsum(row_sizes) - row_sizes
    within = np.arange(len(positions), dtype=np.int64) - np.repeat(firsts, row_sizes)
    codes = np.asarray(flat, dtype=np.int64)[offsets[cell_codes][positions] + within] if len(positions) else positions
    labels = np.empty(len(lane_of), dtype=object)
    labels[:] = list(lane_of)
    return LaneEntries(positions, codes, labels)


def lane_counts(frame: pd.DataFrame, group_by: GroupBy, *, kind: TableKind) -> pd.DataFrame:
    """Rows per lane, most first (ties by name), with columns ``lane`` and ``events``.

    A merged table (``kind=MERGED``) also gets ``mentions``: the reports behind the lane's happenings.
    """
    kind.require(frame)
    entries = lane_entries(frame, group_by)
    columns: dict[str, object] = {
        LANE_COLUMN: entries.labels.astype(str),
        "events": np.bincount(entries.codes, minlength=len(entries.labels)),
    }
    if kind.merged:
        reach = kind.reports(frame)[entries.positions]
        columns["mentions"] = np.bincount(entries.codes, weights=reach, minlength=len(entries.labels)).astype(np.int64)
    counts = pd.DataFrame(columns)
    return counts.sort_values(["events", LANE_COLUMN], ascending=[False, True], ignore_index=True)


__all__ = [
    "GROUP_COLUMNS",
    "LANE_COLUMN",
    "NO_GROUP_LABELS",
    "GroupBy",
    "LaneEntries",
    "lane_counts",
    "lane_entries",
]
