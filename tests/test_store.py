"""timeline.store and timeline.store_finalize: shards written, replaced and appended; the corpus stages out of core."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from tests.store_data import build_store, synthetic_events
from timeline.corpus import combine_frames, unify_actor_names
from timeline.merge import merge_events
from timeline.schema import COLUMN_NAMES
from timeline.store import (
    EVENTS_DIR,
    SHARDS_DIR,
    StoreError,
    event_files,
    read_store_events,
    read_store_mentions,
    read_store_merged,
    shard_id,
    write_shard,
)
from timeline.store_finalize import finalize_store, merge_parts


def _in_memory(store: Path):  # type: ignore[no-untyped-def]
    """The corpus stages run on the whole store in memory: the table finalize must equal."""
    rows = read_store_events(store)[list(COLUMN_NAMES)]
    return merge_events(unify_actor_names(rows))


def test_store_shard_lands_in_month_partitions(tmp_path: Path) -> None:
    """A shard's rows are written hive-style, one file per article month, named by the shard."""
    frame = synthetic_events(40, shard=0)
    written = write_shard(tmp_path, "/feeds/a.jsonl", frame)
    months = sorted({f"{day.year:04d}-{day.month:02d}" for day in frame["article_date"]})
    assert written.months == tuple(months)
    assert [path.parent.name for path in event_files(tmp_path)] == [f"article_month={month}" for month in months]
    assert {path.name for path in event_files(tmp_path)} == {f"part-{shard_id('/feeds/a.jsonl')}.parquet"}
    manifest = json.loads((tmp_path / SHARDS_DIR / f"{written.shard_id}.json").read_text(encoding="utf-8"))
    assert manifest["events"] == 40


def test_store_rerunning_a_shard_replaces_it(tmp_path: Path) -> None:
    """Writing the same shard again replaces its rows, even in months it no longer has: never duplicates."""
    write_shard(tmp_path, "/feeds/a.jsonl", synthetic_events(60, shard=0))
    smaller = synthetic_events(60, shard=0)
    smaller = smaller[smaller["article_date"] < pd.Timestamp("2024-06-01")].reset_index(drop=True)
    write_shard(tmp_path, "/feeds/a.jsonl", smaller)
    again = read_store_events(tmp_path)
    assert len(again) == len(smaller)
    assert again["event_id"].tolist() == smaller["event_id"].tolist()
    assert all(path.parent.name < "article_month=2024-06" for path in event_files(tmp_path))


def test_store_appending_a_shard_keeps_the_others(tmp_path: Path) -> None:
    """A later run can add a shard; the store then holds both, in shard-name order."""
    first, second = synthetic_events(30, shard=1), synthetic_events(20, shard=2)
    write_shard(tmp_path, "/feeds/b.jsonl", second)
    finalize_store(tmp_path)
    write_shard(tmp_path, "/feeds/a.jsonl", first)
    finalize_store(tmp_path)
    assert read_store_events(tmp_path)["event_id"].tolist() == [*first["event_id"], *second["event_id"]]
    assert len(read_store_mentions(tmp_path)) == 50


def test_store_an_article_in_two_shards_is_kept_once(tmp_path: Path) -> None:
    """The same events in two shards are kept once, from the first shard, as combine_frames keeps the first."""
    frame = synthetic_events(25, shard=0)
    write_shard(tmp_path, "/feeds/a.jsonl", frame)
    write_shard(tmp_path, "/feeds/b.jsonl", frame)
    finalize_store(tmp_path)
    expected = combine_frames([frame, frame])
    assert read_store_mentions(tmp_path)["event_id"].tolist() == expected["event_id"].tolist()


@pytest.mark.parametrize("part_rows", [50, 400, 100_000])
def test_store_finalize_equals_the_corpus_stages_in_memory(tmp_path: Path, part_rows: int) -> None:
    """However the rows are cut into merge parts, finalize gives the tables of unifying and merging the whole store."""
    store = build_store(tmp_path, shards=3, events=300, part_rows=part_rows)
    expected = _in_memory(store)
    assert (expected.events["mention_count"] > 1).any(), "the data must hold merged reports"
    assert read_store_mentions(store)["actors"].map(lambda cell: "Fidan" in cell).sum() == 0
    pd.testing.assert_frame_equal(read_store_merged(store), expected.events, check_dtype=False)
    pd.testing.assert_frame_equal(read_store_mentions(store), expected.mentions, check_dtype=False)


@pytest.mark.parametrize(
    ("rows", "part_rows", "parts"),
    [
        # Two days, then a week covering both (one block), then a day after it.
        ([("2024-12-02", "2024-12-02", 5), ("2024-12-04", "2024-12-04", 5), ("2024-12-02", "2024-12-08", 1),
          ("2024-12-09", "2024-12-09", 5)], 6, [0, 0, 0, 1]),
        # A month is a block of its own value; blocks are never split, whatever their size.
        ([("2024-12-01", "2024-12-31", 50), ("2024-12-02", "2024-12-02", 2)], 10, [1, 0]),
    ],
    ids=["chained-days", "coarse-value"],
)
def test_store_merge_parts_keep_date_blocks_whole(rows, part_rows: int, parts: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Short dates whose days chain are one block; a coarse date is a block of its value; parts hold whole blocks."""
    dates = pd.DataFrame(
        {
            "date_start": pd.to_datetime([start for start, _, _ in rows]).astype("datetime64[s]"),
            "date_end": pd.to_datetime([end for _, end, _ in rows]).astype("datetime64[s]"),
            "date_precision": ["day" if start == end else "span" for start, end, _ in rows],
            "date_value": [f"{start}/{end}" for start, end, _ in rows],
            "n": [count for _, _, count in rows],
        }
    )
    assert merge_parts(dates, part_rows).tolist() == parts


def test_store_finalize_an_empty_store_is_one_sentence(tmp_path: Path) -> None:
    """Finalizing a store no shard was written to says so in a sentence."""
    with pytest.raises(StoreError, match="holds no events yet"):
        finalize_store(tmp_path)


def test_store_reading_an_unfinalized_store_says_what_to_run(tmp_path: Path) -> None:
    """Reading the finalized tables of a store never finalized names the command that does it."""
    write_shard(tmp_path, "/feeds/a.jsonl", synthetic_events(5, shard=0))
    with pytest.raises(StoreError, match="store finalize"):
        read_store_mentions(tmp_path)


def test_store_days_of_any_era_survive(tmp_path: Path, make_events) -> None:  # type: ignore[no-untyped-def]
    """An event of 1066 in an article of 1500 goes through the store and finalize with its days intact."""
    frame = make_events(
        {"start": dt.date(1066, 10, 14), "value": "1066-10-14", "article_date": dt.date(1500, 3, 1)},
        {"start": dt.date(9999, 12, 31), "value": "9999-12-31", "article_date": dt.date(2024, 12, 2)},
    )
    write_shard(tmp_path, "/feeds/old.jsonl", frame)
    assert {path.parent.name for path in (tmp_path / EVENTS_DIR).glob("*/*.parquet")} == {
        "article_month=1500-03",
        "article_month=2024-12",
    }
    finalize_store(tmp_path)
    mentions = read_store_mentions(tmp_path)
    assert sorted(mentions["date_start"].dt.year.tolist()) == [1066, 9999]
