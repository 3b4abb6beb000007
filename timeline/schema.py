"""The event table: its columns, what each means, and the check that a frame follows it.

This is the one place the table's shape is documented. Every other module builds,
filters or writes frames through the names defined here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pandas as pd

from timeline.errors import TimelineError


@dataclass(frozen=True)
class Column:
    """One column of the event table."""

    name: str
    dtype: str
    meaning: str


#: Columns whose cells are tuples of strings (joined with "; " in CSV).
LIST_DTYPE: Final = "list[str]"

EVENT_COLUMNS: Final[tuple[Column, ...]] = (
    Column("event_id", "string", "Stable id of the row: hash of article id, sentence index and date offset."),
    Column("article_id", "string", "Stable id of the article (given, or a hash of its content)."),
    Column("article_title", "string", "The article's title."),
    Column("article_date", "datetime64[ns]", "The article's publication date, the base of relative dates."),
    Column("source", "string", "Outlet or origin of the article; 'unknown' when not stated."),
    Column("sentence_index", "int64", "0-based index of the evidence sentence in the article."),
    Column("sentence", "string", "The evidence sentence, verbatim from the article."),
    Column(
        "date_text",
        "string",
        "The date expression as written ('On Sunday'); for context dates, the expression it came from.",
    ),
    Column(
        "date_value", "string", "TIMEX3 value: 2024-12-01, 2024-11, 2024, 2024-W48-WE, 2024-Q4, 2024-SU, 201 (decade)."
    ),
    Column("date_start", "datetime64[ns]", "First day the value covers."),
    Column("date_end", "datetime64[ns]", "Last day the value covers."),
    Column("date_precision", "string", "day, weekend, week, month, season, quarter, half, year, decade or century."),
    Column("date_source", "string", "explicit, relative, context or article: how the date was obtained."),
    Column("actors", LIST_DTYPE, "Canonical names of who was involved (people, organisations, states, armed groups)."),
    Column("places", LIST_DTYPE, "Canonical names of where it happened or was mentioned."),
    Column("countries", LIST_DTYPE, "Countries from places, demonyms, country names and actors' affiliations."),
    Column("regions", LIST_DTYPE, "Regions of those countries (see timeline.regions)."),
)

COLUMN_NAMES: Final = tuple(column.name for column in EVENT_COLUMNS)
LIST_COLUMNS: Final = tuple(column.name for column in EVENT_COLUMNS if column.dtype == LIST_DTYPE)
DATE_COLUMNS: Final = tuple(column.name for column in EVENT_COLUMNS if column.dtype.startswith("datetime"))


class SchemaError(TimelineError):
    """Raised when a frame does not follow the event table schema."""


def empty_event_frame() -> pd.DataFrame:
    """Return an event table with no rows and every column typed."""
    frame = pd.DataFrame({column.name: pd.Series(dtype=_pandas_dtype(column.dtype)) for column in EVENT_COLUMNS})
    return frame


def check_event_frame(frame: pd.DataFrame) -> None:
    """Raise :class:`SchemaError` unless ``frame`` has every event column with its type."""
    missing = [name for name in COLUMN_NAMES if name not in frame.columns]
    if missing:
        raise SchemaError(f"The event table lacks the columns {', '.join(missing)}.")
    for name in DATE_COLUMNS:
        if not pd.api.types.is_datetime64_any_dtype(frame[name]):
            raise SchemaError(f"The event table column {name} holds {frame[name].dtype}, not dates.")
    for name in LIST_COLUMNS:
        bad = frame[name].map(lambda cell: not isinstance(cell, tuple | list))
        if bad.any():
            raise SchemaError(f"The event table column {name} has a cell that is not a list.")


def _pandas_dtype(dtype: str) -> str:
    return "object" if dtype in (LIST_DTYPE, "string") else dtype


#: The column :func:`timeline.merge.merge_events` adds to each event row (a "mention").
MERGED_ID: Final = "merged_id"

#: The merged-event table: one row per happening, however many articles reported it.
#: Its mentions are the event rows (above) with a ``merged_id`` column.
MERGED_COLUMNS: Final[tuple[Column, ...]] = (
    Column(MERGED_ID, "string", "Stable id of the happening: the event_id of its first mention (earliest article)."),
    Column("sentence", "string", "The representative evidence sentence (the mention with the finest date, first)."),
    Column("article_title", "string", "Title of the article the representative sentence comes from."),
    Column("date_text", "string", "The representative mention's date as written."),
    Column("date_value", "string", "The representative mention's TIMEX3 value (the finest date among the mentions)."),
    Column("date_start", "datetime64[ns]", "First day the value covers."),
    Column("date_end", "datetime64[ns]", "Last day the value covers."),
    Column("date_precision", "string", "Precision of that value (day, week, month, …)."),
    Column("date_source", "string", "How the representative mention's date was obtained."),
    Column("actors", LIST_DTYPE, "Union of the mentions' actors, in order of first appearance."),
    Column("places", LIST_DTYPE, "Union of the mentions' places."),
    Column("countries", LIST_DTYPE, "Union of the mentions' countries."),
    Column("regions", LIST_DTYPE, "Union of the mentions' regions."),
    Column("mention_count", "int64", "How many event rows (mentions) report this happening."),
    Column("article_count", "int64", "How many distinct articles report it."),
    Column("sources", LIST_DTYPE, "Distinct sources that report it, earliest report first."),
    Column("first_article_date", "datetime64[ns]", "Publication date of the earliest article reporting it."),
    Column("last_article_date", "datetime64[ns]", "Publication date of the latest article reporting it."),
)

MERGED_COLUMN_NAMES: Final = tuple(column.name for column in MERGED_COLUMNS)


def empty_merged_frame() -> pd.DataFrame:
    """Return a merged-event table with no rows and every column typed."""
    return pd.DataFrame({column.name: pd.Series(dtype=_pandas_dtype(column.dtype)) for column in MERGED_COLUMNS})
