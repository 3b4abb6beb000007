"""Parquet tables of articles: one article a row, the same columns as JSONL and CSV."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from timeline.errors import ArticleError
from timeline.ingest.records import article_from_record
from timeline.ingest.result import Outcome, ReadContext

#: Rows converted to Python at a time, so a large table never sits in memory twice.
_BATCH_ROWS = 1024


def read_parquet(data: bytes, context: ReadContext) -> Iterator[Outcome]:
    """Each row's article, or a problem naming ``file:row N``; a bad row never stops the others."""
    try:
        table = pq.ParquetFile(io.BytesIO(data))
    except (pa.ArrowException, OSError, ValueError) as error:
        raise ArticleError(context.where, f"is not a readable Parquet file ({_first_line(error)})") from None
    if "text" not in table.schema_arrow.names:
        listed = ", ".join(repr(name) for name in table.schema_arrow.names) or "none"
        raise ArticleError(context.where, f"has no 'text' column (its columns are {listed}), so no article can be read")
    number = 0
    for batch in table.iter_batches(batch_size=_BATCH_ROWS):
        for record in batch.to_pylist():
            number += 1
            try:
                yield article_from_record(_plain(record), f"{context.where}:row {number}", context)
            except ArticleError as error:
                yield error


def _plain(record: dict[str, object]) -> dict[str, object]:
    # Parquet may type the date column as a date or a timestamp; the record reader wants text.
    return {key: value.isoformat()[:10] if isinstance(value, dt.date) else value for key, value in record.items()}


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
