"""dashboard.py in Streamlit's AppTest: seeds, filters, chart, CSV, adding articles, bad input, sessions, config."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib

import pytest

from tests.conftest import PROJECT
from timeline.defaults import MAX_FILE_BYTES

DASHBOARD = PROJECT / "dashboard.py"
CONFIG = PROJECT / ".streamlit" / "config.toml"
TIMEOUT = 300

#: An article of our own (not from any corpus) with one dated sentence about Syria and Qatar.
GOOD_TEXT = "On Sunday, Syrian forces shelled Aleppo while Qatar's envoy visited Damascus.\n"
GOOD_ARTICLE = "---\ntitle: Our own test article\ndate: 2024-12-02\nsource: test\n---\n" + GOOD_TEXT


@pytest.fixture
def media(monkeypatch) -> dict[str, object]:
    """The downloads the app registers, by id: the generator of each deferred download, captured from AppTest."""
    from streamlit.runtime import media_file_manager
    from streamlit.testing.v1 import app_test

    captured: dict[str, object] = {}

    class Recording(media_file_manager.MediaFileManager):
        def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):  # type: ignore[no-untyped-def]
            file_id: str = super().add_deferred(data_callable, mimetype, coordinates, file_name, **kwargs)
            captured[file_id] = data_callable
            return file_id

    monkeypatch.setattr(app_test, "MediaFileManager", Recording)
    return captured


def _app():  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(DASHBOARD), default_timeout=TIMEOUT)


@pytest.fixture
def app(media) -> object:
    """The dashboard, run once on the seeds."""
    at = _app()
    at.run()
    assert not at.exception, [element.value for element in at.exception]
    return at


def _metric(at, label: str) -> int:  # type: ignore[no-untyped-def]
    (metric,) = [metric for metric in at.metric if metric.label == label]
    return int(metric.value)


def _evidence(at):  # type: ignore[no-untyped-def]
    """The evidence table: the page's first table (AppTest does not expose a read-only table's key)."""
    return at.dataframe[0].value


def _chart(at) -> dict:  # type: ignore[no-untyped-def,type-arg]
    (chart,) = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


def _drawn(spec: dict) -> int:  # type: ignore[type-arg]
    return sum(len(trace.get("y", [])) for trace in spec["data"])


def _download(at, media: dict[str, object]) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """Click the CSV download as the browser would: run its generator and read the rows."""
    button = at.get_by_key("download_csv")
    data = media[button.proto.deferred_file_id]()  # type: ignore[operator]
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _errors(at) -> list[str]:  # type: ignore[no-untyped-def]
    """Error messages as the user reads them (Markdown escapes removed)."""
    return [re.sub(r"\\(.)", r"\1", element.value) for element in at.error]


def _add(at, *, text: str = "", date=None, files=()):  # type: ignore[no-untyped-def]
    if text:
        at.text_area(key="paste_text").input(text)
    if date is not None:
        at.date_input(key="publication_date").set_value(date)
    uploader = at.file_uploader(key="upload_files")
    for name, data in files:
        uploader.upload(name, data, "text/plain")
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
    """Pasted text with no date and no date given is refused in one sentence that asks for the date."""
    before = _metric(app, "Events")
    _add(app, text=GOOD_TEXT)
    (message,) = _errors(app)
    assert "publication date" in message
    assert "\n" not in message
    assert _metric(app, "Events") == before


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
    ("no-date.txt", GOOD_TEXT.encode()),
    ("one-long-line.txt", b"---\ndate: 2024-12-02\n---\n" + b"word " * (1024 * 1024 // 5)),
    ("huge.txt", b"---\ndate: 2024-12-02\n---\n" + (GOOD_TEXT.encode() * (50 * 1024 * 1024 // len(GOOD_TEXT)))),
    ("missing-column.csv", b"id,title,text\n1,A title,Some text\n"),
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
    assert GOOD_TEXT.strip() not in list(_evidence(second)["sentence"])
    assert not second.sidebar.text
