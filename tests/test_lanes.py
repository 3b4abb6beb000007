"""timeline.lanes: one lane per region, country or actor, the entries in each, and their counts."""

from __future__ import annotations

import pandas as pd
import pytest

from timeline import lanes
from timeline.kinds import EVENTS, MERGED
from timeline.schema import SchemaError


@pytest.mark.parametrize(
    ("group_by", "expected"),
    [
        (
            "country",
            {
                ("call", "Qatar"),
                ("call", "Türkiye"),
                ("push", "United States"),
                ("intervened", "Russia"),
                ("intervened", "Syria"),
                ("press", "(no country)"),
            },
        ),
        (
            "actor",
            {("call", "Hakan Fidan"), ("push", "Joe Biden"), ("intervened", "(no actor)"), ("press", "Joe Biden")},
        ),
        (
            "region",
            {
                ("call", "Middle East"),
                ("push", "North America"),
                ("intervened", "Europe"),
                ("intervened", "Middle East"),
                ("press", "(no region)"),
            },
        ),
    ],
)
def test_lanes_repeat_events_per_group(four_events, group_by, expected):
    """An event sits in the lane of each of its groups, and in a 'no …' lane when it has none."""
    entries = lanes.lane_entries(four_events, group_by)
    events = four_events["event_id"].to_numpy()[entries.positions]
    assert set(zip(events.tolist(), entries.names().tolist(), strict=True)) == expected
    assert len(entries.positions) == len(expected)


def test_lanes_counts_busiest_first(four_events):
    """Lane counts list the busiest lane first, ties alphabetically."""
    counts = lanes.lane_counts(four_events, "region", kind=EVENTS)
    assert counts.to_dict("records") == [
        {"lane": "Middle East", "events": 2},
        {"lane": "(no region)", "events": 1},
        {"lane": "Europe", "events": 1},
        {"lane": "North America", "events": 1},
    ]


def test_lanes_counts_of_merged_events_add_reports(merged_reports):
    """Lane counts of a merged table also count the reports behind each lane."""
    counts = lanes.lane_counts(merged_reports.events, "region", kind=MERGED)
    assert counts.to_dict("records") == [
        {"lane": "Middle East", "events": 1, "mentions": 2},
        {"lane": "North America", "events": 1, "mentions": 1},
    ]


def test_lanes_counts_of_mentions_are_an_event_table(merged_reports):
    """The mentions behind a merged table are counted as the event table they are: one report a row."""
    counts = lanes.lane_counts(merged_reports.mentions, "region", kind=EVENTS)
    assert counts.to_dict("records") == [
        {"lane": "Middle East", "events": 2},
        {"lane": "North America", "events": 1},
    ]


@pytest.mark.parametrize(
    ("table", "kind"), [("events", EVENTS), ("mentions", MERGED)], ids=["merged-as-events", "events-as-merged"]
)
def test_lanes_counts_refuse_the_wrong_kind(merged_reports, table, kind):
    """A table passed as the other kind is refused with the columns it lacks, not miscounted."""
    with pytest.raises(SchemaError, match="lacks the columns"):
        lanes.lane_counts(getattr(merged_reports, table), "region", kind=kind)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ([("A", "B"), (), ("B",), ("A", "B")], [(0, "A"), (0, "B"), (1, "(no country)"), (2, "B"), (3, "A"), (3, "B")]),
        ([("", "B"), ["C"]], [(0, "B"), (1, "C")]),
        ([], []),
    ],
)
def test_lanes_entries_gather_each_rows_lanes(make_events, cells, expected):
    """Every row gets one entry per named value, in order (lists and tuples alike), or the 'no …' lane."""
    frame = make_events(*({"countries": ("X",)} for _ in cells))
    frame["countries"] = pd.Series(cells, dtype=object) if cells else frame["countries"]
    entries = lanes.lane_entries(frame, "country")
    assert list(zip(entries.positions.tolist(), entries.names().tolist(), strict=True)) == expected


@pytest.mark.parametrize("kind", [EVENTS, MERGED], ids=["events", "merged"])
def test_lanes_group_columns_are_list_columns_of_every_kind(kind):
    """Each grouping's lanes come from a list column that both kinds of table have."""
    assert set(lanes.GROUP_COLUMNS) == set(lanes.NO_GROUP_LABELS) == {"region", "country", "actor"}
    assert set(lanes.GROUP_COLUMNS.values()) <= set(kind.list_columns)
