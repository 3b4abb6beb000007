"""Gold events from either source, as the event scorer sees them: an article and what happened in it.

Two sources:

- **MEANTIME** (CAT XML): the dated events of :mod:`timeline.corpora.meantime`. A gold
  event's span is its whole sentence; its places' countries are resolved with the
  project's gazetteer (the written name, then the entity's name, then each part of
  "Toulouse, France" from the last); a place it cannot resolve to a country (the EU,
  Asia, the Atlantic Ocean, an airport) is left out of the gold countries and counted.
- **Held-out event files** (``.json``, one article each)::

      {"id": "...", "date": "2024-11-18", "source": "...", "url": "", "title": "...",
       "text": "body...",
       "events": [{"evidence": "exact substring of the event's sentence", "date": "2024-11-17",
                   "actors": ["Israel"], "countries": ["Lebanon", "Israel"], "kind": "relative"}],
       "not_dates": ["Prague Spring", "at 1900 GMT"]}

  The article is built from the record as ingest builds one (``text`` is the analysed
  text, ``title`` stays the title); ``evidence`` must occur exactly once in the text
  (or, with ``"repeated": true``, in each copy of a sentence written twice), and a gold
  event's span is that occurrence (any of them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.corpora import AnnotatedDocument, GoldParticipant, read_meantime
from timeline.dates.timex import timex_of
from timeline.errors import ArticleError, EvaluationInputError
from timeline.ingest.records import article_from_record
from timeline.ingest.result import ReadContext
from timeline.places import Gazetteer, gazetteer
from timeline.types import Article, Precision

_PARENTHESES = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class EventGold:
    """One gold event: where a row must be, and the date, actors and countries it must carry.

    A row of the article is at the event when its sentence overlaps ``start``/``end``
    (a MEANTIME sentence) or, with ``contained``, holds the whole span (held-out evidence),
    or one of its ``repeats`` (the other occurrences of evidence whose sentence is written
    twice). Each actor is the tuple of names it may go by (as written, the entity's own name).
    """

    start: int
    end: int
    contained: bool
    #: The event as the annotator marked it: MEANTIME's event word and lemma, or the evidence.
    label: str
    #: The gold sentence (MEANTIME) or evidence (held-out), for error reports.
    sentence: str
    date: str
    actors: tuple[tuple[str, ...], ...] = field(default_factory=tuple)
    countries: tuple[str, ...] = field(default_factory=tuple)
    #: Names of the event's places that resolve to no country, left out of ``countries``.
    unresolved: tuple[str, ...] = field(default_factory=tuple)
    #: How the date is obtained: MEANTIME's ``article`` (the creation time) or ``written``
    #: (a date in the text); a held-out event's own ``kind`` (explicit, relative, context, article).
    kind: str = ""
    #: Held-out: some gold country is not stated in the event's own sentence.
    inferred: bool = False
    repeats: tuple[tuple[int, int], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class EventDocument:
    """One article to run the pipeline on, with its gold events and the phrases that are no dates."""

    corpus: str
    path: str
    doc_id: str
    article: Article
    events: tuple[EventGold, ...]
    not_dates: tuple[str, ...] = field(default_factory=tuple)


def read_event_sets(paths: Iterable[str | Path]) -> list[EventDocument]:
    """Every gold-event document under ``paths``: ``.xml`` as MEANTIME, ``.json`` as held-out events.

    A folder is searched recursively for both. Raises :class:`EvaluationInputError`
    naming a path that is missing, of another kind, or not readable as its kind.
    """
    documents: list[EventDocument] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(path.rglob("*.xml")) + sorted(path.rglob("*.json"))
            if not files:
                raise EvaluationInputError(f"{path}: holds no .xml (MEANTIME) or .json (held-out event) files.")
        elif not path.exists():
            raise EvaluationInputError(f"{path}: no such file or folder.")
        elif path.suffix in (".xml", ".json"):
            files = [path]
        else:
            raise EvaluationInputError(f"{path}: not a gold-event file (expected .xml MEANTIME or .json held-out).")
        for file in files:
            documents.extend(_meantime(file) if file.suffix == ".xml" else [read_heldout_events(file)])
    seen: dict[str, str] = {}
    for document in documents:
        earlier = seen.setdefault(document.article.article_id, document.path)
        if earlier != document.path:
            raise EvaluationInputError(f"{document.path}: its id {document.doc_id!r} is also the id of {earlier}.")
    return documents


def _meantime(path: Path) -> list[EventDocument]:
    result = []
    places = gazetteer()
    for document in read_meantime(path):
        if document.creation_date is None:
            raise EvaluationInputError(f"{path}: has no creation date to resolve the dates of its events against.")
        result.append(meantime_events(document, places))
    return result


def meantime_events(document: AnnotatedDocument, places: Gazetteer) -> EventDocument:
    """A MEANTIME document's article and gold events; its creation date must be known."""
    if document.creation_date is None:
        raise EvaluationInputError(f"{document.path}: has no creation date.")
    path = Path(document.path)
    article = Article(
        article_id=f"{path.parent.name}/{path.stem}",
        title=document.text.split("\n", 1)[0],
        date=document.creation_date,
        text=document.text,
        source="MEANTIME",
        origin=document.path,
    )
    events = []
    for event in document.events:
        countries: list[str] = []
        unresolved: list[str] = []
        for place in event.places:
            country = place_country(place, places, document.text)
            if not country:
                unresolved.append(place.descriptor or place.text)
            elif country not in countries:
                countries.append(country)
        events.append(
            EventGold(
                start=event.start,
                end=event.end,
                contained=False,
                label=f"{event.word} ({event.pred})" if event.pred else event.word,
                sentence=document.text[event.start : event.end],
                date=event.date,
                actors=tuple(_names(actor) for actor in event.actors),
                countries=tuple(countries),
                unresolved=tuple(dict.fromkeys(unresolved)),
                kind="article" if event.date_is_creation_time else "written",
            )
        )
    return EventDocument(path.parent.name, document.path, document.doc_id, article, tuple(events))


def _names(participant: GoldParticipant) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for name in (participant.text, participant.descriptor) if name))


def place_country(place: GoldParticipant, places: Gazetteer, context: str = "") -> str:
    """The country of a gold place, or "" when the gazetteer knows none for any of its names.

    Tried in turn: the name as written, the entity's name (without a parenthesis), then
    the comma-separated parts of each from the last ("Long Beach, California" → California).
    """
    whole = [place.text, _PARENTHESES.sub("", place.descriptor)]
    parts = [part for name in whole for part in reversed(name.split(",")) if "," in name]
    for name in (*whole, *parts):
        entry = places.lookup(name.strip(), context) if name.strip() else None
        if entry is not None and entry.place.country:
            return entry.place.country
    return ""


def read_heldout_events(path: Path) -> EventDocument:
    """One held-out event file; :class:`EvaluationInputError` says what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvaluationInputError(f"{path}: no such file.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvaluationInputError(f"{path}: cannot read it as JSON ({error}).") from None
    try:
        if not isinstance(data, dict):
            raise ValueError("it holds no JSON object")
        article = article_from_record(data, str(path), ReadContext(where=str(path)))
        events = tuple(_heldout_event(item, article.text) for item in _objects(data, "events"))
        not_dates = _strings(data, "not_dates")
    except ArticleError as error:
        raise EvaluationInputError(f"{path}: not a held-out event file ({error.reason}).") from None
    except (ValueError, KeyError, TypeError) as error:
        raise EvaluationInputError(f"{path}: not a held-out event file ({error}).") from None
    return EventDocument(path.parent.name, str(path), article.article_id, article, events, not_dates)


def _heldout_event(item: dict[str, object], text: str) -> EventGold:
    evidence = item.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        raise ValueError("an event has no 'evidence' text")
    starts = [match.start() for match in re.finditer(re.escape(evidence), text)]
    repeated = item.get("repeated") is True
    if not starts or (len(starts) > 1 and not repeated):
        where = "is not in the text" if not starts else f"occurs {len(starts)} times in the text"
        raise ValueError(f"the evidence {evidence!r} {where}; it must occur once (more only when 'repeated')")
    date = item.get("date")
    timex = timex_of(date) if isinstance(date, str) else None
    if not isinstance(date, str) or timex is None or timex.precision is Precision.REFERENCE:
        raise ValueError(f"the event {evidence!r} has the date {date!r}, which is no TIMEX3 calendar value")
    kind = item.get("kind", "")
    return EventGold(
        start=starts[0],
        end=starts[0] + len(evidence),
        contained=True,
        label=evidence,
        sentence=evidence,
        date=date,
        actors=tuple((name,) for name in _strings(item, "actors")),
        countries=_strings(item, "countries"),
        kind=kind if isinstance(kind, str) else "",
        inferred=item.get("inferred") is True,
        repeats=tuple((start, start + len(evidence)) for start in starts[1:]),
    )


def _objects(data: dict[str, object], key: str) -> list[dict[str, object]]:
    """``data[key]``, which must be a list of JSON objects."""
    if key not in data:
        raise ValueError(f"it has no {key!r} field")
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValueError(f"its {key!r} field is not a list of objects")
    return value


def _strings(data: dict[str, object], key: str) -> tuple[str, ...]:
    """``data[key]`` as strings; absent is empty, anything but a list of strings is an error."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"its {key!r} field is not a list of strings")
    return tuple(value)
