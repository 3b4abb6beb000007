"""The date expressions of JSONL articles, one JSON line each.

Output lines are ``{"id", "start", "end", "text", "value", "precision", "start_date", "end_date"}``
with character offsets into that article's text.
"""

from __future__ import annotations

import json
from typing import TextIO

from timeline.dates import find_dates
from timeline.mentions.lines import read_articles, skip_failed_line
from timeline.types import DateMention


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


def process(stream: TextIO, out: TextIO, errors: TextIO, where: str) -> tuple[int, int]:
    """Write the date lines of every article in ``stream``; return (articles done, lines skipped).

    A malformed line is one sentence on ``errors`` naming it (``where:line``), and skipped;
    so is a line whose article the date engine fails on (its stack goes to the error log).
    """
    skipped: list[int] = []
    done = 0
    for article in read_articles(stream, errors, where, skipped):
        try:
            # All of an article's lines or none: a failure halfway leaves no partial article.
            lines = [
                json.dumps(mention_record(article.id, mention), ensure_ascii=False) + "\n"
                for mention in find_dates(article.text, article.date)
            ]
        # The boundary of one line: the other articles are still processed.
        except Exception as error:
            skip_failed_line(error, article, "finding its dates", where, errors)
            skipped.append(article.line)
            continue
        out.writelines(lines)
        done += 1
    return done, len(skipped)
