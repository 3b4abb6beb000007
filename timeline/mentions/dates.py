"""The date expressions of JSONL articles, one JSON line each.

Output lines are ``{"id", "start", "end", "text", "value", "precision", "start_date", "end_date"}``
with character offsets into that article's text.
"""

from __future__ import annotations

import json
from typing import TextIO

from timeline.dates import find_dates
from timeline.mentions.lines import read_articles
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

    A malformed line is one sentence on ``errors`` naming it (``where:line``), and skipped.
    """
    skipped: list[int] = []
    done = 0
    for article in read_articles(stream, errors, where, skipped):
        for mention in find_dates(article.text, article.date):
            out.write(json.dumps(mention_record(article.id, mention), ensure_ascii=False) + "\n")
        done += 1
    return done, len(skipped)
