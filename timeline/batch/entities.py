"""The ``entities`` JSONL interface: articles in, one line per named mention out.

Input lines are ``{"id", "date", "text"}`` (other keys ignored); output lines are
``{"id", "start", "end", "text", "type", "canonical", "country"}`` with ``type`` one
of PER, ORG, LOC and character offsets into that article's text. Only standalone
names are written (see :func:`timeline.evaluation.entities.scored_mentions`). A
malformed line is reported on stderr in one sentence naming it, and skipped.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from timeline.batch.dates import BadLineError, BatchArticle, parse_line
from timeline.defaults import SPACY_BATCH_SIZE
from timeline.entities import tag_entities
from timeline.evaluation.entities import scored_mentions
from timeline.nlp import load_nlp
from timeline.types import EntityMention

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1


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


def _articles(stream: TextIO, errors: TextIO, where: str, skipped: list[int]) -> Iterator[BatchArticle]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            yield parse_line(raw, number, where)
        except BadLineError as problem:
            print(problem, file=errors)
            skipped.append(number)


def process(stream: TextIO, out: TextIO, errors: TextIO, where: str) -> tuple[int, int]:
    """Write the mention lines of every article in ``stream``; return (articles done, lines skipped)."""
    nlp = load_nlp()
    skipped: list[int] = []
    done = 0
    batch: list[BatchArticle] = []

    def flush() -> None:
        for article, doc in zip(batch, nlp.pipe(a.text for a in batch), strict=True):
            for mention in scored_mentions(tag_entities(doc), len(article.text) + 1):
                out.write(json.dumps(mention_record(article.id, mention), ensure_ascii=False) + "\n")
        batch.clear()

    for article in _articles(stream, errors, where, skipped):
        batch.append(article)
        done += 1
        if len(batch) >= SPACY_BATCH_SIZE:
            flush()
    flush()
    return done, len(skipped)


def run(input_path: str, output_path: str | None = None) -> int:
    """Run the interface on a file; write to ``output_path`` or stdout; return the exit code.

    Raises :class:`~timeline.errors.ModelNotInstalledError` when the spaCy model is missing.
    """
    try:
        stream = Path(input_path).open(encoding="utf-8", errors="replace")  # noqa: SIM115 - closed by the stack below
    except OSError as error:
        print(f"{input_path}: cannot read it ({error.strerror or error}).", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    with ExitStack() as stack:
        stack.enter_context(stream)
        out: TextIO = sys.stdout
        if output_path is not None:
            try:
                out = stack.enter_context(Path(output_path).open("w", encoding="utf-8"))
            except OSError as error:
                print(f"{output_path}: cannot write it ({error.strerror or error}).", file=sys.stderr)
                return EXIT_NOTHING_PROCESSED
        done, skipped = process(stream, out, sys.stderr, input_path)
    return EXIT_NOTHING_PROCESSED if skipped and not done else EXIT_OK
