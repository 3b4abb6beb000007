"""timeline.engines.sharded: shards listed by name, each read, extracted and stored by its own task."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tests.test_engines import _fake_extract
from timeline.corpus import build_timeline
from timeline.engines.sharded import list_shards, run_shards
from timeline.ingest import SUPPORTED_SUFFIXES, load_articles
from timeline.schema import COLUMN_NAMES
from timeline.store import read_store_events, read_store_mentions, read_store_merged
from timeline.store_finalize import finalize_store

#: Eight tiny shards of our own text (not from any corpus): two articles each, a shared happening, a lone surname.
_TEXTS = (
    "On Sunday, Turkish Foreign Minister Hakan Fidan met Qatar's envoy in Doha.",
    "Fidan said on Monday that talks on Aleppo would resume in Ankara.",
    "Syrian forces shelled Aleppo on December 1, 2024, officials in Damascus said.",
    "In 2015, Russia intervened in Syria.",
)


def _write_shards(folder: Path, count: int = 8) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        lines = [
            json.dumps({"id": f"s{number}-{index}", "date": f"2024-12-{2 + number:02d}", "title": f"Shard {number}",
                        "text": _TEXTS[(number + index) % len(_TEXTS)]})
            for index in range(2)
        ]  # fmt: skip
        (folder / f"shard-{number}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Swap the spaCy pipeline for a fast stand-in (in-process tasks run in this process)."""
    monkeypatch.setattr("timeline.pipeline.extract_frame", _fake_extract)
    monkeypatch.setattr("timeline.nlp.load_nlp", lambda model=None: None)


def test_sharded_lists_folders_globs_and_files_by_name(tmp_path: Path) -> None:
    """Folders are searched (hidden files skipped), globs expanded, files kept; each shard once, by absolute path."""
    _write_shards(tmp_path / "feeds", 3)
    (tmp_path / "feeds" / ".hidden.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "feeds" / "notes.xyz").write_text("x", encoding="utf-8")
    listing = list_shards(
        [tmp_path / "feeds", str(tmp_path / "feeds" / "shard-1.jsonl"), str(tmp_path / "feeds" / "*.jsonl")],
        SUPPORTED_SUFFIXES,
    )
    assert [Path(shard.path).name for shard in listing.shards] == ["shard-0.jsonl", "shard-1.jsonl", "shard-2.jsonl"]
    assert all(Path(shard.path).is_absolute() for shard in listing.shards)
    assert listing.problems == ()


@pytest.mark.parametrize(
    ("name", "reason"),
    [("missing.jsonl", "does not exist"), ("*.parquet", "matches no article file"), ("empty", "no article files")],
)
def test_sharded_a_path_naming_no_shard_is_a_problem(tmp_path: Path, name: str, reason: str) -> None:
    """A path that names no shard is one problem naming it; the others are still listed."""
    (tmp_path / "empty").mkdir()
    listing = list_shards([str(tmp_path / name)], SUPPORTED_SUFFIXES)
    assert listing.shards == ()
    assert len(listing.problems) == 1
    assert reason in str(listing.problems[0])


def test_sharded_tasks_write_the_store_and_report_bad_lines(tmp_path: Path, fake_pipeline: None) -> None:
    """Each shard's rows land in the store, a bad line comes back as a sentence, and a re-run replaces, never adds."""
    folder = _write_shards(tmp_path / "feeds", 3)
    with (folder / "shard-1.jsonl").open("a", encoding="utf-8") as file:
        file.write("{not json\n")
    shards = list_shards([folder], SUPPORTED_SUFFIXES).shards
    progress: list[tuple[int, ...]] = []
    outcomes = run_shards(shards, store=tmp_path / "store", on_progress=lambda *counts: progress.append(counts))
    assert [outcome.articles for outcome in outcomes] == [2, 2, 2]
    assert [len(outcome.problems) for outcome in outcomes] == [0, 1, 0]
    assert "shard-1.jsonl:3" in outcomes[1].problems[0]
    assert progress[-1] == (3, 3)
    first = read_store_events(tmp_path / "store")
    run_shards(shards, store=tmp_path / "store")
    again = read_store_events(tmp_path / "store")
    assert len(again) == len(first) == sum(outcome.events for outcome in outcomes)
    pd.testing.assert_frame_equal(again, first)


@pytest.fixture
def dask_cluster() -> Iterator[str]:
    """A local Dask cluster of two worker processes (each loads spaCy itself, as a real cluster's would)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_sharded_dask_two_workers_over_eight_shards_equal_in_process(tmp_path: Path, dask_cluster: str) -> None:
    """Two Dask workers reading eight shards give the event table and merged table of one in-process run."""
    folder = _write_shards(tmp_path / "feeds")
    shards = list_shards([folder], SUPPORTED_SUFFIXES).shards
    assert len(shards) == 8
    outcomes = run_shards(shards, store=tmp_path / "store", engine="dask", scheduler=dask_cluster)
    finalize_store(tmp_path / "store")
    expected = build_timeline(load_articles([folder]).articles, cache_dir=None)
    assert sum(outcome.events for outcome in outcomes) == len(expected.events) > 8
    mentions = read_store_mentions(tmp_path / "store")
    pd.testing.assert_frame_equal(mentions[list(COLUMN_NAMES)], expected.events, check_dtype=False)
    pd.testing.assert_frame_equal(read_store_merged(tmp_path / "store"), expected.merged.events, check_dtype=False)
    assert "Hakan Fidan" in {name for cell in mentions["actors"] for name in cell}
