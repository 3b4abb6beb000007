"""The events shown as a TimelineJS 3 document, so a journalist can publish the timeline.

TimelineJS (Knight Lab) reads ``{"title": …, "events": [slide, …]}``; each slide has a
``start_date`` (and ``end_date`` for a period) of year, month and day fields, a
``text`` with ``headline`` and ``text``, an optional ``group`` (its lane) and a
``display_date``. A day is a one-day slide; a weekend, month or year runs from its first
to its last day, so "November 2024" is never published as November 1.

TimelineJS renders ``headline`` and ``text`` as HTML, and article text is written by
strangers, so every piece of it is HTML-escaped here; the only markup added is our own
(a paragraph, a link to the article when its URL is http(s)).
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any, Final

import pandas as pd

from timeline.humandates import human_dates, reach_phrase
from timeline.kinds import TableKind
from timeline.lanes import GROUP_COLUMNS, NO_GROUP_LABELS, GroupBy
from timeline.outlets import outlet, safe_link

__all__ = ["timelinejs_document", "to_timelinejs_bytes"]

#: Characters of the evidence sentence in a slide's headline.
HEADLINE_CHARS: Final = 90


def timelinejs_document(
    frame: pd.DataFrame, *, kind: TableKind, group_by: GroupBy = "region", title: str = "News timeline"
) -> dict[str, Any]:
    """The TimelineJS document of ``frame``'s rows, one slide each, grouped by their first ``group_by`` lane."""
    kind.require(frame)
    readable = human_dates(frame["date_value"].astype(str).tolist())
    lanes = frame[GROUP_COLUMNS[group_by]].tolist()
    ids = frame["merged_id" if kind.merged else "event_id"].astype(str).tolist()
    slides = []
    for index, row in enumerate(frame.itertuples(index=False)):
        start, end = _day(row.date_start), _day(row.date_end)
        if start is None or end is None:
            continue
        slide: dict[str, Any] = {
            "unique_id": f"event-{ids[index]}",
            "start_date": _date(start),
            "display_date": readable[index],
            "text": {"headline": _escape(_short(str(row.sentence))), "text": _body(row, kind)},
            "group": _escape(_first(lanes[index]) or NO_GROUP_LABELS[group_by]),
        }
        if end != start:
            slide["end_date"] = _date(end)
        slides.append(slide)
    return {"title": {"text": {"headline": _escape(title), "text": ""}}, "events": slides}


def to_timelinejs_bytes(frame: pd.DataFrame, *, kind: TableKind, group_by: GroupBy = "region") -> bytes:
    """:func:`timelinejs_document` as UTF-8 JSON."""
    return json.dumps(timelinejs_document(frame, kind=kind, group_by=group_by), ensure_ascii=False).encode("utf-8")


def _body(row: Any, kind: TableKind) -> str:
    """The slide's text: the whole sentence, the date as written and its TIMEX3 value, and where it was reported."""
    parts = [f"<p>{_escape(str(row.sentence))}</p>"]
    parts.append(f"<p>Date as written: “{_escape(str(row.date_text))}” (TIMEX3 {_escape(str(row.date_value))})</p>")
    link = safe_link(str(row.article_url or ""))
    title = _escape(str(row.article_title))
    article = f'<a href="{html.escape(link, quote=True)}">{title}</a>' if link else title
    if kind.merged:
        named = [str(name) for name in row.sources if name]
        parts.append(f"<p>{article}; {reach_phrase(int(row.article_count))}: {_escape('; '.join(named))}</p>")
    else:
        parts.append(f"<p>{article} ({_escape(outlet(str(row.source), str(row.article_url or '')))})</p>")
    return "".join(parts)


def _date(day: dt.date) -> dict[str, str]:
    return {"year": str(day.year), "month": str(day.month), "day": str(day.day)}


def _day(value: object) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _first(cell: object) -> str:
    return str(cell[0]) if isinstance(cell, tuple | list) and cell else ""


def _short(sentence: str) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= HEADLINE_CHARS else flat[: HEADLINE_CHARS - 1] + "…"


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
