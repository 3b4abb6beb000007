"""The named mentions of JSONL articles, one JSON line each.

Output lines are ``{"id", "start", "end", "text", "type", "canonical", "country"}`` with
``type`` one of PER, ORG, LOC and character offsets into that article's text. Only
standalone names are written (see :func:`timeline.evaluation.entities.scored_mentions`).
"""

from __future__ import annotations

import json
from typing import TextIO

from timeline.defaults import SPACY_BATCH_SIZE
from timeline.entities import tag_entities
from timeline.evaluation.entities import scored_mentions
from timeline.mentions.lines import BatchArticle, read_articles
from timeline.nlp import load_nlp
from timeline.types import EntityMention


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

    A malformed line is one sentence on ``errors`` naming it (``where:line``), and skipped.
    Raises :class:`~timeline.errors.ModelNotInstalledError` when the spaCy model is missing.
    """
    nlp = load_nlp()
    skipped: list[int] = []
    done = 0
    batch: list[BatchArticle] = []

    def flush() -> None:
        for article, doc in zip(batch, nlp.pipe(a.text for a in batch), strict=True):
            for mention in scored_mentions(tag_entities(doc), len(article.text) + 1):
                out.write(json.dumps(mention_record(article.id, mention), ensure_ascii=False) + "\n")
        batch.clear()

    for article in read_articles(stream, errors, where, skipped):
        batch.append(article)
        done += 1
        if len(batch) >= SPACY_BATCH_SIZE:
            flush()
    flush()
    return done, len(skipped)
