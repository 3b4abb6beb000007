"""The per-article stage: articles in, each article's events out.

Every engine runs this on its share of the corpus (through the cache), so nothing here
may look beyond one article; the stages that need the whole corpus run once, after it,
in :mod:`timeline.corpus`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from timeline.clauses import SentenceParse, is_caption, paragraph_of, paragraph_starts, quoted_spans
from timeline.dates import find_dates
from timeline.defaults import MAX_SENTENCE_CHARS, SPACY_BATCH_SIZE
from timeline.entities import tag_entities
from timeline.events import Sentence, build_events
from timeline.nlp import load_nlp
from timeline.table import events_frame
from timeline.types import Article, DateMention, Event, ProgressCallback


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
    dates = find_dates(article.text, article.date)
    return build_events(article, sentences_of(doc, dates), dates, tag_entities(doc))


def sentences_of(doc: Doc, dates: Sequence[DateMention] = ()) -> list[Sentence]:
    """The sentences of ``doc`` with their offsets, paragraph, main predicate and what each of ``dates`` modifies.

    A sentence longer than :data:`~timeline.defaults.MAX_SENTENCE_CHARS` is cut into
    windows of at most that length around its dates (see :func:`bounded_windows`); each
    window is a sentence of its own, holding the dates inside it.
    """
    text = doc.text
    quotes = quoted_spans(text)
    paragraphs = paragraph_starts(text)
    captions = {
        index
        for index, start in enumerate(paragraphs)
        if is_caption(text[start : paragraphs[index + 1] if index + 1 < len(paragraphs) else len(text)])
    }
    ordered = sorted(dates, key=lambda mention: mention.start)
    starts = [mention.start for mention in ordered]
    result: list[Sentence] = []
    for span in doc.sents:
        stripped = span.text.strip()
        if not stripped:
            continue
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        end = start + len(stripped)
        inside = ordered[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        parse = SentenceParse(span, quotes)
        attachments = tuple(parse.attach(mention) for mention in inside)
        paragraph = paragraph_of(paragraphs, start)
        windows = [(start, end)] if end - start <= MAX_SENTENCE_CHARS else bounded_windows(text, start, end, inside)
        for window_start, window_end in windows:
            main = parse.main
            result.append(
                Sentence(
                    index=len(result),
                    start=window_start,
                    end=window_end,
                    text=text[window_start:window_end],
                    paragraph=paragraph,
                    main=main if main is not None and window_start <= main.start < window_end else None,
                    attachments=tuple(a for a in attachments if window_start <= a.date_start < window_end),
                    caption=paragraph in captions,
                )
            )
    return result


def bounded_windows(text: str, start: int, end: int, dates: Sequence[DateMention]) -> list[tuple[int, int]]:
    """Disjoint windows of ``text[start:end]``, each at most :data:`MAX_SENTENCE_CHARS` long, around its dates.

    Each window is centred on the first date the window before it does not hold, cut at
    word boundaries, so every date (shorter than the maximum) lies wholly in one window.
    """
    windows: list[tuple[int, int]] = []
    for mention in dates:
        if windows and mention.start < windows[-1][1]:
            continue
        floor = windows[-1][1] if windows else start
        room = max(MAX_SENTENCE_CHARS - (mention.end - mention.start), 0)
        lower = max(floor, mention.start - room // 2)
        upper = min(end, lower + MAX_SENTENCE_CHARS)
        # Near the sentence's end the window grows leftwards instead.
        lower = max(floor, min(lower, upper - MAX_SENTENCE_CHARS))
        # Cut at word boundaries, never inside the date itself.
        while lower < mention.start and lower > start and not text[lower - 1].isspace():
            lower += 1
        while upper > mention.end and upper < end and not text[upper].isspace():
            upper -= 1
        window = text[lower:upper]
        lower += len(window) - len(window.lstrip())
        upper -= len(window) - len(window.rstrip())
        windows.append((lower, upper))
    return windows


def extract_frame(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    on_progress: ProgressCallback | None = None,
) -> pd.DataFrame:
    """The event table of ``articles`` (see :mod:`timeline.schema`)."""
    return events_frame(extract_events(list(articles), nlp=nlp, on_progress=on_progress))
