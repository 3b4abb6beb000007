"""What a reader is shown of a table: the evidence rows, the reports behind a happening, and the counts.

Pure functions on frames that follow :mod:`timeline.schema`; where an event table and a
merged table are shown differently the caller says which it passes (``kind=``, see
:mod:`timeline.kinds`). List cells become text and dates ISO days, so a table widget
shows them plainly; article text is left as it is (the widget shows text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from timeline.cells import distinct_values
from timeline.defaults import LIST_SEPARATOR
from timeline.kinds import EVENTS, MERGED, TableKind, known_columns
from timeline.schema import MERGED_ID

#: Every column a reader may see in the evidence table, in the order a reader wants them:
#: the date, the evidence, how widely it was reported, who and where, and where from.
#: Each kind of table shows those of its own columns that are listed here.
_READING_ORDER: Final = known_columns(
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
    "article_date",
    "first_article_date",
    "source",
    "date_source",
    MERGED_ID,
)


def evidence_columns(kind: TableKind) -> tuple[str, ...]:
    """The columns of the evidence table of a ``kind`` table, in reading order."""
    return tuple(name for name in _READING_ORDER if name in kind.columns)


#: Columns of the evidence table of an event table.
EVIDENCE_COLUMNS: Final = evidence_columns(EVENTS)
#: Columns of the evidence table of merged events: how widely each happening was reported, and its id for picking.
MERGED_EVIDENCE_COLUMNS: Final = evidence_columns(MERGED)

#: Columns listing the mentions behind one merged event, in the order a reader checks them.
MENTION_COLUMNS: Final = EVENTS.named("source", "article_title", "article_date", "sentence", "date_text", "date_value")


@dataclass(frozen=True)
class EventCounts:
    """How much a (filtered) table holds: rows (events or happenings), their reports and articles."""

    events: int
    articles: int
    countries: int
    actors: int
    #: Event rows behind the rows: equal to ``events`` for an event table.
    mentions: int


def count_events(frame: pd.DataFrame, *, kind: TableKind, mentions: pd.DataFrame | None = None) -> EventCounts:
    """How many rows, articles, countries and actors ``frame`` holds, and the reports behind its rows.

    A merged table (``kind=MERGED``) needs its ``mentions`` (event rows with ``merged_id``):
    its articles are those of the mentions behind the rows shown. An event table counts
    its own articles and ignores ``mentions``.
    """
    kind.require(frame)
    if not kind.merged:
        articles = int(frame["article_id"].nunique())
    elif mentions is None:
        raise ValueError("Counting a merged table needs its mentions: the articles are theirs.")
    elif len(frame):
        # In Arrow's C++ kernels: pandas' isin on Arrow-backed text walks its argument in Python.
        behind = pc.is_in(pa.array(mentions[MERGED_ID]), value_set=pa.array(frame[MERGED_ID]))
        articles = pc.count_distinct(pc.filter(pa.array(mentions["article_id"]), behind)).as_py()
    else:
        articles = 0
    return EventCounts(
        events=len(frame),
        articles=articles,
        countries=len(distinct_values(frame["countries"])),
        actors=len(distinct_values(frame["actors"])),
        mentions=int(kind.reports(frame).sum()),
    )


def evidence_table(frame: pd.DataFrame, *, kind: TableKind, limit: int | None = None) -> pd.DataFrame:
    """The rows to show a reader, in date order: date as resolved and as written, the sentence, who, where, source.

    The columns are :func:`evidence_columns` of ``kind``: :data:`MERGED_EVIDENCE_COLUMNS`
    (how often and by whom each happening was reported) or :data:`EVIDENCE_COLUMNS`.
    ``limit`` keeps the first rows only (a table widget need not carry 100,000 rows; the
    CSV has them all). List cells are joined into text; dates become ISO days.
    """
    kind.require(frame)
    published = kind.published
    # np.lexsort on the day columns (last key first) is stable and avoids sorting text.
    keys = [frame[name].to_numpy(dtype="datetime64[s]") for name in (published, "date_end", "date_start")]
    order = np.lexsort(keys) if len(frame) else np.arange(0)
    columns = evidence_columns(kind)
    table = frame[list(columns)].take(order[:limit]).reset_index(drop=True)
    for column in (name for name in columns if name in kind.list_columns):
        table[column] = [_joined(cell) for cell in table[column].tolist()]
    table[published] = table[published].dt.strftime("%Y-%m-%d")
    return table


def mention_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """The reports behind one merged event, earliest article first: source, article, date, evidence, date as written."""
    order = np.argsort(mentions["article_date"].to_numpy(dtype="datetime64[s]"), kind="stable")
    table = mentions[list(MENTION_COLUMNS)].take(order).reset_index(drop=True)
    table["article_date"] = table["article_date"].dt.strftime("%Y-%m-%d")
    return table


def merged_label(date_value: str, mention_count: int, sentence: str) -> str:
    """A one-line name of a merged event for a picker: date, reach, and the start of its sentence."""
    flat = " ".join(str(sentence).split())
    short = flat if len(flat) <= _LABEL_CHARS else flat[: _LABEL_CHARS - 1] + "…"
    return f"{date_value} · reported {int(mention_count)}× · {short}"


_LABEL_CHARS: Final = 90


def _joined(cell: object) -> str:
    if isinstance(cell, tuple | list):
        return LIST_SEPARATOR.join(str(value) for value in cell)
    return ""


__all__ = [
    "EVIDENCE_COLUMNS",
    "MENTION_COLUMNS",
    "MERGED_EVIDENCE_COLUMNS",
    "EventCounts",
    "count_events",
    "evidence_columns",
    "evidence_table",
    "mention_table",
    "merged_label",
]
