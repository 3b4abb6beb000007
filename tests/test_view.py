"""timeline.view: stacking event tables into one."""

from __future__ import annotations

from tests.conftest import FOUR_EVENTS
from timeline import view
from timeline.schema import check_event_frame, empty_event_frame


def test_view_combine_frames_drops_repeated_events(make_events):
    """Adding the same events twice keeps one copy; new events are appended."""
    first = make_events(*FOUR_EVENTS[:2])
    again = make_events(*FOUR_EVENTS[:3])
    combined = view.combine_frames([first, again])
    assert list(combined["event_id"]) == ["call", "push", "intervened"]
    check_event_frame(combined)


def test_view_combine_frames_of_nothing():
    """Combining no tables (or only empty ones) gives an empty, typed table."""
    combined = view.combine_frames([empty_event_frame()])
    check_event_frame(combined)
    assert combined.empty
