"""timeline.events: dates in sentences become events; dateless sentences continue the story only when they should."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.events import Sentence, build_events, is_event_date
from timeline.types import (
    ActorKind,
    Article,
    DateMention,
    DateSource,
    EntityMention,
    EntityType,
    Precision,
    TimexValue,
)

ARTICLE = Article("a1", "Title", dt.date(2024, 12, 2), "unused")
SUNDAY = TimexValue("2024-12-01", Precision.DAY, dt.date(2024, 12, 1), dt.date(2024, 12, 1))
NOW = TimexValue("PRESENT_REF", Precision.REFERENCE, None, None)


def _sentence(index: int, start: int, text: str, past: bool = True) -> Sentence:
    return Sentence(index, start, start + len(text), text, past)


def _actor(start: int, name: str) -> EntityMention:
    return EntityMention(start, start + len(name), name, EntityType.PERSON, name, "Türkiye", ActorKind.PERSON)


FIRST = _sentence(0, 0, "On Sunday Fidan called.")
SUNDAY_MENTION = DateMention(3, 9, "Sunday", SUNDAY, DateSource.RELATIVE)


@pytest.mark.parametrize(
    ("second", "entities", "expected_sources"),
    [
        (_sentence(1, 24, "Fidan then left."), [_actor(10, "Fidan"), _actor(24, "Fidan")], ["relative", "context"]),
        (_sentence(1, 24, "Fidan leaves.", past=False), [_actor(10, "Fidan"), _actor(24, "Fidan")], ["relative"]),
        (_sentence(1, 24, "Nobody else left."), [_actor(10, "Fidan")], ["relative"]),
    ],
    ids=["past-tense-shared-actor", "present-tense", "nothing-shared"],
)
def test_events_context_inheritance(second, entities, expected_sources):
    """A dateless sentence takes the date before it only when told in the past and sharing who or where."""
    events = build_events(ARTICLE, [FIRST, second], [SUNDAY_MENTION], entities)
    assert [str(event.date.source) for event in events] == expected_sources
    assert all(event.date.timex == SUNDAY for event in events)


def test_events_future_date_is_not_inherited():
    """A past-tense sentence after 'will meet next week' does not take next week as its date."""
    next_week = TimexValue("2024-W50", Precision.WEEK, dt.date(2024, 12, 9), dt.date(2024, 12, 15))
    first = _sentence(0, 0, "Fidan will go next week.", past=False)
    second = _sentence(1, 25, "Fidan spoke after drones struck.")
    dates = [DateMention(14, 23, "next week", next_week, DateSource.RELATIVE)]
    events = build_events(ARTICLE, [first, second], dates, [_actor(0, "Fidan"), _actor(25, "Fidan")])
    assert [event.sentence_index for event in events] == [0]


def test_events_one_row_per_date_in_a_sentence():
    """Two dates in one sentence make two events with the same evidence."""
    sentence = _sentence(0, 0, "In 2015 and in 2011 it happened.")
    year = lambda y: TimexValue(str(y), Precision.YEAR, dt.date(y, 1, 1), dt.date(y, 12, 31))  # noqa: E731
    dates = [
        DateMention(3, 7, "2015", year(2015), DateSource.EXPLICIT),
        DateMention(15, 19, "2011", year(2011), DateSource.EXPLICIT),
    ]
    events = build_events(ARTICLE, [sentence], dates, [])
    assert [event.date.timex.value for event in events] == ["2015", "2011"]
    assert len({event.event_id for event in events}) == 2


@pytest.mark.parametrize(("timex", "expected"), [(SUNDAY, True), (NOW, False)], ids=["day", "present-ref"])
def test_events_reference_values_are_not_events(timex, expected):
    """REF values ('now', 'recently') have no extent, so they never stand on the timeline."""
    assert is_event_date(DateMention(0, 3, "now", timex, DateSource.RELATIVE)) is expected


def test_events_countries_give_regions():
    """An event's regions are the regions of its countries."""
    events = build_events(ARTICLE, [FIRST], [SUNDAY_MENTION], [_actor(10, "Fidan")])
    assert events[0].countries == ("Türkiye",)
    assert events[0].regions == ("Europe & Central Asia",)
