"""JSON Lines (one article object a line) and JSON (one object, or a list of them).

Values are read within the limits of :mod:`timeline.jsonvalue` (nesting depth,
integer size); a line past them is one problem, and the other lines are still read.
"""

from __future__ import annotations

from collections.abc import Iterator

from timeline.errors import ArticleError
from timeline.ingest.decode import decode_bytes, decode_lines
from timeline.ingest.records import article_from_record
from timeline.ingest.result import Outcome, ReadContext
from timeline.jsonvalue import JsonValueError, parse_json


def read_jsonl(data: bytes, context: ReadContext) -> Iterator[Outcome]:
    """Each line's article, or a problem naming ``file:line``; a bad line never stops the others."""
    # Only "\n" ends a record: JSON strings may hold U+2028 and friends unescaped.
    for number, line in enumerate(decode_lines(data, context.where), start=1):
        if not line.strip():
            continue
        where = f"{context.where}:{number}"
        try:
            record = _parse(line, where)
            if not isinstance(record, dict):
                raise ArticleError(where, f"is a JSON {_json_kind(record)}, not an object with a 'text' field")
            yield article_from_record(record, where, context)
        except ArticleError as error:
            yield error


def read_json(data: bytes, context: ReadContext) -> Iterator[Outcome]:
    """The article of a JSON object, or of each object in a JSON list (problems name ``file:item N``)."""
    document = _parse(decode_bytes(data, context.where), context.where)
    if isinstance(document, dict):
        yield article_from_record(document, context.where, context)
        return
    if not isinstance(document, list):
        raise ArticleError(context.where, f"is a JSON {_json_kind(document)}, not an article object or a list of them")
    for number, item in enumerate(document, start=1):
        where = f"{context.where}:item {number}"
        try:
            if not isinstance(item, dict):
                raise ArticleError(where, f"is a JSON {_json_kind(item)}, not an object with a 'text' field")
            yield article_from_record(item, where, context)
        except ArticleError as error:
            yield error


def _parse(text: str, where: str) -> object:
    try:
        return parse_json(text)
    except JsonValueError as error:
        raise ArticleError(where, error.reason) from None


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool) or value is None:
        return "constant"
    return "number"
