"""The event cache: a seen article is never extracted twice, and any change to its key misses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from timeline.cache import ExtractionCache, cached_extract, pipeline_version
from timeline.errors import CacheError
from timeline.schema import DATE_COLUMNS, DAY_DTYPE
from timeline.table import events_frame
from timeline.types import Article, DateMention, DateSource, Event, Precision, TimexValue

DAY = dt.date(2024, 12, 2)


class CountingExtractor:
    """A stand-in for the pipeline: one event per sentence, named after its capitalised words."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: Sequence[Article], /, *, on_progress=None) -> pd.DataFrame:  # type: ignore[no-untyped-def]
        events = []
        for done, article in enumerate(articles, start=1):
            self.seen.append(article.article_id)
            sentences = [part.strip() for part in article.text.split(".") if part.strip()]
            for index, sentence in enumerate(sentences):
                names = tuple(word for word in sentence.split() if word[:1].isupper())
                timex = TimexValue(article.date.isoformat(), Precision.DAY, article.date, article.date)
                mention = DateMention(0, 5, "today", timex, DateSource.ARTICLE)
                events.append(
                    Event(f"{article.article_id}-{index}", article, index, sentence, mention, names, (), names[:1], ())
                )
            if on_progress is not None:
                on_progress(done, len(articles))
        return events_frame(events)


def _article(article_id: str, text: str = "Fidan met Al-Thani in Doha. Talks went on.", **extra: object) -> Article:
    fields: dict[str, object] = {"article_id": article_id, "title": f"Title {article_id}", "date": DAY, "text": text}
    fields.update(extra)
    return Article(**fields)  # type: ignore[arg-type]


@pytest.fixture
def corpus() -> list[Article]:
    """Three articles, one of which has no events at all."""
    return [_article("a"), _article("b", "Rain fell. Erdogan spoke in Ankara."), _article("c", "   ")]


def test_cache_second_run_extracts_nothing_and_equals_first(tmp_path: Path, corpus: list[Article]) -> None:
    """A second run over the same corpus reads every article's events back from disk."""
    extractor = CountingExtractor()
    first = cached_extract(corpus, tmp_path, extract=extractor)
    assert extractor.seen == ["a", "b", "c"]
    second = cached_extract(corpus, tmp_path, extract=extractor)
    assert extractor.seen == ["a", "b", "c"]
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(second, CountingExtractor()(corpus))


def test_cache_keeps_list_columns_and_dates(tmp_path: Path, corpus: list[Article]) -> None:
    """Cached rows come back with tuples in the list columns and dates as dates."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor())
    frame = cached_extract(corpus, tmp_path, extract=CountingExtractor())
    assert frame.loc[0, "actors"] == ("Fidan", "Al-Thani", "Doha")
    assert frame.loc[0, "countries"] == ("Fidan",)
    assert frame.loc[0, "regions"] == ()
    assert {str(frame[name].dtype) for name in DATE_COLUMNS} == {DAY_DTYPE}


@pytest.mark.parametrize(
    ("change", "extracted_again"),
    [
        pytest.param({"text": "Fidan met Al-Thani in Doha. Talks ended."}, ["a"], id="text"),
        pytest.param({"date": dt.date(2024, 12, 3)}, ["a"], id="date"),
        pytest.param({"article_id": "a2"}, ["a2"], id="id"),
        pytest.param({"title": "A new title", "source": "Wire", "url": "https://example.org/a"}, [], id="labels"),
    ],
)
def test_cache_key_covers_what_extraction_reads(
    tmp_path: Path, corpus: list[Article], change: dict[str, object], extracted_again: list[str]
) -> None:
    """Changing an article's text, date or id misses the cache; a new title or source does not."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor())
    changed = [dataclasses.replace(corpus[0], **change), *corpus[1:]]  # type: ignore[arg-type]
    extractor = CountingExtractor()
    frame = cached_extract(changed, tmp_path, extract=extractor)
    assert extractor.seen == extracted_again
    pd.testing.assert_frame_equal(frame, CountingExtractor()(changed))


def test_cache_version_bump_invalidates(tmp_path: Path, corpus: list[Article]) -> None:
    """Another pipeline version (code or model) sees none of the old entries."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor(), version="1+model")
    extractor = CountingExtractor()
    cached_extract(corpus, tmp_path, extract=extractor, version="2+model")
    assert extractor.seen == ["a", "b", "c"]
    assert pipeline_version("other_model") != pipeline_version("en_core_web_sm")


def test_cache_version_follows_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to the library's source changes the version, even without a bump."""
    before = pipeline_version("model")
    monkeypatch.setattr("timeline.cache.code_digest", lambda: "0" * 12)
    assert pipeline_version("model") != before


def test_cache_only_new_articles_are_extracted(tmp_path: Path, corpus: list[Article]) -> None:
    """Adding an article to a seen corpus extracts that article alone, and the order follows the input."""
    cached_extract(corpus[:2], tmp_path, extract=CountingExtractor())
    extractor = CountingExtractor()
    grown = [corpus[2], _article("d", "Biden spoke."), *corpus[:2]]
    frame = cached_extract(grown, tmp_path, extract=extractor)
    assert extractor.seen == ["c", "d"]
    pd.testing.assert_frame_equal(frame, CountingExtractor()(grown))


def test_cache_same_id_different_texts(tmp_path: Path) -> None:
    """Two articles sharing an id but not a text each get their own events."""
    articles = [_article("x", "Fidan spoke."), _article("x", "Biden spoke. Harris spoke.")]
    frame = cached_extract(articles, tmp_path, extract=CountingExtractor())
    assert frame["sentence"].tolist() == ["Fidan spoke", "Biden spoke", "Harris spoke"]
    again = cached_extract(articles, tmp_path, extract=CountingExtractor())
    pd.testing.assert_frame_equal(frame, again)


def test_cache_repeated_article_repeats_its_rows(tmp_path: Path, corpus: list[Article]) -> None:
    """An article given twice yields its rows twice, as extraction would, but is extracted once."""
    extractor = CountingExtractor()
    frame = cached_extract([corpus[0], corpus[0]], tmp_path, extract=extractor)
    assert extractor.seen == ["a"]
    assert len(frame) == 4


def test_cache_missing_part_is_a_miss(tmp_path: Path, corpus: list[Article]) -> None:
    """A part file deleted behind the cache's back is extracted again, not an error."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor())
    for part in tmp_path.rglob("*.parquet"):
        part.unlink()
    extractor = CountingExtractor()
    frame = cached_extract(corpus, tmp_path, extract=extractor)
    assert extractor.seen == ["a", "b"]
    pd.testing.assert_frame_equal(frame, CountingExtractor()(corpus))


def _rewrite_parts(root: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Rewrite every stored part as ``change`` makes its Arrow table (an older or a broken writer)."""
    parts = list(root.rglob("*.parquet"))
    assert parts
    for part in parts:
        pq.write_table(change(pq.read_table(part)), part)


def _days_in_ns(table: pa.Table) -> pa.Table:
    for name in DATE_COLUMNS:
        table = table.set_column(table.column_names.index(name), name, table.column(name).cast(pa.timestamp("ns")))
    return table


def test_cache_reads_parts_written_with_nanosecond_days(tmp_path: Path, corpus: list[Article]) -> None:
    """Parts written when days were nanoseconds are still hits, and come back in seconds."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor())
    _rewrite_parts(tmp_path, _days_in_ns)
    extractor = CountingExtractor()
    frame = cached_extract(corpus, tmp_path, extract=extractor)
    assert extractor.seen == []
    pd.testing.assert_frame_equal(frame, CountingExtractor()(corpus))


def test_cache_part_that_is_no_event_table_is_a_miss(tmp_path: Path, corpus: list[Article]) -> None:
    """A part that does not hold an event table is extracted again, not served and not an error."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor())
    _rewrite_parts(tmp_path, lambda table: table.drop_columns(["sentence"]))
    extractor = CountingExtractor()
    frame = cached_extract(corpus, tmp_path, extract=extractor)
    assert extractor.seen == ["a", "b"]
    pd.testing.assert_frame_equal(frame, CountingExtractor()(corpus))


def test_cache_unreadable_index_is_a_named_error(tmp_path: Path, corpus: list[Article]) -> None:
    """A cache index that is not a database raises CacheError with advice, not a traceback."""
    cache = ExtractionCache(tmp_path, "1+model")
    (cache.root / "index.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(CacheError, match="delete it or run without the cache"):
        cached_extract(corpus, tmp_path, extract=CountingExtractor(), version="1+model")


def test_cache_index_records_articles_without_events(tmp_path: Path, corpus: list[Article]) -> None:
    """An article with no events is remembered too, with a count of zero."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor(), version="v")
    index = ExtractionCache(tmp_path, "v").root / "index.sqlite"
    with sqlite3.connect(index) as connection:
        counts = sorted(count for (count,) in connection.execute("SELECT events FROM entries"))
    assert counts == [0, 2, 2]


def test_cache_reports_progress_to_the_total(tmp_path: Path, corpus: list[Article]) -> None:
    """Progress counts cached articles at once and fresh ones as they are extracted."""
    cached_extract(corpus[:1], tmp_path, extract=CountingExtractor())
    reports: list[tuple[int, int]] = []
    cached_extract(
        corpus, tmp_path, extract=CountingExtractor(), on_progress=lambda done, total: reports.append((done, total))
    )
    assert reports == [(1, 3), (2, 3), (3, 3)]


def test_cache_empty_corpus(tmp_path: Path) -> None:
    """No articles give an empty event table without calling the extractor."""
    extractor = CountingExtractor()
    assert cached_extract([], tmp_path, extract=extractor).empty
    assert extractor.seen == []


@pytest.mark.slow
def test_cache_with_the_pipeline_equals_extraction(
    tmp_path: Path, seed_article: Article, seed_frame: pd.DataFrame
) -> None:
    """With the real pipeline, the cached seed table equals a fresh extraction, twice."""
    first = cached_extract([seed_article], tmp_path)
    second = cached_extract([seed_article], tmp_path, extract=CountingExtractor())
    pd.testing.assert_frame_equal(first, seed_frame)
    pd.testing.assert_frame_equal(second, seed_frame)
