"""Event scoring: gold events of either source against an event table, rule by rule, and end to end."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import PROJECT
from timeline.cli import main
from timeline.corpora import GoldParticipant
from timeline.errors import EvaluationInputError
from timeline.evaluation.event_gold import (
    EventDocument,
    EventGold,
    place_country,
    read_event_sets,
    read_heldout_events,
)
from timeline.evaluation.events import (
    ALL,
    PlacedRow,
    date_right,
    error_records,
    names_match,
    normalise_name,
    not_date_rows,
    place_rows,
    report,
    rows_at,
    score_events,
)
from timeline.places import gazetteer
from timeline.types import Article

FIXTURES = PROJECT / "tests" / "data" / "events_fixture"
MakeEvents = Callable[..., pd.DataFrame]

_TEXT = "Acme won a deal in Paris on Monday. Rain fell on Tuesday. Prices rose."
_FIRST = "Acme won a deal in Paris on Monday."
_SECOND = "Rain fell on Tuesday."


def _document(*events: EventGold, corpus: str = "test", not_dates: tuple[str, ...] = ()) -> EventDocument:
    article = Article(article_id="a1", title="Test", date=dt.date(2024, 12, 3), text=_TEXT)
    return EventDocument(corpus, f"{corpus}/a1.json", "a1", article, events, not_dates)


def _gold(**changes: object) -> EventGold:
    fields: dict[str, object] = {
        "start": 0,
        "end": len(_FIRST),
        "contained": False,
        "label": "won (win)",
        "sentence": _FIRST,
        "date": "2024-12-02",
        "actors": (("Acme Corp.", "Acme"),),
        "countries": ("France",),
    }
    fields.update(changes)
    return EventGold(**fields)  # type: ignore[arg-type]


def _row(sentence: str = _FIRST, **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "article_id": "a1",
        "sentence": sentence,
        "date_text": "on Monday",
        "value": "2024-12-02",
        "actors": ("Acme",),
        "countries": ("France",),
    }
    row.update(changes)
    return row


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Boeing", "Boeing Co.", True),
        ("Obama", "Barack Obama", True),
        ("the United States", "United States", True),
        ("U.S.", "US", True),
        ("Apple's", "Apple", True),
        ("General Motors Corporation (GM", "GM", True),
        ("Andrej Babis", "Andrej Babiš", True),
        ("Boeing", "Airbus", False),
        ("Ford", "Fordham University", False),
        ("General Motors", "Motors Liquidation", False),
        ("the", "The", False),
    ],
)
def test_evaluation_events_names_match(gold: str, predicted: str, same: bool) -> None:
    """Names match when equal once normalised or when one is the other's first or last words."""
    assert names_match(gold, predicted) is same


@pytest.mark.parametrize(
    ("name", "normal"),
    [("The U.S.'s", "us"), ("Rolls-Royce", "rolls royce"), ("Airbus' ", "airbus"), ("Wal - Mart", "wal mart"),
     ("Türkiye", "turkiye")],
)
def test_evaluation_events_normalise_name(name: str, normal: str) -> None:
    """Case, diacritics, dots, apostrophes, possessives, other punctuation and a leading "the" are ignored."""
    assert normalise_name(name) == normal


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([_row()], (True, True, True, True, True)),
        ([_row(value="2024-12-01")], (True, False, True, True, False)),
        ([_row(actors=("Bolt",))], (True, True, False, True, False)),
        ([_row(countries=())], (True, True, True, False, False)),
        ([_row(_SECOND)], (False, False, False, False, False)),
        ([_row(actors=()), _row(value="2024-12", countries=("Spain",))], (True, True, True, True, False)),
    ],
    ids=["right", "wrong-date", "missing-actor", "missing-country", "other-sentence", "right-parts-in-two-rows"],
)
def test_evaluation_events_rules(
    make_events: MakeEvents, rows: list[dict[str, object]], expected: tuple[bool, ...]
) -> None:
    """Found, date, actors, countries each need a row at the event; all three need one row with all."""
    (outcome,) = score_events([_document(_gold())], make_events(*rows)).outcomes
    assert (outcome.found, outcome.date, outcome.actors, outcome.countries, outcome.all_three) == expected


@pytest.mark.parametrize(
    ("rows", "right", "at_gold"),
    [
        ([_row()], 1, 1),
        ([_row(), _row(value="2024-12-01")], 1, 2),
        ([_row(value="2024-12-01"), _row(_SECOND, value="2024-12-03")], 0, 1),
        ([_row(_SECOND)], 0, 0),
    ],
    ids=["right", "one-of-two-wrong", "other-sentence-not-counted", "no-row-at-gold"],
)
def test_evaluation_events_row_precision(
    make_events: MakeEvents, rows: list[dict[str, object]], right: int, at_gold: int
) -> None:
    """Row precision counts the rows at a gold event, and those with one of its dates; other rows do not count."""
    scores = score_events([_document(_gold())], make_events(*rows))
    tally = scores.tallies[ALL]
    assert (sum(tally.rows_right.values()), sum(tally.rows_at_gold.values())) == (right, at_gold)
    shown = f"{right / at_gold:>7.3f}{f'{right}/{at_gold}':>12}" if at_gold else f"{'—':>7}{'0/0':>12}"
    assert f"row precision (at gold events)    {shown}" in report(scores)


@pytest.mark.parametrize(
    ("gold", "right"),
    [(_gold(actors=(), countries=()), True), (_gold(actors=(("Bolt",),)), False)],
)
def test_evaluation_events_trivial_parts(make_events: MakeEvents, gold: EventGold, right: bool) -> None:
    """An event with no gold actor has actors right once found; one with an actor needs it in the row."""
    scores = score_events([_document(gold)], make_events(_row()))
    assert scores.outcomes[0].actors is right
    assert scores.tallies[ALL].with_actors == (0 if right else 1)


@pytest.mark.parametrize(
    ("start", "end", "found"),
    [(len(_FIRST) + 1, len(_FIRST) + 10, True), (len(_FIRST) - 5, len(_FIRST) + 5, False)],
)
def test_evaluation_events_evidence_must_be_inside_a_sentence(start: int, end: int, found: bool) -> None:
    """Held-out evidence is found only by a row whose sentence holds all of it."""
    rows = [PlacedRow(0, len(_FIRST), _FIRST, "", "", "", (), ()), PlacedRow(36, 57, _SECOND, "", "", "", (), ())]
    gold = _gold(start=start, end=end, contained=True)
    assert bool(rows_at(gold, rows)) is found


def test_evaluation_events_place_rows_in_order() -> None:
    """A sentence written twice is placed at its own occurrence; a sentence not in the text is counted."""
    rows = [
        {"sentence_index": i, "sentence": s, "date_text": "", "date_value": "", "date_source": "", "actors": (),
         "countries": ()}
        for i, s in enumerate(["It rained.", "It rained.", "Not there."])
    ]  # fmt: skip
    placed, unplaced = place_rows("It rained. It rained. Sun.", rows)
    assert [(row.start, row.end) for row in placed] == [(0, 10), (11, 21)]
    assert unplaced == 1


@pytest.mark.parametrize(
    ("sentence", "written", "violations"),
    [
        ("They crushed the Prague Spring.", "Spring", 1),
        ("They crushed the Prague Spring on Tuesday.", "Tuesday", 0),
        ("Spring came early.", "Spring", 0),
    ],
)
def test_evaluation_events_not_dates(sentence: str, written: str, violations: int) -> None:
    """A row whose date text comes from a not-date phrase of its sentence is a violation."""
    row = PlacedRow(0, len(sentence), sentence, written, "2024-SP", "relative", (), ())
    assert len(not_date_rows(_document(not_dates=("Prague Spring",)), [row])) == violations


def test_evaluation_events_report_and_errors(make_events: MakeEvents) -> None:
    """The report shows each corpus and the totals; the errors list only the events not right in all three."""
    documents = [_document(_gold(), corpus="one"), _document(_gold(date="2024-12-01"), corpus="two")]
    scores = score_events(documents, make_events(_row()))
    text = report(scores)
    assert "Events — one: 1 documents, 1 gold events" in text
    assert "Events — two:" in text
    assert "Events — all: 2 documents, 2 gold events" in text
    assert "all three right                     0.500         1/2" in text
    (record,) = error_records(scores)
    assert record["corpus"] == "two"
    assert record["failed"] == ["date"]
    assert record["gold"] == {
        "date": "2024-12-01",
        "kind": "",
        "inferred": False,
        "actors": [["Acme Corp.", "Acme"]],
        "countries": ["France"],
        "places_with_no_country": [],
    }


@pytest.mark.parametrize(
    ("text", "descriptor", "country"),
    [
        ("Long Beach, California", "Long Beach, California", "United States"),
        ("Toulouse", "Toulouse, France", "France"),
        ("China", "China (People's Republic of China)", "China"),
        ("the Atlantic Ocean", "Atlantic Ocean", ""),
    ],
)
def test_evaluation_events_place_country(text: str, descriptor: str, country: str) -> None:
    """A gold place's country comes from its written name, its entity's name, or their comma parts."""
    place = GoldParticipant(0, len(text), text, descriptor, "LOC", "Argm-LOC")
    assert place_country(place, gazetteer()) == country


def test_evaluation_events_reads_heldout_fixtures() -> None:
    """The fixture files read as articles of their text, each evidence located once."""
    documents = read_event_sets([FIXTURES])
    assert [len(document.events) for document in documents] == [3, 2, 2]
    for document in documents:
        record = json.loads(Path(document.path).read_text(encoding="utf-8"))
        assert document.article.text == record["text"]
        assert document.article.title == record["title"]
        for event in document.events:
            assert document.article.text[event.start : event.end] == event.label


_GOOD_EVENT = {"evidence": "fell on Tuesday", "date": "2024-12-03", "actors": [], "countries": []}


@pytest.mark.parametrize(
    "changes",
    [
        {"events": [{**_GOOD_EVENT, "evidence": "rose on Monday"}]},
        {"events": [{**_GOOD_EVENT, "evidence": "on"}]},
        {"events": [{**_GOOD_EVENT, "date": "next week"}]},
        {"events": [{**_GOOD_EVENT, "actors": "Acme"}]},
        {"events": "none"},
        {"events": None},
        {"text": None},
        {"date": "2024-13-01"},
    ],
    ids=["absent", "repeated", "bad-date", "actors-not-list", "events-not-list", "no-events", "no-text", "bad-day"],
)
def test_evaluation_events_bad_heldout_file(tmp_path: Path, changes: dict[str, object]) -> None:
    """A held-out file with a bad field is one EvaluationInputError naming the file."""
    record: dict[str, object] = {"id": "x", "date": "2024-12-03", "title": "T", "text": _TEXT, "events": [_GOOD_EVENT]}
    record.update(changes)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({key: value for key, value in record.items() if value is not None}), encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=r"bad\.json"):
        read_heldout_events(path)


def test_evaluation_events_repeated_evidence(tmp_path: Path) -> None:
    """Evidence marked repeated may occur twice, and a row at either copy finds the event."""
    text = "Talks ended on Monday. Prices rose. Talks ended on Monday."
    event = {**_GOOD_EVENT, "evidence": "Talks ended on Monday", "repeated": True}
    path = tmp_path / "twice.json"
    path.write_text(json.dumps({"id": "t", "date": "2024-12-03", "text": text, "events": [event]}), encoding="utf-8")
    (gold,) = read_heldout_events(path).events
    assert ((gold.start, gold.end), gold.repeats) == ((0, 21), ((36, 57),))
    second = PlacedRow(36, 58, "Talks ended on Monday.", "", "", "", (), ())
    assert rows_at(gold, [second]) == (second,)


@pytest.mark.parametrize(("name", "message"), [("notes.txt", "not a gold-event file"), ("absent", "no such file")])
def test_evaluation_events_bad_paths(tmp_path: Path, name: str, message: str) -> None:
    """A path of another kind, or none at all, is named in one sentence."""
    if name.endswith(".txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=message):
        read_event_sets([tmp_path / name])


@pytest.mark.slow
def test_evaluation_events_cli_on_fixtures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`evaluate --events` on held-out files prints the rates and writes one JSON line per miss."""
    errors = tmp_path / "errors.jsonl"
    assert main(["evaluate", "--events", str(FIXTURES), "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    assert "Events — events_fixture: 3 documents, 7 gold events" in out
    for name in ("found", "date right", "actors right", "countries right", "all three right"):
        assert name in out
    kinds = {json.loads(line)["kind"] for line in errors.read_text(encoding="utf-8").splitlines()}
    assert kinds <= {"event", "not_date"}


@pytest.mark.slow
@pytest.mark.corpus
def test_evaluation_events_meantime(meantime_path: Path) -> None:
    """On MEANTIME: four corpora and the totals, over 420 gold events, every rate between 0 and 1."""
    from timeline.pipeline import extract_frame

    documents = read_event_sets([meantime_path])
    scores = score_events(documents, extract_frame(document.article for document in documents))
    assert sorted(scores.tallies) == ["all", "corpus_airbus", "corpus_apple", "corpus_gm", "corpus_stock"]
    total = scores.tallies[ALL]
    assert total.documents == 120
    assert total.gold >= 420
    for part in (total.found, total.date, total.actors, total.countries, total.all_three):
        assert 0 <= part <= total.gold
    assert total.all_three <= min(total.date, total.actors, total.countries) <= total.found
    assert report(scores).count("Events — ") == 5


@pytest.mark.slow
def test_evaluation_events_heldout_set() -> None:
    """The project's held-out event set, once it is in tests/data/heldout_events, reads and scores in range."""
    folder = PROJECT / "tests" / "data" / "heldout_events"
    if not any(folder.glob("*.json")):
        pytest.skip(f"no held-out event files in {folder}")
    from timeline.pipeline import extract_frame

    documents = read_event_sets([folder])
    scores = score_events(documents, extract_frame(document.article for document in documents))
    total = scores.tallies[folder.name]
    assert total.gold == sum(len(document.events) for document in documents) > 0
    assert total.all_three <= min(total.date, total.actors, total.countries) <= total.found <= total.gold
    assert set(total.by_kind) <= {"explicit", "relative", "context", "article"}


@pytest.mark.parametrize(
    ("value", "right"),
    [
        ("2024-11-18", True),
        ("2024-11-18TMO", True),
        ("2024-11-18TNI", True),
        ("2024-11-17TMO", False),
        ("2024-11", False),
        ("2024-11-18T14:00", False),
    ],
)
def test_evaluation_events_date_right_takes_a_part_of_the_day(value: str, right: bool) -> None:
    """A part of the gold day (morning, night) is the gold date; another day, a coarser value or a clock time is not."""
    row = PlacedRow(0, 10, "x", "", value, "relative", (), ())
    assert date_right(_gold(date="2024-11-18"), row) is right
