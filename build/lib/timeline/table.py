"""Events to the event table (see :mod:`timeline.schema` for its columns)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from timeline.schema import (
    BOOL_COLUMNS,
    BOOL_DTYPE,
    COLUMN_NAMES,
    DATE_COLUMNS,
    DAY_DTYPE,
    INT_COLUMNS,
    INT_DTYPE,
    check_event_frame,
    empty_event_frame,
)
from timeline.types import AnchorKind, Article, DateMention, DateSource, Event


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """One row per event, typed as the schema says."""
    rows = [_row(event) for event in events]
    if not rows:
        return empty_event_frame()
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMN_NAMES))
    for name in DATE_COLUMNS:
        # The cells are datetime.date objects, which pandas reads in seconds: no day of any
        # era passes through nanoseconds (which end in 1677 and 2262) on the way in.
        frame[name] = pd.to_datetime(frame[name]).astype(DAY_DTYPE)
    for name in INT_COLUMNS:
        frame[name] = frame[name].astype(INT_DTYPE)
    for name in BOOL_COLUMNS:
        frame[name] = frame[name].astype(BOOL_DTYPE)
    check_event_frame(frame)
    return frame


def _row(event: Event) -> dict[str, Any]:
    article, mention = event.article, event.date
    # A date handed on from an earlier sentence, or the article's day, is written nowhere in this one.
    written = event.sentence_start <= mention.start < event.sentence_end and mention.source is not DateSource.ARTICLE
    return {
        "event_id": event.event_id,
        "article_id": article.article_id,
        "article_title": article.title,
        "article_date": article.date,
        "source": article.source,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        "date_text": mention.text,
        "date_text_start": mention.start if written else -1,
        "date_text_end": mention.end if written else -1,
        "date_value": mention.timex.value,
        "date_start": mention.timex.start,
        "date_end": mention.timex.end,
        "date_precision": str(mention.timex.precision),
        "date_source": str(mention.source),
        "predicate": event.predicate,
        "main_event": event.main_event,
        "actors": event.actors,
        "places": event.places,
        "countries": event.countries,
        "countries_inferred": event.countries_inferred,
        "regions": event.regions,
        "article_url": article.url,
        "date_rule": mention.rule,
        "date_anchor": _anchor(mention, article),
    }


def _anchor(mention: DateMention, article: Article) -> str:
    """What the date was counted from; a date handed on from the sentence before says so.

    The date engine names its own anchors; a mention whose source became ``context``
    without one of them (timeline.events hands a sentence's date on) comes from the
    previous sentence, and the article's own day is the article date.
    """
    if mention.source is DateSource.CONTEXT and not mention.anchor.startswith(AnchorKind.EARLIER):
        return str(AnchorKind.PREVIOUS)
    if mention.source is DateSource.ARTICLE and not mention.anchor:
        return f"{AnchorKind.ARTICLE} {article.date.isoformat()}"
    return mention.anchor
