"""Event tables as Parquet: what goes in comes back, lists as tuples, parts in order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from timeline.parquet import PART_NAME, read_event_parts, read_events, write_events
from timeline.schema import DATE_COLUMNS, DAY_DTYPE, SchemaError

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


def test_parquet_reads_nanosecond_days_in_seconds(make_events, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A table written when days were nanoseconds (an older cache) reads back as today's table, in seconds."""
    frame = make_events(*ROWS)
    write_events(frame, tmp_path / "events.parquet")
    older = pq.read_table(tmp_path / "events.parquet")
    for name in DATE_COLUMNS:
        older = _replaced(older, name, older.column(name).cast(pa.timestamp("ns")))
    pq.write_table(older, tmp_path / "events.parquet")
    assert pq.read_schema(tmp_path / "events.parquet").field("date_start").type == pa.timestamp("ns")
    pd.testing.assert_frame_equal(read_events(tmp_path / "events.parquet"), frame)


def _replaced(table: pa.Table, name: str, column: pa.Array | pa.ChunkedArray) -> pa.Table:
    return table.set_column(table.column_names.index(name), name, column)


def test_parquet_stores_days_in_a_unit_that_holds_any_era(make_events, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Parquet has no seconds: the days are stored in milliseconds, and read back in seconds."""
    write_events(make_events(*ROWS), tmp_path / "events.parquet")
    stored = pq.read_schema(tmp_path / "events.parquet")
    assert {stored.field(name).type for name in DATE_COLUMNS} == {pa.timestamp("ms")}
    back = read_events(tmp_path / "events.parquet")
    assert {str(back[name].dtype) for name in DATE_COLUMNS} == {DAY_DTYPE}


@pytest.mark.parametrize(
    ("breaking", "message"),
    [
        (lambda table: table.drop_columns(["sentence"]), "lacks the columns sentence"),
        (lambda table: _replaced(table, "actors", pa.array(["Hakan Fidan"] * 3)), "column actors, not lists"),
        (lambda table: _replaced(table, "date_end", pa.array(["2024-12-01"] * 3)), "column date_end, not days"),
    ],
    ids=["missing-column", "list-as-text", "days-as-text"],
)
def test_parquet_read_checks_the_schema(make_events, tmp_path: Path, breaking, message) -> None:  # type: ignore[no-untyped-def]
    """A file that holds no event table is refused on reading, with a sentence naming the column."""
    write_events(make_events(*ROWS), tmp_path / "events.parquet")
    pq.write_table(breaking(pq.read_table(tmp_path / "events.parquet")), tmp_path / "events.parquet")
    with pytest.raises(SchemaError, match=message):
        read_events(tmp_path / "events.parquet")


@pytest.mark.parametrize(
    "breaking",
    [lambda frame: frame.drop(columns=["sentence"]), lambda frame: frame.assign(actors=frame["actors"].map("; ".join))],
    ids=["missing-column", "list-as-text"],
)
def test_parquet_write_checks_the_schema(make_events, tmp_path: Path, breaking) -> None:  # type: ignore[no-untyped-def]
    """A frame that is no event table is refused before anything is written."""
    with pytest.raises(SchemaError):
        write_events(breaking(make_events(*ROWS)), tmp_path / "events.parquet")
    assert not list(tmp_path.iterdir())
