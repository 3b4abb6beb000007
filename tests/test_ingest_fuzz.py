"""Fuzzing each reader: whatever the bytes, a reader raises nothing but ArticleError, and the good
records written beside bad ones (junk lines, rows, values) still come through, in order."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import ArticleError
from timeline.ingest.csvfile import read_csv, read_tsv
from timeline.ingest.decode import normalise_text
from timeline.ingest.files import read_text
from timeline.ingest.htmlpage import read_html
from timeline.ingest.jsonl import read_json, read_jsonl
from timeline.ingest.parquetfile import read_parquet
from timeline.ingest.result import Outcome, ReadContext
from timeline.types import Article

Reader = Callable[[bytes, ReadContext], Iterator[Outcome]]
READERS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "tsv": read_tsv,
    "html": read_html,
    "md": read_text,
    "parquet": read_parquet,
}
LATEST = dt.date(2026, 11, 26)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Article texts that reading leaves as they are: letters (some accented), digits, punctuation, spaces.
TEXTS = st.from_regex(r"[A-Za-zÀ-ÿ0-9 .,;:!?'()-]{0,40}[A-Za-zÀ-ÿ]", fullmatch=True)
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=LATEST).map(dt.date.isoformat)
#: Junk that is still text: any character but line breaks, control characters and lone surrogates.
JUNK = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x85"), max_size=80)
GOOD = st.tuples(TEXTS, DATES)
#: Lines built to break a JSON reader: deep nesting, integers past Python's digit limit, half surrogate pairs.
HOSTILE_LINES = st.one_of(
    st.integers(min_value=60, max_value=100_000).map(lambda depth: "[" * depth + "]" * depth),
    st.integers(min_value=4_000, max_value=6_000).map(lambda digits: '{"id": ' + "7" * digits + ', "text": "t"}'),
    st.sampled_from(["\\ud800", "\\udfff", "\\ud83d"]).map(
        lambda half: '{"id": "s' + half + '", "date": "2024-12-02", "text": "Half ' + half + ' pair."}'
    ),
)


def _read(reader: Reader, data: bytes, name: str = "fuzz") -> tuple[list[Article], list[ArticleError]]:
    """Every article and problem ``reader`` gives; any exception but ArticleError fails the test."""
    context = ReadContext(name, name, None, LATEST)
    articles: list[Article] = []
    problems: list[ArticleError] = []
    try:
        for outcome in reader(data, context):
            if isinstance(outcome, ArticleError):
                problems.append(outcome)
            else:
                articles.append(outcome)
    except ArticleError as error:
        problems.append(error)
    for problem in problems:
        assert problem.where.startswith(name)
        assert str(problem).isprintable()
    for article in articles:
        article.text.encode("utf-8")
    return articles, problems


def _good_ones(articles: list[Article]) -> list[tuple[str, str]]:
    return [(article.text, article.date.isoformat()) for article in articles if article.article_id.startswith("good-")]


@SETTINGS
@given(reader=st.sampled_from(sorted(READERS)), data=st.binary(max_size=2048))
def test_fuzz_readers_arbitrary_bytes(reader, data):
    """Any bytes given to any reader give articles and problems, never another exception."""
    _read(READERS[reader], data)


@SETTINGS
@given(data=st.binary(max_size=1024))
def test_fuzz_parquet_arbitrary_bytes_between_magic(data):
    """Bytes framed as a Parquet file (its magic at both ends) give a problem, never another exception."""
    _read(read_parquet, b"PAR1" + data + b"PAR1")


@SETTINGS
@given(lines=st.lists(st.one_of(GOOD, JUNK, HOSTILE_LINES), max_size=12), ascii_only=st.booleans())
def test_fuzz_jsonl_good_lines_survive_junk(lines, ascii_only):
    """Every good JSONL line gives its article, whatever junk lines surround it."""
    written, good = [], []
    for number, line in enumerate(lines):
        if isinstance(line, tuple):
            text, date = line
            written.append(json.dumps({"id": f"good-{number}", "date": date, "text": text}, ensure_ascii=ascii_only))
            good.append(line)
        else:
            written.append(line)
    articles, _ = _read(read_jsonl, "\n".join(written).encode())
    assert _good_ones(articles) == good


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@SETTINGS
@given(items=st.lists(st.one_of(GOOD, JSON_VALUES), max_size=10))
def test_fuzz_json_good_items_survive_junk(items):
    """Every good object in a JSON list gives its article, whatever other values the list holds."""
    document, good = [], []
    for number, item in enumerate(items):
        if isinstance(item, tuple):
            document.append({"id": f"good-{number}", "date": item[1], "text": item[0]})
            good.append(item)
        else:
            document.append(item)
    articles, problems = _read(read_json, json.dumps(document).encode())
    assert _good_ones(articles) == good
    assert len(articles) + len(problems) == len(items)


@SETTINGS
@given(rows=st.lists(st.one_of(GOOD, JUNK.filter(lambda junk: '"' not in junk)), max_size=12))
def test_fuzz_csv_good_rows_survive_junk(rows):
    """Every good CSV row gives its article, whatever unquoted junk rows surround it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "date", "text"])
    lines, good = [buffer.getvalue()], []
    for number, row in enumerate(rows):
        if isinstance(row, tuple):
            buffer.seek(0)
            buffer.truncate()
            writer.writerow([f"good-{number}", row[1], row[0]])
            lines.append(buffer.getvalue())
            good.append(row)
        else:
            lines.append(row + "\n")
    articles, _ = _read(read_csv, "".join(lines).encode())
    assert _good_ones(articles) == good


@SETTINGS
@given(
    text=st.lists(st.from_regex(r"[A-Za-zÀ-ÿ]{1,10}", fullmatch=True), min_size=3, max_size=8).map(" ".join),
    junk=JUNK.filter(lambda junk: "</" not in junk and "<!--" not in junk),
    markup=st.text(max_size=200),
)
def test_fuzz_html_article_survives_junk_script(text, junk, markup):
    """A page's article text is read whatever a script beside it holds; any markup at all gives no exception."""
    sentence = f"{text} said the officials in Doha on Sunday, after a long meeting about the ceasefire."
    page = (
        '<html><head><meta name="date" content="2024-12-02"><title>T</title>'
        f"<script>{junk}</script></head><body><article><p>{sentence}</p></article></body></html>"
    )
    articles, problems = _read(read_html, page.encode())
    assert [article.text for article in articles] == [sentence], problems
    _read(read_html, markup.encode("utf-8", "surrogatepass"))


#: An article body: anything but lone surrogates and the control characters that mark a binary file.
BODY_CHARACTERS = st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\t\n\r\x0b\x0c\x85")
HEADER_KEYS = st.from_regex(r"[A-Za-z][\w.-]{0,12}", fullmatch=True).filter(
    lambda key: key.lower() not in {"date", "id"}
)


@SETTINGS
@given(
    fields=st.lists(st.tuples(HEADER_KEYS, JUNK), max_size=6),
    date=DATES,
    body=st.text(BODY_CHARACTERS, max_size=200),
)
def test_fuzz_markdown_front_matter(fields, date, body):
    """A front-matter header with any keys and values, and a date, gives the body as the text (or a problem when
    the body has none)."""
    header = "---\n" + "".join(f"{key}: {value}\n" for key, value in fields) + f"date: {date}\n---\n"
    articles, problems = _read(read_text, (header + body).encode())
    expected = normalise_text(body).strip("\n")
    if expected.strip():
        assert [(article.text, article.date.isoformat()) for article in articles] == [(expected, date)], problems
    else:
        assert articles == []
        assert len(problems) == 1


ROWS = st.lists(
    st.tuples(
        st.one_of(st.none(), st.text(max_size=40)),
        st.one_of(DATES, st.text(max_size=12), st.none()),
        st.booleans(),
    ),
    max_size=12,
)


@SETTINGS
@given(rows=ROWS, good=st.lists(GOOD, max_size=6), batches=st.integers(min_value=1, max_value=4))
def test_fuzz_parquet_good_rows_survive_bad_ones(rows, good, batches):
    """Every good row of a Parquet table gives its article, whatever the other rows hold and however the
    table is cut into row groups."""
    ids, texts, dates = [], [], []
    for number, (text, date, _) in enumerate(rows):
        ids.append(f"junk-{number}")
        texts.append(text)
        dates.append(date)
    for number, (text, date) in enumerate(good):
        position = (number * 7) % (len(ids) + 1)
        ids.insert(position, f"good-{number}")
        texts.insert(position, text)
        dates.insert(position, date)
    buffer = io.BytesIO()
    table = pa.table({"id": ids, "date": pa.array(dates, pa.string()), "text": pa.array(texts, pa.string())})
    pq.write_table(table, buffer, row_group_size=max(1, len(ids) // batches))
    articles, problems = _read(read_parquet, buffer.getvalue())
    order = [ids.index(f"good-{number}") for number in range(len(good))]
    assert _good_ones(articles) == [good[number] for number in sorted(range(len(good)), key=order.__getitem__)]
    assert len(articles) + len(problems) == len(ids)
