"""timeline.export: CSV with joined lists, ISO days, and formulas neutralised (OWASP CSV injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.export import csv_frame, neutralise_cell, to_csv_bytes
from timeline.schema import COLUMN_NAMES, INT_COLUMNS, empty_event_frame

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Qatar said =1", "Qatar said =1"),
        (" =1+1", " =1+1"),
        ("", ""),
        ("'already quoted", "'already quoted"),
    ],
)
def test_export_neutralise_cell(value, expected):
    """Only cells that begin with = + - @ tab or CR get a single quote in front."""
    assert neutralise_cell(value) == expected


def _read_back(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.fixture
def hostile(make_events) -> pd.DataFrame:
    """Events whose article text is crafted to run as spreadsheet formulas."""
    return make_events(
        {
            "sentence": '=HYPERLINK("http://evil.example","click")',
            "title": "+cmd|' /C calc'!A0",
            "source": "@SUM(1+1)*cmd|' /C calc'!A0",
            "date_text": "-2+3",
            "actors": ("=1+2", "Hakan Fidan"),
            "countries": ("Qatar", "Türkiye"),
            "start": D(2024, 11, 1),
            "end": D(2024, 11, 30),
            "value": "2024-11",
            "precision": "month",
        },
        {"sentence": "\tTab-led, then\r\na line break.", "places": ("\r=cmd",), "countries": ()},
    )


def test_export_read_back_neutralises_every_formula(hostile):
    """Reading the written CSV back, no cell starts with a formula character, and the text is otherwise intact."""
    rows = _read_back(to_csv_bytes(hostile))
    assert len(rows) == 2
    for row in rows:
        for name, cell in row.items():
            if name in INT_COLUMNS:
                # A whole number ("-1": no offset) is a number to a spreadsheet, never a formula.
                assert str(int(cell)) == cell
            else:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    first, second = rows
    assert first["sentence"] == '\'=HYPERLINK("http://evil.example","click")'
    assert first["article_title"] == "'+cmd|' /C calc'!A0"
    assert first["source"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert first["date_text"] == "'-2+3"
    assert first["actors"] == "'=1+2; Hakan Fidan"
    assert second["sentence"] == "'\tTab-led, then\r\na line break."
    assert second["places"] == "'\r=cmd"


def test_export_columns_lists_and_dates(hostile):
    """Columns follow the schema; lists are joined with '; '; dates are ISO days; empty lists are empty cells."""
    data = to_csv_bytes(hostile)
    header = data.decode("utf-8").splitlines()[0]
    assert header == ",".join(f'"{name}"' for name in COLUMN_NAMES)
    first, second = _read_back(data)
    assert first["countries"] == "Qatar; Türkiye"
    assert (first["date_start"], first["date_end"], first["article_date"]) == ("2024-11-01", "2024-11-30", "2024-12-02")
    assert first["date_value"] == "2024-11"
    assert second["countries"] == ""
    assert first["sentence_index"] == "0"


def test_export_round_trips_through_pandas(make_events):
    """pandas reads the CSV back to the same text, with list cells split on the separator."""
    frame = make_events({"countries": ("Syria", "Türkiye"), "sentence": 'Plain, with "quotes" and a comma.'})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), dtype=str, keep_default_na=False)
    assert back.loc[0, "sentence"] == 'Plain, with "quotes" and a comma.'
    assert back.loc[0, "countries"].split("; ") == ["Syria", "Türkiye"]


@pytest.mark.parametrize(("bom", "prefix"), [(False, b'"event_id"'), (True, b'\xef\xbb\xbf"event_id"')])
def test_export_byte_order_mark(make_events, bom, prefix):
    """The byte-order mark, which spreadsheets need to read UTF-8, is there only when asked for."""
    assert to_csv_bytes(make_events({}), bom=bom).startswith(prefix)


def test_export_every_cell_is_quoted(make_events):
    """Every cell is quoted, so a separator or line break in article text cannot start a new cell."""
    data = to_csv_bytes(make_events({"sentence": 'a,b;"c"\nd'})).decode("utf-8")
    record = next(csv.reader(io.StringIO(data.split("\n", 1)[1]), strict=True))
    assert record[COLUMN_NAMES.index("sentence")] == 'a,b;"c"\nd'
    assert all(line.startswith('"') for line in data.split("\n")[:2])


def test_export_empty_table_is_a_header():
    """An empty table gives just the header line."""
    assert to_csv_bytes(empty_event_frame()).decode("utf-8").strip().count("\n") == 0


def test_export_extra_columns_follow_schema_columns(make_events):
    """Columns beyond the schema (a merged view's mention count) come after the schema's, numbers unchanged."""
    frame = make_events({}).assign(mentions=[-3])
    cells = csv_frame(frame)
    assert list(cells.columns) == [*COLUMN_NAMES, "mentions"]
    assert cells.loc[0, "mentions"] == "-3"


def test_export_pattern_matches_prefixes():
    """The vectorised formula test and neutralise_cell agree on every prefix and on plain text."""
    from timeline.export import FORMULA_PREFIXES, csv_frame

    texts = [prefix + "x" for prefix in FORMULA_PREFIXES] + ["x=", " =x", "'=x", "é=", ""]
    frame = pd.DataFrame({"sentence": texts})
    assert csv_frame(frame)["sentence"].tolist() == [neutralise_cell(text) for text in texts]


def test_export_mixed_columns_take_the_general_path():
    """Columns of mixed or non-text values (numbers in lists, None) still become neutralised text."""
    frame = pd.DataFrame({"mentions": [("=a", 1), None], "note": ["-x", 3.5]})
    cells = csv_frame(frame)
    assert cells["mentions"].tolist() == ["'=a; 1", ""]
    assert cells["note"].tolist() == ["'-x", "3.5"]


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(st.text(), min_size=1, max_size=6), lists=st.lists(st.text(), max_size=4))
def test_export_any_text_reads_back_neutralised(cells, lists):
    """For any text, the CSV reads back cell for cell as the text with formulas neutralised, and nothing more."""
    frame = pd.DataFrame({"sentence": cells, "actors": [tuple(lists)] * len(cells)})
    rows = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8"), newline="")))
    assert rows[0] == ["sentence", "actors"]
    assert [row[0] for row in rows[1:]] == [neutralise_cell(cell) for cell in cells]
    assert {row[1] for row in rows[1:]} == {neutralise_cell("; ".join(lists))}


@pytest.mark.parametrize("prefix", ["\uff1d", "\uff0b", "\uff0d", "\uff20"])
def test_export_full_width_formula_prefixes(prefix):
    """The full-width ＝ ＋ － ＠ start a formula in some spreadsheets, so they are neutralised like = + - @."""
    cell = prefix + "SUM(1,1)"
    assert neutralise_cell(cell) == "'" + cell
    assert csv_frame(pd.DataFrame({"sentence": [cell]}))["sentence"].tolist() == ["'" + cell]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["=1+1", "plain", None], ["'=1+1", "plain", ""]),
        (["\uff20cmd", "-2"], ["'\uff20cmd", "'-2"]),
    ],
)
def test_export_neutralised_text_for_tables_shown(cells, expected):
    """A column shown in a table is neutralised cell for cell as in the CSV; a missing cell is empty."""
    from timeline.export import neutralised_text

    assert neutralised_text(pd.Series(cells, dtype=object)).tolist() == expected
