"""The entities JSONL interface: one line per standalone name; bad lines named and skipped."""

from __future__ import annotations

import io
import json

import pytest

from timeline.mentions.entities import process

pytestmark = pytest.mark.slow


def test_mentions_entities_lines_and_bad_input() -> None:
    """Good lines give PER/ORG/LOC mentions with offsets; a malformed line is one sentence naming it."""
    text = "Turkish Foreign Minister Hakan Fidan visited Turkey. Fidan met Hamas officials."
    source = io.StringIO(
        json.dumps({"id": "a", "date": "2024-12-02", "text": text}) + "\nnot json\n"
    )
    out, errors = io.StringIO(), io.StringIO()
    done, skipped = process(source, out, errors, "in.jsonl")
    assert (done, skipped) == (1, 1)
    assert errors.getvalue().startswith("in.jsonl:2: ")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["type"] for r in records} <= {"PER", "ORG", "LOC"}
    assert all(text[r["start"] : r["end"]] == r["text"] for r in records)
    by_text = {r["text"]: r for r in records}
    assert by_text["Turkey"]["canonical"] == "Türkiye"
    assert by_text["Fidan"]["canonical"] == "Hakan Fidan"
    assert by_text["Fidan"]["country"] == "Türkiye"
