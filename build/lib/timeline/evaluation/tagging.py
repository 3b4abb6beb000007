"""The project's named mentions of texts to be scored, through the pipeline in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from timeline.defaults import SPACY_BATCH_SIZE
from timeline.entities import tag_entities
from timeline.nlp import load_nlp
from timeline.types import EntityMention


def tag_texts(texts: Iterable[str]) -> Iterator[list[EntityMention]]:
    """The named mentions of each text, in order."""
    for doc in load_nlp().pipe(texts, batch_size=SPACY_BATCH_SIZE):
        yield tag_entities(doc)
