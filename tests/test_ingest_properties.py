"""Property tests: arbitrary bytes and strings never make ingest raise; they give articles or problems."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.articles import article_from_content, format_article, split_front_matter
from timeline.errors import ArticleError
from timeline.ingest import SUPPORTED_SUFFIXES, IngestResult, load_upload
from timeline.types import Article

DAY = dt.date(2024, 12, 2)
NAMES = st.sampled_from(["paste", "upload.pdf", *(f"upload{suffix}" for suffix in SUPPORTED_SUFFIXES)])
DATES = st.one_of(st.none(), st.dates(max_value=dt.date(2026, 11, 26)))
#: Texts that look like article files: a header of known keys with arbitrary values, then arbitrary text.
HEADERS = st.builds(
    lambda pairs, body: "---\n" + "".join(f"{key}: {value}\n" for key, value in pairs) + "---\n" + body,
    st.lists(st.tuples(st.sampled_from(["id", "title", "date", "source", "url", "other"]), st.text())),
    st.text(),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _well_formed(result: IngestResult, name: str) -> None:
    assert isinstance(result, IngestResult)
    for article in result.articles:
        assert isinstance(article, Article)
        assert article.text.strip()
        article.text.encode("utf-8")  # nothing that cannot be written out
    for problem in result.problems:
        assert isinstance(problem, ArticleError)
        assert problem.where.startswith(name)
        assert problem.reason


@SETTINGS
@given(name=NAMES, data=st.binary(max_size=4096), date=DATES)
def test_properties_load_upload_arbitrary_bytes(name, data, date):
    """Any bytes under any name give articles and problems, never an exception."""
    _well_formed(load_upload(name, data, date=date, latest=dt.date(2026, 11, 26)), name)


@SETTINGS
@given(name=NAMES, text=st.one_of(st.text(), HEADERS), date=DATES)
def test_properties_load_upload_arbitrary_text(name, text, date):
    """Any text, UTF-8 encoded, under any name gives articles and problems, never an exception."""
    data = text.encode("utf-8", "surrogatepass")
    _well_formed(load_upload(name, data, date=date), name)


@SETTINGS
@given(content=st.one_of(st.text(), HEADERS), date=DATES)
def test_properties_header_parser_arbitrary_strings(content, date):
    """The header parser reads any string; building the article raises nothing but ArticleError."""
    split_front_matter(content)
    outcome: Article | ArticleError
    try:
        outcome = article_from_content(content, "f.txt", date=date)
    except ArticleError as error:
        outcome = error
    if isinstance(outcome, ArticleError):
        assert outcome.where == "f.txt"
    else:
        assert outcome.text.strip()


ONE_LINE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1).map(
    lambda value: " ".join(value.split())
)
BODIES = st.text(min_size=1).filter(lambda body: body.strip() and body == body.strip("\n"))


@SETTINGS
@given(
    article_id=st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True),
    title=ONE_LINE.filter(bool),
    source=ONE_LINE.filter(bool),
    url=ONE_LINE,
    day=st.dates(max_value=dt.date(2100, 12, 31)),
    text=BODIES,
)
def test_properties_article_file_round_trip(article_id, title, source, url, day, text):
    """Any article written in the file format reads back as the same article."""
    article = Article(article_id=article_id, title=title, date=day, text=text, source=source, url=url, origin="f")
    assert article_from_content(format_article(article), "f") == article
