"""`python -m timeline extract`: event tables for files and folders, bad files named and skipped."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.conftest import SEED_FILE, SEEDS
from timeline.cli import main
from timeline.schema import COLUMN_NAMES

pytestmark = pytest.mark.slow

GOOD = "---\ntitle: Good\ndate: 2024-12-02\n---\nOn Sunday, Turkish Foreign Minister Hakan Fidan visited Damascus.\n"


def test_cli_extract_seeds_to_csv(tmp_path, capsys):
    """The seed folder gives a CSV with every schema column and the seed's events."""
    out = tmp_path / "events.csv"
    assert main(["extract", str(SEEDS), "-o", str(out)]) == 0
    frame = pd.read_csv(out)
    assert tuple(frame.columns) == COLUMN_NAMES
    assert {"2024-12-01", "2024-11", "2012"} <= set(frame["date_value"].astype(str))
    assert "events from 1 articles" in capsys.readouterr().err


def test_cli_extract_jsonl_to_stdout(capsysbinary):
    """JSONL output has one object per event with lists as arrays."""
    assert main(["extract", str(SEED_FILE), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsysbinary.readouterr().out.decode().splitlines()]
    assert rows
    assert all(isinstance(row["countries"], list) for row in rows)


@pytest.mark.parametrize(
    ("bad_name", "bad_bytes", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("nodate.txt", b"No header here, just text on Sunday.", "date"),
        ("impossible.txt", b"---\ndate: 2024-02-30\n---\nText.", "2024-02-30"),
        ("binary.txt", b"%PDF-1.4\x00\x01\x02\xff" * 50, "binary"),
    ],
    ids=["empty", "no-date", "impossible-date", "binary"],
)
def test_cli_extract_skips_bad_keeps_good(tmp_path, capsys, bad_name, bad_bytes, reason):
    """A bad file is named on stderr with its reason; the good one's events are still written; exit 0."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / bad_name).write_bytes(bad_bytes)
    out = tmp_path / "events.csv"
    assert main(["extract", str(tmp_path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert bad_name in err
    assert reason in err.lower()
    assert "Traceback" not in err
    assert (pd.read_csv(out)["date_value"] == "2024-12-01").any()


def test_cli_extract_nothing_readable_fails(tmp_path, capsys):
    """When no article can be read the exit code is non-zero and stderr says so in one sentence."""
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "empty.txt")]) == 1
    assert "no article could be read" in capsys.readouterr().err


def test_cli_extract_date_option_dates_headerless_text(tmp_path, capsysbinary):
    """--date stands in for a missing header date, so 'Sunday' resolves against it."""
    (tmp_path / "plain.txt").write_text("On Sunday, Hakan Fidan visited Damascus.", encoding="utf-8")
    assert main(["extract", str(tmp_path / "plain.txt"), "--date", "2024-12-02", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsysbinary.readouterr().out.decode().splitlines()]
    assert [row["date_value"] for row in rows] == ["2024-12-01"]


def test_cli_extract_merged_writes_one_row_per_happening(tmp_path):
    """--merged writes merged events with their mention counts."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD.replace("Good", name), encoding="utf-8")
    out = tmp_path / "merged.csv"
    assert main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--merged", "-o", str(out)]) == 0
    frame = pd.read_csv(out)
    assert "mention_count" in frame.columns
    assert frame["mention_count"].max() >= 1


def test_cli_extract_cache_gives_same_table(tmp_path, capsysbinary):
    """A second run over a cached corpus writes the same table as the first."""
    cache = tmp_path / "cache"
    runs = []
    for _ in range(2):
        assert main(["extract", str(SEED_FILE), "--cache", str(cache), "--format", "jsonl"]) == 0
        runs.append(capsysbinary.readouterr().out)
    assert runs[0] == runs[1]
    assert any(cache.rglob("*.parquet"))


def test_cli_extract_dask_equals_inprocess(tmp_path, capsysbinary):
    """--engine dask on a local cluster writes the same table as the in-process run."""
    outputs = []
    for engine in ("inprocess", "dask"):
        argv = ["extract", str(SEED_FILE), "--engine", engine, "--workers", "1", "--no-cache", "--format", "jsonl"]
        assert main(argv) == 0
        outputs.append(capsysbinary.readouterr().out)
    assert outputs[0] == outputs[1]


def test_cli_extract_unwritable_output_is_one_sentence(tmp_path, capsys):
    """An output path in a missing folder is named in one sentence, with no traceback."""
    assert main(["extract", str(SEED_FILE), "-o", str(tmp_path / "missing" / "out.csv")]) == 1
    err = capsys.readouterr().err
    assert "cannot be written" in err
    assert "Traceback" not in err
