"""timeline.workspace: a user's articles, waiting inputs and corrections kept in an embedded SQLite file."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from timeline.corrections import Correction
from timeline.errors import WorkspaceError
from timeline.types import Article
from timeline.uploads import Undated
from timeline.workspace import WorkspaceStore, default_store_path, is_workspace_id, new_workspace_id

ARTICLE = Article("a1", "Our own article", dt.date(2024, 12, 2), "On Sunday, talks began.", "Wire", "https://x.test/a")
OTHER = Article("a2", "Another", dt.date(1066, 10, 14), "The battle was fought that day.")


@pytest.fixture
def store(tmp_path):
    """A store in a fresh folder."""
    return WorkspaceStore(tmp_path / "deep" / "workspaces.sqlite")


def test_workspace_ids_are_unguessable_and_checked():
    """Each new id is 32 URL-safe characters (192 random bits), never repeated; other text is not an id."""
    ids = {new_workspace_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(is_workspace_id(ident) and len(ident) == 32 for ident in ids)


@pytest.mark.parametrize("text", ["", "short", "x" * 31, "x" * 33, "a/b" + "x" * 29, "' OR 1=1 --" + "x" * 21])
def test_workspace_other_text_is_no_id(store, text):
    """A link with a hand-made id names no workspace: refused in one sentence, never queried."""
    assert not is_workspace_id(text)
    with pytest.raises(WorkspaceError, match="names no workspace"):
        store.articles(text)


def test_workspace_articles_are_kept_once_in_order(store):
    """Articles come back as added, of any era; one added again is reported as already there."""
    workspace = new_workspace_id()
    assert store.add_articles(workspace, [ARTICLE, OTHER]) == [ARTICLE, OTHER]
    assert store.add_articles(workspace, [ARTICLE]) == []
    assert store.articles(workspace) == [ARTICLE, OTHER]
    store.remove_article(workspace, "a1")
    assert store.articles(workspace) == [OTHER]


def test_workspace_survives_a_new_store_on_the_same_file(tmp_path):
    """A server restart (a new store on the same file) finds everything again."""
    workspace = new_workspace_id()
    first = WorkspaceStore(tmp_path / "w.sqlite")
    first.add_articles(workspace, [ARTICLE])
    first.set_corrections(workspace, [Correction("e1", "a1", "hidden", "1")])
    again = WorkspaceStore(tmp_path / "w.sqlite")
    assert again.articles(workspace) == [ARTICLE]
    assert again.corrections(workspace) == [Correction("e1", "a1", "hidden", "1")]


def test_workspaces_do_not_see_each_other(store):
    """What one workspace holds, another never sees."""
    mine, theirs = new_workspace_id(), new_workspace_id()
    store.add_articles(mine, [ARTICLE])
    store.set_corrections(mine, [Correction("e1", "a1", "date", "2024")])
    store.add_waiting(mine, Undated("pasted article", b"text"))
    assert (store.articles(theirs), store.corrections(theirs), store.waiting(theirs)) == ([], [], [])
    assert store.holds(mine)
    assert not store.holds(theirs)


def test_workspace_corrections_replace_and_undo(store):
    """A correction of the same event and field replaces the earlier one; one can be undone."""
    workspace = new_workspace_id()
    store.set_corrections(workspace, [Correction("e1", "a1", "date", "2024"), Correction("e1", "a1", "hidden", "1")])
    store.set_corrections(workspace, [Correction("e1", "a1", "date", "2023")])
    assert store.corrections(workspace) == [
        Correction("e1", "a1", "hidden", "1"),
        Correction("e1", "a1", "date", "2023"),
    ]
    store.remove_correction(workspace, "e1", "hidden")
    assert store.corrections(workspace) == [Correction("e1", "a1", "date", "2023")]


@pytest.mark.parametrize(
    "undated",
    [
        Undated("pasted article", b"On Sunday, talks began.", "Kept title", dt.date(2024, 11, 30)),
        Undated("undated.txt", b"\x00\xff binary-ish", ""),
        Undated("https://x.test/a", b"<html></html>", "", None, page=True),
    ],
)
def test_workspace_waiting_inputs_wait_until_taken_off(store, undated):
    """An input waiting for its date comes back byte for byte until it is taken off the list."""
    workspace = new_workspace_id()
    ident = store.add_waiting(workspace, undated)
    second = store.add_waiting(workspace, undated)
    assert [item.undated for item in store.waiting(workspace)] == [undated, undated]
    store.remove_waiting(workspace, ident)
    assert [item.waiting_id for item in store.waiting(workspace)] == [second]


def test_workspace_export_and_delete(store):
    """The export holds every article, correction and waiting input; deleting leaves nothing."""
    workspace = new_workspace_id()
    store.add_articles(workspace, [ARTICLE])
    store.set_corrections(workspace, [Correction("e1", "a1", "actors", "Joe Biden")])
    store.add_waiting(workspace, Undated("undated.txt", b"bytes"))
    document = json.loads(store.export(workspace))
    assert document["workspace"] == workspace
    assert [article["url"] for article in document["articles"]] == ["https://x.test/a"]
    assert document["corrections"] == [{"event_id": "e1", "article_id": "a1", "field": "actors", "value": "Joe Biden"}]
    assert base64.b64decode(document["waiting"][0]["data_base64"]) == b"bytes"
    store.delete(workspace)
    assert not store.holds(workspace)
    assert json.loads(store.export(workspace))["articles"] == []


@pytest.mark.parametrize("env", [True, False])
def test_workspace_default_path(monkeypatch, tmp_path, env):
    """The store lives in $TIMELINE_WORKSPACE_DIR when set, else in the extraction cache's folder."""
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    if env:
        monkeypatch.setenv("TIMELINE_WORKSPACE_DIR", str(tmp_path / "ws"))
    else:
        monkeypatch.delenv("TIMELINE_WORKSPACE_DIR", raising=False)
    assert default_store_path() == tmp_path / ("ws" if env else "cache") / "workspaces.sqlite"


def test_workspace_store_that_cannot_be_made_says_so(tmp_path):
    """A store where no file can be made is one sentence naming it."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(WorkspaceError, match="could not be opened"):
        WorkspaceStore(blocker / "workspaces.sqlite")
