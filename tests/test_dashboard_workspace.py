"""dashboard.py in AppTest: the workspace in the URL keeps added articles, waiting inputs and corrections across
reloads and restarts, and nobody without the link sees them; corrections; add by URL; the form keeps failed text."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
from collections.abc import Iterator

import pytest
import streamlit as st

from tests.conftest import new_dashboard
from tests.test_dashboard import (
    GOOD_ARTICLE,
    GOOD_TEXT,
    _add,
    _errors,
    _evidence,
    _infos,
    _metric,
    _waiting_box,
    _waiting_button,
)

pytestmark = pytest.mark.slow

D = dt.date
OWN = GOOD_ARTICLE.encode()
SENTENCE = GOOD_TEXT.strip()


def _opened(**query: str):  # type: ignore[no-untyped-def]
    """A new browser session on the link with ``query``: a reload, another tab, or another person with the link."""
    at = new_dashboard(**query)
    at.run()
    assert not at.exception, [element.value for element in at.exception]
    return at


def _workspace(at) -> str:  # type: ignore[no-untyped-def]
    workspace: str = at.query_params["ws"]
    return workspace


def _editor(at):  # type: ignore[no-untyped-def]
    (editor,) = at.data_editor
    return editor


def _edit(at, row: int, changes: dict[str, object]):  # type: ignore[no-untyped-def]
    """Edit cells of one row of the correction editor, as a user typing in it would."""
    at.session_state[_editor(at).key] = {"edited_rows": {row: changes}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, [element.value for element in at.exception]
    return at


def _row_of(at, sentence_start: str) -> int:  # type: ignore[no-untyped-def]
    sentences = list(_editor(at).value["sentence"])
    return next(index for index, sentence in enumerate(sentences) if sentence.startswith(sentence_start))


def test_dashboard_workspace_is_named_in_the_url(app):
    """Each new session gets its own unguessable workspace id, in the URL."""
    other = _opened()
    assert len(_workspace(app)) == 32
    assert _workspace(app) != _workspace(other)


def test_dashboard_added_article_survives_reload_and_restart(app):
    """An added article is in the workspace: a reload and a server restart show it; a session without the link not."""
    before = _metric(app, "Events")
    _add(app, files=[("own.md", OWN)])
    workspace = _workspace(app)
    reloaded = _opened(ws=workspace)
    assert SENTENCE in list(_evidence(reloaded)["sentence"])
    assert any("Our own test article" in line.value for line in reloaded.sidebar.text)
    st.cache_resource.clear()  # what a server restart forgets: every process-wide cache
    restarted = _opened(ws=workspace)
    assert SENTENCE in list(_evidence(restarted)["sentence"])
    assert _metric(restarted, "Events") > before
    stranger = _opened()
    assert SENTENCE not in list(_evidence(stranger)["sentence"])
    assert _metric(stranger, "Events") == before
    assert not stranger.sidebar.text


def test_dashboard_same_article_twice_is_kept_once(app):
    """Adding a file already in the workspace adds nothing and says so."""
    _add(app, files=[("own.md", OWN)])
    events = _metric(app, "Events")
    _add(app, files=[("own.md", OWN)])
    assert _metric(app, "Events") == events
    assert any("in this workspace already" in caption.value for caption in app.sidebar.caption)
    assert len([line for line in app.sidebar.text if "Our own test article" in line.value]) == 1


def test_dashboard_article_can_be_removed(app):
    """A workspace article can be taken out again."""
    before = _metric(app, "Events")
    _add(app, files=[("own.md", OWN)])
    (remove,) = [button for button in app.button if button.key and button.key.startswith("remove_article:")]
    remove.click().run()
    assert _metric(app, "Events") == before
    assert SENTENCE not in list(_evidence(app)["sentence"])


def test_dashboard_hidden_event_stays_hidden_for_the_workspace_only(app):
    """Hiding an event takes it out of the table and counts, after a reload too; another workspace still has it."""
    before = _metric(app, "Events")
    row = _row_of(app, "On November 9")
    _edit(app, row, {"hide": True})
    assert _metric(app, "Events") == before - 1
    assert not any(sentence.startswith("On November 9") for sentence in _evidence(app)["sentence"])
    assert any("you hid" in caption.value for caption in app.caption)
    reloaded = _opened(ws=_workspace(app))
    assert _metric(reloaded, "Events") == before - 1
    st.cache_resource.clear()
    assert _metric(_opened(ws=_workspace(app)), "Events") == before - 1
    assert _metric(_opened(), "Events") == before
    (undo,) = [button for button in reloaded.button if button.key and button.key.startswith("undo:")]
    undo.click().run()
    assert _metric(reloaded, "Events") == before


def test_dashboard_date_correction_shows_and_says_so(app):
    """A corrected date moves the event, is written out, and the row says it was corrected by hand."""
    row = _row_of(app, "On November 9")
    _edit(app, row, {"date_value": "2024-11-10"})
    table = _evidence(app)
    (corrected,) = table[table["sentence"].str.startswith("On November 9")].itertuples()
    assert (corrected.date_value, corrected.when) == ("2024-11-10", "Sunday 10 November 2024")
    assert corrected.why_this_date == "Corrected by hand (the text gave Saturday 9 November 2024)."


def test_dashboard_bad_date_correction_is_refused_in_one_sentence(app):
    """A date that is not one is refused with a sentence saying what to write; nothing is kept."""
    row = _row_of(app, "On November 9")
    _edit(app, row, {"date_value": "next Tuesday"})
    (message,) = _errors(app)
    assert "is not a date the timeline can place" in message
    assert not app.session_state["corrections_list"]


def test_dashboard_actors_correction_reaches_the_filters(app):
    """Actors set by hand are the event's actors: the actor filter offers them."""
    row = _row_of(app, "On November 9")
    _edit(app, row, {"actors": "Sheikh Mohammed bin Abdulrahman Al-Thani; Qatar's mediators"})
    assert "Qatar's mediators" in app.multiselect(key="filter_actors").options


def test_dashboard_workspace_export_and_delete(app, media):
    """The workspace exports as JSON with its articles and corrections, and once deleted a link to it opens empty."""
    _add(app, files=[("own.md", OWN)])
    _edit(app, _row_of(app, "On November 9"), {"hide": True})
    old = _workspace(app)
    document = json.loads(media[app.get_by_key("export_workspace").proto.deferred_file_id]())
    assert [article["title"] for article in document["articles"]] == ["Our own test article"]
    assert [correction["field"] for correction in document["corrections"]] == ["hidden"]
    app.checkbox(key="delete_sure").check().run()
    app.button(key="delete_workspace").click().run()
    assert _workspace(app) != old
    assert SENTENCE not in list(_evidence(app)["sentence"])
    emptied = _opened(ws=old)
    assert SENTENCE not in list(_evidence(emptied)["sentence"])
    assert not emptied.sidebar.text


def test_dashboard_undated_inputs_are_never_dropped(app):
    """Inputs waiting for a date stay listed through other submissions and a reload, until dated or discarded."""
    _add(app, text=GOOD_TEXT)
    _add(app, files=[("own.md", OWN)])
    _add(app, files=[("notes.md", b"Talks began on November 30, 2024 in Doha.\n")])
    assert _waiting_box(app, "pasted article").value is None
    assert _waiting_box(app, "notes.md").value == D(2024, 11, 30)
    reloaded = _opened(ws=_workspace(app))
    assert _waiting_box(reloaded, "pasted article").value is None
    assert len([info for info in _infos(reloaded) if "states no publication date" in info]) == 2
    _waiting_button(reloaded, "pasted article", "discard").click().run()
    assert [box.label for box in reloaded.date_input if "Publication date of" in box.label] == [
        "Publication date of notes\\.md"
    ]


def test_dashboard_failed_submission_keeps_the_pasted_text(app):
    """After a refused submission the pasted text is still in the box; after a good one the box is empty again."""
    # A date after tomorrow is refused (the date box itself allows it).
    _add(app, text=GOOD_TEXT, date=dt.date.today() + dt.timedelta(days=60))
    assert _errors(app)
    assert app.text_area(key="paste_text").value == GOOD_TEXT
    app.date_input(key="publication_date").set_value(D(2024, 12, 2))
    app.button(key="add_articles").click().run()
    assert not _errors(app)
    assert app.text_area(key="paste_text").value == ""


PAGE = (
    '<html><head><meta property="article:published_time" content="2024-12-02"><title>Fetched one</title></head>'
    f"<body><article><h1>Fetched one</h1><p>{SENTENCE}</p><p>Officials in Doha said talks go on.</p></article>"
    "</body></html>"
).encode()


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def page_url() -> Iterator[str]:
    """An article page served on 127.0.0.1 (no test reaches the internet)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/story"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("allowed", [True, False])
def test_dashboard_add_by_url(app, page_url, monkeypatch, allowed):
    """A page's URL adds its article when the operator allows local addresses; otherwise it is refused in one
    sentence and nothing is fetched into the timeline."""
    if allowed:
        monkeypatch.setenv("TIMELINE_FETCH_ALLOW_PRIVATE", "1")
    else:
        monkeypatch.delenv("TIMELINE_FETCH_ALLOW_PRIVATE", raising=False)
    app.text_input(key="fetch_url").input(page_url)
    app.button(key="add_articles").click().run()
    assert not app.exception
    if allowed:
        assert not _errors(app)
        assert any("Fetched one" in line.value for line in app.sidebar.text)
        table = _evidence(app)
        assert page_url in set(table["article_url"])
    else:
        (message,) = _errors(app)
        assert "not on the public internet" in message
        assert app.text_input(key="fetch_url").value == page_url
