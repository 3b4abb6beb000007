"""The event table as CSV that is safe to open in a spreadsheet.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula,
and tab or carriage return can smuggle one in; article text is written by strangers.
Following OWASP's CSV injection advice, every text cell that begins with one of those
characters gets a single quote in front, and every cell is quoted. List columns are
joined with :data:`timeline.defaults.LIST_SEPARATOR`; dates are ISO days.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Final

import pandas as pd

from timeline.defaults import LIST_SEPARATOR
from timeline.schema import COLUMN_NAMES

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")
#: What goes in front of such a cell.
NEUTRALISER: Final = "'"


def neutralise_cell(value: str) -> str:
    """``value`` with a single quote in front when a spreadsheet would read it as a formula."""
    return NEUTRALISER + value if value.startswith(FORMULA_PREFIXES) else value


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as its CSV cells: schema columns first, lists joined, dates ISO, formulas neutralised."""
    ordered = [name for name in COLUMN_NAMES if name in frame.columns]
    ordered += [name for name in frame.columns if name not in ordered]
    cells = pd.DataFrame(index=frame.index)
    for name in ordered:
        cells[name] = _text_cells(frame[name])
    return cells.reset_index(drop=True)


def to_csv_bytes(frame: pd.DataFrame, *, bom: bool = False) -> bytes:
    """The CSV of ``frame`` as UTF-8 bytes; ``bom`` adds the byte-order mark spreadsheets use to detect UTF-8."""
    cells = csv_frame(frame)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(cells.columns)
    # The csv module writes rows of text faster than DataFrame.to_csv with QUOTE_ALL.
    writer.writerows(zip(*(cells[name].tolist() for name in cells.columns), strict=True))
    text: str = buffer.getvalue()
    return text.encode("utf-8-sig" if bom else "utf-8")


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
        return None if pd.isna(value) else value.strftime("%Y-%m-%d")
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        # numpy scalars: json knows only Python numbers.
        return value.item()
    return value


def _text_cells(column: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(column):
        # Event dates are days; a time of day would be noise (and is never set).
        days: pd.Series = column.dt.strftime("%Y-%m-%d").fillna("")
        return days
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_numeric_dtype(column):
        # Numbers are written by us, not by article authors: a negative count stays a number.
        return column.astype("object").where(column.notna(), "").astype(str)
    # One pass of plain Python per cell: 100,000 rows of 17 columns in well under a second.
    cells = [_text_cell(value) for value in column.tolist()]
    return pd.Series(cells, index=column.index, dtype=object)


def _text_cell(value: object) -> str:
    if isinstance(value, str):
        return NEUTRALISER + value if value.startswith(FORMULA_PREFIXES) else value
    if isinstance(value, tuple | list):
        return neutralise_cell(LIST_SEPARATOR.join(str(item) for item in value))
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    return neutralise_cell(str(value))


__all__ = ["FORMULA_PREFIXES", "NEUTRALISER", "csv_frame", "neutralise_cell", "to_csv_bytes", "to_jsonl_bytes"]
