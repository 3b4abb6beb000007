"""The timeline figure: time across, one lane per region, country or actor.

A date known to the day is a marker on that day. A date known only to its week,
month, quarter or year is a bar over the whole period (first day to the day after
the last), so "November 2024" is never drawn as a made-up November 1.

A merged table (``kind=MERGED``, see :mod:`timeline.kinds`) is drawn with its reach:
a happening reported more widely is a larger marker, and its label says how often and
by whom it was reported instead of one article's source.

Plotly renders hover labels, tick labels and legend names as a small subset of HTML,
so every piece of article text put into the figure (sentences, dates as written,
titles, and the lane names, which are actor and place names) is HTML-escaped here.

Past :data:`MAX_DETAIL_ROWS` lane rows the figure aggregates: events are counted per
lane and time bin and drawn with WebGL (``scattergl``), so 100,000 events still make
a figure of a few hundred points. An event store counts those entries in its own query
(:mod:`timeline.store_query`) and draws them with :func:`counts_figure`, the same figure.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.defaults import LIST_SEPARATOR
from timeline.kinds import TableKind, known_columns
from timeline.lanes import LANE_COLUMN, NO_GROUP_LABELS, GroupBy, lane_entries
from timeline.types import precision_rank

#: How lanes are ordered top-down: by name, or the most widely reported first.
LaneOrder = Literal["name", "reach"]

#: Above this many (event, lane) rows the figure shows counts per period instead of each event.
MAX_DETAIL_ROWS: Final = 3000
#: Lanes drawn; the rest are merged into one "other" lane so the chart stays readable.
MAX_LANES: Final = 40
#: Entries with the same lane and dates are stacked up to this many rows deep, then reuse rows.
MAX_STACK: Final = 6
#: Characters per line of the evidence sentence in a hover label.
HOVER_WRAP: Final = 90

_DAY_MS: Final = 24 * 60 * 60 * 1000
#: Pixels across a day's marker.
_DAY_SIZE: Final = 11
#: y-axis units per stacked row, gap between lanes, and pixels per row.
_ROW: Final = 1.0
_LANE_GAP: Final = 0.6
_ROW_PX: Final = 28

#: Colour of each date precision: finer dates darker.
PRECISION_COLOURS: Final = {
    "day": "#1f3b73",
    "weekend": "#2f6db5",
    "week": "#2f6db5",
    "month": "#3c9d5d",
    "season": "#c08a1e",
    "quarter": "#c08a1e",
    "half": "#c08a1e",
    "year": "#c4513a",
    "decade": "#8e5aa8",
    "century": "#8e5aa8",
}
_OTHER_COLOUR: Final = "#777777"

#: Bin widths for the aggregated figure, finest first, with the pandas period code.
_BINS: Final = (("day", "D"), ("week", "W"), ("month", "M"), ("quarter", "Q"), ("year", "Y"))
_MAX_BINS: Final = 160

#: Columns an entry is placed and labelled from; of these, each kind of table copies the ones it has
#: (an event table its source and article date, a merged table its reach and sources).
_DRAWN_COLUMNS: Final = known_columns(
    "date_start",
    "date_end",
    "date_value",
    "date_precision",
    "date_text",
    "sentence",
    "article_title",
    "article_date",
    "source",
    "sources",
    "mention_count",
)


def timeline_figure(
    frame: pd.DataFrame, group_by: GroupBy = "region", *, kind: TableKind, lane_order: LaneOrder = "name"
) -> go.Figure:
    """A Plotly timeline of ``frame``'s events, one lane per value of ``group_by``.

    ``kind`` says which table ``frame`` is (:data:`~timeline.kinds.EVENTS` or
    :data:`~timeline.kinds.MERGED`). Lanes are in alphabetical order, or with
    ``lane_order="reach"`` the most reported first: by the mentions behind a merged
    table's happenings, by events otherwise.
    """
    kind.require(frame)
    entries = lane_entries(frame, group_by)
    positions = entries.positions
    if len(positions) == 0:
        return _empty_figure()
    reach = kind.reports(frame)[positions] if kind.merged else None
    codes, labels, order = _limit_lanes(entries.codes, entries.labels, group_by, reach, lane_order)
    if len(positions) > MAX_DETAIL_ROWS:
        rows = _counted(frame["date_start"].to_numpy(dtype="datetime64[s]")[positions], codes, labels)
        rows["slot"] = 0
    else:
        # Only the columns drawn are copied per lane entry.
        drawn = [name for name in kind.columns if name in _DRAWN_COLUMNS]
        rows = frame.loc[:, drawn].take(positions).reset_index(drop=True)
        rows[LANE_COLUMN] = labels[codes]
        rows["slot"] = _stack_slots(rows)
    layout = _LaneLayout.of(order, rows)
    rows = rows.assign(y=layout.y(rows))
    traces, extra = _counts_traces(rows) if "events" in rows.columns else _detailed_traces(rows, kind)
    return _figure(traces, _layout(layout, group_by, len(frame)) | extra)


def counts_figure(
    counts: pd.DataFrame,
    group_by: GroupBy = "region",
    *,
    events: int,
    merged: bool,
    lane_order: LaneOrder = "name",
    period: tuple[str, str] | None = None,
) -> go.Figure:
    """The aggregated figure of lane entries counted elsewhere (an event store's query), as :func:`timeline_figure`
    draws it past :data:`MAX_DETAIL_ROWS` entries.

    ``counts`` has one row per lane and day (or first day of a period): ``lane``, ``day``
    (``datetime64[s]``), ``entries`` (lane entries that day) and ``reports`` (the reports
    behind them, which order lanes by reach when ``merged``); ``events`` is how many rows
    the table has. ``period`` is the period the days count in (:func:`count_bin` of the
    entries' first and last days); by default it is chosen from ``day``.
    """
    if counts.empty:
        return _empty_figure()
    lane_codes, lanes = pd.factorize(counts[LANE_COLUMN].astype(object))
    labels = np.asarray(lanes, dtype=object)
    weights = counts["entries"].to_numpy(dtype=np.int64)
    reach = counts["reports"].to_numpy(dtype=np.float64) if merged else None
    codes, labels, order = _limit_lanes(lane_codes, labels, group_by, reach, lane_order, weights=weights)
    rows = _counted(counts["day"].to_numpy(dtype="datetime64[s]"), codes, labels, weights=weights, period=period)
    rows["slot"] = 0
    layout = _LaneLayout.of(order, rows)
    traces, extra = _counts_traces(rows.assign(y=layout.y(rows)))
    return _figure(traces, _layout(layout, group_by, events) | extra)


def _figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    # Validating every property costs Plotly ~0.5 s even for a handful of traces, on each
    # rerun of the app; the tests validate the same structure once instead.
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def _hover_labels(rows: pd.DataFrame, kind: TableKind) -> list[str]:
    """The escaped hover label of each row: lane, date as resolved and as written, precision, evidence, source.

    Rows of a merged table say how often and by whom the happening was reported instead
    of one article's source and date.
    """
    columns = {name: rows[name].astype(str).tolist() for name in _LABEL_TEXT if name in kind.columns}
    columns[LANE_COLUMN] = rows[LANE_COLUMN].astype(str).tolist()
    if "article_date" in rows.columns:
        columns["article_date"] = rows["article_date"].dt.strftime("%Y-%m-%d").fillna("").tolist()
    reach = kind.reports(rows).tolist() if kind.merged else []
    sources = rows["sources"].tolist() if kind.merged else []
    labels = []
    for index in range(len(rows)):
        cell = {name: values[index] for name, values in columns.items()}
        label = (
            f"<b>{_escape(cell[LANE_COLUMN])}</b><br>"
            f"{_escape(cell['date_value'])} ({_escape(cell['date_precision'])})"
            f" · written “{_escape(cell['date_text'])}”<br>"
            f"{_wrapped(cell['sentence'])}<br><i>{_escape(cell['article_title'])}</i>"
        )
        if kind.merged:
            label += f" · reported {int(reach[index])} time(s)"
            label += " by " + _escape(LIST_SEPARATOR.join(map(str, sources[index])))
        else:
            label += "".join(f" · {_escape(cell[name])}" for name in ("source", "article_date") if name in cell)
        labels.append(label)
    return labels


#: Text columns of a hover label, as written by article authors (so escaped).
_LABEL_TEXT: Final = known_columns("date_value", "date_precision", "date_text", "sentence", "article_title", "source")


def _escape(text: str) -> str:
    # Quotes need no escaping outside attributes, and Plotly would show "&quot;" literally.
    return html.escape(text, quote=False)


def _wrapped(sentence: str) -> str:
    lines = textwrap.wrap(sentence, HOVER_WRAP) or [""]
    return "<br>".join(_escape(line) for line in lines)


def _limit_lanes(
    codes: np.ndarray,
    labels: np.ndarray,
    group_by: GroupBy,
    reach: np.ndarray | None,
    lane_order: LaneOrder,
    weights: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Keep the busiest lanes and fold the rest into one; return entry codes, lane labels and lane order (top first).

    Each code is one entry, or ``weights`` entries when given (entries already counted).
    """
    counts = np.bincount(codes, weights=weights, minlength=len(labels)).astype(np.int64).tolist()
    weights = counts if reach is None else np.bincount(codes, weights=reach, minlength=len(labels)).tolist()
    names = [str(label) for label in labels.tolist()]
    none_label = NO_GROUP_LABELS[group_by]
    named = sorted(
        (index for index, name in enumerate(names) if name != none_label), key=lambda i: (-counts[i], names[i])
    )
    kept = named[:MAX_LANES]
    if lane_order == "reach":
        kept = sorted(kept, key=lambda i: (-weights[i], names[i].casefold(), names[i]))
    else:
        kept = sorted(kept, key=lambda i: (names[i].casefold(), names[i]))
    order = [names[i] for i in kept]
    if len(named) > MAX_LANES:
        other = f"(other: {len(named) - MAX_LANES} more)"
        folded = np.ones(len(labels), dtype=bool)
        folded[kept] = False
        folded[[i for i, name in enumerate(names) if name == none_label]] = False
        labels = np.append(labels, other)
        remap = np.where(folded, len(labels) - 1, np.arange(len(labels) - 1))
        codes = remap[codes]
        order.append(other)
    if none_label in names:
        order.append(none_label)
    return codes, labels, order


def _stack_slots(rows: pd.DataFrame) -> pd.Series:
    """A row within its lane for each entry, so entries with the same lane and dates do not hide each other."""
    slots: pd.Series = rows.groupby([LANE_COLUMN, "date_start", "date_end"], sort=False).cumcount() % MAX_STACK
    return slots


@dataclass(frozen=True)
class _LaneLayout:
    """Where each lane sits on the y axis: lanes top-down, each as tall as its deepest stack."""

    order: tuple[str, ...]
    #: y of each lane's first row; later rows of the lane sit below it.
    tops: dict[str, float]
    heights: dict[str, int]

    @classmethod
    def of(cls, order: list[str], rows: pd.DataFrame) -> _LaneLayout:
        depth = rows.groupby(LANE_COLUMN)["slot"].max().add(1).to_dict()
        tops: dict[str, float] = {}
        heights: dict[str, int] = {}
        top = 0.0
        for lane in order:
            heights[lane] = int(depth.get(lane, 1))
            tops[lane] = top
            top -= heights[lane] + _LANE_GAP
        return cls(tuple(order), tops, heights)

    def y(self, rows: pd.DataFrame) -> pd.Series:
        y: pd.Series = rows[LANE_COLUMN].map(self.tops) - rows["slot"] * _ROW
        return y

    def centre(self, lane: str) -> float:
        return self.tops[lane] - (self.heights[lane] - 1) * _ROW / 2

    def rows(self) -> int:
        return sum(self.heights.values())

    def separators(self) -> list[float]:
        return [self.tops[lane] - self.heights[lane] + 1 - (1 + _LANE_GAP) / 2 for lane in self.order[:-1]]


def _detailed_traces(rows: pd.DataFrame, kind: TableKind) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    # Plain lists from here on: each pandas operation costs about a millisecond however
    # few the rows, and the app redraws on every widget change.
    text = _hover_labels(rows, kind)
    lane = [_escape(name) for name in rows[LANE_COLUMN].tolist()]
    y = rows["y"].tolist()
    starts = rows["date_start"].dt.strftime("%Y-%m-%d").tolist()
    lengths = ((rows["date_end"] - rows["date_start"]).dt.days + 1).tolist()
    precisions = rows["date_precision"].astype(str).tolist()
    reach = kind.reports(rows).tolist() if kind.merged else None
    spans: dict[str, list[int]] = {}
    days: list[int] = []
    for index, length in enumerate(lengths):
        if length == 1:
            days.append(index)
        else:
            spans.setdefault(precisions[index], []).append(index)
    traces: list[dict[str, Any]] = []
    for precision in sorted(spans, key=precision_rank):
        group = spans[precision]
        colour = PRECISION_COLOURS.get(precision, _OTHER_COLOUR)
        traces.append(
            {
                "type": "bar",
                "name": f"{precision} (span)",
                "orientation": "h",
                "base": [starts[index] for index in group],
                "x": [lengths[index] * _DAY_MS for index in group],
                "y": [y[index] for index in group],
                "customdata": [lane[index] for index in group],
                "hovertext": [text[index] for index in group],
                "hovertemplate": "%{hovertext}<extra></extra>",
                # The outline keeps a weekend visible as a stroke when the axis spans decades.
                "marker": {"color": colour, "opacity": 0.55, "line": {"color": colour, "width": 2}},
                "width": 0.6 * _ROW,
            }
        )
    if days:
        traces.append(
            {
                "type": "scatter",
                "name": "day",
                "mode": "markers",
                # Noon: the marker sits in the middle of its day, as a span covers its days whole.
                "x": [starts[index] + " 12:00" for index in days],
                "y": [y[index] for index in days],
                "customdata": [lane[index] for index in days],
                "hovertext": [text[index] for index in days],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "marker": {
                    "color": PRECISION_COLOURS["day"],
                    "size": _DAY_SIZE if reach is None else [_reach_size(reach[index]) for index in days],
                    "symbol": "diamond",
                    "line": {"width": 1, "color": "white"},
                },
            }
        )
    return traces, {"barmode": "overlay"}


def _reach_size(mentions: int) -> float:
    """In a merged table, a happening reported more widely gets a larger marker."""
    # A happening reported once is as large as an unmerged event's marker.
    size: float = round(_DAY_SIZE + 4 * min(max(float(mentions) - 1, 0.0), 36.0) ** 0.5, 1)
    return size


def _counted(
    starts: np.ndarray,
    codes: np.ndarray,
    labels: np.ndarray,
    weights: np.ndarray | None = None,
    period: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Entries per lane and period (each code one entry, or ``weights`` of them), each period on its first day."""
    label, code = period if period is not None else _bin_for(starts)
    # Hashing days beats sorting them; only the distinct days are binned by pandas.
    day_of_entry, days = pd.factorize(starts.astype("datetime64[D]").view(np.int64))
    period_of_day = pd.DatetimeIndex(days.astype("datetime64[D]")).to_period(code).start_time
    period_codes, periods = pd.factorize(period_of_day)
    keys = codes * len(periods) + period_codes[day_of_entry]
    tally = np.bincount(keys, weights=weights, minlength=len(labels) * len(periods)).astype(np.int64)
    present = np.flatnonzero(tally)
    return pd.DataFrame(
        {
            LANE_COLUMN: labels[present // len(periods)],
            "period": periods[present % len(periods)],
            "events": tally[present],
            "bin": label,
        }
    )


def _counts_traces(counts: pd.DataFrame) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Counts per lane and period, drawn with WebGL."""
    label = str(counts["bin"].iloc[0])
    lane = counts[LANE_COLUMN].map(_escape)
    when = counts["period"].dt.strftime("%Y-%m-%d")
    text = "<b>" + lane + "</b><br>" + counts["events"].astype(str) + f" events dated in the {label} from " + when
    largest = max(int(counts["events"].max()), 1)
    trace = {
        "type": "scattergl",
        "name": f"events per {label}",
        "mode": "markers",
        "x": when.tolist(),
        "y": counts["y"].tolist(),
        "customdata": lane.tolist(),
        "hovertext": text.tolist(),
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": {
            "color": PRECISION_COLOURS["day"],
            "size": (6 + 24 * (counts["events"] / largest) ** 0.5).round(1).tolist(),
            "opacity": 0.7,
        },
    }
    total = int(counts["events"].sum())
    return [trace], {"title": {"text": f"{total:,} lane entries, counted per {label}: filter to see each event"}}


def count_bin(first: np.datetime64, last: np.datetime64) -> tuple[str, str]:
    """The period the aggregated figure counts in for entries from ``first`` to ``last``: its name and pandas code.

    A store's query counts in the same period, so the figure it draws has as few points.
    """
    return _bin_for(np.asarray([first, last], dtype="datetime64[s]"))


def _bin_for(starts: np.ndarray) -> tuple[str, str]:
    days = max(int((starts.max() - starts.min()) // np.timedelta64(1, "D")), 1)
    per_bin = {"D": 1, "W": 7, "M": 30, "Q": 91, "Y": 365}
    for label, code in _BINS:
        if days / per_bin[code] <= _MAX_BINS:
            return label, code
    return _BINS[-1]


def _layout(layout: _LaneLayout, group_by: GroupBy, events: int) -> dict[str, Any]:
    return dict(
        height=max(320, 170 + _ROW_PX * layout.rows() + 10 * len(layout.order)),
        margin={"l": 10, "r": 10, "t": 70, "b": 40},
        hovermode="closest",
        hoverlabel={"align": "left"},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "xanchor": "left",
            "x": 0,
            "title": {"text": "date known to the"},
        },
        xaxis={
            "type": "date",
            "title": {"text": "date"},
            "showgrid": True,
            "rangeselector": {
                "x": 1,
                "xanchor": "right",
                "y": 1.02,
                "yanchor": "bottom",
                "buttons": [
                    {"count": 1, "label": "1 month", "step": "month", "stepmode": "backward"},
                    {"count": 1, "label": "1 year", "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": "5 years", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ],
            },
        },
        yaxis={
            "tickmode": "array",
            "tickvals": [layout.centre(lane) for lane in layout.order],
            "ticktext": [_escape(lane) for lane in layout.order],
            "range": [-layout.rows() - _LANE_GAP * len(layout.order) + 0.5, 0.6],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "title": {"text": group_by},
            "automargin": True,
        },
        shapes=[
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": y,
                "y1": y,
                "line": {"color": "rgba(128,128,128,0.25)", "width": 1},
            }
            for y in layout.separators()
        ],
        meta={"events": events, "group_by": group_by},
    )


def _empty_figure() -> go.Figure:
    return _figure(
        [],
        {
            "height": 240,
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "annotations": [{"text": "No events match these filters.", "showarrow": False, "font": {"size": 16}}],
        },
    )
