"""timeline.corpus.combine_frames: stacking event tables into one."""

from __future__ import annotations

from tests.conftest import FOUR_EVENTS
from timeline.corpus import combine_frames
from timeline.schema import check_event_frame, empty_event_frame


def test_combine_frames_drops_repeated_events(make_events):
    """Adding the same events twice keeps one copy; new events are appended."""
    first = make_events(*FOUR_EVENTS[:2])
    again = make_events(*FOUR_EVENTS[:3])
    combined = combine_frames([first, again])
    assert list(combined["event_id"]) == ["call", "push", "intervened"]
    check_event_frame(combined)


def test_combine_frames_of_nothing():
    """Combining no tables (or only empty ones) gives an empty, typed table."""
    combined = combine_frames([empty_event_frame()])
    check_event_frame(combined)
    assert combined.empty
