"""The input of the mention interfaces: one article ``{"id", "date", "text"}`` a JSON line (other keys ignored)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO


@dataclass(frozen=True)
class BatchArticle:
    """One valid input line."""

    line: int
    id: str | int
    date: dt.date
    text: str


class BadLineError(ValueError):
    """An input line that is not an article; its message is one sentence naming the line."""


def parse_line(raw: str, line: int, where: str) -> BatchArticle:
    """The article on one input line; raises :class:`BadLineError` saying what is wrong."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise BadLineError(f"{where}:{line}: skipped, not valid JSON ({error.msg}).") from None
    if not isinstance(record, dict):
        raise BadLineError(f"{where}:{line}: skipped, expected a JSON object with id, date and text.")
    missing = [key for key in ("id", "date", "text") if key not in record]
    if missing:
        raise BadLineError(f"{where}:{line}: skipped, missing {', '.join(repr(k) for k in missing)}.")
    article_id, date, text = record["id"], record["date"], record["text"]
    if not isinstance(article_id, str | int) or isinstance(article_id, bool):
        raise BadLineError(f"{where}:{line}: skipped, 'id' must be a string or a number.")
    if not isinstance(text, str):
        raise BadLineError(f"{where}:{line}: skipped, 'text' must be a string.")
    try:
        day = dt.date.fromisoformat(date) if isinstance(date, str) else None
    except ValueError:
        day = None
    if day is None:
        raise BadLineError(f"{where}:{line}: skipped, 'date' {date!r} is not a date in the form YYYY-MM-DD.")
    return BatchArticle(line, article_id, day, text)


def read_articles(stream: TextIO, errors: TextIO, where: str, skipped: list[int]) -> Iterator[BatchArticle]:
    """The articles of ``stream``, in order; a bad line is one sentence on ``errors``, its number put in ``skipped``."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            yield parse_line(raw, number, where)
        except BadLineError as problem:
            print(problem, file=errors)
            skipped.append(number)
