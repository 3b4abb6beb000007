"""The event table as CSV that is safe to open in a spreadsheet.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula,
and tab or carriage return can smuggle one in; article text is written by strangers.
Following OWASP's CSV injection advice, every text cell that begins with one of those
characters gets a single quote in front, and every cell is quoted. Spreadsheets with an
East Asian input method also read the full-width ``＝ ＋ － ＠`` as the start of a formula,
so those are neutralised too. List columns are joined with
:data:`timeline.defaults.LIST_SEPARATOR`; dates are ISO days.

The same neutraliser guards the tables the dashboard shows (:func:`neutralised_text`):
Streamlit's own table toolbar downloads a table's cells as they are, so the cells must
already be safe when they are shown.
"""

from __future__ import annotations

import io
import json
from typing import Final

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from timeline.defaults import LIST_SEPARATOR
from timeline.schema import COLUMN_NAMES

#: First characters that make a spreadsheet read a cell as a formula (OWASP), and their full-width forms.
FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: What goes in front of such a cell.
NEUTRALISER: Final = "'"
#: FORMULA_PREFIXES as a pattern for Arrow's (RE2) regular expressions.
_FORMULA_PATTERN: Final = "^[=+\\-@\t\r\uff1d\uff0b\uff0d\uff20]"


def neutralise_cell(value: str) -> str:
    """``value`` with a single quote in front when a spreadsheet would read it as a formula."""
    return NEUTRALISER + value if value.startswith(FORMULA_PREFIXES) else value


def neutralised_text(values: pd.Series) -> pd.Series:
    """A text column of a table to be shown, each cell neutralised as in the CSV; missing cells become ""."""
    cells = _neutralised(pa.array(values.astype(object).where(values.notna(), "").astype(str).tolist(), pa.string()))
    return pd.Series(cells.to_pylist(), index=values.index, dtype=object)


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as its CSV cells: schema columns first, lists joined, dates ISO, formulas neutralised."""
    table = _csv_table(frame)
    return pd.DataFrame({name: table[name].to_pylist() for name in table.column_names}, dtype=object)


def to_csv_bytes(frame: pd.DataFrame, *, bom: bool = False) -> bytes:
    """The CSV of ``frame`` as UTF-8 bytes; ``bom`` adds the byte-order mark spreadsheets use to detect UTF-8."""
    sink = io.BytesIO()
    if bom:
        sink.write("\ufeff".encode())
    # Arrow's writer quotes every cell and doubles quotes inside them, in C++: 100,000 events
    # are written in a fraction of the time the csv module takes.
    pa_csv.write_csv(_csv_table(frame), sink, pa_csv.WriteOptions(quoting_style="all_valid"))
    return sink.getvalue()


def _csv_table(frame: pd.DataFrame) -> pa.Table:
    ordered = [name for name in COLUMN_NAMES if name in frame.columns]
    ordered += [name for name in frame.columns if name not in ordered]
    return pa.table({str(name): _text_cells(frame[name]) for name in ordered})


def to_jsonl_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as JSON Lines: one object per row, lists as arrays, dates as ISO days, missing as null."""
    ordered = [name for name in COLUMN_NAMES if name in frame.columns]
    ordered += [name for name in frame.columns if name not in ordered]
    lines = (
        json.dumps(dict(zip(ordered, map(_json_value, row), strict=True)), ensure_ascii=False)
        for row in frame[ordered].itertuples(index=False, name=None)
    )
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def _json_value(value: object) -> object:
    if isinstance(value, tuple | list):
        return [str(item) for item in value]
    if isinstance(value, pd.Timestamp):
        # date().isoformat(), not strftime: glibc writes the year 999 as "999", not "0999".
        return None if pd.isna(value) else value.date().isoformat()
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        # numpy scalars: json knows only Python numbers.
        return value.item()
    return value


def _text_cells(column: pd.Series) -> pa.Array:
    """The column as text cells, neutralised where an article author could have written them."""
    if pd.api.types.is_datetime64_any_dtype(column):
        # Event dates are days; a time of day would be noise (and is never set).
        return pa.array(column.dt.strftime("%Y-%m-%d").fillna("").tolist(), type=pa.string())
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_numeric_dtype(column):
        # Numbers are written by us, not by article authors: a negative count stays a number.
        return pa.array(column.astype("object").where(column.notna(), "").astype(str).tolist(), type=pa.string())
    if pd.api.types.is_string_dtype(column):
        return _neutralised(pa.array(column.fillna(""), type=pa.string()))
    values = column.tolist()
    if all(isinstance(value, tuple | list) for value in values):
        try:
            lists = pa.array(values, type=pa.list_(pa.string()))
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            # A list holding something other than text: the slow, general path below.
            pass
        else:
            return _neutralised(pc.binary_join(lists, LIST_SEPARATOR))
    return pa.array([_text_cell(value) for value in values], type=pa.string())


def _neutralised(cells: pa.Array) -> pa.Array:
    formula = pc.match_substring_regex(cells, _FORMULA_PATTERN)
    return pc.if_else(formula, pc.binary_join_element_wise(NEUTRALISER, cells, ""), cells)


def _text_cell(value: object) -> str:
    if isinstance(value, tuple | list):
        return neutralise_cell(LIST_SEPARATOR.join(str(item) for item in value))
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    return neutralise_cell(str(value))


__all__ = [
    "FORMULA_PREFIXES",
    "NEUTRALISER",
    "csv_frame",
    "neutralise_cell",
    "neutralised_text",
    "to_csv_bytes",
    "to_jsonl_bytes",
]
