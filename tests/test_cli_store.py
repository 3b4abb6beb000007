"""`extract SHARDS... --store DIR` and `store finalize DIR`: a partitioned corpus into an event store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.store import event_files, read_store_mentions

pytestmark = pytest.mark.slow

_ARTICLE = "On Sunday, Turkish Foreign Minister Hakan Fidan visited Damascus."


def _shards(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        record = {"id": f"a{number}", "date": "2024-12-02", "title": f"Shard {number}", "text": _ARTICLE}
        (folder / f"part-{number}.jsonl").write_text(json.dumps(record) + "\n{not json\n", encoding="utf-8")
    return folder


def test_cli_store_extract_finalizes_and_names_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each shard's bad line is named on stderr as today; the store is written and finalized."""
    shards = _shards(tmp_path / "feeds", 2)
    assert main(["extract", str(shards), "--store", str(tmp_path / "store"), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert err.count("skipped ") == 2
    assert "part-1.jsonl:2: is not valid JSON" in err
    assert "finalized: 2 events" in err
    assert len(read_store_mentions(tmp_path / "store")) == 2


def test_cli_store_append_then_finalize(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Shards added by a later run with --no-finalize join the store once `store finalize` runs."""
    store = str(tmp_path / "store")
    shards = _shards(tmp_path / "feeds", 3)
    assert main(["extract", str(shards / "part-0.jsonl"), "--store", store, "--no-cache"]) == 0
    assert main(["extract", str(shards / "part-*.jsonl"), "--store", store, "--no-cache", "--no-finalize"]) == 0
    assert len(read_store_mentions(tmp_path / "store")) == 1
    assert main(["store", "finalize", store]) == 0
    assert "finalized: 3 events" in capsys.readouterr().err
    assert len(event_files(tmp_path / "store")) == 3
    assert len(read_store_mentions(tmp_path / "store")) == 3


@pytest.mark.parametrize(
    ("extra", "message"),
    [(["-o", "out.csv"], "do not apply"), (["--merged"], "do not apply")],
)
def test_cli_store_refuses_table_options(tmp_path: Path, capsys, extra: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    """Options that write a table are refused with --store, in one sentence."""
    shards = _shards(tmp_path / "feeds", 1)
    assert main(["extract", str(shards), "--store", str(tmp_path / "store"), *extra]) == 1
    assert message in capsys.readouterr().err


def test_cli_store_finalize_an_empty_folder_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Finalizing a folder with no shards says so, with no traceback."""
    assert main(["store", "finalize", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "holds no events yet" in err
    assert "Traceback" not in err
