"""timeline.schema: the tables' documented columns, their derived roles, and the checks that enforce them."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from timeline import schema
from timeline.merge import merge_events
from timeline.schema import (
    COLUMN_NAMES,
    EVENT_COLUMNS,
    MERGED_COLUMN_NAMES,
    SchemaError,
    check_event_frame,
    check_merged_frame,
    empty_event_frame,
    empty_merged_frame,
)
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


def _event_table() -> pd.DataFrame:
    return events_frame([ONE_EVENT])


def _merged_table() -> pd.DataFrame:
    return merge_events(events_frame([ONE_EVENT])).events


#: (table, its check, a frame that follows it) for both tables.
TABLES = [
    pytest.param(EVENT_COLUMNS, check_event_frame, _event_table, id="event"),
    pytest.param(schema.MERGED_COLUMNS, check_merged_frame, _merged_table, id="merged"),
]
Check = Callable[[pd.DataFrame], None]


def _columns_of(columns: tuple[schema.Column, ...], dtype: str) -> list[str]:
    return [column.name for column in columns if column.dtype == dtype]


@pytest.mark.parametrize(
    ("derived", "columns", "dtype"),
    [
        (schema.LIST_COLUMNS, EVENT_COLUMNS, schema.LIST_DTYPE),
        (schema.DATE_COLUMNS, EVENT_COLUMNS, schema.DAY_DTYPE),
        (schema.INT_COLUMNS, EVENT_COLUMNS, schema.INT_DTYPE),
        (schema.STRING_COLUMNS, EVENT_COLUMNS, schema.STRING_DTYPE),
        (schema.BOOL_COLUMNS, EVENT_COLUMNS, schema.BOOL_DTYPE),
        (schema.MERGED_LIST_COLUMNS, schema.MERGED_COLUMNS, schema.LIST_DTYPE),
        (schema.MERGED_DATE_COLUMNS, schema.MERGED_COLUMNS, schema.DAY_DTYPE),
        (schema.MERGED_INT_COLUMNS, schema.MERGED_COLUMNS, schema.INT_DTYPE),
        (schema.MERGED_STRING_COLUMNS, schema.MERGED_COLUMNS, schema.STRING_DTYPE),
    ],
    ids=["lists", "days", "ints", "text", "bools", "merged-lists", "merged-days", "merged-ints", "merged-text"],
)
def test_schema_roles_follow_the_declarations(derived, columns, dtype):
    """Each role lists exactly the declared columns of its type, in table order, and none is empty."""
    assert list(derived) == _columns_of(columns, dtype)
    assert derived


def test_schema_roles_cover_every_column():
    """Every column of both tables has exactly one role, so no column escapes the checks."""
    for names, roles in (
        (
            COLUMN_NAMES,
            (schema.LIST_COLUMNS, schema.DATE_COLUMNS, schema.INT_COLUMNS, schema.STRING_COLUMNS, schema.BOOL_COLUMNS),
        ),
        (
            MERGED_COLUMN_NAMES,
            (
                schema.MERGED_LIST_COLUMNS,
                schema.MERGED_DATE_COLUMNS,
                schema.MERGED_INT_COLUMNS,
                schema.MERGED_STRING_COLUMNS,
            ),
        ),
    ):
        assert sorted(name for role in roles for name in role) == sorted(names)


@pytest.mark.parametrize(
    "columns",
    [
        (schema.Column("a", schema.STRING_DTYPE, ""), schema.Column("a", schema.INT_DTYPE, "")),
        (schema.Column("a", "datetime64[ns]", ""),),
    ],
    ids=["repeated-name", "unknown-type"],
)
def test_schema_declaration_that_contradicts_itself_fails(columns):
    """A declaration with a repeated name or a type the checks do not know fails when it is read."""
    with pytest.raises(ValueError, match="declaration"):
        schema._of_type(columns, schema.STRING_DTYPE)


@pytest.mark.parametrize(("empty", "check", "names"), [
    (empty_event_frame, check_event_frame, COLUMN_NAMES),
    (empty_merged_frame, check_merged_frame, MERGED_COLUMN_NAMES),
], ids=["event", "merged"])  # fmt: skip
def test_schema_check_accepts_the_empty_frame(empty, check, names):
    """The empty table of each schema has its columns in order and passes its check."""
    frame = empty()
    assert tuple(frame.columns) == names
    check(frame)


@pytest.mark.parametrize(("columns", "check", "build"), TABLES)
def test_schema_check_accepts_a_built_frame(columns, check, build):
    """The table the library builds passes its own check."""
    check(build())


def _first(columns: tuple[schema.Column, ...], dtype: str) -> str:
    return _columns_of(columns, dtype)[0]


def _with(frame: pd.DataFrame, name: str, values: object) -> pd.DataFrame:
    return frame.assign(**{name: values})


#: A wrong column for each declared type: (type, how to break a column of it, words of the message).
WRONG_DTYPES = [
    pytest.param(schema.DAY_DTYPE, lambda column: column.dt.strftime("%Y-%m-%d"), "not days", id="days-as-text"),
    pytest.param(schema.DAY_DTYPE, lambda column: column.astype("datetime64[ns]"), "datetime64[s]", id="days-in-ns"),
    pytest.param(schema.INT_DTYPE, lambda column: column.astype("float64"), "whole numbers", id="int-as-float"),
    pytest.param(schema.STRING_DTYPE, lambda column: pd.Series(range(len(column))), "not text", id="text-as-int"),
    pytest.param(schema.LIST_DTYPE, lambda column: column.map("; ".join).astype("str"), "not lists", id="list-as-str"),
]


@pytest.mark.parametrize(("columns", "check", "build"), TABLES)
def test_schema_check_rejects_a_missing_column(columns, check, build):
    """A frame without one of the columns is refused with a sentence naming it."""
    for column in columns:
        with pytest.raises(SchemaError, match=f"lacks the columns {column.name}"):
            check(build().drop(columns=[column.name]))


@pytest.mark.parametrize(("columns", "check", "build"), TABLES)
@pytest.mark.parametrize(("dtype", "breaking", "words"), WRONG_DTYPES)
def test_schema_check_rejects_a_wrong_dtype(columns, check, build, dtype, breaking, words):
    """A column of the wrong type is refused with a sentence naming the column and the type it should hold."""
    frame = build()
    name = _first(columns, dtype)
    with pytest.raises(SchemaError, match=rf"column {name} holds .*{re.escape(words)}"):
        check(_with(frame, name, breaking(frame[name]).to_numpy()))


@pytest.mark.parametrize(("columns", "check", "build"), TABLES)
@pytest.mark.parametrize("cell", ["Hakan Fidan", None, {"Hakan Fidan"}], ids=["text", "none", "set"])
def test_schema_check_rejects_a_non_list_cell(columns, check, build, cell):
    """A list column with one cell that is not a list is refused, whichever list column it is."""
    frame = build()
    for name in _columns_of(columns, schema.LIST_DTYPE):
        cells = pd.Series([cell], index=frame.index, dtype=object)
        with pytest.raises(SchemaError, match=f"column {name} has a cell that is not a list"):
            check(_with(frame, name, cells))


def test_schema_check_looks_at_every_cell():
    """A bad cell is found even as the last of 200,000 rows: the check does not sample."""
    frame = events_frame([ONE_EVENT])
    big = frame.take(np.zeros(200_000, dtype=np.int64)).reset_index(drop=True)
    check_event_frame(big)
    big.loc[len(big) - 1, "regions"] = "Middle East & North Africa"
    with pytest.raises(SchemaError, match="regions has a cell"):
        check_event_frame(big)


def test_schema_check_is_cheap():
    """Checking a million rows costs well under a second (about 0.1 s here), so every stage can afford it."""
    big = events_frame([ONE_EVENT]).take(np.zeros(1_000_000, dtype=np.int64)).reset_index(drop=True)
    started = time.perf_counter()
    check_event_frame(big)
    assert time.perf_counter() - started < 1.0
