"""timeline.table: events become typed rows, each article's names as that article gives them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from timeline.schema import DATE_COLUMNS, DAY_DTYPE, check_event_frame
from timeline.table import events_frame
from timeline.types import Article, DateMention, DateSource, Event, Precision, TimexValue

DAY = dt.date(2024, 12, 1)
MENTION = DateMention(3, 9, "Sunday", TimexValue("2024-12-01", Precision.DAY, DAY, DAY), DateSource.RELATIVE)


def _event(article_id: str, actors: tuple[str, ...]) -> Event:
    article = Article(article_id, article_id, dt.date(2024, 12, 2), "text")
    return Event(f"e-{article_id}", article, 0, "On Sunday it happened.", MENTION, actors=actors)


def test_table_keeps_each_articles_names():
    """The table builder leaves a surname as its article gives it: names across articles are the corpus stage's job."""
    frame = events_frame([_event("a", ("Joe Biden",)), _event("b", ("Biden",))])
    assert frame.loc[frame["article_id"] == "b", "actors"].iloc[0] == ("Biden",)


def test_table_rows_follow_schema():
    """A table built from events passes the schema check, with dates as timestamps."""
    frame = events_frame([_event("a", ("Hakan Fidan",))])
    check_event_frame(frame)
    assert frame["date_start"].iloc[0].date() == DAY
    assert {str(frame[name].dtype) for name in DATE_COLUMNS} == {DAY_DTYPE}


def test_table_reference_dates_have_no_days():
    """A PRESENT_REF value covers no days: its start and end are missing, not made up."""
    timex = TimexValue("PRESENT_REF", Precision.REFERENCE, None, None)
    reference = DateMention(0, 3, "now", timex, DateSource.EXPLICIT)
    event = Event("e-ref", Article("a", "a", dt.date(2024, 12, 2), "text"), 0, "It is so now.", reference)
    frame = events_frame([event])
    check_event_frame(frame)
    assert frame[["date_start", "date_end"]].isna().all(axis=None)


@pytest.mark.parametrize(
    ("mention", "offsets"),
    [
        (MENTION, (3, 9)),
        (DateMention(40, 46, "Sunday", MENTION.timex, DateSource.CONTEXT), (-1, -1)),
        (DateMention(3, 9, "", MENTION.timex, DateSource.ARTICLE), (-1, -1)),
    ],
    ids=["written-in-the-sentence", "from-an-earlier-sentence", "article-day"],
)
def test_table_offsets(mention: DateMention, offsets: tuple[int, int]) -> None:
    """Date offsets point at the date in the sentence, and are -1 when the sentence does not write it."""
    event = Event("e", Article("a", "a", dt.date(2024, 12, 2), "On Sunday it happened."), 0,
                  "On Sunday it happened.", mention, sentence_start=0, sentence_end=22, predicate="happened",
                  countries=("Qatar",), countries_inferred=("Qatar",))  # fmt: skip
    row = events_frame([event]).iloc[0]
    assert (row["date_text_start"], row["date_text_end"]) == offsets
    assert (row["sentence_start"], row["sentence_end"], row["predicate"], row["main_event"]) == (
        0,
        22,
        "happened",
        True,
    )
    assert row["countries_inferred"] == ("Qatar",)


@pytest.mark.parametrize(
    ("source", "anchor", "expected"),
    [
        (DateSource.RELATIVE, "article date 2024-12-02", "article date 2024-12-02"),
        (DateSource.EXPLICIT, "", ""),
        (DateSource.CONTEXT, "earlier date 2024-11-30", "earlier date 2024-11-30"),
        # A date handed on from the sentence before keeps its own anchor; the row says where it came from.
        (DateSource.CONTEXT, "article date 2024-12-02", "previous sentence"),
        (DateSource.CONTEXT, "", "previous sentence"),
        (DateSource.ARTICLE, "", "article date 2024-12-02"),
    ],
)
def test_table_says_why_each_date(source: DateSource, anchor: str, expected: str) -> None:
    """date_rule is the mention's family and date_anchor what its date was counted from."""
    mention = dataclasses.replace(MENTION, source=source, rule="weekday", anchor=anchor)
    event = dataclasses.replace(_event("a", ()), date=mention)
    row = events_frame([event]).iloc[0]
    assert (row["date_rule"], row["date_anchor"]) == ("weekday", expected)


@pytest.mark.parametrize("url", ["https://example.org/story", ""])
def test_table_keeps_the_article_url(url: str) -> None:
    """Each row carries its article's URL as given (empty when none was)."""
    article = dataclasses.replace(_event("a", ()).article, url=url)
    event = dataclasses.replace(_event("a", ()), article=article)
    assert events_frame([event])["article_url"].tolist() == [url]
