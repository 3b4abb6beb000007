"""Parquet tables of articles: one article a row, the same columns as JSONL and CSV.

A Parquet file is compressed, so its size on disk says nothing of what it holds: 80 KB
of zstd can hold gigabytes of text. Sizes are therefore checked before anything is
decompressed, and while reading:

- Only the article columns (``text``, ``id``, ``title``, ``date``, ``source``, ``url``)
  are read. Their *uncompressed* size, from the file's metadata, may be at most
  :data:`~timeline.defaults.MAX_FILE_BYTES`: a row group past it is refused unread (the
  others are read), and once the row groups read add up past it the rest is one problem.
- Row groups are read one at a time, a few rows at a time, with text columns left
  dictionary-encoded; before a batch becomes Python values the length of each row is
  measured. A row whose text is longer than an article may be is refused unconverted,
  and once the rows read expand past ``MAX_FILE_BYTES`` (a dictionary repeats one value
  in many rows) the rest of the file is one problem.
- A row group that cannot be decoded, or a row whose values cannot become Python
  values, is one problem naming it; the other rows are still read.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from timeline.articles import KNOWN_KEYS, too_long_reason
from timeline.defaults import MAX_ARTICLE_CHARS, MAX_FILE_BYTES
from timeline.errors import ArticleError
from timeline.ingest.records import article_from_record
from timeline.ingest.result import Outcome, ReadContext
from timeline.opening import megabytes

#: Rows turned into Python values at a time, so a large table never sits in memory twice.
_BATCH_ROWS: Final = 256
#: The columns read; any other column is never decompressed.
_COLUMNS: Final = ("text", *KNOWN_KEYS)
#: Bytes the metadata fields of one row (id, title, date, source, url) may take besides its text.
_MAX_FIELD_BYTES: Final = 64 * 1024


def read_parquet(data: bytes, context: ReadContext) -> Iterator[Outcome]:
    """Each row's article, or a problem naming ``file:row N``; a bad row never stops the others."""
    parquet, columns = _open(data, context.where)
    metadata = parquet.metadata
    number, declared, read = 0, 0, 0
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        size = _uncompressed_bytes(metadata.row_group(group), columns)
        if size > MAX_FILE_BYTES:
            yield ArticleError(
                f"{context.where}:row group {group + 1}",
                f"holds {_rows(number, rows)}, which decompress to {megabytes(size)}, more than the "
                f"{megabytes(MAX_FILE_BYTES)} read from one file, so they are not read",
            )
            number += rows
            continue
        declared += size
        try:
            for batch in parquet.iter_batches(
                batch_size=_BATCH_ROWS, row_groups=[group], columns=columns, use_threads=False
            ):
                sizes = _row_sizes(batch)
                read += sum(text + fields for text, fields in sizes)
                if max(declared, read) > MAX_FILE_BYTES:
                    yield ArticleError(
                        context.where,
                        f"expands past the {megabytes(MAX_FILE_BYTES)} read from one file, so its rows from "
                        f"row {number + 1:,} on are not read; split it",
                    )
                    return
                yield from _articles(batch, sizes, number, context)
                number += batch.num_rows
        except (pa.ArrowException, OSError, ValueError, MemoryError) as error:
            yield ArticleError(
                f"{context.where}:row group {group + 1}",
                f"could not be decoded, so its {rows:,} rows are not read ({_first_line(error)})",
            )
            number = sum(metadata.row_group(index).num_rows for index in range(group + 1))


def _rows(before: int, count: int) -> str:
    return f"row {before + 1:,}" if count == 1 else f"rows {before + 1:,} to {before + count:,}"


def _open(data: bytes, where: str) -> tuple[pq.ParquetFile, list[str]]:
    """The file, opened with its text columns left dictionary-encoded, and the article columns it has."""
    try:
        schema = pq.ParquetFile(io.BytesIO(data)).schema_arrow
        names = [name for name in _COLUMNS if name in schema.names]
        if "text" not in names:
            listed = ", ".join(repr(name) for name in schema.names) or "none"
            raise ArticleError(where, f"has no 'text' column (its columns are {listed}), so no article can be read")
        for name in names:
            kind = schema.field(name).type
            if pa.types.is_nested(kind):
                raise ArticleError(where, f"has a {name!r} column of {kind}, where text belongs")
        textual = [name for name in names if _is_textual(schema.field(name).type)]
        return pq.ParquetFile(io.BytesIO(data), read_dictionary=textual), names
    except (pa.ArrowException, OSError, ValueError) as error:
        raise ArticleError(where, f"is not a readable Parquet file ({_first_line(error)})") from None


def _uncompressed_bytes(row_group: pq.RowGroupMetaData, columns: list[str]) -> int:
    """What the ``columns`` of ``row_group`` take decompressed, by the file's own metadata (no data read)."""
    wanted = set(columns)
    total = 0
    for index in range(row_group.num_columns):
        chunk = row_group.column(index)
        if chunk.path_in_schema.split(".")[0] in wanted:
            total += max(chunk.total_uncompressed_size, 0)
    return total


def _row_sizes(batch: pa.RecordBatch) -> list[tuple[int, int]]:
    """(characters of the text, bytes of the other fields) of each row, measured without Python values."""
    text = _lengths(batch.column(batch.schema.get_field_index("text")), characters=True)
    fields = [0] * batch.num_rows
    for index, name in enumerate(batch.schema.names):
        if name != "text":
            for row, length in enumerate(_lengths(batch.column(index), characters=False)):
                fields[row] += length
    return list(zip(text, fields, strict=True))


def _lengths(column: Any, *, characters: bool) -> list[int]:
    values = column.dictionary if pa.types.is_dictionary(column.type) else column
    kind = values.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        measured = pc.utf8_length(values) if characters else pc.binary_length(values)
    elif pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        measured = pc.binary_length(values)
    else:
        return [0] * len(column)
    if pa.types.is_dictionary(column.type):
        measured = pc.take(measured, column.indices)
    return [length or 0 for length in measured.fill_null(0).to_pylist()]


def _articles(
    batch: pa.RecordBatch, sizes: list[tuple[int, int]], before: int, context: ReadContext
) -> Iterator[Outcome]:
    fits = [text <= MAX_ARTICLE_CHARS and fields <= _MAX_FIELD_BYTES for text, fields in sizes]
    records = iter(_records(batch.filter(pa.array(fits, type=pa.bool_()))))
    for offset, ((text, fields), fit) in enumerate(zip(sizes, fits, strict=True)):
        where = f"{context.where}:row {before + offset + 1}"
        if text > MAX_ARTICLE_CHARS:
            # Refused from its measured length: a long text never becomes a Python string.
            yield ArticleError(where, too_long_reason(text))
            continue
        if not fit:
            yield ArticleError(
                where, f"has {fields:,} bytes in its id, title, date, source and url, more than an article has"
            )
            continue
        record = next(records)
        if isinstance(record, str):
            yield ArticleError(where, record)
            continue
        try:
            yield article_from_record(_plain(record), where, context)
        except ArticleError as error:
            yield error


def _records(batch: pa.RecordBatch) -> list[dict[str, object] | str]:
    """The rows of ``batch`` as Python values; a row whose values cannot be converted is the reason why."""
    try:
        return list(batch.to_pylist())
    except (pa.ArrowException, ValueError, OverflowError):
        pass
    records: list[dict[str, object] | str] = []
    for row in range(batch.num_rows):
        try:
            records.append(batch.slice(row, 1).to_pylist()[0])
        except (pa.ArrowException, ValueError, OverflowError) as error:
            records.append(f"has a value that cannot be read ({_first_line(error)})")
    return records


def _is_textual(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_binary(kind)
        or pa.types.is_large_binary(kind)
    )


def _plain(record: dict[str, object]) -> dict[str, object]:
    # Parquet may type the date column as a date or a timestamp; the record reader wants text.
    return {key: value.isoformat()[:10] if isinstance(value, dt.date) else value for key, value in record.items()}


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
