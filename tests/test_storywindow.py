"""timeline.storywindow: the period a corpus is about, and the background kept off its axis."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.kinds import EVENTS, MERGED
from timeline.merge import merge_events
from timeline.storywindow import background_precision, newest_published, split_background, story_window

D = dt.date
#: A story of late November (its article of 2 December) with background years and an old day.
STORY = (
    {
        "event_id": "weekend",
        "start": D(2024, 11, 30),
        "end": D(2024, 12, 1),
        "value": "2024-W48-WE",
        "precision": "weekend",
    },
    {"event_id": "sunday", "start": D(2024, 12, 1)},
    {"event_id": "press", "start": D(2024, 11, 26)},
    {"event_id": "month", "start": D(2024, 11, 1), "end": D(2024, 11, 30), "value": "2024-11", "precision": "month"},
    {"event_id": "war", "start": D(2011, 1, 1), "end": D(2011, 12, 31), "value": "2011", "precision": "year"},
    {"event_id": "decade", "start": D(1990, 1, 1), "end": D(1999, 12, 31), "value": "199", "precision": "decade"},
    {"event_id": "truce", "start": D(2023, 12, 1)},
)


@pytest.fixture
def story(make_events):
    """The event table of STORY."""
    return make_events(*STORY)


@pytest.mark.parametrize("merged", [False, True], ids=["events", "merged"])
def test_storywindow_opens_on_the_weeks_before_the_newest_article(story, merged):
    """The window covers the story's fine-dated days with a day's margin (within the table's days), not the years
    a sentence mentions."""
    table, kind = (merge_events(story).events, MERGED) if merged else (story, EVENTS)
    assert newest_published(table, kind=kind) == D(2024, 12, 2)
    assert story_window(table, kind=kind) == (D(2024, 11, 25), D(2024, 12, 1))


def test_storywindow_without_fine_dates_takes_the_months(make_events):
    """With no day, weekend or week near the newest article, the months there make the window."""
    frame = make_events(STORY[3], STORY[4])
    assert story_window(frame, kind=EVENTS) == (D(2024, 10, 31), D(2024, 11, 30))


def test_storywindow_with_nothing_near_is_the_whole_range(make_events):
    """A corpus about long ago (nothing near its articles' date) opens on its whole range."""
    frame = make_events(STORY[4], STORY[5])
    assert story_window(frame, kind=EVENTS) == (D(1990, 1, 1), D(2011, 12, 31))


def test_storywindow_of_an_empty_table_is_none(make_events):
    """No events, no window."""
    assert story_window(make_events().iloc[0:0], kind=EVENTS) is None


@pytest.mark.parametrize(
    ("precision", "background"),
    [("day", False), ("weekend", False), ("week", False), ("month", False), ("quarter", True), ("year", True),
     ("decade", True), ("century", True)],
)  # fmt: skip
def test_storywindow_background_is_coarser_than_a_month(make_events, precision, background):
    """Years, decades and centuries are background; days to months are the story."""
    frame = make_events({"precision": precision})
    assert background_precision(frame).tolist() == [background]


def test_storywindow_split_keeps_every_row_once(story):
    """The main rows are the fine-dated ones in the window; everything else is background, none lost or doubled."""
    window = story_window(story, kind=EVENTS)
    split = split_background(story, window)
    assert set(split.main["event_id"]) == {"weekend", "sunday", "press", "month"}
    assert set(split.background["event_id"]) == {"war", "decade", "truce"}
    assert len(split.main) + len(split.background) == len(story)


def test_storywindow_split_without_dates_keeps_fine_rows(story):
    """With no date window, only the coarse dates are background."""
    split = split_background(story, None)
    assert set(split.background["event_id"]) == {"war", "decade"}
