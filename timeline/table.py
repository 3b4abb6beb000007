"""Events to the event table (see :mod:`timeline.schema` for its columns)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from timeline.schema import COLUMN_NAMES, DATE_COLUMNS, empty_event_frame
from timeline.types import Event


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """One row per event, typed as the schema says."""
    rows = [_row(event) for event in events]
    if not rows:
        return empty_event_frame()
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMN_NAMES))
    for name in DATE_COLUMNS:
        frame[name] = pd.to_datetime(frame[name]).astype("datetime64[ns]")
    frame["sentence_index"] = frame["sentence_index"].astype("int64")
    return frame


def _row(event: Event) -> dict[str, Any]:
    article, mention = event.article, event.date
    return {
        "event_id": event.event_id,
        "article_id": article.article_id,
        "article_title": article.title,
        "article_date": article.date,
        "source": article.source,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "date_text": mention.text,
        "date_value": mention.timex.value,
        "date_start": mention.timex.start,
        "date_end": mention.timex.end,
        "date_precision": str(mention.timex.precision),
        "date_source": str(mention.source),
        "actors": event.actors,
        "places": event.places,
        "countries": event.countries,
        "regions": event.regions,
    }
