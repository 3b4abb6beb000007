"""timeline.store_query: every result asked of DuckDB equals the in-memory path's on the same events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.store_data import build_store
from timeline import display, filters, lanes
from timeline.chart import MAX_DETAIL_ROWS, timeline_figure
from timeline.kinds import EVENTS, MERGED, TableKind
from timeline.store import StoreError, read_store_mentions, read_store_merged
from timeline.store_query import EventStore, StoreFilters

KINDS = [pytest.param(MERGED, id="merged"), pytest.param(EVENTS, id="reports")]
FILTERS = [
    pytest.param(StoreFilters(), id="none"),
    pytest.param(StoreFilters(countries=("Syria",)), id="country"),
    pytest.param(StoreFilters(countries=("Qatar", "Türkiye")), id="two-countries"),
    pytest.param(StoreFilters(actors=("Joe Biden",), regions=("Europe",)), id="actor-and-region"),
    pytest.param(StoreFilters(date_range=(dt.date(2024, 3, 10), dt.date(2024, 4, 2))), id="dates"),
    pytest.param(StoreFilters(text="ALEPPO"), id="text"),
    pytest.param(StoreFilters(("Syria",), text="doha", date_range=(dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
                 id="all-at-once"),
    pytest.param(StoreFilters(countries=("Narnia",)), id="nothing-matches"),
]  # fmt: skip


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finalized store of four synthetic shards (4,000 reports), cut into several merge parts."""
    return build_store(tmp_path_factory.mktemp("store"), shards=4, events=1000, part_rows=700)


@pytest.fixture(scope="module")
def store(store_path: Path) -> Iterator[EventStore]:
    """The store opened for queries."""
    opened = EventStore(store_path)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def tables(store_path: Path) -> dict[str, pd.DataFrame]:
    """The in-memory path's tables of the same store: merged events and their reports."""
    return {MERGED.name: read_store_merged(store_path), EVENTS.name: read_store_mentions(store_path)}


def _shown(tables: dict[str, pd.DataFrame], kind: TableKind, chosen: StoreFilters) -> pd.DataFrame:
    """What the in-memory path shows for ``chosen``: timeline.filters, then the text, case-folded as the store does."""
    shown = filters.filter_events(tables[kind.name], chosen.countries, chosen.actors, chosen.regions, chosen.date_range)
    if chosen.text:
        shown = shown[shown["sentence"].str.lower().str.contains(chosen.text.lower(), regex=False)]
    return shown.reset_index(drop=True)


@pytest.mark.parametrize("kind", KINDS)
def test_store_query_filter_options(store: EventStore, tables: dict[str, pd.DataFrame], kind: TableKind) -> None:
    """The countries, actors, regions and date range offered are those of the in-memory table."""
    expected = filters.filter_options(tables[kind.name])
    assert expected.countries
    assert expected.actors
    assert store.filter_options(kind) == expected


@pytest.mark.parametrize("chosen", FILTERS)
@pytest.mark.parametrize("kind", KINDS)
def test_store_query_counts(store: EventStore, tables: dict[str, pd.DataFrame], kind: TableKind, chosen) -> None:  # type: ignore[no-untyped-def]
    """Events, reports, articles, countries and actors are counted as display.count_events counts them."""
    expected = display.count_events(_shown(tables, kind, chosen), kind=kind, mentions=tables[EVENTS.name])
    assert store.counts(kind, chosen) == expected


@pytest.mark.parametrize("group_by", ["region", "country", "actor"])
@pytest.mark.parametrize("chosen", FILTERS)
@pytest.mark.parametrize("kind", KINDS)
def test_store_query_lane_counts(store: EventStore, tables, kind: TableKind, chosen, group_by) -> None:  # type: ignore[no-untyped-def]
    """Rows per lane are those of timeline.lanes.lane_counts, in the same order."""
    expected = lanes.lane_counts(_shown(tables, kind, chosen), group_by, kind=kind)
    pd.testing.assert_frame_equal(store.lane_counts(kind, chosen, group_by), expected, check_dtype=False)


@pytest.mark.parametrize("chosen", FILTERS)
@pytest.mark.parametrize("kind", KINDS)
def test_store_query_evidence_and_rows(store: EventStore, tables, kind: TableKind, chosen) -> None:  # type: ignore[no-untyped-def]
    """The first evidence rows and the whole filtered table are the in-memory path's, in its order."""
    shown = _shown(tables, kind, chosen)
    expected = display.evidence_table(shown, kind=kind, limit=40)
    got = display.evidence_table(store.rows(kind, chosen, limit=40), kind=kind, limit=40)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    pd.testing.assert_frame_equal(store.rows(kind, chosen), shown, check_dtype=False)


def _points(figure: Any) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """A figure's layout and its drawn points, each as (trace, x, y, label), in a fixed order."""
    data = figure.to_plotly_json()
    points = []
    for trace in data["data"]:
        xs = trace.get("x", [])
        for index, x in enumerate(xs):
            label = trace["hovertext"][index]
            base = trace["base"][index] if "base" in trace else None
            points.append((trace["name"], str(base), str(x), trace["y"][index], label))
    return data["layout"], sorted(points)


@pytest.mark.parametrize("lane_order", ["name", "reach"])
@pytest.mark.parametrize("group_by", ["region", "actor"])
@pytest.mark.parametrize("chosen", FILTERS)
@pytest.mark.parametrize("kind", KINDS)
def test_store_query_figure(store: EventStore, tables, kind: TableKind, chosen, group_by, lane_order) -> None:  # type: ignore[no-untyped-def]
    """The figure (events zoomed in, counts per period zoomed out) draws what timeline_figure draws."""
    expected = timeline_figure(_shown(tables, kind, chosen), group_by, kind=kind, lane_order=lane_order)
    assert _points(store.figure(kind, chosen, group_by, lane_order=lane_order)) == _points(expected)


def test_store_query_both_zoom_levels_are_covered(store: EventStore) -> None:
    """The fixture is large enough to be counted per period unfiltered and drawn event by event when filtered."""
    zoomed_out = store.figure(EVENTS, StoreFilters(), "actor").to_plotly_json()
    zoomed_in = store.figure(MERGED, StoreFilters(countries=("Syria",), text="doha"), "actor").to_plotly_json()
    assert zoomed_out["data"][0]["type"] == "scattergl"
    assert "counted per" in zoomed_out["layout"]["title"]["text"]
    assert 0 < zoomed_in["layout"]["meta"]["events"] <= MAX_DETAIL_ROWS
    assert all(trace["type"] != "scattergl" for trace in zoomed_in["data"])


def test_store_query_mentions_of_a_happening(store: EventStore, tables: dict[str, pd.DataFrame]) -> None:
    """The reports behind a happening are those MergedEvents.mentions_of gives, in the same order."""
    merged = tables[MERGED.name]
    widest = str(merged.loc[merged["mention_count"].idxmax(), "merged_id"])
    mentions = tables[EVENTS.name]
    expected = mentions[mentions["merged_id"] == widest].reset_index(drop=True)
    assert len(expected) > 1
    pd.testing.assert_frame_equal(store.mentions_of(widest), expected, check_dtype=False)


def test_store_query_an_unfinalized_store_is_one_sentence(tmp_path: Path) -> None:
    """Opening a folder that is not a finalized store names the command that makes it one."""
    with pytest.raises(StoreError, match="store finalize"):
        EventStore(tmp_path)


@pytest.mark.parametrize("code", ["D", "W", "M", "Q", "Y"])
@pytest.mark.parametrize("day", [dt.date(1066, 10, 14), dt.date(1969, 12, 29), dt.date(2024, 12, 4), dt.date.max])
def test_store_query_periods_start_where_pandas_puts_them(code: str, day: dt.date) -> None:
    """The chart's periods, numbered in SQL, start on the day pandas' periods start, in any era."""
    import duckdb
    import numpy as np

    from timeline.store_query import _PERIOD_SQL, _period_days

    (number,) = duckdb.connect().execute(f"SELECT {_PERIOD_SQL[code]} FROM (SELECT ?::DATE AS ds)", [day]).fetchone()
    expected = pd.Period(pd.Timestamp(np.datetime64(day, "s")), freq=code).start_time.date()
    assert _period_days(code, np.asarray([number]))[0].astype("datetime64[D]").item() == expected
