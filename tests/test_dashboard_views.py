"""dashboard.py in AppTest: the first view tells the seed's story, background one click away, human dates, why
each date, search, permalinks, and every download of what is shown."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from tests.conftest import FORMULA_ARTICLE, new_dashboard
from tests.test_dashboard import _add, _chart, _evidence, _infos, _metric, _table
from timeline.ui_text import LANES_NOTE

pytestmark = pytest.mark.slow

D = dt.date
#: The seed article's story: the weeks before its publication on 2 December 2024.
STORY = (D(2024, 11, 8), D(2024, 12, 2))


def _download(at, media, key: str) -> bytes:  # type: ignore[no-untyped-def]
    """Click a download as the browser would: run its generator."""
    data: bytes = media[at.get_by_key(key).proto.deferred_file_id]()
    return data


def _drawn_names(spec) -> set[str]:  # type: ignore[no-untyped-def]
    return {trace["name"] for trace in spec["data"]}


def test_dashboard_first_view_is_the_story_period(app):
    """The seed opens on the late-November story: the date box, the axis and the drawn events are those weeks'."""
    assert app.date_input(key="filter_dates").value == STORY
    spec = _chart(app)
    assert spec["layout"]["xaxis"]["range"] == ["2024-11-07 12:00:00", "2024-12-03 12:00:00"]
    assert _drawn_names(spec) <= {"day", "weekend", "week", "month"}
    assert spec["layout"]["meta"]["events"] == _metric(app, "Events") >= 10
    table = _evidence(app)
    assert {"Sunday 1 December 2024", "the weekend of 30 Nov – 1 Dec 2024", "Tuesday 26 November 2024"} <= set(
        table["when"]
    )
    assert not any(when.endswith("(year)") for when in table["when"])
    assert any("background event(s)" in caption.value for caption in app.caption)


def test_dashboard_background_is_one_click_away(app, media):
    """Turning on the background draws the years on a strip of their own, the main axis unchanged."""
    before = _metric(app, "Events")
    main_range = _chart(app)["layout"]["xaxis"]["range"]
    app.toggle(key="show_background").set_value(True).run()
    strip = _chart(app, "background_chart")
    assert {"year"} <= _drawn_names(strip)
    assert [shape for shape in strip["layout"]["shapes"] if shape["type"] == "rect"]
    assert _chart(app)["layout"]["xaxis"]["range"] == main_range
    table = _evidence(app)
    assert {"2011 (year)", "2015 (year)", "2012 (year)"} <= set(table["when"])
    assert _metric(app, "Events") == len(table) > before
    rows = list(csv.DictReader(io.StringIO(_download(app, media, "download_csv").decode("utf-8-sig"))))
    assert len(rows) == len(table)


def test_dashboard_show_all_dates_widens_the_window(app):
    """'Show all dates' sets the date box to the whole range, and the older day-dated events are drawn."""
    before = _metric(app, "Events")
    app.button(key="dates_all").click().run()
    assert app.date_input(key="filter_dates").value == (D(2011, 1, 1), D(2024, 12, 2))
    assert _metric(app, "Events") > before
    assert "Saturday 7 October 2023" in set(_evidence(app)["when"])
    app.button(key="dates_story").click().run()
    assert app.date_input(key="filter_dates").value == STORY


def test_dashboard_table_reads_for_people(app):
    """Dates are written out with their TIMEX3 value beside them, each row says why, reach is in words."""
    table = _evidence(app)
    row = table[table["date_value"] == "2024-W48-WE"].iloc[0]
    assert row["when"] == "the weekend of 30 Nov – 1 Dec 2024"
    assert "counted from the article date, Monday 2 December 2024" in row["why_this_date"]
    assert all(table["why_this_date"])
    assert set(table["reach"]) == {"reported by 1 source"}
    assert not any("time(s)" in str(cell) for cell in table.to_numpy().ravel())
    assert any("previous sentence" in why or "sentence before" in why for why in table["why_this_date"])
    assert any(caption.value == LANES_NOTE for caption in app.caption)


@pytest.mark.parametrize(("search", "word"), [("Fidan", "fidan"), ("Aleppo", "aleppo")])
def test_dashboard_search_narrows_to_the_words(app, search, word):
    """The search box keeps the events whose sentence, actors or places hold the words."""
    before = _metric(app, "Events")
    app.text_input(key="search_text").input(search).run()
    table = _evidence(app)
    assert 0 < len(table) < before
    assert all(word in f"{row.sentence} {row.actors} {row.places}".lower() for row in table.itertuples())


def test_dashboard_permalink_reopens_the_view(app):
    """The URL holds the filters, grouping, date window and search; a new session on that link shows the same."""
    app.multiselect(key="filter_countries").select("Syria").run()
    app.radio(key="group_by").set_value("country").run()
    app.text_input(key="search_text").input("forces").run()
    app.date_input(key="filter_dates").set_value((D(2024, 11, 20), D(2024, 12, 2))).run()
    app.toggle(key="sort_by_reach").set_value(True).run()
    query = dict(app.query_params)
    assert query["country"] == "Syria"
    assert (query["lanes"], query["q"], query["from"], query["to"]) == ("country", "forces", "2024-11-20", "2024-12-02")
    opened = new_dashboard(**query)
    opened.run()
    assert not opened.exception
    assert opened.multiselect(key="filter_countries").value == ["Syria"]
    assert opened.radio(key="group_by").value == "country"
    assert opened.text_input(key="search_text").value == "forces"
    assert opened.date_input(key="filter_dates").value == (D(2024, 11, 20), D(2024, 12, 2))
    assert opened.toggle(key="sort_by_reach").value is True
    assert _evidence(opened).equals(_evidence(app))
    assert _chart(opened)["layout"]["yaxis"]["ticktext"] == _chart(app)["layout"]["yaxis"]["ticktext"]


def test_dashboard_bad_link_opens_the_default_view_and_says_so(media):
    """A link with a bad grouping and a hand-made workspace id opens the default view in a new workspace."""
    opened = new_dashboard(lanes="planet", ws="not-an-id")
    opened.run()
    assert not opened.exception
    assert opened.radio(key="group_by").value == "region"
    notes = _infos(opened)
    assert any("lanes=planet" in note for note in notes)
    assert any("workspace id" in note for note in notes)
    assert opened.query_params["ws"] != "not-an-id"


def test_dashboard_jsonl_and_timelinejs_hold_what_is_shown(app, media):
    """The JSONL and TimelineJS downloads hold exactly the events shown, with TIMEX3 values and the source URL."""
    app.multiselect(key="filter_countries").select("Qatar").run()
    table = _evidence(app)
    lines = _download(app, media, "download_jsonl").decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == len(table)
    assert {"date_value", "article_url", "date_rule", "date_anchor", "sources"} <= set(records[0])
    document = json.loads(_download(app, media, "download_timelinejs"))
    assert len(document["events"]) == len(table)
    assert {slide["display_date"] for slide in document["events"]} == set(table["when"])


def test_dashboard_table_cells_are_formula_safe(app):
    """A crafted article's cells are neutralised in the table itself, which the table's toolbar downloads as shown."""
    _add(app, text=FORMULA_ARTICLE)
    app.toggle(key="show_mentions").set_value(True).run()
    table = _evidence(app)
    crafted = table[table["article_title"].str.contains("HYPERLINK")]
    assert len(crafted)
    assert all(crafted["article_title"].str.startswith("'="))
    assert all(crafted["sentence"].str.startswith("'@"))
    assert all(crafted["source"].str.startswith("'+"))
    assert not any(
        str(cell).startswith(("=", "+", "-", "@", "\t", "\r"))
        for cell in table.to_numpy().ravel()
        if isinstance(cell, str)
    )
    for key in ("lane_counts",):
        lanes = _table(app, key)
        assert not any(str(cell).startswith(("=", "+", "@")) for cell in lanes["lane"])
