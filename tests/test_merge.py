"""Merged events: one happening reported by several articles becomes one event with its mentions."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from timeline.merge import MergeSettings, merge_events
from timeline.schema import MERGED_COLUMN_NAMES, MERGED_ID

SUNDAY = dt.date(2024, 12, 1)
CALL = "On Sunday, Hakan Fidan spoke by phone with the Qatari prime minister about Gaza."
CALL_REWORDED = "Hakan Fidan and the Qatari prime minister spoke by phone about a Gaza ceasefire on Sunday."
OTHER = "On Sunday, rebels advanced into the outskirts of Aleppo."


def _report(article: str, sentence: str = CALL, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "article_id": article,
        "sentence": sentence,
        "start": SUNDAY,
        "actors": ("Hakan Fidan",),
        "places": ("Gaza",),
        "countries": ("Türkiye", "Palestine"),
        "regions": ("Middle East",),
        "source": f"outlet-{article}",
    }
    row.update(extra)
    return row


def _groups(merged_ids: pd.Series) -> list[list[int]]:
    groups: dict[str, list[int]] = {}
    for position, merged_id in enumerate(merged_ids):
        groups.setdefault(merged_id, []).append(position)
    return sorted(groups.values())


@pytest.mark.parametrize(
    ("second", "merged"),
    [
        pytest.param({}, True, id="same-sentence-other-article"),
        pytest.param({"sentence": CALL_REWORDED}, True, id="reworded"),
        pytest.param(
            {"start": dt.date(2024, 11, 30), "end": SUNDAY, "value": "2024-W48-WE", "precision": "weekend"},
            True,
            id="weekend-overlaps-sunday",
        ),
        pytest.param({"start": dt.date(2024, 11, 30)}, False, id="other-day"),
        pytest.param(
            {"start": dt.date(2024, 12, 1), "end": dt.date(2024, 12, 31), "value": "2024-12", "precision": "month"},
            False,
            id="month-is-not-a-day",
        ),
        pytest.param({"actors": ("Antony Blinken",), "places": ("Doha",)}, False, id="no-shared-names"),
        pytest.param({"sentence": OTHER}, False, id="other-sentence-same-names"),
        pytest.param({"article_id": "a", "sentence": CALL_REWORDED}, False, id="same-article-other-sentence"),
        pytest.param({"article_id": "a"}, True, id="same-article-identical-copy"),
    ],
)
def test_merge_pairs(make_events, second: dict[str, object], merged: bool) -> None:  # type: ignore[no-untyped-def]
    """Two reports merge when dates agree, names overlap, sentences are alike and articles differ, or are identical."""
    frame = make_events(_report("a"), _report("b", **second))
    result = merge_events(frame)
    assert (result.mentions[MERGED_ID].nunique() == 1) is merged
    assert len(result.events) == (1 if merged else 2)


def test_merge_month_values_merge_at_same_precision(make_events) -> None:  # type: ignore[no-untyped-def]
    """Two month-precision reports of the same month and story are one happening."""
    month = {"start": dt.date(2024, 11, 1), "end": dt.date(2024, 11, 30), "value": "2024-11", "precision": "month"}
    frame = make_events(_report("a", **month), _report("b", **month))
    assert len(merge_events(frame).events) == 1


def test_merge_unnamed_sentences_merge_on_words_alone(make_events) -> None:  # type: ignore[no-untyped-def]
    """Reports naming no actor or place merge when their sentences are alike enough."""
    sentence = "On Sunday, heavy rain flooded the old market and closed schools."
    frame = make_events(
        _report("a", sentence, actors=(), places=()),
        _report("b", sentence, actors=(), places=()),
        _report("c", "On Sunday, the central bank cut interest rates.", actors=(), places=()),
    )
    assert _groups(merge_events(frame).mentions[MERGED_ID]) == [[0, 1], [2]]


def test_merge_event_row_sums_up_mentions(make_events) -> None:  # type: ignore[no-untyped-def]
    """The merged row carries the union of names, distinct sources, counts and the finest date."""
    frame = make_events(
        _report("b", article_date=dt.date(2024, 12, 3), actors=("Hakan Fidan", "Qatar"), source="Beta"),
        _report(
            "a",
            start=dt.date(2024, 11, 30),
            end=SUNDAY,
            value="2024-W48-WE",
            precision="weekend",
            article_date=dt.date(2024, 12, 2),
            countries=("Türkiye", "Qatar"),
            source="Alpha",
        ),
        _report("c", article_date=dt.date(2024, 12, 4), source="Beta"),
    )
    result = merge_events(frame)
    assert tuple(result.events.columns) == MERGED_COLUMN_NAMES
    event = result.events.iloc[0]
    assert event["mention_count"] == 3
    assert event["article_count"] == 3
    assert event["sources"] == ("Alpha", "Beta")
    assert event["actors"] == ("Hakan Fidan", "Qatar")
    assert event["countries"] == ("Türkiye", "Qatar", "Palestine")
    assert event["date_precision"] == "day"
    assert event["date_value"] == "2024-12-01"
    assert event["first_article_date"] == pd.Timestamp("2024-12-02")
    assert event["last_article_date"] == pd.Timestamp("2024-12-04")
    # The id is the first report's, so later reports joining do not move it.
    assert event[MERGED_ID] == frame.loc[frame["article_id"] == "a", "event_id"].iloc[0]


def test_merge_is_transitive(make_events) -> None:  # type: ignore[no-untyped-def]
    """A report alike to two others that are not alike to each other joins all three."""
    frame = make_events(
        _report("a", "On Sunday, Hakan Fidan spoke by phone with the Qatari prime minister."),
        _report("b", "On Sunday, Hakan Fidan spoke by phone with the Qatari prime minister about Gaza talks."),
        _report("c", "On Sunday, Hakan Fidan spoke with the Qatari prime minister about Gaza talks in Doha."),
    )
    settings = MergeSettings(min_score=0.85)
    assert merge_events(frame, settings).mentions[MERGED_ID].nunique() == 1
    assert merge_events(frame.iloc[[0, 2]], settings).mentions[MERGED_ID].nunique() == 2


def test_merge_keeps_every_mention_and_its_index(make_events) -> None:  # type: ignore[no-untyped-def]
    """The mentions view is the input table, row for row, plus merged_id."""
    frame = make_events(_report("a"), _report("b"), _report("c", OTHER)).set_index(pd.Index([10, 20, 30]))
    result = merge_events(frame)
    assert list(result.mentions.index) == [10, 20, 30]
    pd.testing.assert_frame_equal(result.mentions.drop(columns=MERGED_ID), frame)
    assert len(result.mentions_of(result.mentions[MERGED_ID].iloc[0])) == 2
    assert result.events["mention_count"].sum() == len(frame)


def test_merge_same_event_twice_is_one(make_events) -> None:  # type: ignore[no-untyped-def]
    """The same article read twice gives one happening, not two."""
    frame = make_events(_report("a", event_id="x"), _report("a", event_id="x"))
    assert len(merge_events(frame).events) == 1


def test_merge_empty_table(make_events) -> None:  # type: ignore[no-untyped-def]
    """An empty event table gives an empty, typed merged table."""
    result = merge_events(make_events())
    assert result.events.empty
    assert tuple(result.events.columns) == MERGED_COLUMN_NAMES
    assert MERGED_ID in result.mentions.columns


def test_merge_orders_events_on_the_timeline(make_events) -> None:  # type: ignore[no-untyped-def]
    """Merged events come in date order."""
    frame = make_events(
        _report("a", OTHER, start=dt.date(2024, 12, 5)),
        _report("b", start=dt.date(2024, 11, 2)),
    )
    starts = merge_events(frame).events["date_start"]
    assert starts.is_monotonic_increasing


def test_merge_window_bounds_comparisons_but_not_identical_copies(make_events) -> None:  # type: ignore[no-untyped-def]
    """A window of one neighbour still merges a run of identical copies through the chain."""
    frame = make_events(*(_report(f"a{number}") for number in range(30)))
    result = merge_events(frame, MergeSettings(window=1))
    assert len(result.events) == 1
    assert result.events["mention_count"].iloc[0] == 30


def test_merge_is_deterministic(make_events) -> None:  # type: ignore[no-untyped-def]
    """Shuffling the rows changes neither the groups nor the merged ids."""
    rows = [_report(f"a{number}", CALL if number % 2 else OTHER) for number in range(12)]
    frame = make_events(*rows)
    first = merge_events(frame).mentions.set_index("event_id")[MERGED_ID].sort_index()
    second = merge_events(frame.sample(frac=1, random_state=3)).mentions.set_index("event_id")[MERGED_ID].sort_index()
    pd.testing.assert_series_equal(first, second)
    assert first.nunique() == 2
