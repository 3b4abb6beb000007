"""The ``dates`` JSONL interface: articles in, one line per date expression out.

Input lines are ``{"id", "date", "text"}`` (other keys ignored); output lines are
``{"id", "start", "end", "text", "value", "precision", "start_date", "end_date"}``
with character offsets into that article's text. A malformed line is reported on
stderr in one sentence naming it, and skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from timeline.dates import find_dates
from timeline.types import DateMention

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1


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


def mention_record(article_id: str | int, mention: DateMention) -> dict[str, object]:
    """The output line of one date expression."""
    timex = mention.timex
    return {
        "id": article_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "value": timex.value,
        "precision": timex.precision.value,
        "start_date": timex.start.isoformat() if timex.start else None,
        "end_date": timex.end.isoformat() if timex.end else None,
    }


def _lines(stream: TextIO) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            yield number, raw


def process(stream: TextIO, out: TextIO, errors: TextIO, where: str) -> tuple[int, int]:
    """Write the date lines of every article in ``stream``; return (articles done, lines skipped)."""
    done = skipped = 0
    for number, raw in _lines(stream):
        try:
            article = parse_line(raw, number, where)
        except BadLineError as problem:
            print(problem, file=errors)
            skipped += 1
            continue
        for mention in find_dates(article.text, article.date):
            out.write(json.dumps(mention_record(article.id, mention), ensure_ascii=False) + "\n")
        done += 1
    return done, skipped


def run(input_path: str, output_path: str | None = None) -> int:
    """Run the interface on a file; write to ``output_path`` or stdout; return the exit code."""
    try:
        with Path(input_path).open(encoding="utf-8", errors="replace") as stream:
            if output_path is None:
                done, skipped = process(stream, sys.stdout, sys.stderr, input_path)
            else:
                with Path(output_path).open("w", encoding="utf-8") as out:
                    done, skipped = process(stream, out, sys.stderr, input_path)
    except OSError as error:
        print(f"{error.filename or input_path}: cannot open it ({error.strerror or error}).", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    return EXIT_NOTHING_PROCESSED if skipped and not done else EXIT_OK
