"""timeline.table: events become typed rows, each article's names as that article gives them."""

from __future__ import annotations

import datetime as dt

from timeline.schema import check_event_frame
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
