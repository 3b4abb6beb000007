"""timeline.kinds: the event table and the merged table, each declared from the schema."""

from __future__ import annotations

import pytest

from timeline.kinds import EVENTS, MERGED, TableKind, known_columns
from timeline.schema import COLUMN_NAMES, EVENT_COLUMNS, LIST_COLUMNS, MERGED_COLUMN_NAMES, SchemaError


@pytest.mark.parametrize(
    ("kind", "columns", "published", "merged"),
    [(EVENTS, COLUMN_NAMES, "article_date", False), (MERGED, MERGED_COLUMN_NAMES, "first_article_date", True)],
    ids=["events", "merged"],
)
def test_kinds_follow_the_schema(kind, columns, published, merged):
    """Each kind's columns are the schema's, in its order, with its publication-date column and whether it merges."""
    assert kind.columns == columns
    assert kind.published == published
    assert kind.merged is merged


def test_kinds_list_columns_come_from_the_schema():
    """The list columns are the schema's list-typed ones: the merged table adds its sources."""
    assert EVENTS.list_columns == LIST_COLUMNS
    assert MERGED.list_columns == (*LIST_COLUMNS, "sources")


@pytest.mark.parametrize(
    ("make", "events", "expected"),
    [
        ("events", 0, []),
        ("events", 3, [1, 1, 1]),
        ("merged", 0, []),
        ("merged", 3, [2, 1]),
    ],
)
def test_kinds_reports_behind_each_row(make_events, make, events, expected):
    """An event row is one report; a merged row is as many as its mention count."""
    from timeline.merge import merge_events

    same = {"sentence": "Qatar's envoy met Hakan Fidan in Doha on Sunday.", "actors": ("Hakan Fidan",)}
    rows = [
        same | {"article_id": "a1", "event_id": "x1"},
        same | {"article_id": "a2", "event_id": "x2"},
        {"sentence": "Joe Biden spoke on Sunday.", "article_id": "a3", "actors": ("Joe Biden",), "event_id": "x3"},
    ][:events]
    frame = make_events(*rows)
    table, kind = (frame, EVENTS) if make == "events" else (merge_events(frame).events, MERGED)
    assert kind.reports(table).tolist() == expected


def test_kinds_require_names_what_is_missing(make_events):
    """A frame without a kind's columns is refused in one sentence that names them."""
    frame = make_events({}).drop(columns=["source", "sentence"])
    with pytest.raises(SchemaError, match=r"^The table given as the event table lacks the columns source, sentence;"):
        EVENTS.require(frame)


@pytest.mark.parametrize(
    ("declare", "message"),
    [
        (lambda: EVENTS.named("sentence", "sentense"), "The event table has no column sentense."),
        (
            lambda: known_columns("mention_count", "mentions_count"),
            "No kind of event table has the column mentions_count.",
        ),
        (
            lambda: TableKind.of("event", EVENT_COLUMNS, published="published", reach=None),
            "The event table has no column published.",
        ),
    ],
    ids=["named", "known_columns", "kind"],
)
def test_kinds_declarations_with_a_typo_fail(declare, message):
    """A column name that no table has fails where it is declared, not silently later."""
    with pytest.raises(SchemaError) as raised:
        declare()
    assert str(raised.value) == message


def test_kinds_names_pass_through_in_order():
    """Declared names come back as given, in their order."""
    assert EVENTS.named("source", "sentence") == ("source", "sentence")
    assert known_columns("sources", "source") == ("sources", "source")
