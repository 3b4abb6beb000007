"""timeline.corrections: a user's fixes of dates, types and actors, and hidden events, keyed by event id."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from timeline.corrections import Correction, apply_corrections, corrections_from_edits, parse_correction
from timeline.errors import CorrectionError
from timeline.merge import merge_events
from timeline.schema import check_event_frame, check_merged_frame
from timeline.whydate import CORRECTED_RULE

D = dt.date


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("date", " 2024-11-30 ", "2024-11-30"),
        ("date", "2024-W48-WE", "2024-W48-WE"),
        ("date", "1066-10-14", "1066-10-14"),
        ("date", "10", "10"),
        ("actors", "Hakan Fidan; ; Joe Biden ;Hakan Fidan", "Hakan Fidan; Joe Biden"),
        ("actors", "", ""),
        ("event_type", "  talks ", "talks"),
        ("hidden", True, "1"),
        ("hidden", False, "0"),
    ],
)
def test_corrections_parse_what_a_user_typed(field, typed, stored):
    """A typed value becomes the value stored: a TIMEX3 date, names once each, a type, hidden or not."""
    assert parse_correction(field, typed) == stored


@pytest.mark.parametrize(
    ("field", "typed", "words"),
    [("date", "2024-02-30", "not a date"), ("date", "PRESENT_REF", "not a date"), ("date", "soon", "2024-W48-WE"),
     ("sentence", "x", "cannot be corrected")],
)  # fmt: skip
def test_corrections_refuse_in_one_sentence(field, typed, words):
    """A value that is not one is refused with one sentence saying what to write."""
    with pytest.raises(CorrectionError, match=words) as raised:
        parse_correction(field, typed)
    assert "\n" not in str(raised.value)


@pytest.fixture
def table(make_events):
    """Three events of two articles."""
    return make_events(
        {"event_id": "call", "sentence": "The call was on Sunday.", "actors": ("Hakan Fidan",), "article_id": "a1"},
        {"event_id": "push", "sentence": "Biden pushed last month.", "article_id": "a1"},
        {"event_id": "wrong", "sentence": "Not an event at all on Sunday.", "article_id": "a2"},
    )


def test_corrections_apply_date_actors_and_hide(table):
    """A date correction sets the value, its days and precision and says so; actors are replaced; hidden rows go."""
    corrections = [
        Correction("call", "a1", "date", "2024-W48-WE"),
        Correction("push", "a1", "actors", "Joe Biden; Qatar"),
        Correction("wrong", "a2", "hidden", "1"),
    ]
    corrected = apply_corrections(table, corrections, id_column="event_id")
    check_event_frame(corrected.frame)
    rows = corrected.frame.set_index("event_id")
    assert rows.loc["call", "date_value"] == "2024-W48-WE"
    assert (rows.loc["call", "date_start"].date(), rows.loc["call", "date_end"].date()) == (
        D(2024, 11, 30),
        D(2024, 12, 1),
    )
    assert (rows.loc["call", "date_precision"], rows.loc["call", "date_rule"]) == ("weekend", CORRECTED_RULE)
    assert rows.loc["call", "date_anchor"] == "was 2024-12-01"
    assert rows.loc["push", "actors"] == ("Joe Biden", "Qatar")
    assert "wrong" not in rows.index
    assert (corrected.hidden, corrected.unmatched) == (1, ())
    assert table.loc[table["event_id"] == "call", "date_value"].item() == "2024-12-01"


def test_corrections_of_any_era(table):
    """A date of the 11th century or of 9999 is stored in the day columns without overflow."""
    corrected = apply_corrections(table, [Correction("call", "a1", "date", "1066-10-14")], id_column="event_id")
    assert corrected.frame.loc[0, "date_start"].date() == D(1066, 10, 14)
    corrected = apply_corrections(table, [Correction("call", "a1", "date", "9999")], id_column="event_id")
    assert corrected.frame.loc[0, "date_end"].date() == D(9999, 12, 31)


def test_corrections_survive_a_new_extraction(make_events, table):
    """Corrections name events by id: a table extracted again (new rows, same ids) takes them the same way."""
    again = make_events(
        {"event_id": "new", "sentence": "Something new on Sunday.", "article_id": "a3"},
        *[
            {"event_id": row.event_id, "sentence": row.sentence, "article_id": row.article_id}
            for row in table.itertuples()
        ],
    )
    corrections = [Correction("wrong", "a2", "hidden", "1"), Correction("gone", "a9", "date", "2024")]
    corrected = apply_corrections(again, corrections, id_column="event_id")
    assert set(corrected.frame["event_id"]) == {"new", "call", "push"}
    assert corrected.unmatched == (Correction("gone", "a9", "date", "2024"),)


def test_corrections_of_merged_happenings(make_events):
    """A merged happening is corrected by its merged id (its first report's event id); the merged table stays valid."""
    same = {"sentence": "Qatar's envoy met Hakan Fidan in Doha on Sunday.", "actors": ("Hakan Fidan",)}
    merged = merge_events(
        make_events(same | {"event_id": "x1", "article_id": "a1"}, same | {"event_id": "x2", "article_id": "a2"})
    )
    corrected = apply_corrections(
        merged.events,
        [Correction("x1", "a1", "event_type", "talks"), Correction("x1", "a1", "date", "2024-11")],
        id_column="merged_id",
    )
    check_merged_frame(corrected.frame)
    assert corrected.frame["date_value"].tolist() == ["2024-11"]


def test_corrections_later_wins_and_none_changes_nothing(table):
    """Of two corrections of one field the later wins; with none the table is returned as it is."""
    corrections = [Correction("push", "a1", "date", "2024"), Correction("push", "a1", "date", "2023")]
    assert apply_corrections(table, corrections, id_column="event_id").frame.loc[1, "date_value"] == "2023"
    assert apply_corrections(table, [], id_column="event_id").frame is table


def test_corrections_from_the_cells_a_user_changed():
    """Comparing an editor's input and output gives one correction per changed cell; a bad date is refused."""
    shown = pd.DataFrame(
        {
            "event_id": ["a", "b", "c"],
            "date_value": ["2024-12-01", "2024-11", "2015"],
            "actors": ["X", "", "Y"],
            "hide": [False] * 3,
        }
    )
    edited = shown.assign(
        date_value=["2024-11-30", "2024-11", "2024-02-30"], actors=["X", "Z; W", "Y"], hide=[False, False, True]
    )
    edits = corrections_from_edits(shown, edited, id_column="event_id", article_ids=["a1", "a1", "a2"])
    assert edits.corrections == (
        Correction("a", "a1", "date", "2024-11-30"),
        Correction("b", "a1", "actors", "Z; W"),
        Correction("c", "a2", "hidden", "1"),
    )
    (refused,) = edits.refused
    assert "2024-02-30" in refused


@pytest.mark.parametrize("has_type", [True, False])
def test_corrections_type_only_where_the_table_has_one(table, has_type):
    """A type correction sets event_type where the table has the column, and adds no column where it has none."""
    frame = table.assign(event_type="meeting") if has_type else table
    corrected = apply_corrections(frame, [Correction("call", "a1", "event_type", "phone call")], id_column="event_id")
    if has_type:
        assert corrected.frame["event_type"].tolist() == ["phone call", "meeting", "meeting"]
    else:
        assert "event_type" not in corrected.frame.columns
