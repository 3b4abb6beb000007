"""The bad-input battery: every input is read from a file and as an upload, and each gives either
the article with the right text or one problem naming the file (and line) with a readable reason.

The crafted inputs are built here, at run time: hostile ones (JSON nested 100,000 deep, an
integer of 5,000 digits, a 50 MB line, a Parquet file of a few kilobytes that decompresses
past the size limit), careless ones (one Windows-1252 line in a UTF-8 file, Turkish in
Windows-1254, a page whose ``<meta charset>`` lies, zero-width characters) and names with
control characters. Non-regular files (a named pipe, a socket, a device) come last.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from timeline.defaults import MAX_FILE_BYTES
from timeline.errors import ArticleDateError
from timeline.ingest import IngestResult, load_articles, load_upload

#: Stands in for "today": the library never reads the clock, so tests pass it.
LATEST = dt.date(2026, 11, 26)
DAY = dt.date(2024, 12, 2)
HEADER = "---\ntitle: A test\ndate: 2024-12-02\nsource: test\n---\n"
SENTENCE = "Qatar and Egypt met in Doha on Sunday."


@dataclass(frozen=True)
class Case:
    """One input file and what reading it must give."""

    name: str
    #: The file's bytes, or a function building them (cached) when that is costly.
    source: bytes | Callable[[], bytes]
    #: The texts of the articles kept, in order.
    texts: tuple[str, ...] = ()
    #: (where, a fragment of the reason) of each problem, in order.
    problems: tuple[tuple[str, str], ...] = ()
    #: Problems that must be date errors, by index.
    date_problems: tuple[int, ...] = field(default_factory=tuple)

    @property
    def data(self) -> bytes:
        """The file's bytes."""
        return self.source() if callable(self.source) else self.source


def _jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def _row(number: int) -> str:
    return f'{{"id": "a{number}", "title": "T{number}", "date": "2024-12-0{number}", "text": "Story {number}."}}'


HTML_WITH_SCRIPTS = """<!doctype html><html><head><title>Talks in Doha</title>
<meta property="article:published_time" content="2024-12-02T09:30:00+03:00">
<script>alert("head script")</script></head>
<body><nav><a href="/">Home</a></nav><script>document.write("body script")</script>
<article><p>Qatar and Egypt met in Doha on Sunday to discuss a ceasefire.</p>
<p>The talks will continue next week, officials said.</p></article>
<img src=x onerror="alert('img')"><style>p { color: red }</style></body></html>"""

HTML_NO_TEXT = """<html><head><title>Empty</title><meta name="date" content="2024-12-02">
<script>var nothing = 1;</script></head><body><div></div></body></html>"""

TURKISH = "Dışişleri Bakanı Hakan Fidan Şam'da görüştü; ışıklar yandı, iş şimdi başlıyor."
PAGE = (
    '<html><head><meta charset="{charset}"><meta name="date" content="2024-12-02"><title>Talks</title></head>'
    "<body><article><p>Türkiye and Qatar met in Doha on Sunday to discuss Gaza, officials said.</p>"
    "<p>The talks will continue next week{stray}.</p></article></body></html>"
)
PAGE_TEXT = (
    "Türkiye and Qatar met in Doha on Sunday to discuss Gaza, officials said.\n"
    "The talks will continue next week{stray}."
)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@functools.cache
def _expanding_parquet() -> bytes:
    """A Parquet file of a few kilobytes: one good row group, then one that decompresses past the size limit."""
    rows, size = 211, 1 << 20
    assert rows * size > MAX_FILE_BYTES
    # Built from one buffer, so the test itself never holds the text as Python strings.
    text = pa.Array.from_buffers(
        pa.string(),
        rows,
        [None, pa.py_buffer(np.arange(rows + 1, dtype=np.int32) * size), pa.py_buffer(b"a" * (rows * size))],
    )
    buffer = io.BytesIO()
    good = pa.table({"date": ["2024-12-01"], "text": ["Parquet story 1."]})
    with pq.ParquetWriter(buffer, good.schema, compression="zstd", use_dictionary=False) as writer:
        writer.write_table(good)
        writer.write_table(pa.table({"date": ["2024-12-02"] * rows, "text": text}), row_group_size=rows)
    return buffer.getvalue()


def _parquet(columns: dict[str, object]) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(pa.table(columns), buffer)
    return buffer.getvalue()


#: Hostile and careless inputs (issue 11); ids differ from the basic cases' for the folder test.
CRAFTED = [
    Case(
        "nested.jsonl",
        _jsonl(_row(1), '{"date": "2024-12-02", "text": "x", "n": ' + _nested(100_000) + "}", _row(3)),
        texts=("Story 1.", "Story 3."),
        problems=(("nested.jsonl:2", "nested more than 64 levels deep"),),
    ),
    Case("nested.json", _nested(100_000).encode(), problems=(("nested.json", "nested more than 64 levels deep"),)),
    Case(
        "bigint.jsonl",
        _jsonl(
            '{"id": ' + "9" * 5_000 + ', "date": "2024-12-02", "text": "Big."}',
            '{"id": "b2", "date": "2024-12-02", "text": "Small."}',
        ),
        texts=("Small.",),
        problems=(("bigint.jsonl:1", "an integer of 5,000 digits"),),
    ),
    Case(
        "surrogate.jsonl",
        _jsonl(r'{"id": "s\ud800", "title": "Half \udc00 pair", "date": "2024-12-02", "text": "Half \udc00 a pair."}'),
        texts=("Half \ufffd a pair.",),
    ),
    Case(
        "line_50mb.jsonl",
        _jsonl(
            '{"id": "l1", "date": "2024-12-02", "text": "' + "word " * 10_000_000 + '"}',
            '{"id": "l2", "date": "2024-12-02", "text": "Short."}',
        ),
        texts=("Short.",),
        problems=(("line_50mb.jsonl:1", "50,000,000 characters long"),),
    ),
    Case(
        "cp1252_line.txt",
        (HEADER + "Türkiye and Qatar met.\n").encode()
        + "Café naïve “quoted”.\n".encode("cp1252")
        + b"T\xc3\xbcrkiye again.",
        texts=("Türkiye and Qatar met.\nCafé naïve “quoted”.\nTürkiye again.",),
    ),
    Case(
        "stray_byte.jsonl",
        '{"id": "t1", "date": "2024-12-02", "text": "Türkiye met."}\n'.encode()
        + b'{"id": "t2", "date": "2024-12-02", "text": "One \xff stray."}\n',
        texts=("Türkiye met.", "One ÿ stray."),
    ),
    Case("turkish.txt", (HEADER + TURKISH).encode("cp1254"), texts=(TURKISH,)),
    Case("turkish.csv", f'id,date,text\nt9,2024-12-02,"{TURKISH}"\n'.encode("cp1254"), texts=(TURKISH,)),
    Case(
        "says_latin1.html",
        PAGE.format(charset="iso-8859-1", stray=" \x00").encode().replace(b"\x00", b"\xff"),
        texts=(PAGE_TEXT.format(stray=" ÿ"),),
    ),
    Case(
        "says_utf16.html",
        PAGE.format(charset="utf-16", stray="").replace("Türkiye", "Türkiye’s").encode("cp1252"),
        texts=(PAGE_TEXT.format(stray="").replace("Türkiye", "Türkiye’s"),),
    ),
    Case(
        "zero_width.txt",
        (HEADER + "On Nov\u200bember 9, 2024, talks\u200d began\u2060 in Do\u200cha.\ufeff").encode(),
        texts=("On November 9, 2024, talks began in Doha.",),
    ),
    Case(
        "zero_width.jsonl",
        _jsonl(r'{"id": "z1", "date": "2024-12-02", "text": "Nov\u200bember 9, 2024\ufeff."}'),
        texts=("November 9, 2024.",),
    ),
    Case(
        "expanding.parquet",
        _expanding_parquet,
        texts=("Parquet story 1.",),
        problems=(("expanding.parquet:row group 2", "which decompress to 211.0 MB, more than the 200.0 MB"),),
    ),
    Case(
        "list_text.parquet",
        _parquet({"date": ["2024-12-02"], "text": [["not", "text"]]}),
        problems=(("list_text.parquet", "has a 'text' column of list<element: string>"),),
    ),
    Case(
        "bad_value.parquet",
        _parquet({"id": ["p1", "p2"], "date": pa.array([10**15, 19_000], pa.date64()), "text": ["Lost.", "Kept."]}),
        texts=("Kept.",),
        problems=(("bad_value.parquet:row 1", "has a value that cannot be read"),),
    ),
    # Names a terminal would obey, and a name that is not UTF-8 (a lone surrogate in Python).
    Case(
        "ansi\x1b[31m\x1b]0;owned\x07.txt",
        SENTENCE.encode(),
        problems=(("ansi\x1b[31m\x1b]0;owned\x07.txt", "has no publication date"),),
        date_problems=(0,),
    ),
    Case("new\nline\r.txt", b"", problems=(("new\nline\r.txt", "is empty"),)),
    Case("latin\udce9.txt", b"", problems=(("latin\udce9.txt", "is empty"),)),
]

# Ids differ between files: the folder test reads them all at once, and one id for two
# different articles gets a derived id (see test_ingest_load).
CASES = [
    Case("empty.txt", b"", problems=(("empty.txt", "is empty"),)),
    Case("blank.txt", b"  \n\t \r\n  ", problems=(("blank.txt", "contains only whitespace"),)),
    Case("header_only.md", HEADER.encode(), problems=(("header_only.md", "no article text"),)),
    Case("binary.txt", bytes(range(256)) * 8, problems=(("binary.txt", "binary file"),)),
    Case(
        "renamed.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", problems=(("renamed.txt", "PDF"),)
    ),
    Case("word.txt", b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), problems=(("word.txt", "ZIP archive"),)),
    Case("utf16.txt", (HEADER + "Zürich “quoted” é — ok.").encode("utf-16"), texts=("Zürich “quoted” é — ok.",)),
    Case("utf16be.txt", (HEADER + "Café in Zürich.").encode("utf-16-be"), texts=("Café in Zürich.",)),
    Case("utf8bom.txt", (HEADER + "Café.").encode("utf-8-sig"), texts=("Café.",)),
    Case(
        "windows1252.txt",
        (HEADER + "“Café” — it’s naïve… and costs €5.").encode("cp1252"),
        texts=("“Café” — it’s naïve… and costs €5.",),
    ),
    Case(
        "latin1.txt",
        (HEADER + "Le président a déclaré à Paris: déjà vu, ±5°.").encode("latin-1"),
        texts=("Le président a déclaré à Paris: déjà vu, ±5°.",),
    ),
    Case("mixed.txt", (HEADER + "One.\r\nTwo.\rThree.\nFour.").encode(), texts=("One.\nTwo.\nThree.\nFour.",)),
    Case(
        "crlf.md",
        HEADER.replace("\n", "\r\n").encode() + b"Line one.\r\nLine two.\r\n",
        texts=("Line one.\nLine two.",),
    ),
    Case(
        "huge.txt",
        HEADER.encode() + b"All work and no play. " * (50_000_000 // 22),
        problems=(("huge.txt", "split it into separate articles"),),
    ),
    Case(
        "one_line.txt",
        HEADER.encode() + b"word " * 200_000,
        problems=(("one_line.txt", "split it into separate articles"),),
    ),
    Case(
        "undated.txt",
        SENTENCE.encode(),
        problems=(("undated.txt", "has no publication date"),),
        date_problems=(0,),
    ),
    Case(
        "impossible.txt",
        (HEADER.replace("2024-12-02", "2024-02-30") + SENTENCE).encode(),
        problems=(("impossible.txt", "'2024-02-30', which is not a real YYYY-MM-DD date"),),
        date_problems=(0,),
    ),
    Case(
        "future.txt",
        (HEADER.replace("2024-12-02", "2099-01-01") + SENTENCE).encode(),
        problems=(("future.txt", "is dated 2099-01-01, later than 2026-11-26"),),
        date_problems=(0,),
    ),
    Case(
        "far_future.txt",
        (HEADER.replace("2024-12-02", "2999-01-01") + SENTENCE).encode(),
        problems=(("far_future.txt", "is dated 2999-01-01"),),
        date_problems=(0,),
    ),
    Case(
        "middle.jsonl",
        _jsonl(_row(1), '{"id": "a2", "date": "2024-12-02", "text": "cut', _row(3)),
        texts=("Story 1.", "Story 3."),
        problems=(("middle.jsonl:2", "is not valid JSON"),),
    ),
    Case(
        "shapes.jsonl",
        _jsonl(_row(1), "[1, 2]", '{"date": "2024-12-02"}', '{"date": "2024-12-02", "text": 5}', _row(5)),
        texts=("Story 1.", "Story 5."),
        problems=(
            ("shapes.jsonl:2", "not an object"),
            ("shapes.jsonl:3", "no 'text' field"),
            ("shapes.jsonl:4", "a number in its 'text' field"),
        ),
    ),
    Case(
        "long_line.jsonl",
        _jsonl(_row(1), '{"date": "2024-12-02", "text": "' + "word " * 200_000 + '"}', _row(3)),
        texts=("Story 1.", "Story 3."),
        problems=(("long_line.jsonl:2", "1,000,000 characters long"),),
    ),
    Case(
        "dates.jsonl",
        _jsonl(
            '{"text": "No date."}', '{"text": "Bad.", "date": "2024-02-30"}', '{"text": "Late.", "date": "2099-05-01"}'
        ),
        problems=(
            ("dates.jsonl:1", "has no publication date"),
            ("dates.jsonl:2", "not a real YYYY-MM-DD date"),
            ("dates.jsonl:3", "later than 2026-11-26"),
        ),
        date_problems=(0, 1, 2),
    ),
    Case(
        "no_text.csv",
        b"id,title,date,source,url\n1,T,2024-12-02,s,u\n",
        problems=(("no_text.csv", "has no 'text' column"),),
    ),
    Case(
        "no_date.csv",
        b"id,title,text\n1,T,Story.\n",
        problems=(("no_date.csv", "has no 'date' column"),),
        date_problems=(0,),
    ),
    Case(
        "broken_row.csv",
        b"id,title,date,source,url,text\n"
        b"1,T1,2024-12-01,s,,Story 1.\n"
        b"2,T2,2024-12-02,s,,Story 2, with a comma\n"
        b'3,T3,2024-12-03,s,,"Story 3,\nacross lines."\n'
        b"4,T4,2024-12-04,s,,Story 4.\n",
        texts=("Story 1.", "Story 3,\nacross lines.", "Story 4."),
        problems=(("broken_row.csv:3", "has 7 fields but the header has 6 columns"),),
    ),
    Case(
        "unclosed.csv",
        b'id,date,text\n11,2024-12-01,Story 1.\n12,2024-12-02,"Story 2 never closes\n13,2024-12-03,Story 3.\n',
        texts=("Story 1.", "Story 3."),
        problems=(("unclosed.csv:3", "never closed"),),
    ),
    Case(
        "bad_cells.csv",
        b"id,date,text\n21,2024-02-30,Story 1.\n22,,Story 2.\n23,2024-12-03,\n24,2024-12-04,Story 4.\n",
        texts=("Story 4.",),
        problems=(
            ("bad_cells.csv:2", "not a real YYYY-MM-DD date"),
            ("bad_cells.csv:3", "has no publication date"),
            ("bad_cells.csv:4", "has no article text"),
        ),
        date_problems=(0, 1),
    ),
    Case(
        "big_field.csv",
        b'id,date,text\n31,2024-12-01,Story 1.\n32,2024-12-02,"' + (b"word " * 10_000 + b"\n") * 4 + b'"\n'
        b"33,2024-12-03,Story 3.\n",
        texts=("Story 1.", "Story 3."),
        problems=(("big_field.csv:3", "a field is longer than the 131,072 characters"),),
    ),
    Case(
        "tabs.tsv",
        "date\ttext\n2024-12-02\t“Café” story.\n".encode("cp1252"),
        texts=("“Café” story.",),
    ),
    Case(
        "scripts.html",
        HTML_WITH_SCRIPTS.encode(),
        texts=(
            "Qatar and Egypt met in Doha on Sunday to discuss a ceasefire.\n"
            "The talks will continue next week, officials said.",
        ),
    ),
    Case("no_text.html", HTML_NO_TEXT.encode(), problems=(("no_text.html", "no article text"),)),
    Case("empty.html", b"", problems=(("empty.html", "is empty"),)),
    Case(
        "undated.html",
        b"<html><body><article><p>Qatar and Egypt met in Doha on Sunday.</p></article></body></html>",
        problems=(("undated.html", "has no publication date"),),
        date_problems=(0,),
    ),
    Case("slides.pdf", b"%PDF-1.4 whatever", problems=(("slides.pdf", "is a .pdf file"),)),
    *CRAFTED,
]


#: Files that are not regular files: (name, what the reason calls it). Opening one for reading
#: could wait forever (a pipe) or never end (a device), so none may be opened.
SPECIAL = [("pipe.jsonl", "a named pipe"), ("socket.txt", "a socket"), ("device.csv", "a character device")]


@contextlib.contextmanager
def special_files(folder: Path) -> Iterator[list[tuple[Path, str]]]:
    """The files of :data:`SPECIAL` made in ``folder``, as (path, what the reason calls it)."""
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "device.csv").symlink_to(os.devnull)
    with socket.socket(socket.AF_UNIX) as server:
        # A socket's path may be at most about a hundred bytes: bind it from inside the folder.
        here = Path.cwd()
        os.chdir(folder)
        try:
            server.bind("socket.txt")
        finally:
            os.chdir(here)
        try:
            yield [(folder / name, kind) for name, kind in SPECIAL]
        finally:
            for name, _ in SPECIAL:
                (folder / name).unlink()


def _read(entry: str, case: Case, tmp_path: Path) -> tuple[IngestResult, str]:
    if entry == "file":
        path = tmp_path / case.name
        path.write_bytes(case.data)
        return load_articles([path], latest=LATEST), f"{tmp_path}/"
    return load_upload(case.name, case.data, latest=LATEST), ""


@pytest.mark.parametrize("entry", ["file", "upload"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_ingest_battery(case, entry, tmp_path):
    """Each bad input yields exactly its expected articles and one readable problem per bad part."""
    result, prefix = _read(entry, case, tmp_path)
    assert [article.text for article in result.articles] == list(case.texts)
    assert [(problem.where, isinstance(problem, ArticleDateError)) for problem in result.problems] == [
        (prefix + where, index in case.date_problems) for index, (where, _) in enumerate(case.problems)
    ]
    for problem, (_, fragment) in zip(result.problems, case.problems, strict=True):
        assert fragment in problem.reason
        # One line a terminal shows as written: names with control characters come escaped.
        assert str(problem).isprintable()
        assert "Traceback" not in str(problem)
        assert len(problem.reason) < 200
    for article in result.articles:
        article.text.encode("utf-8")  # nothing that cannot be written out


@pytest.mark.parametrize("name", ["undated.txt", "undated.html", "no_date.csv"])
def test_ingest_battery_given_date_stands_in(name):
    """A date given by the caller is used for articles that state none, and for nothing else."""
    case = next(case for case in CASES if case.name == name)
    result = load_upload(case.name, case.data, date=DAY, latest=LATEST)
    assert not result.problems
    assert [article.date for article in result.articles] == [DAY]


@pytest.mark.parametrize("name", ["impossible.txt", "future.txt"])
def test_ingest_battery_given_date_does_not_hide_wrong_one(name):
    """An article that states a wrong date stays a problem even when a date is given for undated ones."""
    case = next(case for case in CASES if case.name == name)
    result = load_upload(case.name, case.data, date=DAY, latest=LATEST)
    assert not result.articles
    assert isinstance(result.problems[0], ArticleDateError)


def test_ingest_battery_html_keeps_metadata():
    """An HTML page's publication date and title come from its metadata."""
    result = load_upload("page.html", HTML_WITH_SCRIPTS.encode(), latest=LATEST)
    (article,) = result.articles
    assert (article.date, article.title) == (DAY, "Talks in Doha")


@pytest.mark.parametrize(("name", "kind"), SPECIAL, ids=[name for name, _ in SPECIAL])
def test_ingest_battery_non_regular_file_refused_unopened(name, kind, tmp_path, monkeypatch):
    """A named pipe, a socket or a device is one problem saying what it is, and is never opened."""
    opened: list[str] = []
    real_open = os.open

    def spy(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    with special_files(tmp_path):
        monkeypatch.setattr(os, "open", spy)
        (problem,) = load_articles([tmp_path / name], latest=LATEST).problems
    assert problem.where == str(tmp_path / name)
    assert problem.reason == f"is {kind}, not a regular file, so it is not read"
    assert str(tmp_path / name) not in opened


def test_ingest_battery_whole_folder_keeps_the_good(tmp_path):
    """A folder holding the whole battery, and files that are not regular, yields every good article
    and exactly the expected problems."""
    skipped = {"huge.txt", "slides.pdf"}  # too slow to write twice; not an article suffix
    for case in CASES:
        if case.name not in skipped:
            (tmp_path / case.name).write_bytes(case.data)
    with special_files(tmp_path) as special:
        result = load_articles([tmp_path], latest=LATEST)
    expected = sorted(
        [
            (f"{tmp_path}/{where}", fragment)
            for case in CASES
            if case.name not in skipped
            for where, fragment in case.problems
        ]
        + [(str(path), f"is {kind}, not a regular file") for path, kind in special]
    )
    found = sorted(result.problems, key=lambda problem: problem.where)
    assert [problem.where for problem in found] == [where for where, _ in expected]
    assert all(fragment in problem.reason for problem, (_, fragment) in zip(found, expected, strict=True))
    assert {article.text for article in result.articles} == {text for case in CASES for text in case.texts}


def _deep_line(depth: int) -> bytes:
    """A JSONL article whose lists and objects nest ``depth`` levels deep (the object is the first)."""
    return _jsonl('{"id": "d1", "date": "2024-12-02", "text": "Deep.", "n": ' + _nested(depth - 1) + "}")


def _dictionary_parquet(rows: int, chars: int) -> bytes:
    """``rows`` rows sharing one stored text of ``chars`` characters (a dictionary page holds it once)."""
    text = pa.DictionaryArray.from_arrays(pa.array([0] * rows, pa.int32()), pa.array(["b" * chars]))
    return _parquet({"date": ["2024-12-02"] * rows, "text": text})


def _uncompressed(data: bytes) -> int:
    row_group = pq.ParquetFile(io.BytesIO(data)).metadata.row_group(0)
    return sum(row_group.column(index).total_uncompressed_size for index in range(row_group.num_columns))


GOOD_JSONL = _jsonl(_row(1), _row(2))
SMALL_PARQUET = _parquet({"date": ["2024-12-02"], "text": ["Parquet at the limit."]})
ROWS, CHARS = 20, 1_000


@dataclass(frozen=True)
class Limit:
    """One stated limit: an input at it is read; one past it is a problem (``fragment`` in its reason)."""

    name: str
    #: The input's name and bytes, ``over`` units past the limit (0: exactly at it).
    build: Callable[[int], tuple[str, bytes]]
    fragment: Callable[[int], str]
    #: (module, attribute, value) set for the test, when the real limit is too large to reach quickly.
    patch: Callable[[int], tuple[str, str, int]] | None = None


LIMITS = [
    Limit(
        "article-characters",
        lambda over: ("long.txt", (HEADER + "a" * (100_000 + over)).encode()),
        lambda over: f"is {100_000 + over:,} characters long, more than the 100,000",
    ),
    Limit("json-depth", lambda over: ("deep.jsonl", _deep_line(64 + over)), lambda _: "nested more than 64 levels"),
    Limit(
        "integer-digits",
        lambda over: ("digits.jsonl", _jsonl(f'{{"id": {"7" * (4_300 + over)}, "date": "2024-12-02", "text": "N"}}')),
        lambda over: f"an integer of {4_300 + over:,} digits, more than the 4,300",
    ),
    Limit(
        "file-bytes",
        lambda _: ("sized.jsonl", GOOD_JSONL),
        lambda _: "more than the 0.0 MB read from one file",
        lambda over: ("timeline.ingest", "MAX_FILE_BYTES", len(GOOD_JSONL) - over),
    ),
    Limit(
        "html-bytes",
        lambda _: ("sized.html", HTML_WITH_SCRIPTS.encode()),
        lambda _: "more than the 0 MB read",
        lambda over: ("timeline.ingest.htmlpage", "MAX_HTML_BYTES", len(HTML_WITH_SCRIPTS.encode()) - over),
    ),
    Limit(
        "parquet-uncompressed",
        lambda _: ("sized.parquet", SMALL_PARQUET),
        lambda _: "which decompress to 0.0 MB, more than the 0.0 MB read",
        lambda over: ("timeline.ingest.parquetfile", "MAX_FILE_BYTES", _uncompressed(SMALL_PARQUET) - over),
    ),
    Limit(
        "parquet-expanded",
        lambda _: ("repeated.parquet", _dictionary_parquet(ROWS, CHARS)),
        lambda _: "so its rows from row 1 on are not read",
        # Each row reads as its text and its ten-character date.
        lambda over: ("timeline.ingest.parquetfile", "MAX_FILE_BYTES", ROWS * (CHARS + 10) - over),
    ),
]


@pytest.mark.parametrize("entry", ["file", "upload"])
@pytest.mark.parametrize("over", [0, 1], ids=["at-limit", "past-limit"])
@pytest.mark.parametrize("limit", LIMITS, ids=[limit.name for limit in LIMITS])
def test_ingest_battery_limits(limit, over, entry, tmp_path, monkeypatch):
    """An input exactly at a stated limit is read whole; one unit past it is one problem saying so."""
    if limit.patch is not None:
        module, attribute, value = limit.patch(over)
        monkeypatch.setattr(f"{module}.{attribute}", value)
    name, data = limit.build(over)
    result, _ = _read(entry, Case(name, data), tmp_path)
    if over == 0:
        assert result.articles
        assert result.problems == ()
    else:
        (problem,) = result.problems
        assert limit.fragment(over) in problem.reason
        assert str(problem).isprintable()


def test_ingest_battery_limits_are_stated_in_the_readme():
    """Every limit in timeline.defaults is named in README's Limits section, where users look for it."""
    import timeline.defaults as defaults
    from tests.conftest import PROJECT

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Limits", 1)[1].split("\n## ", 1)[0]
    names = [name for name in vars(defaults) if name.startswith("MAX_") and name != "MAX_PUBLICATION_YEAR"]
    assert len(names) >= 7
    assert [name for name in names if f"`{name}`" not in section] == []


def test_ingest_battery_limits_agree_with_each_other():
    """The limits fit together: Python parses every integer allowed, a batch line holds any article
    written with JSON escapes, and spaCy accepts every article allowed."""
    import sys

    import spacy

    from timeline import defaults

    python_digits, spacy_length = sys.int_info.default_max_str_digits, spacy.blank("en").max_length
    assert python_digits >= defaults.MAX_NUMBER_DIGITS
    assert defaults.MAX_LINE_CHARS >= 6 * defaults.MAX_ARTICLE_CHARS + 1_000
    assert spacy_length > defaults.MAX_ARTICLE_CHARS
