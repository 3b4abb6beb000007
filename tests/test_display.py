"""timeline.display: the evidence table, the reports behind a happening, the counts and picker labels."""

from __future__ import annotations

import pytest

from tests.conftest import FOUR_EVENTS
from timeline import display
from timeline.filters import filter_events
from timeline.kinds import EVENTS, MERGED
from timeline.schema import SchemaError


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ({}, display.EventCounts(events=4, articles=2, countries=5, actors=2, mentions=4)),
        ({"countries": ["Syria"]}, display.EventCounts(events=1, articles=1, countries=2, actors=0, mentions=1)),
        ({"countries": ["Nowhere"]}, display.EventCounts(events=0, articles=0, countries=0, actors=0, mentions=0)),
    ],
)
def test_display_count_events_follows_filters(four_events, selection, expected):
    """Counts describe the filtered table: events, articles, countries and actors in it."""
    assert display.count_events(filter_events(four_events, **selection), kind=EVENTS) == expected


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ({}, display.EventCounts(events=2, articles=3, countries=2, actors=2, mentions=3)),
        ({"countries": ["Qatar"]}, display.EventCounts(events=1, articles=2, countries=1, actors=1, mentions=2)),
        ({"countries": ["Nowhere"]}, display.EventCounts(events=0, articles=0, countries=0, actors=0, mentions=0)),
    ],
)
def test_display_count_merged_events_follows_filters(merged_reports, selection, expected):
    """Counts of a merged table: happenings, and the reports and articles behind those shown."""
    shown = filter_events(merged_reports.events, **selection)
    assert display.count_events(shown, kind=MERGED, mentions=merged_reports.mentions) == expected


def test_display_count_merged_events_needs_the_mentions(merged_reports):
    """A merged table's articles are its mentions': counting without them is refused, not answered 0."""
    with pytest.raises(ValueError, match="needs its mentions"):
        display.count_events(merged_reports.events, kind=MERGED)


def test_display_count_mentions_as_events(merged_reports):
    """The mentions behind a merged table count as an event table: one report a row."""
    counts = display.count_events(merged_reports.mentions, kind=EVENTS)
    assert counts == display.EventCounts(events=3, articles=3, countries=2, actors=2, mentions=3)


def test_display_evidence_table_shows_text_plainly(four_events):
    """The evidence table joins lists, writes ISO days, and keeps the sentence verbatim."""
    table = display.evidence_table(four_events, kind=EVENTS)
    assert list(table.columns) == list(display.EVIDENCE_COLUMNS)
    call = table.loc[table["sentence"] == FOUR_EVENTS[0]["sentence"]].iloc[0]
    assert call["countries"] == "Qatar; Türkiye"
    assert call["article_date"] == "2024-12-02"
    assert call["date_text"] == "on Sunday"
    assert list(table["date_value"]) == sorted(table["date_value"])


@pytest.mark.parametrize(("limit", "expected"), [(None, 4), (2, 2), (0, 0), (10, 4)])
def test_display_evidence_table_limit_keeps_earliest(four_events, limit, expected):
    """A limit keeps the earliest events only, still in date order."""
    table = display.evidence_table(four_events, kind=EVENTS, limit=limit)
    assert len(table) == expected
    assert list(table["date_value"]) == ["2015", "2024-11", "2024-11-26", "2024-12-01"][:expected]


def test_display_evidence_table_of_merged_events(merged_reports):
    """A merged table's evidence shows reach and sources, joined, and keeps the merged id for picking."""
    table = display.evidence_table(merged_reports.events, kind=MERGED)
    assert list(table.columns) == list(display.MERGED_EVIDENCE_COLUMNS)
    (row,) = table[table["mention_count"] == 2].to_dict("records")
    assert row["sources"] == "Wire; Paper"
    assert row["first_article_date"] == "2024-12-02"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            EVENTS,
            (
                "date_value",
                "date_text",
                "date_precision",
                "sentence",
                "actors",
                "places",
                "countries",
                "regions",
                "article_title",
                "article_date",
                "source",
                "date_source",
            ),
        ),
        (
            MERGED,
            (
                "date_value",
                "date_text",
                "date_precision",
                "sentence",
                "mention_count",
                "sources",
                "actors",
                "places",
                "countries",
                "regions",
                "article_title",
                "first_article_date",
                "date_source",
                "merged_id",
            ),
        ),
    ],
    ids=["events", "merged"],
)
def test_display_evidence_columns_in_reading_order(kind, expected):
    """Each kind shows its own columns in the reader's order: date, evidence, reach, who and where, source."""
    assert display.evidence_columns(kind) == expected


def test_display_evidence_table_refuses_the_wrong_kind(merged_reports):
    """A merged table passed as an event table is refused in one sentence naming what it lacks."""
    with pytest.raises(SchemaError, match="lacks the columns event_id, article_id"):
        display.evidence_table(merged_reports.events, kind=EVENTS)


def test_display_mention_table_lists_each_report(merged_reports):
    """The reports behind a merged event: source, article, date, evidence, date as written, earliest first."""
    events = merged_reports.events
    (merged_id,) = events.loc[events["mention_count"] == 2, "merged_id"]
    table = display.mention_table(merged_reports.mentions_of(merged_id))
    assert list(table.columns) == list(display.MENTION_COLUMNS)
    assert list(table["source"]) == ["Wire", "Paper"]
    assert list(table["article_date"]) == ["2024-12-02", "2024-12-03"]


def test_display_merged_label_is_one_short_line():
    """A picker label holds the date, the reach, and the sentence cut to one line."""
    label = display.merged_label("2024-12-01", 3, "A long\nsentence " + "word " * 40)
    assert label.startswith("2024-12-01 · reported 3× · A long sentence")
    assert "\n" not in label
    assert label.endswith("…")
