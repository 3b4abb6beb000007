"""Fixtures shared by every test: paths, the seed article, the spaCy pipeline, the seed table, the dashboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import spacy
from spacy.tokens import Doc

from timeline.types import DateSource

PROJECT = Path(__file__).resolve().parent.parent
DASHBOARD = PROJECT / "dashboard.py"
#: Seconds an AppTest run may take: the first one loads spaCy.
DASHBOARD_TIMEOUT = 300
SEEDS = PROJECT / "seeds"
SEED_FILE = SEEDS / "000_5a3daf5ba3e2a772.txt"
SEED_DATE = dt.date(2024, 12, 2)
MEANTIME = PROJECT.parent / "shared" / "corpora" / "meantime"
_BLANK = spacy.blank("en")


def doc_with_entities(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A blank-pipeline doc of ``text`` whose entities are the (text, label) pairs, found left to right."""
    doc = _BLANK(text)
    spans = []
    position = 0
    for ent_text, label in ents:
        start = text.index(ent_text, position)
        position = start + len(ent_text)
        span = doc.char_span(start, position, label=label)
        assert span is not None, ent_text
        spans.append(span)
    doc.ents = spans
    return doc


def only_date(text: str, article_date: dt.date, written: str) -> tuple[str, DateSource]:
    """The TIMEX3 value and source of the one date mention written ``written`` in ``text``."""
    from timeline.dates import find_dates

    found = [m for m in find_dates(text, article_date) if m.text == written]
    assert len(found) == 1, [(m.text, m.timex.value) for m in find_dates(text, article_date)]
    return found[0].timex.value, found[0].source


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own extraction cache, never the project's, and its own error log, never the machine's."""
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("TIMELINE_ERROR_LOG", str(tmp_path_factory.mktemp("log") / "errors.log"))


@pytest.fixture(scope="session")
def seed_article():  # type: ignore[no-untyped-def]
    """The seed article as the library reads it."""
    from timeline.articles import article_from_content

    return article_from_content(SEED_FILE.read_text(encoding="utf-8"), str(SEED_FILE))


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The project's spaCy pipeline, loaded once for the whole run."""
    from timeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_frame(seed_article, nlp) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    """The event table of the seed article."""
    from timeline.pipeline import extract_frame

    return extract_frame([seed_article], nlp=nlp)


@pytest.fixture
def meantime_path() -> Path:
    """The MEANTIME corpus beside the project; the test skips when it is absent."""
    if not MEANTIME.is_dir():
        pytest.skip(f"MEANTIME corpus not found at {MEANTIME}")
    return MEANTIME


def _event_from_row(index: int, row: dict[str, object]):  # type: ignore[no-untyped-def]
    from timeline.types import Article, DateMention, DateSource, Event, Precision, TimexValue

    start = row.get("start", dt.date(2024, 12, 1))
    end = row.get("end", start)
    article = Article(
        article_id=str(row.get("article_id", "a1")),
        title=str(row.get("title", "A test article")),
        date=row.get("article_date", SEED_DATE),  # type: ignore[arg-type]
        text="",
        source=str(row.get("source", "unknown")),
        url=str(row.get("url", "")),
    )
    written = str(row.get("date_text", "on Sunday"))
    mention = DateMention(
        start=0,
        end=len(written),
        text=written,
        timex=TimexValue(
            value=str(row.get("value", start.isoformat())),  # type: ignore[union-attr]
            precision=Precision(row.get("precision", "day")),
            start=start,  # type: ignore[arg-type]
            end=end,  # type: ignore[arg-type]
        ),
        source=DateSource(row.get("source_kind", "relative")),
    )
    return Event(
        event_id=str(row.get("event_id", f"e{index}")),
        article=article,
        sentence_index=index,
        sentence=str(row.get("sentence", f"Sentence {index}.")),
        date=mention,
        actors=tuple(row.get("actors", ())),  # type: ignore[call-overload]
        places=tuple(row.get("places", ())),  # type: ignore[call-overload]
        countries=tuple(row.get("countries", ())),  # type: ignore[call-overload]
        regions=tuple(row.get("regions", ())),  # type: ignore[call-overload]
    )


@pytest.fixture
def make_events():  # type: ignore[no-untyped-def]
    """Build a small event table from plain dicts (keys: sentence, start, end, value, precision,
    countries, actors, regions, …) through the library's own table code."""
    from timeline.table import events_frame

    def build(*rows: dict[str, object]) -> pd.DataFrame:
        return events_frame(_event_from_row(index, row) for index, row in enumerate(rows))

    return build


#: Four events of two articles: a day, a month, a year, and a day with no country (our own sentences).
FOUR_EVENTS: tuple[dict[str, object], ...] = (
    {
        "event_id": "call",
        "sentence": "The call took place on Sunday.",
        "start": dt.date(2024, 12, 1),
        "countries": ("Qatar", "Türkiye"),
        "actors": ("Hakan Fidan",),
        "regions": ("Middle East",),
        "article_id": "a1",
    },
    {
        "event_id": "push",
        "sentence": "Last month, Biden said he was making another push.",
        "start": dt.date(2024, 11, 1),
        "end": dt.date(2024, 11, 30),
        "value": "2024-11",
        "precision": "month",
        "countries": ("United States",),
        "actors": ("Joe Biden",),
        "regions": ("North America",),
        "article_id": "a1",
    },
    {
        "event_id": "intervened",
        "sentence": "Russia had intervened in Syria in 2015.",
        "start": dt.date(2015, 1, 1),
        "end": dt.date(2015, 12, 31),
        "value": "2015",
        "precision": "year",
        "countries": ("Russia", "Syria"),
        "actors": (),
        "regions": ("Europe", "Middle East"),
        "article_id": "a2",
    },
    {
        "event_id": "press",
        "sentence": "He spoke to the press on November 26.",
        "start": dt.date(2024, 11, 26),
        "countries": (),
        "actors": ("Joe Biden",),
        "regions": (),
        "article_id": "a2",
    },
)

#: Two reports of one happening from two articles, and one other event (our own sentences).
REPORTS: tuple[dict[str, object], ...] = (
    {
        "event_id": "wire",
        "sentence": "Qatar's envoy met Hakan Fidan in Doha on Sunday.",
        "actors": ("Hakan Fidan",),
        "countries": ("Qatar",),
        "regions": ("Middle East",),
        "article_id": "a1",
        "source": "Wire",
    },
    {
        "event_id": "paper",
        "sentence": "Qatar's envoy met Hakan Fidan in Doha on Sunday.",
        "actors": ("Hakan Fidan",),
        "countries": ("Qatar",),
        "regions": ("Middle East",),
        "article_id": "a2",
        "source": "Paper",
        "article_date": dt.date(2024, 12, 3),
    },
    {
        "event_id": "other",
        "sentence": "Joe Biden spoke on Sunday.",
        "actors": ("Joe Biden",),
        "countries": ("United States",),
        "regions": ("North America",),
        "article_id": "a3",
    },
)


@pytest.fixture
def four_events(make_events) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    """The table of :data:`FOUR_EVENTS`."""
    built: pd.DataFrame = make_events(*FOUR_EVENTS)
    return built


@pytest.fixture
def merged_reports(make_events):  # type: ignore[no-untyped-def]
    """The merged view of :data:`REPORTS`: two reports of one happening and one other event."""
    from timeline.merge import merge_events

    return merge_events(make_events(*REPORTS))


def new_dashboard(**query: str):  # type: ignore[no-untyped-def]
    """The dashboard in Streamlit's AppTest, not run yet, opened with the URL query parameters ``query``."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(DASHBOARD), default_timeout=DASHBOARD_TIMEOUT)
    at.query_params.update(query)
    return at


@pytest.fixture
def media(monkeypatch):  # type: ignore[no-untyped-def]
    """The downloads the app registers, by id: the generator of each deferred download, captured from AppTest."""
    from streamlit.runtime import media_file_manager
    from streamlit.testing.v1 import app_test

    captured: dict[str, object] = {}

    class Recording(media_file_manager.MediaFileManager):
        def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):  # type: ignore[no-untyped-def]
            file_id: str = super().add_deferred(data_callable, mimetype, coordinates, file_name, **kwargs)
            captured[file_id] = data_callable
            return file_id

    monkeypatch.setattr(app_test, "MediaFileManager", Recording)
    return captured


@pytest.fixture
def app(media):  # type: ignore[no-untyped-def]
    """The dashboard, run once on the seeds, in a fresh browser session (a new workspace)."""
    at = new_dashboard()
    at.run()
    assert not at.exception, [element.value for element in at.exception]
    return at


#: An article whose title, source and first cell a spreadsheet would run as formulas.
FORMULA_ARTICLE = (
    "---\n"
    'title: =HYPERLINK("http://example.invalid","open me")\n'
    "date: 2024-12-02\n"
    "source: +cmd|' /C calc'!A0\n"
    "---\n"
    "@SUM(1+1) On Sunday, Qatar's envoy met Syrian ministers in Damascus.\n"
)
