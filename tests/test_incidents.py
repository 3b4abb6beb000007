"""timeline.incidents: an unexpected error is a sentence with a reference, and its stack in a private log."""

from __future__ import annotations

import os
import re
import stat
import tempfile

import pytest

from timeline.incidents import error_log_path, log_incident


def _raised(error: Exception) -> Exception:
    try:
        raise error
    except Exception as caught:
        return caught


@pytest.fixture
def default_log(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The error log where it goes by default: in the temporary folder (here one of the test's own)."""
    monkeypatch.delenv("TIMELINE_ERROR_LOG", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return error_log_path()


def test_incidents_default_log_is_per_user_and_private(default_log, tmp_path):
    """By default the log is one per user in the temporary folder, readable by that user only."""
    incident = log_incident(_raised(ValueError("boom")), "reading x.jsonl")
    assert default_log.parent == tmp_path
    assert re.fullmatch(r"timeline-errors-\w+\.log", default_log.name)
    assert incident.log == default_log
    assert stat.S_IMODE(default_log.stat().st_mode) == 0o600
    text = default_log.read_text(encoding="utf-8")
    assert text.startswith(f"=== ref {incident.ref}: internal error while reading x.jsonl (process {os.getpid()})\n")
    assert "ValueError: boom" in text


def test_incidents_sentence_and_details(tmp_path, monkeypatch):
    """The sentence names what was being done, the log and the reference; without the path for the dashboard."""
    monkeypatch.setenv("TIMELINE_ERROR_LOG", str(tmp_path / "errors.log"))
    incident = log_incident(_raised(KeyError("k")), "running `timeline dates`")
    assert re.fullmatch(r"[0-9a-f]{8}", incident.ref)
    assert incident.sentence() == (
        f"internal error while running `timeline dates`; details in {tmp_path / 'errors.log'} (ref {incident.ref})"
    )
    assert incident.details(with_path=False) == f"details in the error log (ref {incident.ref})"


def test_incidents_planted_link_is_not_followed(default_log, tmp_path):
    """A link planted where the log goes (a shared temporary folder) is not written through."""
    target = tmp_path / "victim"
    target.write_text("keep me\n", encoding="utf-8")
    default_log.symlink_to(target)
    incident = log_incident(_raised(RuntimeError("x")), "reading y")
    assert incident.log is None
    assert incident.sentence() == (
        f"internal error while reading y; its details could not be logged (ref {incident.ref})"
    )
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_incidents_entries_are_bounded_and_appended(tmp_path, monkeypatch):
    """A message quoting a whole input is cut; each incident is appended under its own reference."""
    monkeypatch.setenv("TIMELINE_ERROR_LOG", str(tmp_path / "errors.log"))
    first = log_incident(_raised(ValueError("x" * 1_000_000)), "one")
    second = log_incident(_raised(ValueError("\udcff surrogate")), "two")
    text = (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert first.ref != second.ref
    assert text.index(f"ref {first.ref}") < text.index(f"ref {second.ref}")
    assert "[… entry cut]" in text
    assert len(text) < 250_000
