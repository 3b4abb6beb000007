"""timeline.ingest reads Parquet tables of articles: one article a row, bad rows named and skipped."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from timeline.ingest import load_articles, load_upload

LATEST = dt.date(2026, 1, 1)


def _write(path, columns: dict[str, list[object]]) -> None:  # type: ignore[no-untyped-def]
    pq.write_table(pa.table(columns), path)


@pytest.mark.parametrize(
    "dates",
    [["2024-12-02", "2024-12-03"], [dt.date(2024, 12, 2), dt.date(2024, 12, 3)]],
    ids=["dates-as-text", "dates-as-dates"],
)
def test_ingest_parquet_rows_become_articles(tmp_path, dates):
    """Each row is an article with its id, title, date and text, whether dates are text or typed."""
    path = tmp_path / "feed.parquet"
    _write(path, {"id": ["a", "b"], "title": ["One", "Two"], "date": dates, "text": ["On Sunday it rained.", "Snow."]})
    result = load_articles([tmp_path], latest=LATEST)
    assert [(a.article_id, a.title, a.date, a.text) for a in result.articles] == [
        ("a", "One", dt.date(2024, 12, 2), "On Sunday it rained."),
        ("b", "Two", dt.date(2024, 12, 3), "Snow."),
    ]
    assert result.problems == ()


def test_ingest_parquet_bad_row_is_named(tmp_path):
    """A row with an impossible date is one problem naming its row; the other rows are kept."""
    path = tmp_path / "feed.parquet"
    _write(path, {"date": ["2024-12-02", "2024-02-30", "2024-12-04"], "text": ["One.", "Two.", "Three."]})
    result = load_articles([path], latest=LATEST)
    assert [article.text for article in result.articles] == ["One.", "Three."]
    (problem,) = result.problems
    assert problem.where.endswith("feed.parquet:row 2")


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"PAR1 not really parquet", "not a readable Parquet file"), (None, "has no 'text' column")],
    ids=["corrupt", "no-text-column"],
)
def test_ingest_parquet_unreadable_file_is_one_sentence(tmp_path, data, reason):
    """A corrupt table, or one without a text column, is one problem naming the file."""
    if data is None:
        buffer = pa.BufferOutputStream()
        pq.write_table(pa.table({"date": ["2024-12-02"]}), buffer)
        data = buffer.getvalue().to_pybytes()
    result = load_upload("feed.parquet", data, latest=LATEST)
    assert result.articles == ()
    (problem,) = result.problems
    assert problem.where == "feed.parquet"
    assert reason in problem.reason
