"""What a reader is shown of a table: the evidence rows, the reports behind a happening, and the counts.

Pure functions on frames that follow :mod:`timeline.schema`; where an event table and a
merged table are shown differently the caller says which it passes (``kind=``, see
:mod:`timeline.kinds`). A person reads these tables, so dates are written out
(:mod:`timeline.humandates`) beside their TIMEX3 value, each row says why its date is
what it is (:mod:`timeline.whydate`) and where it was reported (:mod:`timeline.outlets`),
and list cells become text. Every text cell is neutralised as the CSV is
(:func:`timeline.export.neutralised_text`): the table widget's own download button
writes cells as they are shown.
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
from timeline.export import neutralised_text
from timeline.humandates import human_dates, human_days, reach_phrase
from timeline.kinds import EVENTS, MERGED, TableKind, known_columns
from timeline.outlets import outlet, safe_link
from timeline.schema import MERGED_ID
from timeline.whydate import why_dates

#: Columns the evidence table adds for its reader: the date written out, why it is that date,
#: the outlet (event rows) and how widely a happening was reported (merged rows).
WHEN: Final = "when"
WHY: Final = "why_this_date"
OUTLET: Final = "outlet"
REACH: Final = "reach"
#: Columns a type of event may come in (another part of the library adds it); shown when present.
OPTIONAL_COLUMNS: Final = ("event_type",)

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
    "article_url",
    "article_date",
    "first_article_date",
    "source",
    "date_source",
    "event_id",
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
    """The rows to show a reader, in date order: the date written out and as TIMEX3, why, the sentence, who, where.

    The columns are :data:`WHEN`, :data:`WHY` and :func:`evidence_columns` of ``kind``
    (:data:`MERGED_EVIDENCE_COLUMNS` with :data:`REACH`, or :data:`EVIDENCE_COLUMNS` with
    :data:`OUTLET`), and ``event_type`` when the table has it. ``limit`` keeps the first
    rows only (a table widget need not carry 100,000 rows; the CSV has them all). List
    cells are joined into text, publication days written out, URLs kept only when they are
    http(s), and every text cell neutralised against spreadsheet formulas.
    """
    kind.require(frame)
    published = kind.published
    # np.lexsort on the day columns (last key first) is stable and avoids sorting text.
    keys = [frame[name].to_numpy(dtype="datetime64[s]") for name in (published, "date_end", "date_start")]
    order = (np.lexsort(keys) if len(frame) else np.arange(0))[:limit]
    columns = [*evidence_columns(kind), *(name for name in OPTIONAL_COLUMNS if name in frame.columns)]
    picked = frame.take(order).reset_index(drop=True)
    table = picked[columns].copy()
    for column in (name for name in columns if name in kind.list_columns):
        table[column] = [_joined(cell) for cell in table[column].tolist()]
    table[published] = human_days(table[published])
    table["article_url"] = [safe_link(url) for url in _text(picked["article_url"])]
    why = zip(_text(picked["date_text"]), _text(picked["date_rule"]), _text(picked["date_anchor"]), strict=True)
    table.insert(0, WHEN, human_dates(_text(picked["date_value"])))
    table.insert(1, WHY, why_dates(why))
    if kind.merged:
        reach = [reach_phrase(count) for count in picked["article_count"].astype(int).tolist()]
        table.insert(_position(table, "mention_count"), REACH, reach)
    else:
        sources = zip(_text(picked["source"]), _text(picked["article_url"]), strict=True)
        table.insert(_position(table, "article_title"), OUTLET, [outlet(*pair) for pair in sources])
    return _neutralised(table)


def _position(table: pd.DataFrame, column: str) -> int:
    return list(table.columns).index(column)


def _text(column: pd.Series) -> list[str]:
    return [str(value) for value in column.astype(object).where(column.notna(), "").tolist()]


def _neutralised(table: pd.DataFrame) -> pd.DataFrame:
    """Every text column of ``table`` neutralised as the CSV is; numbers stay numbers."""
    for name in table.columns:
        column = table[name]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)):
            table[name] = neutralised_text(column)
    return table


def mention_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """The reports behind one merged event, earliest article first: outlet, article, date, evidence, date as written."""
    order = np.argsort(mentions["article_date"].to_numpy(dtype="datetime64[s]"), kind="stable")
    table = mentions[list(MENTION_COLUMNS)].take(order).reset_index(drop=True)
    urls = mentions["article_url"].take(order).fillna("").astype(str).tolist()
    table["source"] = [outlet(str(source), url) for source, url in zip(table["source"].tolist(), urls, strict=True)]
    table["article_date"] = human_days(table["article_date"])
    table.insert(_position(table, "date_value") + 1, WHEN, human_dates(table["date_value"].astype(str).tolist()))
    table["article_url"] = [safe_link(url) for url in urls]
    return _neutralised(table)


def merged_label(when: str, reach: str, sentence: str) -> str:
    """A one-line name of a merged event for a picker: its date as read, its reach, and the start of its sentence."""
    flat = " ".join(str(sentence).split())
    short = flat if len(flat) <= _LABEL_CHARS else flat[: _LABEL_CHARS - 1] + "…"
    return f"{when} · {reach} · {short}"


_LABEL_CHARS: Final = 90


def _joined(cell: object) -> str:
    if isinstance(cell, tuple | list):
        return LIST_SEPARATOR.join(str(value) for value in cell)
    return ""


__all__ = [
    "EVIDENCE_COLUMNS",
    "MENTION_COLUMNS",
    "MERGED_EVIDENCE_COLUMNS",
    "OUTLET",
    "REACH",
    "WHEN",
    "WHY",
    "EventCounts",
    "count_events",
    "evidence_columns",
    "evidence_table",
    "mention_table",
    "merged_label",
]
