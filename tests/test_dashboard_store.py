"""dashboard.py over an event store (TIMELINE_STORE) in Streamlit's AppTest: it opens, and every filter works there."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.store_data import build_store
from timeline import display, filters
from timeline.kinds import EVENTS, MERGED
from timeline.store import read_store_mentions, read_store_merged

DASHBOARD = PROJECT / "dashboard.py"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finalized store of two synthetic shards."""
    return build_store(tmp_path_factory.mktemp("store"), shards=2, events=400)


@pytest.fixture
def app(store_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The dashboard opened on the store."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TIMELINE_STORE", str(store_path))
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    at.run()
    assert not at.exception, [element.value for element in at.exception]
    return at


def _metrics(at) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {metric.label: int(metric.value) for metric in at.metric}


def _expected(store_path: Path, every_report: bool, **chosen) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The metrics the in-memory path shows for the same filters."""
    mentions = read_store_mentions(store_path)
    table, kind = (mentions, EVENTS) if every_report else (read_store_merged(store_path), MERGED)
    counts = display.count_events(filters.filter_events(table, **chosen), kind=kind, mentions=mentions)
    return {"Events": counts.events, "Reports": counts.mentions, "Articles": counts.articles,
            "Countries": counts.countries, "Actors": counts.actors}  # fmt: skip


def test_dashboard_store_opens_with_the_stores_counts(app, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The page opens on the store's merged events, counted as the in-memory path counts them, with its chart."""
    assert _metrics(app) == _expected(store_path, every_report=False)
    assert app.get("plotly_chart")
    assert not app.sidebar.get("form"), "adding articles is not offered over a store"


@pytest.mark.parametrize("every_report", [False, True], ids=["merged", "reports"])
@pytest.mark.parametrize(
    ("widget", "value", "chosen"),
    [
        ("filter_countries", ["Syria"], {"countries": ["Syria"]}),
        ("filter_actors", ["Joe Biden"], {"actors": ["Joe Biden"]}),
        ("filter_regions", ["Europe"], {"regions": ["Europe"]}),
    ],
    ids=["country", "actor", "region"],
)
def test_dashboard_store_filters_follow_the_in_memory_path(app, store_path, every_report, widget, value, chosen):  # type: ignore[no-untyped-def]
    """Picking a country, actor or region gives the counts the in-memory path gives, in both views."""
    if every_report:
        app.toggle(key="show_mentions").set_value(True).run()
    before = _metrics(app)["Events"]
    app.multiselect(key=widget).set_value(value).run()
    assert not app.exception, [element.value for element in app.exception]
    shown = _metrics(app)
    assert shown == _expected(store_path, every_report, **chosen)
    assert 0 < shown["Events"] < before


def test_dashboard_store_text_search_and_lanes(app, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The sentence search narrows the events; lanes by actor list the actors of what is shown."""
    before = _metrics(app)["Events"]
    app.text_input(key="filter_text").input("aleppo").run()
    app.radio(key="group_by").set_value("actor").run()
    assert not app.exception, [element.value for element in app.exception]
    assert 0 < _metrics(app)["Events"] < before
    lanes = app.dataframe[-1].value
    assert "Joe Biden" in set(lanes["lane"])


def test_dashboard_store_reports_of_a_happening(app, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Picking a happening reported several times lists every report behind it."""
    merged = read_store_merged(store_path)
    widest = merged.loc[merged["mention_count"].idxmax()]
    # The earliest happenings are offered; narrow the page to the widest one's sentence and day first.
    day = widest["date_start"].date()
    app.text_input(key="filter_text").input(str(widest["sentence"])).run()
    app.date_input(key="filter_dates").set_value((day, day)).run()
    app.selectbox(key="merged_event").set_value(str(widest["merged_id"])).run()
    assert not app.exception, [element.value for element in app.exception]
    assert int(widest["mention_count"]) > 1
    assert len(app.dataframe[1].value) == int(widest["mention_count"])
