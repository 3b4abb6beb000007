"""dashboard.py in Streamlit's AppTest: seeds, merged and every-report views, filters, chart, CSV, adding articles
in each format, undated articles, bad input, sessions, the corpus cache, config.

The first view, workspaces, corrections, permalinks, search, add by URL and the other
downloads are in tests/test_dashboard_views.py and tests/test_dashboard_workspace.py."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib

import pytest

from tests.conftest import PROJECT, new_dashboard
from timeline.defaults import MAX_FILE_BYTES

CONFIG = PROJECT / ".streamlit" / "config.toml"

#: An article of our own (not from any corpus) with one dated sentence about Syria and Qatar.
GOOD_TEXT = "On Sunday, Syrian forces shelled Aleppo while Qatar's envoy visited Damascus.\n"
GOOD_ARTICLE = "---\ntitle: Our own test article\ndate: 2024-12-02\nsource: test\n---\n" + GOOD_TEXT
MIME_TYPES = {"jsonl": "application/jsonl", "csv": "text/csv", "html": "text/html", "md": "text/markdown"}
#: A wire story and a paper's rewrite of it, about one happening (our own text, not from any corpus).
WIRE = {
    "id": "wire-1",
    "title": "Wire: shelling in Aleppo",
    "date": "2024-12-02",
    "source": "Wire",
    "url": "",
    "text": GOOD_TEXT,
}
PAPER = WIRE | {
    "id": "paper-1",
    "title": "Paper: Aleppo shelled",
    "date": "2024-12-03",
    "source": '=HYPERLINK("http://example.invalid")',
    "text": "On Sunday, Syrian forces shelled Aleppo while Qatar's envoy visited Damascus, officials said.\n",
}
TWO_REPORTS = ("reports.jsonl", (json.dumps(WIRE) + "\n" + json.dumps(PAPER) + "\n").encode())


_app = new_dashboard


def _metric(at, label: str) -> int:  # type: ignore[no-untyped-def]
    (metric,) = [metric for metric in at.metric if metric.label == label]
    return int(metric.value)


#: How each table is told apart: AppTest knows the key of a selectable table or an editor only, so the
#: others are known by their columns.
_TABLE_COLUMNS = {
    "evidence_table": lambda columns: "why_this_date" in columns,
    "mentions_table": lambda columns: "article_title" in columns and "why_this_date" not in columns,
    "lane_counts": lambda columns: "lane" in columns,
}


def _table(at, key: str):  # type: ignore[no-untyped-def]
    keyed = [table.value for table in at.dataframe if table.key == key]
    known = [table.value for table in at.dataframe if table.key is None and _TABLE_COLUMNS[key](table.value.columns)]
    (table,) = keyed or known
    return table


def _evidence(at):  # type: ignore[no-untyped-def]
    """The evidence table as shown."""
    return _table(at, "evidence_table")


def _chart(at, key: str = "timeline_chart") -> dict:  # type: ignore[no-untyped-def,type-arg]
    (chart,) = [chart for chart in at.get("plotly_chart") if chart.proto.id.endswith(key)]
    return json.loads(chart.proto.spec)


def _drawn(spec: dict) -> int:  # type: ignore[type-arg]
    return sum(len(trace.get("y", [])) for trace in spec["data"])


def _download(at, media: dict[str, object]) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """Click the CSV download as the browser would: run its generator and read the rows."""
    button = at.get_by_key("download_csv")
    data = media[button.proto.deferred_file_id]()  # type: ignore[operator]
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _literal(text: str) -> str:
    """Text as the user reads it (Markdown escapes removed)."""
    return re.sub(r"\\(.)", r"\1", text)


def _errors(at) -> list[str]:  # type: ignore[no-untyped-def]
    """Error messages as the user reads them."""
    return [_literal(element.value) for element in at.error]


def _infos(at) -> list[str]:  # type: ignore[no-untyped-def]
    """Information boxes as the user reads them."""
    return [_literal(element.value) for element in at.info]


def _waiting_box(at, name: str):  # type: ignore[no-untyped-def]
    """The date box of the waiting input called ``name`` (boxes are keyed by the input's place in the list)."""
    (box,) = [box for box in at.date_input if _literal(box.label) == f"Publication date of {name}"]
    return box


def _waiting_button(at, name: str, action: str):  # type: ignore[no-untyped-def]
    """The 'confirm_add' or 'discard' button of the waiting input called ``name``."""
    number = _waiting_box(at, name).key.split(":", 1)[1]
    return at.button(key=f"{action}:{number}")


def _add(at, *, text: str = "", date=None, files=()):  # type: ignore[no-untyped-def]
    if text:
        at.text_area(key="paste_text").input(text)
    if date is not None:
        at.date_input(key="publication_date").set_value(date)
    (uploader,) = at.file_uploader
    for name, data in files:
        uploader.upload(name, data, MIME_TYPES.get(name.rsplit(".", 1)[-1], "text/plain"))
    at.button(key="add_articles").click().run()
    assert not at.exception, [element.value for element in at.exception]
    return at


def test_dashboard_config_guards_users():
    """config.toml keeps XSRF on, telemetry and error details off, and the upload limit at the library's."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_FILE_BYTES
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["enableStaticServing"] is False
    assert config["server"]["address"] == "localhost"


@pytest.mark.slow
def test_dashboard_runs_on_seeds(app):
    """The app opens on seeds/ without an exception and shows events in the metrics, chart and table."""
    events = _metric(app, "Events")
    assert events > 5
    assert _metric(app, "Articles") == 1
    assert len(_evidence(app)) == events
    spec = _chart(app)
    assert _drawn(spec) >= events
    assert spec["layout"]["yaxis"]["title"]["text"] == "region"
    assert not app.error


@pytest.mark.slow
def test_dashboard_country_filter_changes_rows_and_chart(app, media):
    """Picking a country narrows the table, the counts, the chart and the CSV to that country's events."""
    before_rows, before_chart = len(_evidence(app)), _chart(app)
    app.multiselect(key="filter_countries").select("Syria").run()
    table = _evidence(app)
    assert 0 < len(table) < before_rows
    assert all("Syria" in cell.split("; ") for cell in table["countries"])
    assert _metric(app, "Events") == len(table)
    after_chart = _chart(app)
    assert after_chart["layout"]["meta"]["events"] == len(table)
    assert _drawn(after_chart) < _drawn(before_chart)
    rows = _download(app, media)
    assert len(rows) == len(table)
    assert all("Syria" in row["countries"].split("; ") for row in rows)


@pytest.mark.slow
@pytest.mark.parametrize("group_by", ["country", "actor"])
def test_dashboard_lanes_follow_grouping(app, group_by):
    """Choosing the grouping re-draws the lanes by country or actor."""
    app.radio(key="group_by").set_value(group_by).run()
    assert _chart(app)["layout"]["yaxis"]["title"]["text"] == group_by


@pytest.mark.slow
def test_dashboard_pasted_article_joins_timeline(app, media):
    """A pasted article with its publication date adds its events to the chart, table, counts and CSV."""
    import datetime as dt

    before = _metric(app, "Events")
    _add(app, text=GOOD_TEXT, date=dt.date(2024, 12, 2))
    assert not _errors(app)
    assert _metric(app, "Events") > before
    assert _metric(app, "Articles") == 2
    sentences = list(_evidence(app)["sentence"])
    assert GOOD_TEXT.strip() in sentences
    assert any(row["sentence"] == GOOD_TEXT.strip() for row in _download(app, media))
    added = [element.value for element in app.sidebar.text]
    assert any("2024-12-02" in line for line in added)


@pytest.mark.slow
def test_dashboard_paste_without_date_asks_for_one(app):
    """Pasted text with no date and no date given waits for one: an information box naming the date box's format,
    not an error, and nothing added until a date is confirmed."""
    before = _metric(app, "Events")
    _add(app, text=GOOD_TEXT)
    assert not _errors(app)
    (prompt,) = [info for info in _infos(app) if "states no publication date" in info]
    assert "(YYYY/MM/DD)" in prompt
    assert "\n" not in prompt
    assert _metric(app, "Events") == before
    assert _waiting_box(app, "pasted article").value is None


@pytest.mark.slow
def test_dashboard_bad_upload_keeps_everything_else(app):
    """A bad file among good ones gets one sentence naming it; the good file, earlier articles and filters stay."""
    import datetime as dt

    _add(app, text=GOOD_TEXT, date=dt.date(2024, 12, 1))
    app.multiselect(key="filter_countries").select("Syria").run()
    before = _metric(app, "Events")
    other = GOOD_ARTICLE.replace("On Sunday", "On November 30").replace("Our own", "Another")
    _add(app, files=[("bad.txt", b"\x00\x01\x02\xff\xfe binary"), ("good.txt", other.encode())])
    (message,) = _errors(app)
    assert message.startswith("bad.txt")
    assert app.multiselect(key="filter_countries").value == ["Syria"]
    assert _metric(app, "Events") > before
    assert _metric(app, "Articles") == 3


#: Inputs the app must refuse with one sentence naming the file (issue 6's battery, app side).
BAD_UPLOADS = [
    ("empty.txt", b""),
    ("blank.txt", b"   \n\t\n  "),
    ("binary.txt", bytes(range(256)) * 4),
    ("pdf-renamed.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(200)),
    ("impossible.txt", b"---\ndate: 2024-02-30\n---\n" + GOOD_TEXT.encode()),
    ("future.txt", b"---\ndate: 2099-01-01\n---\n" + GOOD_TEXT.encode()),
    ("one-long-line.txt", b"---\ndate: 2024-12-02\n---\n" + b"word " * (1024 * 1024 // 5)),
    ("huge.txt", b"---\ndate: 2024-12-02\n---\n" + (GOOD_TEXT.encode() * (50 * 1024 * 1024 // len(GOOD_TEXT)))),
    ("no-text.html", b"<html><head><title>x</title><script>alert(1)</script></head><body></body></html>"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "data"), BAD_UPLOADS, ids=[name for name, _ in BAD_UPLOADS])
def test_dashboard_bad_input_one_sentence(app, name, data):
    """Each bad upload is answered by one sentence naming it; the seed events stay."""
    before = _metric(app, "Events")
    _add(app, files=[(name, data)])
    messages = _errors(app)
    assert len(messages) == 1, messages
    assert messages[0].startswith(name)
    assert "Traceback" not in messages[0]
    assert _metric(app, "Events") == before


#: Inputs that state no publication date: they wait for one, named in an information box, never refused.
UNDATED_UPLOADS = [
    ("no-date.txt", GOOD_TEXT.encode()),
    ("no-date-column.csv", b"id,title,text\n1,A title,Some text\n"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "data"), UNDATED_UPLOADS, ids=[name for name, _ in UNDATED_UPLOADS])
def test_dashboard_undated_input_waits_with_a_prompt(app, name, data):
    """An input without a date is no error: an information box names it and a date box waits for its date."""
    before = _metric(app, "Events")
    _add(app, files=[(name, data)])
    assert not _errors(app)
    assert [info for info in _infos(app) if info.startswith(f"{name} states no publication date")]
    assert _waiting_box(app, name).value is None
    assert _metric(app, "Events") == before


#: Inputs that look odd but are good articles: their events must join the timeline.
ODD_BUT_GOOD = [
    ("utf16.txt", "\ufeff".encode("utf-16-le") + GOOD_ARTICLE.encode("utf-16-le")),
    ("cp1252.txt", (GOOD_ARTICLE + "Caf\u00e9 owners said \u201cno\u201d.\n").encode("cp1252")),
    ("latin1.txt", (GOOD_ARTICLE + "Caf\u00e9 owners agreed.\n").encode("latin-1")),
    ("mixed-endings.txt", GOOD_ARTICLE.replace("\n", "\r\n", 3).encode()),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "data"), ODD_BUT_GOOD, ids=[name for name, _ in ODD_BUT_GOOD])
def test_dashboard_odd_encodings_are_read(app, name, data):
    """UTF-16, Windows-1252, Latin-1 and mixed line endings are decoded, not refused."""
    before = _metric(app, "Events")
    _add(app, files=[(name, data)])
    assert not _errors(app)
    assert _metric(app, "Events") > before
    assert GOOD_TEXT.strip() in list(_evidence(app)["sentence"])


@pytest.mark.slow
def test_dashboard_jsonl_with_bad_line_keeps_good_lines(app):
    """A JSONL file with a malformed line in the middle adds its good articles and names the bad line."""
    good = {"id": "j1", "title": "JSON one", "date": "2024-12-02", "source": "test", "url": "", "text": GOOD_TEXT}
    other = good | {"id": "j2", "title": "JSON two", "text": GOOD_TEXT.replace("On Sunday", "On November 30")}
    data = (json.dumps(good) + "\n{not json\n" + json.dumps(other) + "\n").encode()
    before_articles = _metric(app, "Articles")
    _add(app, files=[("corpus.jsonl", data)])
    (message,) = _errors(app)
    assert message.startswith("corpus.jsonl:2")
    assert _metric(app, "Articles") == before_articles + 2


@pytest.mark.slow
def test_dashboard_sessions_do_not_share_uploads(media):
    """Two browser sessions: what one adds, the other never sees."""
    import datetime as dt

    first, second = _app(), _app()
    first.run()
    second.run()
    seeds_only = _metric(second, "Events")
    _add(first, text=GOOD_TEXT, date=dt.date(2024, 12, 2))
    second.run()
    assert _metric(first, "Events") > seeds_only
    assert _metric(second, "Events") == seeds_only
    assert GOOD_TEXT.strip() in list(_evidence(first)["sentence"])
    assert GOOD_TEXT.strip() not in list(_evidence(second)["sentence"])
    assert not second.sidebar.text


def _rows_with(table, words: str):  # type: ignore[no-untyped-def]
    return table[table["sentence"].str.contains(words, regex=False)]


@pytest.mark.slow
def test_dashboard_merged_view_is_default(app):
    """Two reports of one happening are one event by default, counted twice in Reports, with both sources."""
    before_events, before_reports = _metric(app, "Events"), _metric(app, "Reports")
    _add(app, files=[TWO_REPORTS])
    assert not _errors(app)
    assert app.toggle(key="show_mentions").value is False
    table = _evidence(app)
    (row,) = _rows_with(table, "shelled Aleppo").itertuples()
    assert row.mention_count == 2
    assert set(row.sources.split("; ")) == {"Wire", PAPER["source"]}
    assert _metric(app, "Events") == before_events + 1 == len(table)
    assert _metric(app, "Reports") == before_reports + 2 == int(table["mention_count"].sum())
    assert _metric(app, "Articles") == 3


@pytest.mark.slow
def test_dashboard_toggle_shows_every_report(app, media):
    """The toggle switches chart, table, counts and CSV to every report; the CSV carries mention rows."""
    _add(app, files=[TWO_REPORTS])
    merged_events = _metric(app, "Events")
    app.toggle(key="show_mentions").set_value(True).run()
    table = _evidence(app)
    assert "mention_count" not in table.columns
    assert len(_rows_with(table, "shelled Aleppo")) == 2
    assert _metric(app, "Events") == merged_events + 1 == len(table)
    assert _chart(app)["layout"]["meta"]["events"] == len(table)
    rows = _download(app, media)
    assert len(rows) == len(table)
    assert {row["article_id"] for row in rows if "shelled Aleppo" in row["sentence"]} == {"wire-1", "paper-1"}
    assert len({row["merged_id"] for row in rows if "shelled Aleppo" in row["sentence"]}) == 1
    assert [row["source"] for row in rows if row["article_id"] == "paper-1"] == ["'" + PAPER["source"]]


@pytest.mark.slow
def test_dashboard_mentions_of_merged_event(app):
    """Picking a merged event lists each report behind it: source, article, date, evidence, date as written."""
    _add(app, files=[TWO_REPORTS])
    picker = app.selectbox(key="merged_event")
    (merged_id,) = [option for option in picker.options if "reported by 2 sources" in option]
    picker.select(merged_id).run()
    reports = _table(app, "mentions_table")
    assert list(reports.columns) == [
        "source", "article_title", "article_date", "sentence", "date_text", "date_value", "when", "article_url"
    ]  # fmt: skip
    assert list(reports["article_title"]) == [WIRE["title"], PAPER["title"]]
    assert list(reports["article_date"]) == ["Monday 2 December 2024", "Tuesday 3 December 2024"]
    # The outlet as shown is neutralised like the CSV: the table's own download writes cells as shown.
    assert list(reports["source"]) == ["Wire", "'" + PAPER["source"]]
    assert list(reports["sentence"]) == [WIRE["text"].strip(), PAPER["text"].strip()]
    assert set(reports["date_value"]) == {"2024-12-01"}
    assert set(reports["when"]) == {"Sunday 1 December 2024"}
    assert any("Every report of this event (2)" in expander.label for expander in app.expander)


@pytest.mark.slow
def test_dashboard_selected_row_shows_its_reports(app):
    """Selecting a merged event's row in the evidence table opens the list of its reports."""
    _add(app, files=[TWO_REPORTS])
    table = _evidence(app)
    row = int(table.index[table["mention_count"] == 2][0])
    assert row != 0
    app.session_state["evidence_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()
    assert not app.exception
    assert app.selectbox(key="merged_event").value == table["merged_id"].iloc[row]
    assert len(_table(app, "mentions_table")) == 2


@pytest.mark.slow
def test_dashboard_csv_carries_merged_rows_safely(app, media):
    """In the merged view the CSV holds the merged rows shown, with reach and sources, formulas neutralised."""
    _add(app, files=[TWO_REPORTS])
    app.multiselect(key="filter_countries").select("Qatar").run()
    table = _evidence(app)
    rows = _download(app, media)
    assert len(rows) == len(table) == _metric(app, "Events")
    (row,) = [row for row in rows if "shelled Aleppo" in row["sentence"]]
    assert row["mention_count"] == "2"
    assert PAPER["source"] in row["sources"]
    assert not any(value.startswith(("=", "+", "@")) for row in rows for value in row.values())


@pytest.mark.slow
def test_dashboard_lanes_sorted_by_reach(app):
    """Turning on lanes by reach puts the lane with the most reports on top."""
    _add(app, files=[TWO_REPORTS])
    app.radio(key="group_by").set_value("country").run()
    app.toggle(key="sort_by_reach").set_value(True).run()
    counts = _table(app, "lane_counts")
    top = counts.sort_values(["mentions", "lane"], ascending=[False, True])["lane"].iloc[0]
    assert _chart(app)["layout"]["yaxis"]["ticktext"][0] == top


HTML_PAGE = (
    '<html><head><meta property="article:published_time" content="2024-12-02"><title>HTML one</title></head>'
    f"<body><article><h1>HTML one</h1><p>{GOOD_TEXT.strip()}</p>"
    "<p>Officials in Doha said the talks would go on.</p></article></body></html>"
)
#: One good article in each upload format.
FORMATS = [
    ("one.jsonl", (json.dumps(WIRE) + "\n").encode()),
    ("one.csv", ('id,title,date,source,url,text\nc1,CSV one,2024-12-02,test,,"' + GOOD_TEXT.strip() + '"\n').encode()),
    ("one.html", HTML_PAGE.encode()),
    ("one.md", GOOD_ARTICLE.encode()),
    ("one.txt", GOOD_ARTICLE.encode()),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "data"), FORMATS, ids=[name for name, _ in FORMATS])
def test_dashboard_each_upload_format_adds_its_events(app, name, data):
    """An article uploaded as JSONL, CSV, HTML, Markdown or text adds its events to the timeline."""
    before = _metric(app, "Events")
    _add(app, files=[(name, data)])
    assert not _errors(app)
    assert _metric(app, "Articles") == 2
    assert _metric(app, "Events") > before
    assert GOOD_TEXT.strip() in list(_evidence(app)["sentence"])


@pytest.mark.slow
def test_dashboard_undated_article_asks_for_its_date(app):
    """An undated file gets an information box, a date box holding the suggested date, and is added only when
    confirmed."""
    import datetime as dt

    before = _metric(app, "Events")
    text = "Talks began on November 30, 2024 in Doha, where Qatar's envoy met Syrian officials.\n"
    _add(app, files=[("undated.txt", text.encode())])
    assert not _errors(app)
    (prompt,) = [info for info in _infos(app) if info.startswith("undated.txt")]
    assert "publication date" in prompt
    assert "Saturday 30 November 2024" in prompt
    box = _waiting_box(app, "undated.txt")
    assert box.value == dt.date(2024, 11, 30)
    assert _metric(app, "Events") == before
    _waiting_button(app, "undated.txt", "confirm_add").click().run()
    assert not app.exception
    assert not _errors(app)
    assert _metric(app, "Events") > before
    assert any("(2024-11-30)" in line.value for line in app.sidebar.text)
    assert not [element for element in app.date_input if "undated" in element.label]


@pytest.mark.slow
def test_dashboard_undated_without_suggestion_waits_for_the_user(app):
    """With no date in the text, the date box starts empty and the confirm button is disabled."""
    _add(app, files=[("plain.md", GOOD_TEXT.encode())])
    assert _waiting_box(app, "plain.md").value is None
    assert _waiting_button(app, "plain.md", "confirm_add").disabled


@pytest.mark.slow
def test_dashboard_damaged_cache_is_one_warning_without_the_path(tmp_path, monkeypatch):
    """A damaged cache index is set aside: the corpus is shown, with one warning that names no server path."""
    import streamlit as st

    from timeline.cache import ExtractionCache, pipeline_version

    corpus, cache = tmp_path / "corpus", tmp_path / "server" / "event-cache"
    corpus.mkdir()
    (corpus / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_CORPUS", str(corpus))
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(cache))
    (ExtractionCache(cache, pipeline_version()).root / "index.sqlite").write_bytes(b"not a database" * 100)
    st.cache_resource.clear()
    at = _app()
    at.run()
    st.cache_resource.clear()
    assert not at.exception, [element.value for element in at.exception]
    assert not _errors(at)
    assert _metric(at, "Articles") == 1
    (warning,) = [element.value for element in at.warning if "event cache" in element.value]
    assert "set aside" in warning
    assert "event-cache" in warning.replace("\\", "")
    assert str(tmp_path) not in warning.replace("\\", "")


@pytest.mark.slow
def test_dashboard_corpus_reopens_from_the_cache(tmp_path, monkeypatch):
    """A corpus folder is read through the on-disk cache: reopened, it is shown without extracting anything."""
    import streamlit as st

    import timeline.pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    (corpus / "b.md").write_text(GOOD_ARTICLE.replace("Our own", "Another").replace("Sunday", "Monday"), "utf-8")
    monkeypatch.setenv("TIMELINE_CORPUS", str(corpus))
    first = _app()
    first.run()
    assert not first.exception
    assert _metric(first, "Articles") == 2
    events = _metric(first, "Reports")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cache should have answered")

    st.cache_resource.clear()
    monkeypatch.setattr(timeline.pipeline, "extract_frame", refuse)
    second = _app()
    second.run()
    assert not second.exception, [element.value for element in second.exception]
    assert _metric(second, "Reports") == events
    st.cache_resource.clear()
