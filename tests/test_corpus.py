"""timeline.corpus: the corpus stages run once, on the whole table, so every front door, engine,
share size and cache state gives the same event table and the same merged table."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pandas as pd
import pytest

from timeline.cli import main
from timeline.corpus import Timeline, assemble_timeline, build_timeline, extend_timeline, unify_actor_names
from timeline.export import to_jsonl_bytes
from timeline.ingest import load_articles
from timeline.merge import merge_events
from timeline.parquet import read_event_parts
from timeline.schema import empty_event_frame
from timeline.table import events_frame
from timeline.types import Article, DateMention, DateSource, Event, Precision, TimexValue

DAY = dt.date(2024, 12, 1)
MENTION = DateMention(3, 9, "Sunday", TimexValue("2024-12-01", Precision.DAY, DAY, DAY), DateSource.RELATIVE)
LATEST = dt.date(2025, 1, 1)

#: Our own four short articles (from no corpus). Only the first names Hakan Fidan in full; the
#: third reports the same meeting and the fourth another day, both with the surname alone. Cut
#: into shares, the full name and the surnames land in different ones.
ARTICLES = {
    "1-doha.md": (
        "Fidan in Doha",
        "2024-12-02",
        "On Sunday, Turkish Foreign Minister Hakan Fidan met Qatar's prime minister in Doha to discuss Gaza.",
    ),
    "2-aleppo.md": ("Aleppo", "2024-12-02", "On Saturday, opposition forces pushed into Aleppo, residents said."),
    "3-talks.md": (
        "Talks in Doha",
        "2024-12-03",
        "On Sunday, Mr Fidan met Qatar's prime minister in Doha to discuss the war in Gaza.",
    ),
    "4-ankara.md": (
        "Ankara",
        "2024-12-04",
        "On Tuesday, Fidan told reporters in Ankara that Türkiye would keep its border open.",
    ),
}
SURNAME_FILES = ("3-talks.md", "4-ankara.md")


def _event(article_id: str, actors: tuple[str, ...]) -> Event:
    article = Article(article_id, article_id, dt.date(2024, 12, 2), "text")
    return Event(f"e-{article_id}", article, 0, "On Sunday it happened.", MENTION, actors=actors)


def _actors_of(frame: pd.DataFrame, article_id: str) -> tuple[str, ...]:
    return tuple(frame.loc[frame["article_id"] == article_id, "actors"].iloc[0])


# --- The corpus stages, on hand-made tables ---------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected_second"),
    [
        (("Joe Biden",), ("Biden",), ("Joe Biden",)),
        (("Joe Biden", "Jill Biden"), ("Biden",), ("Biden",)),
        (("Michael Jordan",), ("Jordan",), ("Jordan",)),
        (("Hakan Fidan",), ("Fidan", "Hakan Fidan"), ("Hakan Fidan",)),
    ],
    ids=["one-full-name", "ambiguous-surname", "surname-that-is-a-state", "duplicate-after-renaming"],
)
def test_corpus_unifies_surnames_across_articles(first, second, expected_second):
    """A lone surname takes the only full name another article gives it; states and ambiguous names stay."""
    frame = unify_actor_names(events_frame([_event("a", first), _event("b", second)]))
    assert _actors_of(frame, "b") == expected_second


@pytest.mark.parametrize(
    ("first", "second", "expected_first", "expected_second"),
    [
        (("Volodymyr Zelenskyy",), ("Volodymyr Zelensky",), ("Volodymyr Zelensky",), ("Volodymyr Zelensky",)),
        (("JNIM", "Mali"), ("Jama'at Nusrat al-Islam wal-Muslimin",), ("Jama'at Nusrat al-Islam wal-Muslimin", "Mali"),
         ("Jama'at Nusrat al-Islam wal-Muslimin",)),
        (("Tayyip Erdogan",), ("Recep Tayyip Erdogan",), ("Recep Tayyip Erdogan",), ("Recep Tayyip Erdogan",)),
        (("Health Ministry",), ("Lebanon Health Ministry",), ("Health Ministry",), ("Lebanon Health Ministry",)),
    ],
    ids=["spellings", "acronym-and-full-name", "name-without-its-first-word", "generic-body"],
)
def test_corpus_unifies_variants_across_articles(first, second, expected_first, expected_second):
    """Spellings, an armed group's acronym and full name, a shorter name: one name across articles."""
    frame = unify_actor_names(events_frame([_event("a", first), _event("b", second)]))
    assert (_actors_of(frame, "a"), _actors_of(frame, "b")) == (expected_first, expected_second)


def test_corpus_unify_leaves_its_input_alone():
    """Unifying gives a new table; the per-article table it was given keeps its own names."""
    extracted = events_frame([_event("a", ("Joe Biden",)), _event("b", ("Biden",))])
    unify_actor_names(extracted)
    assert _actors_of(extracted, "b") == ("Biden",)


def test_corpus_assemble_keeps_both_tables():
    """A timeline keeps the per-article rows as given and the event table after the corpus stages, each event once."""
    extracted = events_frame([_event("a", ("Joe Biden",)), _event("b", ("Biden",)), _event("b", ("Biden",))])
    timeline = assemble_timeline(extracted, problems=["bad.txt: is empty"])
    assert list(timeline.extracted["event_id"]) == ["e-a", "e-b"]
    assert _actors_of(timeline.extracted, "b") == ("Biden",)
    assert _actors_of(timeline.events, "b") == ("Joe Biden",)
    assert timeline.problems == ("bad.txt: is empty",)
    pd.testing.assert_frame_equal(timeline.merged.events, merge_events(timeline.events).events)


@pytest.mark.parametrize(
    ("base", "added"),
    [
        ((("a", ("Joe Biden",)),), (("b", ("Biden",)),)),
        ((("a", ("Biden",)),), (("b", ("Joe Biden",)),)),
        ((("a", ("Joe Biden",)), ("b", ("Biden",))), (("c", ("Jill Biden",)),)),
    ],
    ids=["full-name-in-corpus", "full-name-added", "added-name-makes-surname-ambiguous"],
)
def test_corpus_extend_equals_building_together(base, added):
    """Adding articles to a timeline gives the timeline of all of them: the corpus stages see both."""
    first = events_frame(_event(*row) for row in base)
    second = events_frame(_event(*row) for row in added)
    extended = extend_timeline(assemble_timeline(first), assemble_timeline(second))
    together = assemble_timeline(pd.concat([first, second], ignore_index=True))
    pd.testing.assert_frame_equal(extended.events, together.events)
    pd.testing.assert_frame_equal(extended.merged.events, together.merged.events)


def test_corpus_extend_an_empty_timeline():
    """Extending the empty timeline (a session before any upload) gives the added one's tables."""
    added = assemble_timeline(events_frame([_event("a", ("Joe Biden",)), _event("b", ("Biden",))]))
    extended = extend_timeline(assemble_timeline(empty_event_frame()), added)
    pd.testing.assert_frame_equal(extended.events, added.events)


# --- The proof: every front door gives one answer on a corpus that batching would change ---


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four articles as files, as a user would give them."""
    folder = tmp_path_factory.mktemp("corpus")
    for name, (title, date, text) in ARTICLES.items():
        (folder / name).write_text(f"---\ntitle: {title}\ndate: {date}\n---\n{text}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def articles(corpus_folder: Path) -> tuple[Article, ...]:
    """The corpus as the library reads it, in file order."""
    result = load_articles([corpus_folder], latest=LATEST)
    assert not result.problems
    return result.articles


@pytest.fixture(scope="module")
def expected(articles: tuple[Article, ...]) -> Timeline:
    """The timeline built in process, in one go: the answer every other path must give."""
    return build_timeline(articles)


@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    """One Dask cluster for every Dask case: one thread worker (threads would share one spaCy pipeline)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def _in_shares(count: int) -> Callable[..., list[Sequence[Article]]]:
    """A stand-in for the Dask engine's share cutter: ``count`` consecutive shares, whatever the corpus."""

    def cut(articles: Sequence[Article], parallelism: int = 1) -> list[Sequence[Article]]:
        bounds = [round(index * len(articles) / count) for index in range(count + 1)]
        return [articles[start:end] for start, end in itertools.pairwise(bounds)]

    return cut


@pytest.mark.slow
def test_corpus_fixture_needs_the_corpus_stage(articles: tuple[Article, ...], expected: Timeline) -> None:
    """The corpus is one where batching matters: alone, the surname articles say "Fidan"; together, "Hakan Fidan"."""
    ids = [article.article_id for article in articles]
    surname_ids = ids[2:]
    alone = build_timeline(articles[2:])
    for article_id in surname_ids:
        assert "Fidan" in _actors_of(alone.events, article_id)
        assert "Fidan" in _actors_of(expected.extracted, article_id)
        assert "Hakan Fidan" in _actors_of(expected.events, article_id)
        assert "Fidan" not in _actors_of(expected.events, article_id)
    assert len(expected.merged.events) < len(expected.events)


@pytest.fixture
def cli(corpus_folder: Path, tmp_path: Path) -> Callable[..., bytes]:
    """Run ``python -m timeline extract`` in this process on the corpus (or some of its files); return the JSONL."""
    runs = iter(range(1_000))

    def run(*options: str, files: Sequence[str] = ()) -> bytes:
        out = tmp_path / f"out-{next(runs)}.jsonl"
        paths = [str(corpus_folder / name) for name in files] or [str(corpus_folder)]
        assert main(["extract", *paths, *options, "--format", "jsonl", "-o", str(out)]) == 0
        return out.read_bytes()

    return run


def _inprocess(cli: Callable[..., bytes], tmp_path: Path) -> tuple[bytes, bytes]:
    return cli("--no-cache"), cli("--no-cache", "--merged")


def _cold_cache(cli: Callable[..., bytes], tmp_path: Path) -> tuple[bytes, bytes]:
    return cli("--cache", str(tmp_path / "one")), cli("--cache", str(tmp_path / "two"), "--merged")


def _warm_cache(cli: Callable[..., bytes], tmp_path: Path) -> tuple[bytes, bytes]:
    cache = str(tmp_path / "cache")
    cli("--cache", cache)
    return cli("--cache", cache), cli("--cache", cache, "--merged")


def _cache_warmed_by_surnames(cli: Callable[..., bytes], tmp_path: Path) -> tuple[bytes, bytes]:
    # The cache holds the surname articles from a run that never saw the full name.
    cache = str(tmp_path / "cache")
    cli("--cache", cache, files=SURNAME_FILES)
    return cli("--cache", cache), cli("--cache", cache, "--merged")


@pytest.mark.slow
@pytest.mark.parametrize(
    "front_door",
    [_inprocess, _cold_cache, _warm_cache, _cache_warmed_by_surnames],
    ids=["inprocess", "cold-cache", "warm-cache", "cache-warmed-by-surname-articles"],
)
def test_corpus_cli_equals_library(front_door, cli, tmp_path: Path, expected: Timeline) -> None:
    """The CLI writes the library's event table and merged table, whatever the cache holds."""
    events, merged = front_door(cli, tmp_path)
    assert events == to_jsonl_bytes(expected.events)
    assert merged == to_jsonl_bytes(expected.merged.events)


@pytest.mark.slow
@pytest.mark.parametrize("partitions", [1, 3])
def test_corpus_cli_dask_equals_library(
    partitions: int, cli, dask_scheduler: str, monkeypatch: pytest.MonkeyPatch, expected: Timeline
) -> None:
    """`extract --engine dask` writes the same tables in one share as in three (full name and surnames apart)."""
    monkeypatch.setattr("timeline.engines.dask_engine.shares", _in_shares(partitions))
    options = ("--engine", "dask", "--scheduler", dask_scheduler, "--no-cache")
    assert cli(*options) == to_jsonl_bytes(expected.events)
    assert cli(*options, "--merged") == to_jsonl_bytes(expected.merged.events)


@pytest.mark.slow
def test_corpus_dask_parts_hold_per_article_rows(
    articles: tuple[Article, ...],
    dask_scheduler: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    expected: Timeline,
) -> None:
    """Parquet parts are each share's per-article rows; the timeline built from them is the in-process one."""
    monkeypatch.setattr("timeline.engines.dask_engine.shares", _in_shares(3))
    timeline = build_timeline(articles, engine="dask", scheduler=dask_scheduler, output_dir=tmp_path)
    assert len(list(tmp_path.glob("part-*.parquet"))) == 3
    pd.testing.assert_frame_equal(read_event_parts(tmp_path), expected.extracted)
    pd.testing.assert_frame_equal(timeline.events, expected.events)
    pd.testing.assert_frame_equal(timeline.merged.events, expected.merged.events)


@pytest.mark.slow
def test_corpus_dashboard_path_equals_library(
    articles: tuple[Article, ...], tmp_path: Path, expected: Timeline
) -> None:
    """The dashboard's way: the corpus through the cache, then a session's uploads added one by one, gives the same."""

    # What dashboard._extract calls, for the corpus and for each upload; _take and _both_views then extend.
    def extract(some: Sequence[Article]) -> Timeline:
        return build_timeline(some, workers=1, cache_dir=tmp_path)

    corpus = extract(articles[:2])
    session = assemble_timeline(empty_event_frame())
    for upload in articles[2:]:
        session = extend_timeline(session, extract([upload]))
    shown = extend_timeline(corpus, session)
    pd.testing.assert_frame_equal(shown.events, expected.events)
    pd.testing.assert_frame_equal(shown.merged.events, expected.merged.events)
    pd.testing.assert_frame_equal(shown.merged.mentions, expected.merged.mentions)


def test_corpus_cache_warnings_follow_the_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged cache index is set aside before extraction and said once, after what could not be read."""
    from tests.test_cache import CountingExtractor
    from timeline.cache import pipeline_version

    monkeypatch.setattr("timeline.nlp.load_nlp", lambda model=None: None)
    monkeypatch.setattr("timeline.pipeline.extract_frame", lambda batch, **_: CountingExtractor()(batch))
    articles = [_article_of(name, *fields) for name, fields in ARTICLES.items()]
    first = build_timeline(articles, workers=1, cache_dir=tmp_path)
    assert first.problems == ()
    (root,) = tmp_path.glob("v*")
    assert root.name.endswith(pipeline_version().split("+")[-1])
    (root / "index.sqlite").write_bytes(b"not a database" * 100)
    second = build_timeline(articles, workers=1, cache_dir=tmp_path, problems=["x.md: could not be read"])
    assert second.problems[0] == "x.md: could not be read"
    assert len(second.problems) == 2
    assert "set aside as index.sqlite.corrupt-1" in second.problems[1]
    pd.testing.assert_frame_equal(second.events, first.events)


def _article_of(name: str, title: str, date: str, text: str) -> Article:
    return Article(article_id=name, title=title, date=dt.date.fromisoformat(date), text=text)
