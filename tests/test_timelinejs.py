"""timeline.timelinejs: the events shown as a TimelineJS 3 document, escaped, spans as spans."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import FOUR_EVENTS
from timeline.kinds import EVENTS, MERGED
from timeline.timelinejs import timelinejs_document, to_timelinejs_bytes

D = dt.date
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)>"


def _slides(document):  # type: ignore[no-untyped-def]
    return {slide["unique_id"]: slide for slide in document["events"]}


def test_timelinejs_day_and_span(four_events):
    """A day is a one-day slide; a month runs from its first to its last day, with the date written out."""
    slides = _slides(timelinejs_document(four_events, kind=EVENTS))
    assert slides["event-call"]["start_date"] == {"year": "2024", "month": "12", "day": "1"}
    assert "end_date" not in slides["event-call"]
    assert slides["event-push"]["start_date"]["day"] == "1"
    assert slides["event-push"]["end_date"] == {"year": "2024", "month": "11", "day": "30"}
    assert slides["event-push"]["display_date"] == "November 2024"
    assert len(slides) == len(FOUR_EVENTS)


@pytest.mark.parametrize(
    ("group_by", "call", "press"),
    [
        ("region", "Middle East", "(no region)"),
        ("country", "Qatar", "(no country)"),
        ("actor", "Hakan Fidan", "Joe Biden"),
    ],
)
def test_timelinejs_groups_by_lane(four_events, group_by, call, press):
    """Each slide's group is its first lane of the grouping, or the no-lane name."""
    slides = _slides(timelinejs_document(four_events, kind=EVENTS, group_by=group_by))
    assert (slides["event-call"]["group"], slides["event-press"]["group"]) == (call, press)


def test_timelinejs_escapes_article_text(make_events):
    """TimelineJS renders HTML, so every piece of article text is escaped; only our own link is markup."""
    frame = make_events(
        {"sentence": HOSTILE, "title": HOSTILE, "source": HOSTILE, "url": "https://x.test/a?b=1&c=2"},
        {"sentence": "Plain.", "url": "javascript:alert(1)", "event_id": "js"},
    )
    text = to_timelinejs_bytes(frame, kind=EVENTS).decode()
    assert "<script" not in text
    assert "<img" not in text
    assert "javascript:" not in text
    assert '<a href=\\"https://x.test/a?b=1&amp;c=2\\">' in text
    assert "&lt;script&gt;" in text


def test_timelinejs_merged_reach_and_any_era(make_events):
    """A merged happening says how widely it was reported; a date in 1066 keeps its year."""
    from timeline.merge import merge_events

    same = {"sentence": "The battle was fought at Hastings.", "start": D(1066, 10, 14), "actors": ("Harold",)}
    merged = merge_events(make_events(same | {"event_id": "m1", "article_id": "a1", "source": "Chronicle"},
                                      same | {"event_id": "m2", "article_id": "a2", "source": "Annals"}))  # fmt: skip
    (slide,) = json.loads(to_timelinejs_bytes(merged.events, kind=MERGED))["events"]
    assert slide["start_date"] == {"year": "1066", "month": "10", "day": "14"}
    assert "reported by 2 sources: Chronicle; Annals" in slide["text"]["text"]
