"""timeline.filters: filter options, filtered rows, the words searched and the date-range widget's value."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from timeline import filters
from timeline.schema import COLUMN_NAMES, check_event_frame, empty_event_frame

D = dt.date


def _ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["event_id"])


def test_filters_options_are_sorted_and_unique(four_events):
    """Options list each country, actor and region once, in alphabetical order."""
    options = filters.filter_options(four_events)
    assert options.countries == ("Qatar", "Russia", "Syria", "Türkiye", "United States")
    assert options.actors == ("Hakan Fidan", "Joe Biden")
    assert options.regions == ("Europe", "Middle East", "North America")
    assert options.date_range == (D(2015, 1, 1), D(2024, 12, 1))


def test_filters_options_sort_ignores_case(make_events):
    """Sorting puts 'bashar' between 'Assad' and 'Biden', as a reader expects."""
    frame = make_events({"actors": ("Biden", "bashar", "Assad")})
    assert filters.filter_options(frame).actors == ("Assad", "bashar", "Biden")


def test_filters_options_of_empty_table():
    """An empty table offers no values and no date range."""
    options = filters.filter_options(empty_event_frame())
    assert options == filters.FilterOptions((), (), (), None)


def test_filters_options_of_merged_table(merged_reports):
    """A merged table offers the values of its happenings, as an event table does."""
    options = filters.filter_options(merged_reports.events)
    assert options.countries == ("Qatar", "United States")
    assert options.date_range == (D(2024, 12, 1), D(2024, 12, 1))


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ({}, {"call", "push", "intervened", "press"}),
        ({"countries": ["Syria"]}, {"intervened"}),
        ({"countries": ["Türkiye", "Syria"]}, {"call", "intervened"}),
        ({"actors": ["Joe Biden"]}, {"push", "press"}),
        ({"regions": ["Middle East"]}, {"call", "intervened"}),
        ({"regions": ["Middle East"], "countries": ["Russia"]}, {"intervened"}),
        ({"countries": ["Qatar"], "actors": ["Joe Biden"]}, set()),
        ({"countries": ["Nowhere"]}, set()),
        ({"date_range": (D(2024, 11, 20), D(2024, 12, 31))}, {"call", "push", "press"}),
        ({"date_range": (D(2024, 12, 1), D(2024, 12, 1))}, {"call"}),
        ({"date_range": (D(2015, 6, 1), D(2015, 6, 30))}, {"intervened"}),
        ({"date_range": (D(2016, 1, 1), D(2023, 12, 31))}, set()),
        ({"date_range": (D(2024, 12, 31), D(2024, 11, 27))}, {"call", "push"}),
        ({"actors": ["Joe Biden"], "date_range": (D(2024, 11, 26), D(2024, 11, 26))}, {"push", "press"}),
    ],
)
def test_filters_filter_events(four_events, selection, expected):
    """Filters OR within a facet, AND across facets, and keep dates whose period overlaps the range."""
    assert _ids(filters.filter_events(four_events, **selection)) == expected


def test_filters_keep_schema_and_renumber(four_events):
    """A filtered table still follows the schema and is indexed from 0."""
    filtered = filters.filter_events(four_events, countries=["Syria", "United States"])
    check_event_frame(filtered)
    assert list(filtered.columns) == list(COLUMN_NAMES)
    assert list(filtered.index) == [0, 1]


def test_filters_empty_table():
    """Filtering an empty table gives an empty table, not an error."""
    empty = empty_event_frame()
    assert filters.filter_events(empty, countries=["Syria"], date_range=(D(2024, 1, 1), D(2024, 2, 1))).empty


def test_filters_do_not_change_their_input(four_events):
    """Filtering leaves the table it was given untouched."""
    before = four_events.copy()
    filters.filter_events(four_events, countries=["Syria"], actors=["Joe Biden"])
    pd.testing.assert_frame_equal(four_events, before)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ((D(2024, 1, 1), D(2024, 2, 1)), (D(2024, 1, 1), D(2024, 2, 1))),
        ([D(2024, 2, 1), D(2024, 1, 1)], (D(2024, 1, 1), D(2024, 2, 1))),
        ((D(2024, 1, 1),), None),
        ((), None),
        (None, None),
        ("2024-01-01", None),
    ],
)
def test_filters_as_date_range(value, expected):
    """A range widget's value becomes a sorted pair of days, or None while half-picked."""
    assert filters.as_date_range(value) == expected


SEARCHED = (
    {"event_id": "call", "sentence": "The call took place on Sunday.", "actors": ("Hakan Fidan",), "places": ()},
    {"event_id": "siege", "sentence": "Forces pushed into the city.", "actors": (), "places": ("Aleppo",)},
    {"event_id": "talks", "sentence": "Türkiye and Qatar held talks on Sunday.", "actors": (), "places": ("Doha",)},
)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("", {"call", "siege", "talks"}),
        ("sunday", {"call", "talks"}),
        ("FIDAN", {"call"}),
        ("alep", {"siege"}),
        ("türkiye", {"talks"}),
        ("TÜRKIYE", {"talks"}),
        ("sunday doha", {"talks"}),
        ("sunday aleppo", set()),
        ("  ", {"call", "siege", "talks"}),
    ],
)
def test_filters_search_sentence_actor_or_place(make_events, search, expected):
    """Every word searched must be in the sentence, an actor's or a place's name, whatever its case."""
    frame = make_events(*SEARCHED)
    assert _ids(filters.filter_events(frame, search=search)) == expected


def test_filters_search_merged_table(merged_reports):
    """A merged table is searched the same way: its representative sentence and its union of names."""
    kept = filters.filter_events(merged_reports.events, search="biden")
    assert kept["sentence"].tolist() == ["Joe Biden spoke on Sunday."]


@pytest.mark.parametrize(("search", "words"), [("a b a", ("a", "b")), ("", ()), (" x\ty ", ("x", "y"))])
def test_filters_search_words(search, words):
    """The words of a search are split on any space, each kept once."""
    assert filters.search_words(search) == words
