"""timeline.schema: the event table's documented columns and the check that enforces them."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.schema import COLUMN_NAMES, EVENT_COLUMNS, SchemaError, check_event_frame, empty_event_frame
from timeline.table import events_frame
from timeline.types import Article, DateMention, DateSource, Event, Precision, TimexValue

DAY = dt.date(2024, 12, 1)
ONE_EVENT = Event(
    "e1",
    Article("a1", "Title", dt.date(2024, 12, 2), "On Sunday it rained."),
    0,
    "On Sunday it rained.",
    DateMention(3, 9, "Sunday", TimexValue("2024-12-01", Precision.DAY, DAY, DAY), DateSource.RELATIVE),
    actors=("Hakan Fidan",),
)

REQUIRED = [
    "event_id", "article_id", "article_title", "article_date", "source", "sentence_index", "sentence",
    "date_text", "date_value", "date_start", "date_end", "date_precision", "date_source",
    "actors", "places", "countries", "regions",
]  # fmt: skip


@pytest.mark.parametrize("name", REQUIRED)
def test_schema_has_required_column(name):
    """Every column issue 2 names is in the schema, documented."""
    column = next(column for column in EVENT_COLUMNS if column.name == name)
    assert column.meaning.strip()


def test_schema_empty_frame_passes_check():
    """An empty table still has every column with its type."""
    frame = empty_event_frame()
    assert tuple(frame.columns) == COLUMN_NAMES
    check_event_frame(frame)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda frame: frame.drop(columns=["sentence"]), "lacks the columns sentence"),
        (lambda frame: frame.assign(date_start="2024-01-01"), "date_start"),
        (lambda frame: frame.assign(actors="Hakan Fidan"), "actors"),
    ],
    ids=["missing-column", "dates-as-text", "list-as-text"],
)
def test_schema_check_rejects(mutate, message):
    """A frame that breaks the schema is refused with a sentence naming the column."""
    frame = events_frame([ONE_EVENT])
    check_event_frame(frame)
    with pytest.raises(SchemaError, match=message):
        check_event_frame(mutate(frame))
