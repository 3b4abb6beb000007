"""The event table and the merged-event table: their columns, what each means, and the checks.

This is the one place the tables' shape is documented. Each column is declared once,
with its type; the roles other modules need (list columns, day columns, integer
columns) are derived from the declarations, never typed again. Every stage that hands a
frame on (the table builder, the cache and Parquet readers, the merge) checks it with
:func:`check_event_frame` or :func:`check_merged_frame`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from timeline.defaults import MAX_SENTENCE_CHARS
from timeline.errors import TimelineError


@dataclass(frozen=True)
class Column:
    """One column of the event table."""

    name: str
    dtype: str
    meaning: str


#: Columns whose cells are tuples of strings (joined with "; " in CSV).
LIST_DTYPE: Final = "list[str]"
#: The type of every day column. pandas' default nanoseconds hold only 1677 to 2262, and
#: the date engine speaks of the 11th century and of 9999; seconds hold every year from
#: 1 to 9999, and so does every store the table goes to (Parquet, CSV, JSONL, the chart).
DAY_DTYPE: Final = "datetime64[s]"
STRING_DTYPE: Final = "string"
INT_DTYPE: Final = "int64"
BOOL_DTYPE: Final = "bool"
_DTYPES: Final = frozenset({LIST_DTYPE, DAY_DTYPE, STRING_DTYPE, INT_DTYPE, BOOL_DTYPE})

EVENT_COLUMNS: Final[tuple[Column, ...]] = (
    Column("event_id", STRING_DTYPE, "Stable id of the row: hash of article id, sentence index and date offset."),
    Column("article_id", STRING_DTYPE, "Stable id of the article (given, or a hash of its content)."),
    Column("article_title", STRING_DTYPE, "The article's title."),
    Column("article_date", DAY_DTYPE, "The article's publication date, the base of relative dates."),
    Column("source", STRING_DTYPE, "Outlet or origin of the article; 'unknown' when not stated."),
    Column("sentence_index", INT_DTYPE, "0-based index of the evidence sentence in the article."),
    Column(
        "sentence",
        STRING_DTYPE,
        "The evidence sentence, verbatim from the article; when the sentence is longer than "
        f"{MAX_SENTENCE_CHARS} characters, the window of it around the date (defaults.MAX_SENTENCE_CHARS).",
    ),
    Column("sentence_start", INT_DTYPE, "Character offset in the article text where the evidence starts."),
    Column("sentence_end", INT_DTYPE, "Character offset in the article text where the evidence ends (exclusive)."),
    Column(
        "date_text",
        STRING_DTYPE,
        "The date expression as written ('On Sunday'); for context dates, the expression it came from; "
        "empty for the article's day.",
    ),
    Column(
        "date_text_start",
        INT_DTYPE,
        "Character offset in the article text of the date expression; -1 when the sentence writes no date "
        "(date_source context taken from an earlier sentence, or article).",
    ),
    Column("date_text_end", INT_DTYPE, "End offset (exclusive) of the date expression; -1 as for date_text_start."),
    Column(
        "date_value",
        STRING_DTYPE,
        "TIMEX3 value: 2024-12-01, 2024-11, 2024, 2024-W48-WE, 2024-Q4, 2024-SU, 201 (decade).",
    ),
    Column("date_start", DAY_DTYPE, "First day the value covers."),
    Column("date_end", DAY_DTYPE, "Last day the value covers."),
    Column(
        "date_precision",
        STRING_DTYPE,
        "day, weekend, week, month, season, quarter, half, year, decade or century.",
    ),
    Column(
        "date_source",
        STRING_DTYPE,
        "How the date was obtained: explicit (written in full), relative (resolved against the article date), "
        "context (the story's current day, from an earlier sentence of the story), or article (the article's "
        "publication day: a sentence telling the article's own news with no date of its own; see timeline.events).",
    ),
    Column(
        "predicate",
        STRING_DTYPE,
        "The verb (or event noun) the date belongs to, as written ('released'); for context and article dates, "
        "the sentence's main verb; empty when the sentence has no verb.",
    ),
    Column(
        "main_event",
        BOOL_DTYPE,
        "True when the date is the sentence's main event's (its main verb, a verb joined to it, or what was said "
        "or planned); False for a side clause's (relative or participial clause, apposition, quotation, a dated "
        "noun such as 'the September 11 attacks').",
    ),
    Column("actors", LIST_DTYPE, "Canonical names of who was involved (people, organisations, states, armed groups)."),
    Column("places", LIST_DTYPE, "Canonical names of where it happened or was mentioned."),
    Column(
        "countries",
        LIST_DTYPE,
        "Countries from places, demonyms, country names and actors' affiliations; when the sentence names no "
        "place, the story's too (see countries_inferred).",
    ),
    Column(
        "countries_inferred",
        LIST_DTYPE,
        "The countries of the row not stated in its sentence, taken in this order from the nearest earlier "
        "sentence of the story, the dateline, or the article's most-named country; empty when all are stated.",
    ),
    Column("regions", LIST_DTYPE, "Regions of those countries (see timeline.regions)."),
    Column("article_url", STRING_DTYPE, "The article's URL as given with it; empty when none was given."),
    Column(
        "date_rule",
        STRING_DTYPE,
        "The date family whose rule gave the value (timeline.dates, e.g. weekday_by_tense); empty when none did.",
    ),
    Column(
        "date_anchor",
        STRING_DTYPE,
        "What the date was counted from: 'article date 2024-12-02', 'earlier date 2024-11-30' (a date before it "
        "in the text), 'previous sentence' (a context date); empty for a date written in full.",
    ),
)

#: The column :func:`timeline.merge.merge_events` adds to each event row (a "mention").
MERGED_ID: Final = "merged_id"

#: The merged-event table: one row per happening, however many articles reported it.
#: Its mentions are the event rows (above) with a ``merged_id`` column.
MERGED_COLUMNS: Final[tuple[Column, ...]] = (
    Column(
        MERGED_ID,
        STRING_DTYPE,
        "Stable id of the happening: the event_id of its first mention (earliest article).",
    ),
    Column("sentence", STRING_DTYPE, "The representative evidence sentence (the mention with the finest date, first)."),
    Column("article_title", STRING_DTYPE, "Title of the article the representative sentence comes from."),
    Column("date_text", STRING_DTYPE, "The representative mention's date as written."),
    Column(
        "date_value",
        STRING_DTYPE,
        "The representative mention's TIMEX3 value (the finest date among the mentions).",
    ),
    Column("date_start", DAY_DTYPE, "First day the value covers."),
    Column("date_end", DAY_DTYPE, "Last day the value covers."),
    Column("date_precision", STRING_DTYPE, "Precision of that value (day, week, month, …)."),
    Column("date_source", STRING_DTYPE, "How the representative mention's date was obtained."),
    Column("actors", LIST_DTYPE, "Union of the mentions' actors, in order of first appearance."),
    Column("places", LIST_DTYPE, "Union of the mentions' places."),
    Column("countries", LIST_DTYPE, "Union of the mentions' countries."),
    Column(
        "countries_inferred",
        LIST_DTYPE,
        "Union of the mentions' inferred countries: one listed here was taken from the story, not stated, "
        "in at least one report (the mentions say which).",
    ),
    Column("regions", LIST_DTYPE, "Union of the mentions' regions."),
    Column("mention_count", INT_DTYPE, "How many event rows (mentions) report this happening."),
    Column("article_count", INT_DTYPE, "How many distinct articles report it."),
    Column("sources", LIST_DTYPE, "Distinct sources that report it, earliest report first."),
    Column("first_article_date", DAY_DTYPE, "Publication date of the earliest article reporting it."),
    Column("last_article_date", DAY_DTYPE, "Publication date of the latest article reporting it."),
    Column("article_url", STRING_DTYPE, "URL of the article the representative sentence comes from, or empty."),
    Column("date_rule", STRING_DTYPE, "The date family that gave the representative mention's value."),
    Column("date_anchor", STRING_DTYPE, "What the representative mention's date was counted from."),
)


def _check_declared(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """``columns``, once it is known that no name repeats and every type is one the checks know."""
    names = [column.name for column in columns]
    repeated = sorted({name for name in names if names.count(name) > 1})
    unknown = sorted({column.dtype for column in columns} - _DTYPES)
    if repeated or unknown:
        raise ValueError(f"A table declaration repeats the columns {repeated} or uses the unknown types {unknown}.")
    return columns


def _of_type(columns: tuple[Column, ...], dtype: str) -> tuple[str, ...]:
    return tuple(column.name for column in _check_declared(columns) if column.dtype == dtype)


# The roles of each table's columns, derived from its declaration.
COLUMN_NAMES: Final = tuple(column.name for column in _check_declared(EVENT_COLUMNS))
LIST_COLUMNS: Final = _of_type(EVENT_COLUMNS, LIST_DTYPE)
DATE_COLUMNS: Final = _of_type(EVENT_COLUMNS, DAY_DTYPE)
INT_COLUMNS: Final = _of_type(EVENT_COLUMNS, INT_DTYPE)
BOOL_COLUMNS: Final = _of_type(EVENT_COLUMNS, BOOL_DTYPE)
STRING_COLUMNS: Final = _of_type(EVENT_COLUMNS, STRING_DTYPE)

MERGED_COLUMN_NAMES: Final = tuple(column.name for column in _check_declared(MERGED_COLUMNS))
MERGED_LIST_COLUMNS: Final = _of_type(MERGED_COLUMNS, LIST_DTYPE)
MERGED_DATE_COLUMNS: Final = _of_type(MERGED_COLUMNS, DAY_DTYPE)
MERGED_INT_COLUMNS: Final = _of_type(MERGED_COLUMNS, INT_DTYPE)
MERGED_STRING_COLUMNS: Final = _of_type(MERGED_COLUMNS, STRING_DTYPE)


class SchemaError(TimelineError):
    """Raised when a frame does not follow the event table's or the merged-event table's schema."""


def empty_event_frame() -> pd.DataFrame:
    """Return an event table with no rows and every column typed."""
    return _empty(EVENT_COLUMNS)


def empty_merged_frame() -> pd.DataFrame:
    """Return a merged-event table with no rows and every column typed."""
    return _empty(MERGED_COLUMNS)


def check_event_frame(frame: pd.DataFrame) -> None:
    """Raise :class:`SchemaError` unless ``frame`` has every event column with its type (extra columns may follow)."""
    _check(frame, EVENT_COLUMNS, "event table")


def check_merged_frame(frame: pd.DataFrame) -> None:
    """Raise :class:`SchemaError` unless ``frame`` has every merged-event column with its type."""
    _check(frame, MERGED_COLUMNS, "merged-event table")


def _empty(columns: tuple[Column, ...]) -> pd.DataFrame:
    return pd.DataFrame({column.name: pd.Series(dtype=_pandas_dtype(column.dtype)) for column in columns})


def _pandas_dtype(dtype: str) -> str:
    return "object" if dtype in (LIST_DTYPE, STRING_DTYPE) else dtype


def _check(frame: pd.DataFrame, columns: tuple[Column, ...], table: str) -> None:
    # Types are checked on the dtype alone, which costs nothing per row; only the list
    # columns hold Python objects that must each be looked at (see _has_non_list).
    missing = [column.name for column in columns if column.name not in frame.columns]
    if missing:
        raise SchemaError(f"The {table} lacks the columns {', '.join(missing)}.")
    for column in columns:
        dtype = frame[column.name].dtype
        if column.dtype == LIST_DTYPE:
            wrong = dtype != np.dtype(object)
        elif column.dtype == STRING_DTYPE:
            wrong = not pd.api.types.is_string_dtype(dtype)
        else:
            wrong = dtype != np.dtype(column.dtype)
        if wrong:
            raise SchemaError(f"The {table} column {column.name} holds {dtype}, not {_described(column.dtype)}.")
        if column.dtype == LIST_DTYPE and _has_non_list(frame[column.name]):
            raise SchemaError(f"The {table} column {column.name} has a cell that is not a list.")


def _described(dtype: str) -> str:
    return {
        LIST_DTYPE: "lists (an object column of tuples)",
        DAY_DTYPE: f"days ({DAY_DTYPE}, which holds any era)",
        STRING_DTYPE: "text",
        INT_DTYPE: f"whole numbers ({INT_DTYPE})",
        BOOL_DTYPE: f"true or false ({BOOL_DTYPE})",
    }[dtype]


def _has_non_list(column: pd.Series) -> bool:
    """Whether any cell is not a tuple or list: every cell is looked at, none is sampled.

    ``map(type, …)`` runs in C and a table holds only a handful of distinct cell types,
    so a million cells cost a few tens of milliseconds, not the second a Python loop would.
    """
    kinds = set(map(type, column.to_numpy(dtype=object)))
    return not all(issubclass(kind, tuple | list) for kind in kinds)
