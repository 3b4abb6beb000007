"""Event tables as Parquet: what goes in comes back, lists as tuples, parts in order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from timeline.parquet import PART_NAME, read_event_parts, read_events, write_events

ROWS = [
    {"actors": ("Hakan Fidan", "Qatar"), "countries": ("Türkiye",), "article_id": "a"},
    {"actors": ("Hakan Fidan", "Qatar"), "countries": (), "article_id": "a"},
    {"actors": (), "countries": ("Syria",), "start": dt.date(2024, 11, 1), "end": dt.date(2024, 11, 30),
     "value": "2024-11", "precision": "month", "article_id": "b"},
]  # fmt: skip


def test_parquet_round_trip(make_events, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A table written and read back is the same table: tuples, dates and integers included."""
    frame = make_events(*ROWS)
    write_events(frame, tmp_path / "events.parquet")
    pd.testing.assert_frame_equal(read_events(tmp_path / "events.parquet"), frame)


def test_parquet_equal_cells_share_one_tuple(make_events, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Equal list cells come back as one shared tuple, which keeps big tables small."""
    write_events(make_events(*ROWS), tmp_path / "events.parquet")
    actors = read_events(tmp_path / "events.parquet")["actors"]
    assert actors[0] is actors[1]


def test_parquet_filters_rows(make_events, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A filter reads only the matching rows."""
    write_events(make_events(*ROWS), tmp_path / "events.parquet")
    assert read_events(tmp_path / "events.parquet", [("article_id", "in", ["b"])])["article_id"].tolist() == ["b"]


@pytest.mark.parametrize("parts", [0, 1, 3])
def test_parquet_parts_read_in_order(make_events, tmp_path: Path, parts: int) -> None:  # type: ignore[no-untyped-def]
    """Parts come back in part order and leave no temporary file behind."""
    frames = [make_events(*ROWS[index : index + 1]) for index in range(parts)]
    for index, frame in enumerate(frames):
        write_events(frame, tmp_path / PART_NAME.format(index=index))
    result = read_event_parts(tmp_path)
    assert result["article_id"].tolist() == [row["article_id"] for row in ROWS[:parts]]
    assert not list(tmp_path.glob(".*tmp"))
