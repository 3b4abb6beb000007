"""The input of the mention interfaces: one article ``{"id", "date", "text"}`` a JSON line (other keys ignored).

Every line is read within the stated limits (:mod:`timeline.defaults`): at most
``MAX_LINE_CHARS`` characters (a longer line is skipped without being held whole),
JSON nested at most ``MAX_JSON_DEPTH`` deep, integers of at most ``MAX_NUMBER_DIGITS``
digits, and a text of at most ``MAX_ARTICLE_CHARS`` characters, which spaCy's own
``max_length`` is far above. A lone surrogate in the id or the text (a JSON escape of
half a pair, which names no character and cannot be written out) becomes U+FFFD, one
character for one, so offsets into the text stay those of the input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, TextIO

from timeline.articles import too_long_reason
from timeline.defaults import MAX_ARTICLE_CHARS, MAX_LINE_CHARS
from timeline.errors import shown
from timeline.incidents import log_incident
from timeline.jsonvalue import JsonValueError, parse_json

_LONE_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
#: Characters read at a time while skipping the rest of an over-long line.
_SKIP_CHUNK: Final = 1 << 20


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
    at = f"{shown(where)}:{line}: skipped"
    try:
        record = parse_json(raw)
    except JsonValueError as error:
        raise BadLineError(f"{at}, it {error.reason}.") from None
    if not isinstance(record, dict):
        raise BadLineError(f"{at}, expected a JSON object with id, date and text.")
    missing = [key for key in ("id", "date", "text") if key not in record]
    if missing:
        raise BadLineError(f"{at}, missing {', '.join(repr(k) for k in missing)}.")
    article_id, date, text = record["id"], record["date"], record["text"]
    if not isinstance(article_id, str | int) or isinstance(article_id, bool):
        raise BadLineError(f"{at}, 'id' must be a string or a number.")
    if not isinstance(text, str):
        raise BadLineError(f"{at}, 'text' must be a string.")
    if len(text) > MAX_ARTICLE_CHARS:
        raise BadLineError(f"{at}, its 'text' {too_long_reason(len(text))}.")
    try:
        day = dt.date.fromisoformat(date) if isinstance(date, str) else None
    except ValueError:
        day = None
    if day is None:
        raise BadLineError(f"{at}, 'date' {_shorten(date)} is not a date in the form YYYY-MM-DD.")
    if isinstance(article_id, str):
        article_id = _whole_characters(article_id)
    return BatchArticle(line, article_id, day, _whole_characters(text))


def read_articles(stream: TextIO, errors: TextIO, where: str, skipped: list[int]) -> Iterator[BatchArticle]:
    """The articles of ``stream``, in order; a bad line is one sentence on ``errors``, its number put in ``skipped``."""
    for number, raw in _lines(stream):
        if raw is None:
            print(
                f"{shown(where)}:{number}: skipped, the line is longer than the {MAX_LINE_CHARS:,} characters "
                "a line may have.",
                file=errors,
            )
            skipped.append(number)
            continue
        if not raw.strip():
            continue
        try:
            yield parse_line(raw, number, where)
        except BadLineError as problem:
            print(problem, file=errors)
            skipped.append(number)


def skip_failed_line(error: Exception, article: BatchArticle, doing: str, where: str, errors: TextIO) -> None:
    """Say on ``errors`` that ``article``'s line is skipped because of an unexpected error, logged with its stack."""
    incident = log_incident(error, f"{doing} on {shown(where)}:{article.line}")
    print(f"{shown(where)}:{article.line}: skipped, internal error while {doing}; {incident.details()}.", file=errors)


def _lines(stream: TextIO) -> Iterator[tuple[int, str | None]]:
    """(number, line) for each line of ``stream``; the line is None when it is longer than MAX_LINE_CHARS."""
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_CHARS + 1)
        if not raw:
            return
        number += 1
        if len(raw.removesuffix("\n")) <= MAX_LINE_CHARS:
            yield number, raw
            continue
        # Skip to the end of the line a chunk at a time, so it is never held whole.
        while not raw.endswith("\n"):
            raw = stream.readline(_SKIP_CHUNK)
            if not raw:
                break
        yield number, None


def _whole_characters(text: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", text)


def _shorten(value: object, limit: int = 40) -> str:
    written = repr(value)
    return written if len(written) <= limit else written[: limit - 1] + "…"
