"""timeline.view: filter options, filtered rows, lanes, counts and the evidence table."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from timeline import view
from timeline.schema import COLUMN_NAMES, check_event_frame, empty_event_frame

D = dt.date

ROWS = (
    {
        "event_id": "call",
        "sentence": "The call took place on Sunday.",
        "start": D(2024, 12, 1),
        "countries": ("Qatar", "Türkiye"),
        "actors": ("Hakan Fidan",),
        "regions": ("Middle East",),
        "article_id": "a1",
    },
    {
        "event_id": "push",
        "sentence": "Last month, Biden said he was making another push.",
        "start": D(2024, 11, 1),
        "end": D(2024, 11, 30),
        "value": "2024-11",
        "precision": "month",
        "countries": ("United States",),
        "actors": ("Joe Biden",),
        "regions": ("North America",),
        "article_id": "a1",
    },
    {
        "event_id": "intervened",
        "sentence": "Russia had intervened in Syria in 2015.",
        "start": D(2015, 1, 1),
        "end": D(2015, 12, 31),
        "value": "2015",
        "precision": "year",
        "countries": ("Russia", "Syria"),
        "actors": (),
        "regions": ("Europe", "Middle East"),
        "article_id": "a2",
    },
    {
        "event_id": "press",
        "sentence": "He spoke to the press on November 26.",
        "start": D(2024, 11, 26),
        "countries": (),
        "actors": ("Joe Biden",),
        "regions": (),
        "article_id": "a2",
    },
)


@pytest.fixture
def events(make_events) -> pd.DataFrame:
    """Four events: a day, a month, a year, and a day with no country."""
    return make_events(*ROWS)


def _ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["event_id"])


def test_view_filter_options_are_sorted_and_unique(events):
    """Options list each country, actor and region once, in alphabetical order."""
    options = view.filter_options(events)
    assert options.countries == ("Qatar", "Russia", "Syria", "Türkiye", "United States")
    assert options.actors == ("Hakan Fidan", "Joe Biden")
    assert options.regions == ("Europe", "Middle East", "North America")
    assert options.date_range == (D(2015, 1, 1), D(2024, 12, 1))


def test_view_filter_options_sort_ignores_case(make_events):
    """Sorting puts 'bashar' between 'Assad' and 'Biden', as a reader expects."""
    frame = make_events({"actors": ("Biden", "bashar", "Assad")})
    assert view.filter_options(frame).actors == ("Assad", "bashar", "Biden")


def test_view_filter_options_of_empty_table():
    """An empty table offers no values and no date range."""
    options = view.filter_options(empty_event_frame())
    assert options == view.FilterOptions((), (), (), None)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"call", "push", "intervened", "press"}),
        ({"countries": ["Syria"]}, {"intervened"}),
        ({"countries": ["Türkiye", "Syria"]}, {"call", "intervened"}),
        ({"actors": ["Joe Biden"]}, {"push", "press"}),
        ({"regions": ["Middle East"]}, {"call", "intervened"}),
        ({"regions": ["Middle East"], "countries": ["Russia"]}, {"intervened"}),
        ({"countries": ["Qatar"], "actors": ["Joe Biden"]}, set()),
        ({"countries": ["Nowhere"]}, set()),
        ({"date_range": (D(2024, 11, 20), D(2024, 12, 31))}, {"call", "push", "press"}),
        ({"date_range": (D(2024, 12, 1), D(2024, 12, 1))}, {"call"}),
        ({"date_range": (D(2015, 6, 1), D(2015, 6, 30))}, {"intervened"}),
        ({"date_range": (D(2016, 1, 1), D(2023, 12, 31))}, set()),
        ({"date_range": (D(2024, 12, 31), D(2024, 11, 27))}, {"call", "push"}),
        ({"actors": ["Joe Biden"], "date_range": (D(2024, 11, 26), D(2024, 11, 26))}, {"push", "press"}),
    ],
)
def test_view_filter_events(events, filters, expected):
    """Filters OR within a facet, AND across facets, and keep dates whose period overlaps the range."""
    assert _ids(view.filter_events(events, **filters)) == expected


def test_view_filter_keeps_schema_and_renumbers(events):
    """A filtered table still follows the schema and is indexed from 0."""
    filtered = view.filter_events(events, countries=["Syria", "United States"])
    check_event_frame(filtered)
    assert list(filtered.columns) == list(COLUMN_NAMES)
    assert list(filtered.index) == [0, 1]


def test_view_filter_empty_table():
    """Filtering an empty table gives an empty table, not an error."""
    assert view.filter_events(empty_event_frame(), countries=["Syria"], date_range=(D(2024, 1, 1), D(2024, 2, 1))).empty


def test_view_filter_does_not_change_its_input(events):
    """Filtering leaves the table it was given untouched."""
    before = events.copy()
    view.filter_events(events, countries=["Syria"], actors=["Joe Biden"])
    pd.testing.assert_frame_equal(events, before)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ((D(2024, 1, 1), D(2024, 2, 1)), (D(2024, 1, 1), D(2024, 2, 1))),
        ([D(2024, 2, 1), D(2024, 1, 1)], (D(2024, 1, 1), D(2024, 2, 1))),
        ((D(2024, 1, 1),), None),
        ((), None),
        (None, None),
        ("2024-01-01", None),
    ],
)
def test_view_as_date_range(value, expected):
    """A range widget's value becomes a sorted pair of days, or None while half-picked."""
    assert view.as_date_range(value) == expected


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
def test_view_lanes_repeat_events_per_group(events, group_by, expected):
    """An event sits in the lane of each of its groups, and in a 'no …' lane when it has none."""
    rows = view.lanes(events, group_by)
    assert set(zip(rows["event_id"], rows[view.LANE_COLUMN], strict=True)) == expected
    assert len(rows) == len(expected)


def test_view_lane_counts_busiest_first(events):
    """Lane counts list the busiest lane first, ties alphabetically."""
    counts = view.lane_counts(events, "region")
    assert counts.to_dict("records") == [
        {"lane": "Middle East", "events": 2},
        {"lane": "(no region)", "events": 1},
        {"lane": "Europe", "events": 1},
        {"lane": "North America", "events": 1},
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, view.EventCounts(events=4, articles=2, countries=5, actors=2, mentions=4)),
        ({"countries": ["Syria"]}, view.EventCounts(events=1, articles=1, countries=2, actors=0, mentions=1)),
        ({"countries": ["Nowhere"]}, view.EventCounts(events=0, articles=0, countries=0, actors=0, mentions=0)),
    ],
)
def test_view_count_events_follows_filters(events, filters, expected):
    """Counts describe the filtered table: events, articles, countries and actors in it."""
    assert view.count_events(view.filter_events(events, **filters)) == expected


def test_view_combine_frames_drops_repeated_events(make_events):
    """Adding the same events twice keeps one copy; new events are appended."""
    first = make_events(*ROWS[:2])
    again = make_events(*ROWS[:3])
    combined = view.combine_frames([first, again])
    assert list(combined["event_id"]) == ["call", "push", "intervened"]
    check_event_frame(combined)


def test_view_combine_frames_of_nothing():
    """Combining no tables (or only empty ones) gives an empty, typed table."""
    combined = view.combine_frames([empty_event_frame()])
    check_event_frame(combined)
    assert combined.empty


def test_view_evidence_table_shows_text_plainly(events):
    """The evidence table joins lists, writes ISO days, and keeps the sentence verbatim."""
    table = view.evidence_table(events)
    assert list(table.columns) == list(view.EVIDENCE_COLUMNS)
    call = table.loc[table["sentence"] == ROWS[0]["sentence"]].iloc[0]
    assert call["countries"] == "Qatar; Türkiye"
    assert call["article_date"] == "2024-12-02"
    assert call["date_text"] == "on Sunday"
    assert list(table["date_value"]) == sorted(table["date_value"])


@pytest.mark.parametrize(("limit", "expected"), [(None, 4), (2, 2), (0, 0), (10, 4)])
def test_view_evidence_table_limit_keeps_earliest(events, limit, expected):
    """A limit keeps the earliest events only, still in date order."""
    table = view.evidence_table(events, limit)
    assert len(table) == expected
    assert list(table["date_value"]) == ["2015", "2024-11", "2024-11-26", "2024-12-01"][:expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bad.txt: is empty", r"bad\.txt\: is empty"),
        ("![x](http://e/a.png).txt", r"\!\[x\]\(http\:\/\/e\/a\.png\)\.txt"),
        ("<b>bold</b> *em* `code` $x$", r"\<b\>bold\<\/b\> \*em\* \`code\` \$x\$"),
        ("two\nlines\r\n  here", "two lines here"),
        ("Türkiye café", "Türkiye café"),
    ],
)
def test_view_markdown_literal(text, expected):
    """Messages shown through Markdown have every ASCII punctuation escaped and stay on one line."""
    assert view.markdown_literal(text) == expected


#: Two reports of one happening from two articles, and one other event (our own sentences).
REPORTS = (
    {
        "event_id": "wire",
        "sentence": "Qatar's envoy met Hakan Fidan in Doha on Sunday.",
        "actors": ("Hakan Fidan",),
        "countries": ("Qatar",),
        "regions": ("Middle East",),
        "article_id": "a1",
        "source": "Wire",
    },
    {
        "event_id": "paper",
        "sentence": "Qatar's envoy met Hakan Fidan in Doha on Sunday.",
        "actors": ("Hakan Fidan",),
        "countries": ("Qatar",),
        "regions": ("Middle East",),
        "article_id": "a2",
        "source": "Paper",
        "article_date": D(2024, 12, 3),
    },
    {
        "event_id": "other",
        "sentence": "Joe Biden spoke on Sunday.",
        "actors": ("Joe Biden",),
        "countries": ("United States",),
        "regions": ("North America",),
        "article_id": "a3",
    },
)


@pytest.fixture
def merged(make_events):  # type: ignore[no-untyped-def]
    """The merged view of two reports of one happening and one other event."""
    from timeline.merge import merge_events

    return merge_events(make_events(*REPORTS))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, view.EventCounts(events=2, articles=3, countries=2, actors=2, mentions=3)),
        ({"countries": ["Qatar"]}, view.EventCounts(events=1, articles=2, countries=1, actors=1, mentions=2)),
        ({"countries": ["Nowhere"]}, view.EventCounts(events=0, articles=0, countries=0, actors=0, mentions=0)),
    ],
)
def test_view_count_merged_events_follows_filters(merged, filters, expected):
    """Counts of a merged table: happenings, and the reports and articles behind those shown."""
    shown = view.filter_events(merged.events, **filters)
    assert view.count_events(shown, merged.mentions) == expected


def test_view_evidence_table_of_merged_events(merged):
    """A merged table's evidence shows reach and sources, joined, and keeps the merged id for picking."""
    table = view.evidence_table(merged.events)
    assert list(table.columns) == list(view.MERGED_EVIDENCE_COLUMNS)
    (row,) = table[table["mention_count"] == 2].to_dict("records")
    assert row["sources"] == "Wire; Paper"
    assert row["first_article_date"] == "2024-12-02"


def test_view_mention_table_lists_each_report(merged):
    """The reports behind a merged event: source, article, date, evidence, date as written, earliest first."""
    (merged_id,) = merged.events.loc[merged.events["mention_count"] == 2, "merged_id"]
    table = view.mention_table(merged.mentions_of(merged_id))
    assert list(table.columns) == list(view.MENTION_COLUMNS)
    assert list(table["source"]) == ["Wire", "Paper"]
    assert list(table["article_date"]) == ["2024-12-02", "2024-12-03"]


def test_view_lane_counts_of_merged_events_add_reports(merged):
    """Lane counts of a merged table also count the reports behind each lane."""
    counts = view.lane_counts(merged.events, "region")
    assert counts.to_dict("records") == [
        {"lane": "Middle East", "events": 1, "mentions": 2},
        {"lane": "North America", "events": 1, "mentions": 1},
    ]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ([("A", "B"), (), ("B",), ("A", "B")], [(0, "A"), (0, "B"), (1, "(no country)"), (2, "B"), (3, "A"), (3, "B")]),
        ([("", "B"), ["C"]], [(0, "B"), (1, "C")]),
        ([], []),
    ],
)
def test_view_lane_entries_gather_each_rows_lanes(make_events, cells, expected):
    """Every row gets one entry per named value, in order (lists and tuples alike), or the 'no …' lane."""
    frame = make_events(*({"countries": ("X",)} for _ in cells))
    frame["countries"] = pd.Series(cells, dtype=object) if cells else frame["countries"]
    positions, names = view.lane_positions(frame, "country")
    assert list(zip(positions.tolist(), names.tolist(), strict=True)) == expected


def test_view_merged_label_is_one_short_line():
    """A picker label holds the date, the reach, and the sentence cut to one line."""
    label = view.merged_label("2024-12-01", 3, "A long\nsentence " + "word " * 40)
    assert label.startswith("2024-12-01 · reported 3× · A long sentence")
    assert "\n" not in label
    assert label.endswith("…")
