"""The event cache: a seen article is never extracted twice, and any change to its key misses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from timeline.cache import ExtractionCache, cached_extract, pipeline_version
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
    """Rewrite every stored part as ``change`` makes its Arrow table, recording its new checksum (an older writer)."""
    parts = list(root.rglob("parts/*.parquet"))
    assert parts
    for part in parts:
        pq.write_table(change(pq.read_table(part)), part)
        checksum = hashlib.sha256(part.read_bytes()).hexdigest()
        part.rename(part.with_name(f"{checksum}.parquet"))
        with closing(sqlite3.connect(part.parent.parent / "index.sqlite")) as index, index:
            index.execute("UPDATE entries SET sha256 = ? WHERE sha256 = ?", (checksum, part.stem))


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


# --- a verified, self-healing cache ------------------------------------------------

VERSION = "1+model"


def _version_root(cache_dir: Path) -> Path:
    (root,) = cache_dir.glob("v*")
    return root


def _parts(root: Path) -> list[Path]:
    parts = sorted((root / "parts").glob("*.parquet"))
    assert parts
    return parts


def _truncate_part(root: Path) -> None:
    for part in _parts(root):
        part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])


def _empty_part(root: Path) -> None:
    for part in _parts(root):
        pq.write_table(pq.read_table(part).slice(0, 0), part)


def _tamper_rows(root: Path) -> None:
    for part in _parts(root):
        table = pq.read_table(part)
        index = table.column_names.index("sentence")
        pq.write_table(table.set_column(index, "sentence", pa.array(["forged"] * len(table))), part)


def _remove_part(root: Path) -> None:
    for part in _parts(root):
        part.unlink()


def _part_with_some_columns(root: Path) -> None:
    # Checksums recorded anew: the part verifies, and what it holds must still be checked.
    _rewrite_parts(root, lambda table: table.select(["cache_key", "article_id", "sentence"]))


def _count_mismatch(root: Path) -> None:
    with closing(sqlite3.connect(root / "index.sqlite")) as index, index:
        index.execute("UPDATE entries SET events = 1 WHERE events = 2")


def _garbage_index(root: Path) -> None:
    (root / "index.sqlite").write_bytes(b"this is not a database" * 100)


def _truncated_index(root: Path) -> None:
    index = root / "index.sqlite"
    index.write_bytes(index.read_bytes()[:4096])


def _foreign_sqlite(root: Path) -> None:
    (root / "index.sqlite").unlink()
    with closing(sqlite3.connect(root / "index.sqlite")) as index, index:
        index.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        index.execute("INSERT INTO notes (body) VALUES ('someone else''s data')")


def _older_layout(root: Path) -> None:
    # The layout before checksums: the same table name, no application id, no sha256 column.
    (root / "index.sqlite").unlink()
    with closing(sqlite3.connect(root / "index.sqlite")) as index, index:
        index.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, part TEXT, events INTEGER NOT NULL)")


def _index_missing_a_column(root: Path) -> None:
    with closing(sqlite3.connect(root / "index.sqlite")) as index, index:
        index.execute("ALTER TABLE entries DROP COLUMN sha256")


def _events_holding_text(root: Path) -> None:
    with closing(sqlite3.connect(root / "index.sqlite")) as index, index:
        index.execute("PRAGMA ignore_check_constraints = ON")
        index.execute("UPDATE entries SET events = 'two' WHERE events = 2")


def _index_is_a_folder(root: Path) -> None:
    (root / "index.sqlite").unlink()
    (root / "index.sqlite").mkdir()


def _empty_index_file(root: Path) -> None:
    (root / "index.sqlite").write_bytes(b"")


@pytest.mark.parametrize(
    ("corrupt", "extracted_again", "set_aside"),
    [
        pytest.param(_truncate_part, ["a", "b"], False, id="truncated-part"),
        pytest.param(_empty_part, ["a", "b"], False, id="empty-but-valid-part"),
        pytest.param(_tamper_rows, ["a", "b"], False, id="tampered-rows"),
        pytest.param(_remove_part, ["a", "b"], False, id="missing-part"),
        pytest.param(_part_with_some_columns, ["a", "b"], False, id="part-with-some-columns"),
        pytest.param(_count_mismatch, ["a", "b"], False, id="row-count-not-the-index-s"),
        pytest.param(_empty_index_file, ["a", "b", "c"], False, id="empty-index-file"),
        pytest.param(_garbage_index, ["a", "b", "c"], True, id="garbage-index"),
        pytest.param(_truncated_index, ["a", "b", "c"], True, id="truncated-index"),
        pytest.param(_foreign_sqlite, ["a", "b", "c"], True, id="foreign-sqlite"),
        pytest.param(_older_layout, ["a", "b", "c"], True, id="older-layout"),
        pytest.param(_index_missing_a_column, ["a", "b", "c"], True, id="index-with-some-columns"),
        pytest.param(_events_holding_text, ["a", "b", "c"], True, id="events-column-holding-text"),
        pytest.param(_index_is_a_folder, ["a", "b", "c"], True, id="index-is-a-folder"),
    ],
)
def test_cache_damage_is_a_miss_or_a_rebuild(
    tmp_path: Path, corpus: list[Article], corrupt: Callable[[Path], None], extracted_again: list[str], set_aside: bool
) -> None:
    """Whatever is wrong with the cache, the table is right; a damaged index is set aside with one warning."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor(), version=VERSION)
    root = _version_root(tmp_path)
    corrupt(root)
    extractor, warnings = CountingExtractor(), []
    frame = cached_extract(corpus, tmp_path, extract=extractor, version=VERSION, on_warning=warnings.append)
    pd.testing.assert_frame_equal(frame, CountingExtractor()(corpus))
    assert extractor.seen == extracted_again
    assert (root / "index.sqlite.corrupt-1").exists() is set_aside
    if set_aside:
        (warning,) = warnings
        assert "set aside as index.sqlite.corrupt-1" in warning
        assert warning.startswith(f"The event cache index in {tmp_path.name} could not be used (")
    else:
        assert warnings == []
    # Mended once, the cache serves the next run whole, with nothing to say.
    again, quiet = CountingExtractor(), []
    frame = cached_extract(corpus, tmp_path, extract=again, version=VERSION, on_warning=quiet.append)
    pd.testing.assert_frame_equal(frame, CountingExtractor()(corpus))
    assert (again.seen, quiet) == ([], [])


def test_cache_warnings_never_show_the_server_s_path(tmp_path: Path, corpus: list[Article]) -> None:
    """A set-aside warning names the cache folder by its name alone, in the callback and in the log."""
    cache_dir = tmp_path / "server" / "cache"
    cached_extract(corpus, cache_dir, extract=CountingExtractor(), version=VERSION)
    _garbage_index(_version_root(cache_dir))
    warnings: list[str] = []
    cached_extract(corpus, cache_dir, extract=CountingExtractor(), version=VERSION, on_warning=warnings.append)
    (warning,) = warnings
    assert "/" not in warning
    assert str(tmp_path) not in warning
    assert "in cache " in warning


def test_cache_warning_is_logged_once(tmp_path: Path, corpus: list[Article], caplog: pytest.LogCaptureFixture) -> None:
    """Without a callback the warning still reaches the ``timeline.cache`` log, once (the CLI's stderr)."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor(), version=VERSION)
    _garbage_index(_version_root(tmp_path))
    with caplog.at_level("WARNING", logger="timeline.cache"):
        cached_extract(corpus, tmp_path, extract=CountingExtractor(), version=VERSION)
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "set aside as index.sqlite.corrupt-1" in caplog.records[0].getMessage()


def test_cache_each_damage_gets_the_next_free_name(tmp_path: Path, corpus: list[Article]) -> None:
    """A second damaged index is set aside beside the first, not over it."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor(), version=VERSION)
    root = _version_root(tmp_path)
    for _ in range(2):
        _garbage_index(root)
        cached_extract(corpus, tmp_path, extract=CountingExtractor(), version=VERSION)
    assert sorted(path.name for path in root.glob("index.sqlite.corrupt-*")) == [
        "index.sqlite.corrupt-1",
        "index.sqlite.corrupt-2",
    ]


def test_cache_damage_found_while_in_use_is_mended(tmp_path: Path, corpus: list[Article]) -> None:
    """An index that turns bad after it was opened is set aside when a read finds it so, with one warning."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor(), version=VERSION)
    warnings: list[str] = []
    cache = ExtractionCache(tmp_path, VERSION, on_warning=warnings.append)
    _events_holding_text(cache.root)
    lookup = cache.lookup(corpus)
    assert [article.article_id for article in lookup.misses] == ["a", "b", "c"]
    (warning,) = warnings
    assert "a row's event count is not a count" in warning


def test_cache_folder_that_cannot_be_used_is_left_out(tmp_path: Path, corpus: list[Article]) -> None:
    """A cache path that is a file costs one warning; the events are extracted without the cache."""
    blocked = tmp_path / "cache"
    blocked.write_text("not a folder", encoding="utf-8")
    extractor, warnings = CountingExtractor(), []
    frame = cached_extract(corpus, blocked, extract=extractor, version=VERSION, on_warning=warnings.append)
    pd.testing.assert_frame_equal(frame, CountingExtractor()(corpus))
    assert extractor.seen == ["a", "b", "c"]
    (warning,) = warnings
    assert warning.startswith("The event cache in cache cannot be used (")
    assert str(tmp_path) not in warning


def test_cache_that_cannot_be_written_still_gives_the_table(
    tmp_path: Path, corpus: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while storing is one warning; the freshly extracted table is still returned."""
    from timeline.cache.files import PartFiles

    def full(self: PartFiles, data: bytes) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(PartFiles, "write", full)
    warnings: list[str] = []
    frame = cached_extract(corpus, tmp_path, extract=CountingExtractor(), version=VERSION, on_warning=warnings.append)
    pd.testing.assert_frame_equal(frame, CountingExtractor()(corpus))
    assert warnings == [f"The event cache in {tmp_path.name} cannot be written (No space left on device)."]


def test_cache_check_reports_a_set_aside_index(tmp_path: Path, corpus: list[Article]) -> None:
    """check_cache, what a front door calls first, mends the index and says so once."""
    from timeline.cache import check_cache

    cached_extract(corpus, tmp_path, extract=CountingExtractor(), version=pipeline_version("model"))
    _garbage_index(_version_root(tmp_path))
    first, second = check_cache(tmp_path, "model"), check_cache(tmp_path, "model")
    assert (first.usable, second.usable) == (True, True)
    assert len(first.warnings) == 1
    assert second.warnings == ()


def test_cache_part_index_records_checksums(tmp_path: Path, corpus: list[Article]) -> None:
    """Each index row with events names its part by the sha256 of the part's bytes."""
    cached_extract(corpus, tmp_path, extract=CountingExtractor(), version=VERSION)
    root = _version_root(tmp_path)
    with closing(sqlite3.connect(root / "index.sqlite")) as index:
        checksums = {checksum for (checksum,) in index.execute("SELECT sha256 FROM entries WHERE events > 0")}
    assert checksums == {hashlib.sha256(part.read_bytes()).hexdigest() for part in _parts(root)}
