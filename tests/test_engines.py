"""Engines: in-process and Dask runs give the same event table, in article order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd
import pytest

from timeline.engines import auto_workers, run_extract
from timeline.engines.shares import shares
from timeline.errors import EngineError
from timeline.parquet import read_event_parts
from timeline.table import events_frame
from timeline.types import Article, DateMention, DateSource, Event, Precision, TimexValue


def _fake_extract(articles: Sequence[Article], *, nlp: object = None, on_progress=None) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    """One event per sentence of each article, dated the article's day."""
    events = []
    for done, article in enumerate(articles, start=1):
        sentences = [part.strip() for part in article.text.split(".") if part.strip()]
        for index, sentence in enumerate(sentences):
            timex = TimexValue(article.date.isoformat(), Precision.DAY, article.date, article.date)
            mention = DateMention(0, 5, "today", timex, DateSource.ARTICLE)
            events.append(Event(f"{article.article_id}-{index}", article, index, sentence, mention, ("Fidan",)))
        if on_progress is not None:
            on_progress(done, len(articles))
    return events_frame(events)


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Swap the spaCy pipeline for a fast stand-in (threads share this process, so Dask sees it too)."""
    monkeypatch.setattr("timeline.pipeline.extract_frame", _fake_extract)
    monkeypatch.setattr("timeline.nlp.load_nlp", lambda model=None: None)


@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    """A small Dask cluster of two thread workers in this process, for the whole module."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def _corpus(count: int) -> list[Article]:
    return [
        Article(
            article_id=f"art{number:03d}",
            title=f"Article {number}",
            date=dt.date(2024, 1, 1) + dt.timedelta(days=number),
            text=". ".join(f"Sentence {number}-{index}" for index in range(number % 4)),
        )
        for number in range(count)
    ]


@pytest.mark.parametrize(("count", "parallelism", "largest"), [(0, 1, 0), (3, 1, 1), (40, 2, 5), (10_000, 2, 64)])
def test_engines_shares_cover_the_corpus_in_order(count: int, parallelism: int, largest: int) -> None:
    """Shares are consecutive, cover every article once, and keep every worker busy."""
    corpus = _corpus(count)
    parts = shares(corpus, parallelism)
    assert [article for part in parts for article in part] == corpus
    assert max((len(part) for part in parts), default=0) == largest


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"engine": "spark"}, "unknown"),
        ({"workers": 0}, "at least 1"),
        ({"scheduler": "tcp://127.0.0.1:8786"}, "only makes sense with the dask engine"),
    ],
)
def test_engines_bad_options_are_named_errors(options: dict[str, object], message: str) -> None:
    """A bad engine, worker count or scheduler use is one sentence, before any work starts."""
    with pytest.raises(EngineError, match=message):
        run_extract(_corpus(2), **options)  # type: ignore[arg-type]


def test_engines_output_folder_must_be_empty(tmp_path: Path) -> None:
    """Parts are never mixed with the parts of an earlier run."""
    (tmp_path / "part-00000.parquet").write_bytes(b"")
    with pytest.raises(EngineError, match="already holds event parts"):
        run_extract(_corpus(2), output_dir=tmp_path)


def test_engines_unreachable_scheduler(monkeypatch: pytest.MonkeyPatch) -> None:
    """An address where no scheduler listens is one sentence naming the address."""
    monkeypatch.setattr("timeline.engines.dask_engine._CONNECT_TIMEOUT", "1s")
    with pytest.raises(EngineError, match="cannot be reached"):
        run_extract(_corpus(2), engine="dask", scheduler="tcp://127.0.0.1:9")


@pytest.mark.usefixtures("fake_pipeline")
def test_engines_dask_keeps_article_order_and_reports_progress(dask_scheduler: str, tmp_path: Path) -> None:
    """Dask tasks finish in any order, but the table and its Parquet parts come back in article order."""
    corpus = _corpus(40)
    reports: list[tuple[int, int]] = []
    frame = run_extract(
        corpus,
        engine="dask",
        scheduler=dask_scheduler,
        output_dir=tmp_path / "out",
        on_progress=lambda done, total: reports.append((done, total)),
    )
    pd.testing.assert_frame_equal(frame, _fake_extract(corpus))
    pd.testing.assert_frame_equal(read_event_parts(tmp_path / "out"), frame)
    assert len(list((tmp_path / "out").glob("part-*.parquet"))) == len(shares(corpus, 2))
    assert reports[-1] == (40, 40)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


@pytest.mark.usefixtures("fake_pipeline")
def test_engines_inprocess_writes_the_same_parts(tmp_path: Path) -> None:
    """The in-process engine writes its Parquet parts share by share too."""
    corpus = _corpus(40)
    frame = run_extract(corpus, output_dir=tmp_path)
    pd.testing.assert_frame_equal(frame, _fake_extract(corpus))
    pd.testing.assert_frame_equal(read_event_parts(tmp_path), frame)


@pytest.mark.usefixtures("fake_pipeline")
def test_engines_dask_uses_the_cache(dask_scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second Dask run over a cached corpus extracts nothing and returns the same table."""
    corpus = _corpus(12)
    first = run_extract(corpus, engine="dask", scheduler=dask_scheduler, cache_dir=tmp_path)

    def refuse(*args: object, **kwargs: object) -> pd.DataFrame:
        raise AssertionError("extracted an article the cache holds")

    monkeypatch.setattr("timeline.pipeline.extract_frame", refuse)
    second = run_extract(corpus, engine="dask", scheduler=dask_scheduler, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(first, second)


@pytest.fixture(scope="module")
def several_articles(seed_article: Article) -> list[Article]:
    """The seed article under four ids and dates, so relative dates resolve differently."""
    return [
        dataclasses.replace(seed_article, article_id=f"seed-{offset}", date=seed_article.date + dt.timedelta(offset))
        for offset in (0, 1, 9, 40)
    ]


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["article_id", "sentence_index", "event_id"]).reset_index(drop=True)


@pytest.mark.slow
def test_engines_inprocess_equals_pipeline(several_articles: list[Article], nlp: object) -> None:
    """The default engine's table is the pipeline's table."""
    from timeline.pipeline import extract_frame

    pd.testing.assert_frame_equal(run_extract(several_articles), extract_frame(several_articles))


@pytest.mark.parametrize(
    ("articles", "cores", "expected"),
    [(1, 2, 1), (199, 2, 1), (400, 2, 2), (10_000, 2, 2), (10_000, 8, 8), (0, 4, 1)],
)
def test_engines_auto_workers(articles: int, cores: int, expected: int) -> None:
    """One spaCy process per core, but only once each has a few hundred articles to do."""
    assert auto_workers(articles, cores) == expected


@pytest.mark.slow
def test_engines_two_processes_equal_one(several_articles: list[Article], nlp: object) -> None:
    """spaCy's worker processes give the same table as one process."""
    pd.testing.assert_frame_equal(run_extract(several_articles, workers=2), run_extract(several_articles, workers=1))


@pytest.mark.slow
def test_engines_dask_equals_inprocess(several_articles: list[Article], nlp: object) -> None:
    """On a local Dask cluster, the real pipeline gives the in-process table, row for row."""
    from distributed import LocalCluster

    local = run_extract(several_articles)
    # One thread worker: threads in one process would share one spaCy pipeline, which
    # spaCy does not promise to support; real runs use worker processes.
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster:
        on_dask = run_extract(several_articles, engine="dask", scheduler=cluster.scheduler_address)
    assert len(local) > 0
    pd.testing.assert_frame_equal(_sorted(on_dask), _sorted(local))
    pd.testing.assert_frame_equal(on_dask, local)
