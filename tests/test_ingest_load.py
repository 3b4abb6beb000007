"""timeline.ingest: folders, uploads and pastes, one article per id, and nothing fetched."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from timeline.errors import ArticleDateError
from timeline.ingest import SUPPORTED_SUFFIXES, corpus_stamp, load_articles, load_upload

LATEST = dt.date(2026, 11, 26)
DAY = dt.date(2024, 12, 2)


def _article(text: str, day: str = "2024-12-02", extra: str = "") -> str:
    return f"---\ntitle: T\ndate: {day}\n{extra}---\n{text}\n"


def test_load_folder_recursive_sorted_hidden_skipped(tmp_path):
    """A folder is searched recursively in name order; hidden files and other suffixes are left alone."""
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.md").write_text(_article("Second."))
    (tmp_path / "1.txt").write_text(_article("First."))
    (tmp_path / ".hidden.txt").write_text(_article("Hidden."))
    (tmp_path / ".git" / "x.txt").write_text(_article("In git."))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = load_articles([tmp_path], latest=LATEST)
    assert [article.text for article in result.articles] == ["First.", "Second."]
    assert not result.problems


def test_load_paths_missing_empty_folder_unsupported(tmp_path):
    """A missing path, a folder without articles and a named unsupported file are one problem each."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "good.txt").write_text(_article("Good."))
    paths = [tmp_path / "nowhere.txt", tmp_path / "empty", tmp_path / "slides.pdf", str(tmp_path / "good.txt")]
    result = load_articles(paths, latest=LATEST)
    assert [article.text for article in result.articles] == ["Good."]
    assert [(problem.where, problem.reason.split(" ")[:2]) for problem in result.problems] == [
        (str(tmp_path / "nowhere.txt"), ["does", "not"]),
        (str(tmp_path / "empty"), ["is", "a"]),
        (str(tmp_path / "slides.pdf"), ["is", "a"]),
    ]


def test_load_same_article_twice_kept_once(tmp_path):
    """Re-ingesting the same article (a copy, or the same row) keeps it once and names the duplicate."""
    (tmp_path / "a.txt").write_text(_article("Same story."))
    (tmp_path / "copy.txt").write_text(_article("Same story."))
    result = load_articles([tmp_path, tmp_path / "a.txt"], latest=LATEST)
    assert [article.text for article in result.articles] == ["Same story."]
    assert result.duplicates == (str(tmp_path / "copy.txt"), str(tmp_path / "a.txt"))
    assert not result.problems


def test_load_id_is_given_or_content_hash(tmp_path):
    """An article's id is its own when given, else a hash of text and date stable across loads."""
    (tmp_path / "given.txt").write_text(_article("One.", extra="id: story-1\n"))
    (tmp_path / "hashed.txt").write_text(_article("Two."))
    first = load_articles([tmp_path], latest=LATEST)
    second = load_upload("other-name.txt", (tmp_path / "hashed.txt").read_bytes(), latest=LATEST)
    assert first.articles[0].article_id == "story-1"
    assert first.articles[1].article_id == second.articles[0].article_id
    assert len(first.articles[1].article_id) == 16


def test_load_id_clash_keeps_both_articles(tmp_path):
    """Two different articles claiming one id are both kept; the later one under a stable derived id."""
    lines = [
        {"id": "x", "date": "2024-12-02", "text": "First."},
        {"id": "x", "date": "2024-12-02", "text": "Different."},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    result = load_upload("feed.jsonl", data, latest=LATEST)
    assert [article.text for article in result.articles] == ["First.", "Different."]
    assert result.articles[1].article_id.startswith("x~")
    assert result.problems == ()
    assert load_upload("again.jsonl", data, latest=LATEST).articles[1].article_id == result.articles[1].article_id


@pytest.mark.parametrize("name", ["pasted text", "clipboard"])
def test_load_upload_without_suffix_is_text(name):
    """A paste (a name without suffix) is read as an article file."""
    result = load_upload(name, b"Qatar met Egypt on Sunday.", date=DAY)
    assert [(article.text, article.date, article.title) for article in result.articles] == [
        ("Qatar met Egypt on Sunday.", DAY, name)
    ]


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_load_upload_every_suffix_answers(suffix):
    """Every supported suffix reads a well-formed upload without a problem."""
    text = "Qatar met Egypt on Sunday."
    data = {
        ".jsonl": json.dumps({"date": "2024-12-02", "text": text}),
        ".ndjson": json.dumps({"date": "2024-12-02", "text": text}),
        ".json": json.dumps([{"date": "2024-12-02", "text": text}]),
        ".csv": f"date,text\n2024-12-02,{text}\n",
        ".tsv": f"date\ttext\n2024-12-02\t{text}\n",
    }.get(suffix, _article(text))
    if suffix in {".html", ".htm", ".xhtml"}:
        data = f'<html><head><meta name="date" content="2024-12-02"></head><body><p>{text}</p></body></html>'
    encoded = data.encode()
    if suffix == ".parquet":
        buffer = pa.BufferOutputStream()
        pq.write_table(pa.table({"date": ["2024-12-02"], "text": [text]}), buffer)
        encoded = buffer.getvalue().to_pybytes()
    result = load_upload("upload" + suffix.upper(), encoded, latest=LATEST)
    assert not result.problems
    assert [(article.text, article.date) for article in result.articles] == [(text, DAY)]


@pytest.mark.parametrize(
    ("date", "latest", "fragment"),
    [(dt.date(2099, 1, 1), LATEST, "later than 2026-11-26"), (dt.date(2999, 1, 1), None, "surely a typo")],
)
def test_load_given_date_checked(date, latest, fragment, tmp_path):
    """A date given for undated articles must itself be plausible: a wrong one fails at once."""
    with pytest.raises(ArticleDateError, match=fragment):
        load_articles([tmp_path], date=date, latest=latest)
    with pytest.raises(ArticleDateError, match=fragment):
        load_upload("a.txt", b"text", date=date, latest=latest)


def test_load_html_fetches_nothing(monkeypatch):
    """An HTML upload that is only a link is not fetched: no socket is opened."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = load_upload("link.html", b"https://example.com/news/article-1", date=DAY)
    assert not result.articles
    assert len(result.problems) == 1


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta property="article:published_time" content="2024-12-02T23:30:00-05:00">', DAY),
        ('<meta name="DC.date.issued" content="2024-12-02">', DAY),
        ('<script type="application/ld+json">{"@graph": [{"datePublished": "2024-12-02"}]}</script>', DAY),
        ('<meta name="pubdate" content="Mon, 02 Dec 2024 10:00:00 GMT">', DAY),
    ],
)
def test_load_html_date_from_metadata(meta, expected):
    """The publication date is read from the page's metadata in its usual forms."""
    page = f"<html><head>{meta}</head><body><p>Qatar met Egypt on Sunday.</p></body></html>"
    (article,) = load_upload("p.html", page.encode(), latest=LATEST).articles
    assert article.date == expected


def test_load_html_body_date_not_guessed():
    """A date in the page's text is not taken as its publication date."""
    page = "<html><body><p>Published December 2, 2024. Qatar met Egypt on Sunday.</p></body></html>"
    result = load_upload("p.html", page.encode(), latest=LATEST)
    assert not result.articles
    assert isinstance(result.problems[0], ArticleDateError)


def test_load_file_too_large_refused_unread(tmp_path, monkeypatch):
    """A file over the size limit is refused from its size, before any byte is read."""
    import timeline.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 10)
    (tmp_path / "big.jsonl").write_text('{"text": "more than ten bytes", "date": "2024-12-02"}')
    result = load_articles([tmp_path / "big.jsonl"])
    assert "more than the" in result.problems[0].reason


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_load_csv_delimiters(delimiter):
    """A CSV written with a semicolon, tab or bar between fields is read by its header."""
    data = delimiter.join(["id", "date", "text"]) + "\n" + delimiter.join(["1", "2024-12-02", "Story."]) + "\n"
    result = load_upload("export.csv", data.encode(), latest=LATEST)
    assert [(article.article_id, article.text) for article in result.articles] == [("1", "Story.")]
    assert not result.problems


def test_load_json_error_reads_as_a_sentence():
    """A JSON syntax error names the column in plain words."""
    result = load_upload("f.jsonl", b'{"text": "unterminated', latest=LATEST)
    assert result.problems[0].reason == "is not valid JSON (Unterminated string starting at column 10)"


def test_load_html_too_much_text_refused():
    """A page with far more text than any article is refused before extraction, with the count."""
    paragraph = "<p>Qatar and Egypt met in Doha on Sunday to discuss a ceasefire.</p>"
    page = f'<html><head><meta name="date" content="2024-12-02"></head><body>{paragraph * 6000}</body></html>'
    (problem,) = load_upload("long.html", page.encode(), latest=LATEST).problems
    assert "characters of text" in problem.reason


def test_load_not_a_regular_file(tmp_path):
    """A named pipe is not read (it could block forever); it is one problem."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (problem,) = load_articles([fifo]).problems
    assert problem.reason == "is a named pipe, not a regular file, so it is not read"


def test_load_impossible_path_is_a_problem():
    """A path no file system accepts (an embedded NUL) is a problem, not an exception."""
    (problem,) = load_articles(["bad\x00name.txt"]).problems
    assert problem.reason in {"does not exist", "could not be read (embedded null byte)"}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_load_unlistable_subfolder_is_a_problem(tmp_path):
    """A subfolder that cannot be listed is named as a problem; the rest of the folder is read."""
    (tmp_path / "good.txt").write_text("---\ndate: 2024-12-02\n---\nGood.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = load_articles([tmp_path])
    finally:
        locked.chmod(0o755)
    assert [article.text for article in result.articles] == ["Good."]
    assert [problem.where for problem in result.problems] == [str(locked)]


def test_load_corpus_stamp_follows_article_files(tmp_path):
    """The stamp changes when an article file changes or is added, and ignores other files."""
    (tmp_path / "a.txt").write_text(_article("One."))
    before = corpus_stamp([tmp_path])
    (tmp_path / "notes.log").write_text("not an article")
    assert corpus_stamp([tmp_path]) == before
    (tmp_path / "b.jsonl").write_text("{}")
    assert corpus_stamp([tmp_path]) != before
