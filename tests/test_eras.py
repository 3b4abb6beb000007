"""Dates of any era: every TIMEX3 value of the date engine reaches the table, CSV, JSONL, Parquet, cache and chart.

pandas' nanosecond timestamps end in 1677 and 2262; the event table keeps days in
seconds. Each case is a value the date engine writes (see timeline.dates.timex), taken
through every store the event table goes to.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline import chart, display, filters
from timeline.cache import cached_extract
from timeline.cli import main
from timeline.dates.timex import timex_of
from timeline.export import to_csv_bytes, to_jsonl_bytes
from timeline.humandates import human_date, human_day
from timeline.kinds import EVENTS, MERGED
from timeline.merge import merge_events
from timeline.parquet import read_events, write_events
from timeline.schema import DATE_COLUMNS, DAY_DTYPE, MERGED_DATE_COLUMNS, check_event_frame
from timeline.table import events_frame
from timeline.types import Article, DateMention, DateSource, Event

DAY_MS = 24 * 60 * 60 * 1000

ERAS = [
    pytest.param("10", id="11th-century"),
    pytest.param("1066", id="1066"),
    pytest.param("1066-10-14", id="a-day-in-1066"),
    pytest.param("1500", id="1500"),
    pytest.param("1677", id="1677"),
    pytest.param("2262", id="2262"),
    pytest.param("2300", id="2300"),
    pytest.param("9999", id="9999"),
    pytest.param("9999-12-31", id="the-last-day"),
    pytest.param("0001-01-01", id="the-first-day"),
]
#: The 5th century BC (TIMEX3 "BC04") would join ERAS once the date engine gives it.
BEFORE_YEAR_ONE = pytest.param(
    "BC04",
    id="5th-century-bc",
    marks=pytest.mark.skip(
        reason="the date engine gives no value before the year 1: timex_of has no BC form "
        "and datetime.date starts at 0001-01-01"
    ),
)
#: A day of our time, beside the era in one table.
MODERN = dt.date(2024, 12, 1)


def _days(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day the date engine gives ``value``."""
    timex = timex_of(value)
    assert timex is not None, value
    assert timex.start is not None, value
    assert timex.end is not None, value
    return timex.start, timex.end


def _event(value: str, article_id: str = "archive", *, published_at_end: bool = False) -> Event:
    """One event dated ``value``, in an article published on the first (or last) day the value covers."""
    timex = timex_of(value)
    assert timex is not None, value
    start, end = _days(value)
    article = Article(article_id, f"Chronicle {article_id}", end if published_at_end else start, "", source=article_id)
    mention = DateMention(0, len(value), f"in {value}", timex, DateSource.EXPLICIT)
    return Event(
        f"{article_id}-{value}",
        article,
        0,
        f"The abbey was founded in {value}.",
        mention,
        actors=("Monks",),
        countries=("England",),
        regions=("Europe & Central Asia",),
    )


@pytest.mark.parametrize("value", [*ERAS, BEFORE_YEAR_ONE])
def test_eras_table_holds_the_days(value: str) -> None:
    """The event table keeps the value's first and last day and the article's date, in seconds."""
    start, end = _days(value)
    frame = events_frame([_event(value)])
    check_event_frame(frame)
    assert all(frame[name].dtype == np.dtype(DAY_DTYPE) for name in DATE_COLUMNS)
    row = frame.iloc[0]
    assert (row["date_value"], row["date_start"].date(), row["date_end"].date()) == (value, start, end)
    assert row["article_date"].date() == start


@pytest.mark.parametrize("value", ERAS)
def test_eras_csv_writes_iso_days(value: str) -> None:
    """The CSV holds the value and its days as four-digit ISO days."""
    start, end = (day.isoformat() for day in _days(value))
    (row,) = csv.DictReader(io.StringIO(to_csv_bytes(events_frame([_event(value)])).decode("utf-8")))
    assert (row["date_value"], row["date_start"], row["date_end"], row["article_date"]) == (value, start, end, start)


@pytest.mark.parametrize("value", ERAS)
def test_eras_jsonl_writes_iso_days(value: str) -> None:
    """JSON Lines hold the value and its days as four-digit ISO days."""
    start, end = (day.isoformat() for day in _days(value))
    (line,) = to_jsonl_bytes(events_frame([_event(value)])).decode("utf-8").splitlines()
    row = json.loads(line)
    assert (row["date_value"], row["date_start"], row["date_end"], row["article_date"]) == (value, start, end, start)


@pytest.mark.parametrize("value", ERAS)
def test_eras_parquet_round_trip(value: str, tmp_path: Path) -> None:
    """A table written to Parquet and read back is the same table, days still in seconds."""
    frame = events_frame([_event(value)])
    write_events(frame, tmp_path / "events.parquet")
    back = read_events(tmp_path / "events.parquet")
    pd.testing.assert_frame_equal(back, frame)
    assert all(back[name].dtype == np.dtype(DAY_DTYPE) for name in DATE_COLUMNS)


@pytest.mark.parametrize("value", ERAS)
def test_eras_cache_round_trip(value: str, tmp_path: Path) -> None:
    """The cache stores the events and gives back the same table without extracting again."""
    event = _event(value)
    frame = events_frame([event])

    def extract_once(articles: Sequence[Article], /, *, on_progress: object = None) -> pd.DataFrame:
        assert list(articles) == [event.article]
        return frame

    def never(articles: Sequence[Article], /, *, on_progress: object = None) -> pd.DataFrame:
        raise AssertionError("a cached article was extracted again")

    first = cached_extract([event.article], tmp_path, extract=extract_once, version="eras")
    second = cached_extract([event.article], tmp_path, extract=never, version="eras")
    pd.testing.assert_frame_equal(first, frame)
    pd.testing.assert_frame_equal(second, frame)


@pytest.mark.parametrize("value", ERAS)
def test_eras_merge_keeps_the_days(value: str) -> None:
    """Two reports of one happening merge into one event with its days and its first and last article dates."""
    start, end = _days(value)
    merged = merge_events(events_frame([_event(value, "a"), _event(value, "b", published_at_end=True)]))
    (event,) = merged.events.to_dict("records")
    assert all(merged.events[name].dtype == np.dtype(DAY_DTYPE) for name in MERGED_DATE_COLUMNS)
    assert event["mention_count"] == 2
    assert (event["date_start"].date(), event["date_end"].date()) == (start, end)
    assert (event["first_article_date"].date(), event["last_article_date"].date()) == (start, end)


@pytest.mark.parametrize("value", ERAS)
def test_eras_figure_draws_at_the_right_year(value: str) -> None:
    """The chart has a trace at the value's own days: a marker on a day, a bar over a longer stretch."""
    start, end = _days(value)
    figure = chart.timeline_figure(merge_events(events_frame([_event(value)])).events, "country", kind=MERGED)
    (trace,) = figure.data
    if start == end:
        assert (trace.type, list(trace.x)) == ("scatter", [f"{start.isoformat()} 12:00"])
    else:
        days = (end - start).days + 1
        assert (trace.type, list(trace.base), list(trace.x)) == ("bar", [start.isoformat()], [days * DAY_MS])
    go.Figure(figure.to_dict())


def test_eras_counted_figure_bins_every_era(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the detail limit the chart counts events per period, and each era gets its own period."""
    monkeypatch.setattr(chart, "MAX_DETAIL_ROWS", 1)
    values = ["0001-01-01", "10", "1066", "1500", "2300", "9999"]
    frame = events_frame([_event(value, f"a{index}") for index, value in enumerate(values)])
    (trace,) = chart.timeline_figure(frame, "country", kind=EVENTS).data
    assert trace.type == "scattergl"
    assert {x[:4] for x in trace.x} == {"0001", "1000", "1066", "1500", "2300", "9999"}
    go.Figure(chart.timeline_figure(frame, "country", kind=EVENTS).to_dict())


@pytest.mark.parametrize("value", ERAS)
def test_eras_view_filters_by_the_days(value: str) -> None:
    """The date filter, its bounds and the evidence table work on days of any era."""
    start, end = _days(value)
    frame = events_frame([_event(value), _event(MODERN.isoformat(), "modern")])
    assert filters.date_bounds(frame) == (min(start, MODERN), max(end, MODERN))
    kept = filters.filter_events(frame, date_range=(start, end))
    assert value in kept["date_value"].tolist()
    assert (MODERN.isoformat() in kept["date_value"].tolist()) == (start <= MODERN <= end)
    table = display.evidence_table(frame, kind=EVENTS)
    assert human_day(start) in table["article_date"].tolist()
    assert human_date(value) in table[display.WHEN].tolist()


@pytest.mark.slow
def test_eras_cli_extract_writes_the_11th_century(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`extract` on an article about the 11th century and one dated 0001-01-01 completes and writes both rows."""
    (tmp_path / "abbey.txt").write_text(
        "---\ntitle: Abbey\ndate: 2024-05-02\n---\nThe abbey was founded in the 11th century by monks.\n",
        encoding="utf-8",
    )
    (tmp_path / "wall.txt").write_text("The old wall dates from the 11th century.\n", encoding="utf-8")
    out = tmp_path / "events.csv"
    arguments = ["extract", str(tmp_path / "abbey.txt"), str(tmp_path / "wall.txt"), "--date", "0001-01-01"]
    for _ in range(2):  # the second run reads the cache the first one wrote
        assert main([*arguments, "-o", str(out)]) == 0
        assert "Traceback" not in capsys.readouterr().err
        with out.open(encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if row["date_value"] == "10"]
        assert sorted((row["article_title"], row["article_date"]) for row in rows) == [
            ("Abbey", "2024-05-02"),
            ("wall", "0001-01-01"),
        ]
        assert {(row["date_start"], row["date_end"]) for row in rows} == {("1000-01-01", "1099-12-31")}
