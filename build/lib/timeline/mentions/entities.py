"""The named mentions of JSONL articles, one JSON line each.

Output lines are ``{"id", "start", "end", "text", "type", "canonical", "country"}`` with
``type`` one of PER, ORG, LOC and character offsets into that article's text. Only
standalone names are written (see :func:`timeline.evaluation.entities.scored_mentions`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from timeline.defaults import SPACY_BATCH_SIZE
from timeline.entities import tag_entities
from timeline.evaluation.entities import scored_mentions
from timeline.mentions.lines import BatchArticle, read_articles, skip_failed_line
from timeline.nlp import load_nlp
from timeline.types import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def mention_record(article_id: str | int, mention: EntityMention) -> dict[str, object]:
    """The output line of one mention."""
    return {
        "id": article_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "type": mention.type.value,
        "canonical": mention.canonical,
        "country": mention.country,
    }


def process(stream: TextIO, out: TextIO, errors: TextIO, where: str) -> tuple[int, int]:
    """Write the mention lines of every article in ``stream``; return (articles done, lines skipped).

    A malformed line is one sentence on ``errors`` naming it (``where:line``), and skipped;
    so is a line whose article the pipeline fails on (its stack goes to the error log).
    Raises :class:`~timeline.errors.ModelNotInstalledError` when the spaCy model is missing.
    """
    nlp = load_nlp()
    skipped: list[int] = []
    done = 0
    batch: list[BatchArticle] = []

    def lines(article: BatchArticle, doc: Doc) -> list[str]:
        return [
            json.dumps(mention_record(article.id, mention), ensure_ascii=False) + "\n"
            for mention in scored_mentions(tag_entities(doc), len(article.text) + 1)
        ]

    def alone(article: BatchArticle) -> list[str] | None:
        try:
            return lines(article, nlp(article.text))
        # The boundary of one line: the other articles are still processed.
        except Exception as error:
            skip_failed_line(error, article, "finding its named mentions", where, errors)
            skipped.append(article.line)
            return None

    def flush() -> None:
        nonlocal done
        written: list[list[str] | None]
        try:
            written = [lines(article, doc) for article, doc in zip(batch, nlp.pipe(a.text for a in batch), strict=True)]
        except Exception:
            # One article broke the batch: run them one by one, so only that one is skipped.
            written = [alone(article) for article in batch]
        for article_lines in written:
            if article_lines is not None:
                out.writelines(article_lines)
                done += 1
        batch.clear()

    for article in read_articles(stream, errors, where, skipped):
        batch.append(article)
        if len(batch) >= SPACY_BATCH_SIZE:
            flush()
    flush()
    return done, len(skipped)
