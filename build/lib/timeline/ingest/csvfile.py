"""CSV (and tab-separated) files: a header row naming the columns, then one article a row.

Columns are ``text`` (required), ``date`` (required unless a date is given for all),
and optionally ``id``, ``title``, ``source``, ``url``; others are ignored. A broken row
is a problem naming ``file:line`` (the line the row starts on); the other rows are kept.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from timeline.errors import ArticleError, MissingDateError
from timeline.ingest.decode import decode_lines
from timeline.ingest.records import article_from_record
from timeline.ingest.result import Outcome, ReadContext

_DELIMITERS = (",", ";", "\t", "|")


def read_csv(data: bytes, context: ReadContext, *, delimiter: str = ",") -> Iterator[Outcome]:
    """Each row's article, or a problem naming the row's line; a missing column is one problem for the file."""
    raw = list(decode_lines(data, context.where))
    # One line-break convention: "\r\n" and a lone "\r" (old Macs) end a line as "\n" does.
    lines = [part + "\n" for line in raw for part in line.removesuffix("\r").split("\r")]
    header_index = next((index for index, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        raise ArticleError(context.where, "is empty" if raw == [""] else "contains only whitespace")
    delimiter, columns = _header(lines[header_index], delimiter, f"{context.where}:{header_index + 1}")
    _check_columns(columns, context)
    yield from _rows(lines, header_index + 1, columns, context, delimiter)


def read_tsv(data: bytes, context: ReadContext) -> Iterator[Outcome]:
    """:func:`read_csv` for tab-separated files."""
    return read_csv(data, context, delimiter="\t")


def _header(line: str, delimiter: str, where: str) -> tuple[str, list[str]]:
    """The delimiter and lower-case column names of the header ``line``.

    Spreadsheets set to a European locale write ``;`` between fields; a header that has
    a ``text`` column only when split on another delimiter is read with that one.
    """
    columns: list[str] = []
    for candidate in (delimiter, *(other for other in _DELIMITERS if other != delimiter)):
        try:
            header = next(csv.reader([line], delimiter=candidate, strict=True))
        except csv.Error as error:
            raise ArticleError(where, f"is not a valid CSV header ({error})") from None
        names = [name.strip().lower() for name in header]
        if candidate == delimiter:
            columns = names
        if "text" in names:
            return candidate, names
    return delimiter, columns


def _check_columns(columns: list[str], context: ReadContext) -> None:
    listed = ", ".join(repr(name) for name in columns if name) or "none"
    if "text" not in columns:
        raise ArticleError(context.where, f"has no 'text' column (its columns are {listed}), so no article can be read")
    if "date" not in columns and context.date is None:
        raise MissingDateError(
            context.where, "has no 'date' column; add one, or give a publication date for all its articles"
        )


def _rows(lines: list[str], start: int, columns: list[str], context: ReadContext, delimiter: str) -> Iterator[Outcome]:
    """Read rows from ``lines[start:]``, starting over on the next line after a row the csv module rejects."""
    position = start
    while position < len(lines):
        reader = csv.reader(iter(lines[position:]), delimiter=delimiter, strict=True)
        while True:
            first_line = position + reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield ArticleError(f"{context.where}:{first_line}", _csv_reason(str(error)))
                end = _record_end(lines, first_line - 1)
                # An unclosed quote swallows the rest of the file; then resume right after its line.
                position = first_line if end is None else end + 1
                break
            if not any(cell.strip() for cell in row):
                continue
            where = f"{context.where}:{first_line}"
            if len(row) != len(columns):
                yield ArticleError(
                    where, f"is a broken row: it has {len(row)} fields but the header has {len(columns)} columns"
                )
                continue
            try:
                yield article_from_record(dict(zip(columns, row, strict=True)), where, context)
            except ArticleError as error:
                yield error


def _record_end(lines: list[str], start: int) -> int | None:
    """Index of the line that ends the record starting at ``lines[start]``, or None if its quote never closes.

    A line break ends a record only outside quotes, that is after an even number of
    quote characters (an escaped quote is two).
    """
    odd = False
    for index in range(start, len(lines)):
        odd ^= lines[index].count('"') % 2 == 1
        if not odd:
            return index
    return None


def _csv_reason(message: str) -> str:
    if "unexpected end of data" in message:
        return "is a broken row: a quoted field is never closed"
    if "field larger than field limit" in message:
        return f"is a broken row: a field is longer than the {csv.field_size_limit():,} characters a CSV field may have"
    return f"is a broken row ({message})"
