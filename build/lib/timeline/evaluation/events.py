"""Score whole events: does the event table have a row for each gold event, with its date, actors and countries?

The unit is a gold event (:mod:`timeline.evaluation.event_gold`): a MEANTIME event
anchored to a calendar date, or an event of a held-out file. For each one, over the
rows of its article in the event table:

- **found**: a row's sentence overlaps the event's sentence (MEANTIME), or holds the
  whole evidence (held-out). Rows are placed by finding each row's sentence in the
  article text, in sentence order.
- **date**: a row found for it has ``date_value`` equal to the gold value.
- **actors**: a row found for it names every gold actor. A gold name and a row actor
  match when, after :func:`normalise_name`, they are equal or one is the other's first
  or last words ("Boeing" ~ "Boeing Co.", "Obama" ~ "Barack Obama"). A MEANTIME actor
  matches by its name as written or its entity's name.
- **countries**: every gold country is among a found row's ``countries`` (exact names).
- **all three**: one found row has all of the above.
- **row precision** (the check that extra rows do not buy recall): among the rows
  whose sentence holds at least one gold event (as ``found`` places them), the share
  whose ``date_value`` is the gold date of one of those events; also by ``date_source``.

An event with no gold actor (or country) has that part right as soon as it is found:
no row means the table tells the user nothing about it. The rates over the events
that do have actors (countries) are reported too, and found / date / all three by
how the gold date is obtained (MEANTIME: ``article`` for the creation time, ``written``
for a date in the text; held-out: the event's ``kind``). For held-out files, a row
whose sentence holds a ``not_dates`` phrase and whose date text is part of it, or
holds it, is a not-date violation: a date read where there is none.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.evaluation.event_gold import EventDocument, EventGold, read_event_sets
from timeline.evaluation.scores import overlaps

#: The report's name for the totals over every corpus.
ALL = "all"
_APOSTROPHES = re.compile(r"['’`.]")
_POSSESSIVE = re.compile(r"['’]s\b")
_PUNCTUATION = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class PlacedRow:
    """One event-table row with its sentence located in the article text."""

    start: int
    end: int
    sentence: str
    date_text: str
    date_value: str
    date_source: str
    actors: tuple[str, ...]
    countries: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """What the table got right about one gold event, with the rows found for it."""

    document: EventDocument
    gold: EventGold
    rows: tuple[PlacedRow, ...]
    date: bool
    actors: bool
    countries: bool
    all_three: bool

    @property
    def found(self) -> bool:
        """Whether some row of the table is at the event."""
        return bool(self.rows)

    @property
    def failed(self) -> tuple[str, ...]:
        """The parts it got wrong: found, date, actors, countries (found alone when no row is there)."""
        if not self.rows:
            return ("found",)
        parts = (("date", self.date), ("actors", self.actors), ("countries", self.countries))
        wrong = tuple(name for name, right in parts if not right)
        return wrong or (("all_three",) if not self.all_three else ())


@dataclass(frozen=True)
class NotDate:
    """A row whose date was read from a phrase the annotator says is no date."""

    document: EventDocument
    phrase: str
    row: PlacedRow


@dataclass
class KindTally:
    """Counts for the gold events whose date is obtained one way (``kind``)."""

    gold: int = 0
    found: int = 0
    date: int = 0
    all_three: int = 0


@dataclass
class Tally:
    """Counts for one corpus."""

    documents: int = 0
    rows: int = 0
    unplaced_rows: int = 0
    gold: int = 0
    found: int = 0
    date: int = 0
    actors: int = 0
    countries: int = 0
    all_three: int = 0
    with_actors: int = 0
    found_with_actors: int = 0
    actors_of_those: int = 0
    with_countries: int = 0
    found_with_countries: int = 0
    countries_of_those: int = 0
    not_dates: int = 0
    unresolved: Counter[str] = field(default_factory=Counter)
    by_kind: dict[str, KindTally] = field(default_factory=dict)
    #: Rows at some gold event, and those of them with one of those events' dates, by date_source.
    rows_at_gold: Counter[str] = field(default_factory=Counter)
    rows_right: Counter[str] = field(default_factory=Counter)

    def add_row(self, row: PlacedRow, golds: Sequence[EventGold]) -> None:
        """Count one row for row precision, given the gold events at it (none: not counted)."""
        if golds:
            self.rows_at_gold[row.date_source] += 1
            self.rows_right[row.date_source] += any(date_right(gold, row) for gold in golds)

    def add(self, outcome: Outcome) -> None:
        """Count one gold event's outcome."""
        kind = self.by_kind.setdefault(outcome.gold.kind or "unstated", KindTally())
        kind.gold += 1
        kind.found += outcome.found
        kind.date += outcome.date
        kind.all_three += outcome.all_three
        self.gold += 1
        self.found += outcome.found
        self.date += outcome.date
        self.actors += outcome.actors
        self.countries += outcome.countries
        self.all_three += outcome.all_three
        if outcome.gold.actors:
            self.with_actors += 1
            self.found_with_actors += outcome.found
            self.actors_of_those += outcome.actors
        if outcome.gold.countries:
            self.with_countries += 1
            self.found_with_countries += outcome.found
            self.countries_of_those += outcome.countries
        self.unresolved.update(outcome.gold.unresolved)


@dataclass
class EventScores:
    """The tallies by corpus (and :data:`ALL`), every outcome and every not-date violation."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    not_dates: list[NotDate] = field(default_factory=list)

    def tally(self, corpus: str) -> Tally:
        """The tally of ``corpus``, made on first use."""
        return self.tallies.setdefault(corpus, Tally())


def normalise_name(name: str) -> str:
    """``name`` compared loosely: case-folded, diacritics, possessive 's, dots and apostrophes
    dropped, other punctuation a space, a leading "the" dropped ("The U.S.'s" → "us")."""
    # Annotators write names without diacritics ("Andrej Babis"), the table keeps the article's.
    plain = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))
    text = _APOSTROPHES.sub("", _POSSESSIVE.sub("", plain.casefold()))
    words = _PUNCTUATION.sub(" ", text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def names_match(gold: str, predicted: str) -> bool:
    """Whether two names denote the same entity: equal once normalised, or one the other's first or last words."""
    first, second = normalise_name(gold), normalise_name(predicted)
    if not first or not second:
        return False
    short, long = sorted((first, second), key=len)
    return short == long or long.startswith(short + " ") or long.endswith(" " + short)


def place_rows(text: str, rows: Sequence[dict[str, Any]]) -> tuple[list[PlacedRow], int]:
    """The rows of one article placed in its ``text`` by their sentences, and how many could not be.

    Sentences are looked for in sentence-index order, each after the end of the previous
    one (sentences never overlap), so a sentence written twice is placed at its own occurrence.
    """
    placed: list[PlacedRow] = []
    unplaced = 0
    position = 0
    spans: dict[int, tuple[int, int]] = {}
    for row in sorted(rows, key=lambda r: int(r["sentence_index"])):
        index, sentence = int(row["sentence_index"]), str(row["sentence"])
        if index not in spans:
            start = text.find(sentence, position)
            if start < 0:
                start = text.find(sentence)
            if start < 0:
                unplaced += 1
                continue
            spans[index] = (start, start + len(sentence))
            position = start + len(sentence)
        start, end = spans[index]
        placed.append(
            PlacedRow(
                start=start,
                end=end,
                sentence=sentence,
                date_text=str(row["date_text"]),
                date_value=str(row["date_value"]),
                date_source=str(row["date_source"]),
                actors=tuple(row["actors"]),
                countries=tuple(row["countries"]),
            )
        )
    return placed, unplaced


def rows_at(gold: EventGold, rows: Sequence[PlacedRow]) -> tuple[PlacedRow, ...]:
    """The rows at a gold event: sentence overlapping its sentence, or holding its evidence."""
    if gold.contained:
        spans = ((gold.start, gold.end), *gold.repeats)
        return tuple(row for row in rows if any(row.start <= start and end <= row.end for start, end in spans))
    return tuple(row for row in rows if overlaps(row, gold))


def golds_at(row: PlacedRow, golds: Sequence[EventGold]) -> tuple[EventGold, ...]:
    """The gold events a row is at (the converse of :func:`rows_at`)."""
    return tuple(gold for gold in golds if rows_at(gold, (row,)))


def date_right(gold: EventGold, row: PlacedRow) -> bool:
    """Whether the row carries the gold date's TIMEX3 value: exactly, or as a part of that day.

    "Friday morning" is ``2025-09-05TMO``; where the annotators wrote the day
    (``2025-09-05``), a part of that very day is the same date told more finely. Nothing
    else is loosened: a coarser value ("2006" for ``2006-Q4``) or another day is wrong.
    """
    if row.date_value == gold.date:
        return True
    day, _, part = row.date_value.partition("T")
    return part in _PARTS_OF_DAY and day == gold.date


#: TIMEX3's parts of a day (morning, afternoon, evening, night, daytime).
_PARTS_OF_DAY = frozenset({"MO", "AF", "EV", "NI", "DT"})


def actors_right(gold: EventGold, row: PlacedRow) -> bool:
    """Whether every gold actor, by one of its names, matches one of the row's actors."""
    return all(any(names_match(name, actor) for name in names for actor in row.actors) for names in gold.actors)


def countries_right(gold: EventGold, row: PlacedRow) -> bool:
    """Whether every gold country is among the row's countries."""
    return set(gold.countries) <= set(row.countries)


def judge(document: EventDocument, gold: EventGold, rows: Sequence[PlacedRow]) -> Outcome:
    """The outcome of one gold event against its article's placed rows."""
    found = rows_at(gold, rows)
    return Outcome(
        document=document,
        gold=gold,
        rows=found,
        date=any(date_right(gold, row) for row in found),
        actors=any(actors_right(gold, row) for row in found),
        countries=any(countries_right(gold, row) for row in found),
        all_three=any(date_right(gold, r) and actors_right(gold, r) and countries_right(gold, r) for r in found),
    )


def not_date_rows(document: EventDocument, rows: Sequence[PlacedRow]) -> list[NotDate]:
    """Rows whose date was read from one of the document's not-date phrases."""
    found = []
    for phrase in document.not_dates:
        folded = phrase.casefold()
        for row in rows:
            written = row.date_text.casefold()
            if folded in row.sentence.casefold() and written and (written in folded or folded in written):
                found.append(NotDate(document, phrase, row))
    return found


def score_events(documents: Sequence[EventDocument], frame: pd.DataFrame) -> EventScores:
    """Score the event table ``frame`` (of the documents' articles) against their gold events."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for record in frame.to_dict("records"):
        row = {str(key): value for key, value in record.items()}
        by_article.setdefault(str(row["article_id"]), []).append(row)
    scores = EventScores()
    for document in documents:
        rows, unplaced = place_rows(document.article.text, by_article.get(document.article.article_id, []))
        violations = not_date_rows(document, rows)
        scores.not_dates.extend(violations)
        for corpus in (document.corpus, ALL):
            tally = scores.tally(corpus)
            tally.documents += 1
            tally.rows += len(rows)
            tally.unplaced_rows += unplaced
            tally.not_dates += len(violations)
        for placed in rows:
            golds = golds_at(placed, document.events)
            scores.tally(document.corpus).add_row(placed, golds)
            scores.tally(ALL).add_row(placed, golds)
        for gold in document.events:
            outcome = judge(document, gold, rows)
            scores.outcomes.append(outcome)
            scores.tally(document.corpus).add(outcome)
            scores.tally(ALL).add(outcome)
    return scores


def report(scores: EventScores) -> str:
    """Each corpus's rates (3 decimals) with their counts, then the totals when there are several corpora."""
    names = [name for name in scores.tallies if name != ALL]
    shown = [*names, ALL] if len(names) > 1 else names
    return "\n\n".join(_report_one(name, scores.tallies[name]) for name in shown)


def _report_one(name: str, tally: Tally) -> str:
    lines = [
        f"Events — {name}: {tally.documents} documents, {tally.gold} gold events, {tally.rows} table rows",
        f"{'':<34}{'rate':>7}{'count':>12}{'of found':>10}",
    ]
    for label, count in (
        ("found", tally.found),
        ("date right", tally.date),
        ("actors right", tally.actors),
        ("countries right", tally.countries),
        ("all three right", tally.all_three),
    ):
        lines.append(f"{label:<34}{_rate(count, tally.gold)}{_count(count, tally.gold)}{_rate(count, tally.found):>10}")
    for label, count, whole, found in (
        ("actors, events with named actors", tally.actors_of_those, tally.with_actors, tally.found_with_actors),
        ("countries, events with places", tally.countries_of_those, tally.with_countries, tally.found_with_countries),
    ):
        lines.append(f"{label:<34}{_rate(count, whole)}{_count(count, whole)}{_rate(count, found):>10}")
    at_gold, right = sum(tally.rows_at_gold.values()), sum(tally.rows_right.values())
    lines.append(f"{'row precision (at gold events)':<34}{_rate(right, at_gold)}{_count(right, at_gold)}")
    if at_gold:
        parts = [
            f"{source} {_rate(tally.rows_right[source], count).strip()} ({tally.rows_right[source]}/{count})"
            for source, count in sorted(tally.rows_at_gold.items(), key=lambda item: -item[1])
        ]
        lines.append(f"{'  by date_source':<34}{', '.join(parts)}")
    if tally.by_kind:
        lines.append(f"{'by how the date is obtained':<34}{'gold':>7}{'found':>12}{'date':>10}{'all three':>11}")
        for kind, counts in sorted(tally.by_kind.items(), key=lambda item: -item[1].gold):
            lines.append(
                f"{'  ' + kind:<34}{counts.gold:>7}{_rate(counts.found, counts.gold):>12}"
                f"{_rate(counts.date, counts.gold):>10}{_rate(counts.all_three, counts.gold):>11}"
            )
    if tally.unresolved:
        unresolved = ", ".join(f"{place} ×{count}" for place, count in tally.unresolved.most_common())
        lines.append(f"places with no country, left out: {sum(tally.unresolved.values())} ({unresolved})")
    if tally.not_dates:
        lines.append(f"not-date violations (a date read from a phrase that is none): {tally.not_dates}")
    if tally.unplaced_rows:
        lines.append(f"rows whose sentence is not in the article text, not scored: {tally.unplaced_rows}")
    return "\n".join(lines)


def _rate(part: int, whole: int) -> str:
    return f"{part / whole:>7.3f}" if whole else f"{'—':>7}"


def _count(part: int, whole: int) -> str:
    return f"{f'{part}/{whole}':>12}"


def error_records(scores: EventScores) -> list[dict[str, object]]:
    """One record per gold event not right in all three parts, then one per not-date violation."""
    records: list[dict[str, object]] = []
    for outcome in scores.outcomes:
        if outcome.all_three:
            continue
        gold, document = outcome.gold, outcome.document
        records.append(
            {
                "kind": "event",
                "corpus": document.corpus,
                "document": document.path,
                "doc_id": document.doc_id,
                "event": gold.label,
                "sentence": gold.sentence,
                "failed": list(outcome.failed),
                "gold": {
                    "date": gold.date,
                    "kind": gold.kind,
                    "inferred": gold.inferred,
                    "actors": [list(names) for names in gold.actors],
                    "countries": list(gold.countries),
                    "places_with_no_country": list(gold.unresolved),
                },
                "rows": [_row_record(row) for row in outcome.rows],
            }
        )
    for violation in scores.not_dates:
        records.append(
            {
                "kind": "not_date",
                "corpus": violation.document.corpus,
                "document": violation.document.path,
                "doc_id": violation.document.doc_id,
                "phrase": violation.phrase,
                "rows": [_row_record(violation.row)],
            }
        )
    return records


def _row_record(row: PlacedRow) -> dict[str, object]:
    return {
        "sentence": row.sentence,
        "date_text": row.date_text,
        "date_value": row.date_value,
        "date_source": row.date_source,
        "actors": list(row.actors),
        "countries": list(row.countries),
    }


def write_errors(scores: EventScores, path: str | Path) -> None:
    """Write :func:`error_records` to ``path``, one JSON line each."""
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in error_records(scores)]
    Path(path).write_text("".join(lines), encoding="utf-8")


def run(paths: Sequence[str], errors_out: str | None = None) -> str:
    """Read the gold events at ``paths``, build the event table of their articles, score it; return the report.

    The table scored is the one ``timeline extract`` writes: each article's events, then
    the corpus stages (names unified across the articles given) run once over them all.
    Raises :class:`~timeline.errors.EvaluationInputError` when a gold file cannot be read.
    """
    from timeline.corpus import assemble_timeline
    from timeline.pipeline import extract_frame

    documents = read_event_sets(paths)
    table = assemble_timeline(extract_frame(document.article for document in documents)).events
    scores = score_events(documents, table)
    if errors_out is not None:
        write_errors(scores, errors_out)
    return report(scores)
