"""The per-article stage: articles in, each article's events out.

Every engine runs this on its share of the corpus (through the cache), so nothing here
may look beyond one article; the stages that need the whole corpus run once, after it,
in :mod:`timeline.corpus`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from timeline.dates import find_dates
from timeline.defaults import SPACY_BATCH_SIZE
from timeline.entities import tag_entities
from timeline.events import Sentence, build_events
from timeline.nlp import load_nlp
from timeline.table import events_frame
from timeline.types import Article, Event, ProgressCallback

_PAST_TAGS = frozenset({"VBD"})


def extract_events(
    articles: Sequence[Article],
    *,
    nlp: Language | None = None,
    on_progress: ProgressCallback | None = None,
    n_process: int = 1,
) -> list[Event]:
    """Find the events of every article, in article then text order."""
    language = nlp if nlp is not None else load_nlp()
    events: list[Event] = []
    docs = language.pipe((article.text for article in articles), batch_size=SPACY_BATCH_SIZE, n_process=n_process)
    for done, (article, doc) in enumerate(zip(articles, docs, strict=True), start=1):
        events.extend(events_of_doc(article, doc))
        if on_progress is not None:
            on_progress(done, len(articles))
    return events


def events_of_doc(article: Article, doc: Doc) -> list[Event]:
    """The events of one article whose text ``doc`` is."""
    sentences = sentences_of(doc)
    return build_events(article, sentences, find_dates(article.text, article.date), tag_entities(doc))


def sentences_of(doc: Doc) -> list[Sentence]:
    """The sentences of ``doc`` with their offsets and tense."""
    result: list[Sentence] = []
    for span in doc.sents:
        text = span.text.strip()
        if not text:
            continue
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        result.append(
            Sentence(
                index=len(result),
                start=start,
                end=start + len(text),
                text=text,
                past_tense=any(token.tag_ in _PAST_TAGS for token in span),
            )
        )
    return result


def extract_frame(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    on_progress: ProgressCallback | None = None,
) -> pd.DataFrame:
    """The event table of ``articles`` (see :mod:`timeline.schema`)."""
    return events_frame(extract_events(list(articles), nlp=nlp, on_progress=on_progress))
