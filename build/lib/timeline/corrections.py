"""A user's corrections of events: a date, a type or the actors fixed, or a wrong event hidden.

A correction names the event by its stable ``event_id`` (and its article's id), so
extracting the corpus again (a new version of the library, a cold cache) gives the same
ids and the correction still applies; one whose event is not in a table is kept and
reported as unmatched, never dropped. A merged happening is named by its ``merged_id``,
the ``event_id`` of its first report, so a correction made in either view applies to that
report in both.

:func:`parse_correction` checks what a user typed and gives the value stored;
:func:`apply_corrections` applies stored corrections to a table. Neither reads or writes
any store (:mod:`timeline.workspace` does).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeGuard

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from timeline.dates.timex import timex_of
from timeline.defaults import LIST_SEPARATOR
from timeline.errors import CorrectionError
from timeline.types import Precision
from timeline.whydate import CORRECTED_RULE

__all__ = [
    "CORRECTABLE",
    "EDITABLE",
    "Corrected",
    "Correction",
    "Edits",
    "Field",
    "apply_corrections",
    "corrections_from_edits",
    "corrections_of",
    "parse_correction",
]

Field = Literal["date", "actors", "event_type", "hidden"]
#: What a user may correct.
CORRECTABLE: Final[tuple[Field, ...]] = ("date", "actors", "event_type", "hidden")
#: How a date correction is recorded in ``date_anchor``: what the text had said.
_WAS: Final = "was "
_DATE_FORMS: Final = (
    "a day (2024-11-30), a month (2024-11), a year (2024), a week (2024-W48), a weekend (2024-W48-WE), "
    "a quarter (2024-Q4), a decade (199) or a century (19)"
)


@dataclass(frozen=True)
class Correction:
    """One field of one event as the user set it; ``value`` is as :func:`parse_correction` gives it."""

    event_id: str
    article_id: str
    field: Field
    value: str


@dataclass(frozen=True)
class Corrected:
    """A table with corrections applied: its rows, how many were hidden, and the corrections that matched none."""

    frame: pd.DataFrame
    hidden: int
    unmatched: tuple[Correction, ...]


def parse_correction(field: str, typed: object) -> str:
    """The value to store for ``field`` set to ``typed``; :class:`CorrectionError` with one sentence if it is not one.

    A date is a TIMEX3 value (:data:`_DATE_FORMS`); actors are names separated by ";" (an
    empty text clears them); a type is a short text; hidden is true or false.
    """
    if field == "hidden":
        return "1" if typed is True or str(typed).strip().lower() in {"1", "true", "yes"} else "0"
    text = "" if typed is None else " ".join(str(typed).split())
    if field == "date":
        timex = timex_of(text)
        if timex is None or timex.precision is Precision.REFERENCE or timex.start is None:
            raise CorrectionError(f"“{text}” is not a date the timeline can place: write {_DATE_FORMS}.")
        return text
    if field == "actors":
        return LIST_SEPARATOR.join(dict.fromkeys(name.strip() for name in text.split(";") if name.strip()))
    if field == "event_type":
        return text
    raise CorrectionError(f"“{field}” cannot be corrected here: only {', '.join(CORRECTABLE)} can.")


def apply_corrections(frame: pd.DataFrame, corrections: Sequence[Correction], *, id_column: str) -> Corrected:
    """``frame`` with ``corrections`` applied to the rows whose ``id_column`` names their event.

    A date correction sets the value and the days it covers, ``date_rule`` to
    :data:`~timeline.whydate.CORRECTED_RULE` and ``date_anchor`` to "was <the old value>";
    actors become the names given; ``event_type`` is set only where the table has the
    column; hidden rows are left out. Later corrections of one field win. ``frame`` is not
    changed; with no correction for its rows it is returned as it is.
    """
    latest = {(correction.event_id, correction.field): correction for correction in corrections}
    if not latest or frame.empty:
        return Corrected(frame, 0, tuple(latest.values()))
    wanted = sorted({event_id for event_id, _ in latest})
    # Arrow's is_in: pandas' isin on Arrow-backed text walks its argument in Python.
    ids = frame[id_column].astype(object).fillna("").astype(str)
    touched = np.flatnonzero(
        pc.is_in(pa.array(ids.tolist(), pa.string()), value_set=pa.array(wanted)).to_numpy(zero_copy_only=False)
    )
    if not len(touched):
        return Corrected(frame, 0, tuple(latest.values()))
    present = set(ids.iloc[touched].tolist())
    unmatched = tuple(correction for (event_id, _), correction in latest.items() if event_id not in present)
    corrected = frame.copy(deep=False)
    edits = _Edits(corrected)
    hide = np.zeros(len(frame), dtype=bool)
    for position in touched.tolist():
        event_id = ids.iloc[position]
        for field in CORRECTABLE:
            correction = latest.get((event_id, field))
            if correction is None:
                continue
            if field == "hidden":
                hide[position] = correction.value == "1"
            else:
                edits.set(position, field, correction.value)
    edits.write()
    kept = corrected.loc[~hide].reset_index(drop=True) if hide.any() else corrected
    return Corrected(kept, int(hide.sum()), unmatched)


class _Edits:
    """Cell edits gathered per column and written once, so a 100,000-row table is copied per edited column only."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame
        self._cells: dict[str, dict[int, object]] = {}

    def set(self, position: int, field: str, value: str) -> None:
        if field == "date":
            timex = timex_of(value)
            if timex is None or timex.start is None or timex.end is None:
                return
            old = str(self._frame["date_value"].iloc[position])
            for column, cell in (
                ("date_value", value),
                ("date_start", timex.start),
                ("date_end", timex.end),
                ("date_precision", str(timex.precision)),
                ("date_rule", CORRECTED_RULE),
                ("date_anchor", _WAS + old),
            ):
                self._cell(column, position, cell)
        elif field == "actors":
            self._cell("actors", position, _names(value))
        elif field in self._frame.columns:
            self._cell(field, position, value)

    def _cell(self, column: str, position: int, value: object) -> None:
        if column in self._frame.columns:
            self._cells.setdefault(column, {})[position] = value

    def write(self) -> None:
        for column, cells in self._cells.items():
            values = self._frame[column].copy()
            positions = list(cells)
            if pd.api.types.is_datetime64_any_dtype(values):
                # Days of any era: through seconds, never pandas' nanoseconds.
                days = values.to_numpy(dtype="datetime64[s]").copy()
                days[positions] = [np.datetime64(str(cells[p]), "s") for p in positions]
                values = pd.Series(days, index=values.index, dtype=values.dtype)
            elif values.dtype == object:
                objects = values.to_numpy(dtype=object).copy()
                for position in positions:
                    objects[position] = cells[position]
                values = pd.Series(objects, index=values.index, dtype=object)
            else:
                values.iloc[positions] = [cells[p] for p in positions]
            self._frame[column] = values


@dataclass(frozen=True)
class Edits:
    """What a user changed in an editable table: the corrections to keep, and a sentence for each refused cell."""

    corrections: tuple[Correction, ...]
    refused: tuple[str, ...]


#: Columns of an editable table and the field each corrects.
EDITABLE: Final[dict[str, Field]] = {
    "date_value": "date",
    "actors": "actors",
    "event_type": "event_type",
    "hide": "hidden",
}


def corrections_from_edits(
    shown: pd.DataFrame, edited: pd.DataFrame, *, id_column: str, article_ids: Sequence[str]
) -> Edits:
    """The corrections of the cells a user changed, comparing ``edited`` with the ``shown`` table row by row.

    Both tables have the same rows in the same order (a table editor's input and output);
    ``article_ids`` are the rows' articles. Only :data:`EDITABLE` columns are read; a
    cell that is not a value its field takes is refused in one sentence and not kept.
    """
    corrections: list[Correction] = []
    refused: list[str] = []
    ids = shown[id_column].astype(str).tolist()
    for column, field in EDITABLE.items():
        if column not in shown.columns or column not in edited.columns:
            continue
        before = shown[column].tolist()
        after = edited[column].tolist()
        for position, (old, new) in enumerate(zip(before, after, strict=True)):
            if _same(old, new):
                continue
            try:
                value = parse_correction(field, new)
            except CorrectionError as error:
                refused.append(str(error))
                continue
            corrections.append(Correction(ids[position], str(article_ids[position]), field, value))
    return Edits(tuple(corrections), tuple(refused))


def _same(old: object, new: object) -> bool:
    def plain(value: object) -> object:
        if value is None or (isinstance(value, float) and value != value):
            return ""
        return " ".join(value.split()) if isinstance(value, str) else value

    return bool(plain(old) == plain(new))


def _is_field(name: str) -> TypeGuard[Field]:
    return name in CORRECTABLE


def _names(value: str) -> tuple[str, ...]:
    return tuple(name for name in (part.strip() for part in value.split(";")) if name)


def corrections_of(rows: Iterable[tuple[str, str, str, str]]) -> list[Correction]:
    """Corrections from stored ``(event_id, article_id, field, value)`` rows; rows of an unknown field are skipped."""
    return [
        Correction(event_id, article_id, field, value)
        for event_id, article_id, field, value in rows
        if _is_field(field)
    ]
