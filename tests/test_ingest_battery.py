"""The bad-input battery: every input is read from a file and as an upload, and each gives either
the article with the right text or one problem naming the file (and line) with a readable reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

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
    data: bytes
    #: The texts of the articles kept, in order.
    texts: tuple[str, ...] = ()
    #: (where, a fragment of the reason) of each problem, in order.
    problems: tuple[tuple[str, str], ...] = ()
    #: Problems that must be date errors, by index.
    date_problems: tuple[int, ...] = field(default_factory=tuple)


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
]


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
        assert "\n" not in str(problem)
        assert "Traceback" not in str(problem)
        assert len(problem.reason) < 200


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


def test_ingest_battery_whole_folder_keeps_the_good(tmp_path):
    """A folder holding the whole battery yields every good article and exactly the expected problems."""
    skipped = {"huge.txt", "slides.pdf"}  # too slow to write twice; not an article suffix
    for case in CASES:
        if case.name not in skipped:
            (tmp_path / case.name).write_bytes(case.data)
    result = load_articles([tmp_path], latest=LATEST)
    expected = sorted(
        (f"{tmp_path}/{where}", fragment)
        for case in CASES
        if case.name not in skipped
        for where, fragment in case.problems
    )
    found = sorted(result.problems, key=lambda problem: problem.where)
    assert [problem.where for problem in found] == [where for where, _ in expected]
    assert all(fragment in problem.reason for problem, (_, fragment) in zip(found, expected, strict=True))
    assert {article.text for article in result.articles} == {text for case in CASES for text in case.texts}
