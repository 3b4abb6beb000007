"""timeline.display: the evidence table, the reports behind a happening, the counts and picker labels."""

from __future__ import annotations

import pytest

from tests.conftest import FOUR_EVENTS
from timeline import display
from timeline.filters import filter_events
from timeline.kinds import EVENTS, MERGED
from timeline.merge import merge_events
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
    """The evidence table joins lists, writes dates out for a reader, and keeps the sentence verbatim."""
    table = display.evidence_table(four_events, kind=EVENTS)
    title = display.EVIDENCE_COLUMNS.index("article_title")
    assert list(table.columns) == [
        display.WHEN, display.WHY, *display.EVIDENCE_COLUMNS[:title], display.OUTLET, *display.EVIDENCE_COLUMNS[title:]
    ]  # fmt: skip
    call = table.loc[table["sentence"] == FOUR_EVENTS[0]["sentence"]].iloc[0]
    assert call["countries"] == "Qatar; Türkiye"
    assert call["article_date"] == "Monday 2 December 2024"
    assert call["date_text"] == "on Sunday"
    assert call[display.WHEN] == "Sunday 1 December 2024"
    assert call[display.OUTLET] == "unknown"
    assert list(table["date_value"]) == sorted(table["date_value"])


@pytest.mark.parametrize(
    ("date_value", "when"),
    [("2024-12-01", "Sunday 1 December 2024"), ("2024-11", "November 2024"), ("2015", "2015 (year)")],
)
def test_display_evidence_table_writes_dates_out(four_events, date_value, when):
    """Each row's date is written as a person reads it, beside its TIMEX3 value."""
    table = display.evidence_table(four_events, kind=EVENTS)
    assert table.loc[table["date_value"] == date_value, display.WHEN].tolist() == [when]


def test_display_evidence_table_says_why_each_date(four_events):
    """Each row says how its date was obtained: the expression as written and what it was counted from."""
    table = display.evidence_table(four_events, kind=EVENTS)
    assert all(why.startswith("“") for why in table[display.WHY])
    assert all(text in why for text, why in zip(table["date_text"], table[display.WHY], strict=True))


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\uff1dSUM(1)", "'\uff1dSUM(1)"),
        ("Plain text", "Plain text"),
    ],
)
def test_display_evidence_table_cells_are_formula_safe(make_events, cell, shown):
    """Every text cell shown is neutralised as the CSV is: the table widget's own download writes cells as shown."""
    frame = make_events({"sentence": cell, "title": cell, "source": cell, "actors": (cell,)})
    for kind, table in ((EVENTS, frame), (MERGED, merge_events(frame).events)):
        row = display.evidence_table(table, kind=kind).iloc[0]
        assert row["sentence"] == shown
        assert row["article_title"] == shown
        assert row["actors"] == shown
    reports = display.mention_table(merge_events(frame).mentions)
    assert reports["source"].tolist() == [shown]


@pytest.mark.parametrize(
    ("url", "link", "outlet"),
    [
        ("https://www.aljazeera.com/news/x", "https://www.aljazeera.com/news/x", "aljazeera.com"),
        ("javascript:alert(1)", "", "unknown"),
        ("", "", "unknown"),
    ],
)
def test_display_evidence_table_links_the_article(make_events, url, link, outlet):
    """The article's http(s) URL is its link and, when no outlet is named, its site name is; other URLs are dropped."""
    table = display.evidence_table(make_events({"url": url}), kind=EVENTS)
    assert (table["article_url"].iloc[0], table[display.OUTLET].iloc[0]) == (link, outlet)


@pytest.mark.parametrize(("limit", "expected"), [(None, 4), (2, 2), (0, 0), (10, 4)])
def test_display_evidence_table_limit_keeps_earliest(four_events, limit, expected):
    """A limit keeps the earliest events only, still in date order."""
    table = display.evidence_table(four_events, kind=EVENTS, limit=limit)
    assert len(table) == expected
    assert list(table["date_value"]) == ["2015", "2024-11", "2024-11-26", "2024-12-01"][:expected]


def test_display_evidence_table_of_merged_events(merged_reports):
    """A merged table's evidence shows reach in words and sources, joined, and keeps the merged id for picking."""
    table = display.evidence_table(merged_reports.events, kind=MERGED)
    reach = display.MERGED_EVIDENCE_COLUMNS.index("mention_count")
    assert list(table.columns) == [
        display.WHEN, display.WHY, *display.MERGED_EVIDENCE_COLUMNS[:reach], display.REACH,
        *display.MERGED_EVIDENCE_COLUMNS[reach:],
    ]  # fmt: skip
    (row,) = table[table["mention_count"] == 2].to_dict("records")
    assert row["sources"] == "Wire; Paper"
    assert row[display.REACH] == "reported by 2 sources"
    assert row["first_article_date"] == "Monday 2 December 2024"
    assert set(table[display.REACH]) == {"reported by 2 sources", "reported by 1 source"}


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
                "article_url",
                "article_date",
                "source",
                "date_source",
                "event_id",
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
                "article_url",
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
    """The reports behind a merged event: outlet, article, date, evidence, date as written, earliest first."""
    events = merged_reports.events
    (merged_id,) = events.loc[events["mention_count"] == 2, "merged_id"]
    table = display.mention_table(merged_reports.mentions_of(merged_id))
    assert list(table.columns) == [*display.MENTION_COLUMNS, display.WHEN, "article_url"]
    assert list(table["source"]) == ["Wire", "Paper"]
    assert list(table["article_date"]) == ["Monday 2 December 2024", "Tuesday 3 December 2024"]
    assert set(table[display.WHEN]) == {"Sunday 1 December 2024"}


def test_display_merged_label_is_one_short_line():
    """A picker label holds the date as read, the reach in words, and the sentence cut to one line."""
    label = display.merged_label("Sunday 1 December 2024", "reported by 3 sources", "A long\nsentence " + "word " * 40)
    assert label.startswith("Sunday 1 December 2024 · reported by 3 sources · A long sentence")
    assert "\n" not in label
    assert label.endswith("…")
