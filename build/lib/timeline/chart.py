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
a figure of a few hundred points.

A person reads it: dates are written out (:mod:`timeline.humandates`), with the TIMEX3
value beside them and why the date is what it is (:mod:`timeline.whydate`). The axis
shows the window it is given (the story period, :mod:`timeline.storywindow`); entries
that would cover each other there are packed on separate rows of their lane, and a span
is never drawn narrower than :data:`MIN_SPAN_PX`. The range buttons count back from the
newest event drawn, not from today.

An event store counts those entries in its own query (:mod:`timeline.store_query`) and
draws them with :func:`counts_figure`, the same figure.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.defaults import LIST_SEPARATOR, UNKNOWN_SOURCE
from timeline.filters import DateRange
from timeline.humandates import human_dates, human_days, reach_phrase
from timeline.kinds import TableKind, known_columns
from timeline.lanes import LANE_COLUMN, NO_GROUP_LABELS, GroupBy, lane_entries
from timeline.outlets import outlet
from timeline.types import precision_rank
from timeline.whydate import why_dates

#: How lanes are ordered top-down: by name, or the most widely reported first.
LaneOrder = Literal["name", "reach"]

#: Above this many (event, lane) rows the figure shows counts per period instead of each event.
MAX_DETAIL_ROWS: Final = 3000
#: Lanes drawn; the rest are merged into one "other" lane so the chart stays readable.
MAX_LANES: Final = 40
#: Entries that would cover each other in a lane are packed up to this many rows deep, then share rows.
MAX_STACK: Final = 8
#: The narrowest a span is drawn, in pixels, however long the axis (a weekend on a year's axis).
MIN_SPAN_PX: Final = 6
#: The plot width the packing and the narrowest span assume: the plot area at an 800-pixel window.
PLOT_PX: Final = 450
#: Characters per line of the evidence sentence in a hover label.
HOVER_WRAP: Final = 90
#: Characters per line of a lane's name on the axis: long names would squeeze the plot on a narrow page.
LANE_LABEL_WRAP: Final = 18

_DAY_MS: Final = 24 * 60 * 60 * 1000
#: Pixels across a day's marker.
_DAY_SIZE: Final = 11
#: y-axis units per stacked row, gap between lanes, and pixels per row.
_ROW: Final = 1.0
_LANE_GAP: Final = 0.6
_ROW_PX: Final = 28
#: Pixels kept free between two entries packed on one row of a lane.
_PACK_GAP_PX: Final = 3
#: Pixels between the plot's bottom and the legend below it (the tick labels sit between).
_LEGEND_GAP_PX: Final = 50

#: Colour of each date precision: finer dates darker.
PRECISION_COLOURS: Final = {
    "day": "#1f3b73",
    "weekend": "#d9480f",
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
    "article_count",
    "article_url",
    "date_rule",
    "date_anchor",
)


def timeline_figure(
    frame: pd.DataFrame,
    group_by: GroupBy = "region",
    *,
    kind: TableKind,
    lane_order: LaneOrder = "name",
    x_range: DateRange | None = None,
    window: DateRange | None = None,
    compact: bool = False,
) -> go.Figure:
    """A Plotly timeline of ``frame``'s events, one lane per value of ``group_by``.

    ``kind`` says which table ``frame`` is (:data:`~timeline.kinds.EVENTS` or
    :data:`~timeline.kinds.MERGED`). Lanes are in alphabetical order, or with
    ``lane_order="reach"`` the most reported first: by the mentions behind a merged
    table's happenings, by events otherwise. The axis shows ``x_range`` (both days whole),
    or all the events; ``window`` is shaded (the story period, on a background strip).
    ``compact`` draws lower rows, for a strip beside the main chart.
    """
    kind.require(frame)
    entries = lane_entries(frame, group_by)
    positions = entries.positions
    if len(positions) == 0:
        return _empty_figure()
    reach = kind.reports(frame)[positions] if kind.merged else None
    codes, labels, order = _limit_lanes(entries.codes, entries.labels, group_by, reach, lane_order)
    axis = _axis_range(frame, x_range, window)
    if len(positions) > MAX_DETAIL_ROWS:
        rows = _counted(frame["date_start"].to_numpy(dtype="datetime64[s]")[positions], codes, labels)
        rows["slot"] = 0
    else:
        # Only the columns drawn are copied per lane entry.
        drawn = [name for name in kind.columns if name in _DRAWN_COLUMNS]
        rows = frame.loc[:, drawn].take(positions).reset_index(drop=True)
        rows[LANE_COLUMN] = labels[codes]
        rows["slot"] = _packed_slots(rows, axis)
    layout = _LaneLayout.of(order, rows)
    rows = rows.assign(y=layout.y(rows))
    traces, extra = _counts_traces(rows) if "events" in rows.columns else _detailed_traces(rows, kind, axis)
    figure_layout = _layout(layout, group_by, len(frame), axis, _newest_end(frame), compact) | extra
    if window is not None:
        figure_layout["shapes"] = [*figure_layout["shapes"], _window_shape(window)]
    return _figure(traces, figure_layout)


def counts_figure(
    counts: pd.DataFrame,
    group_by: GroupBy = "region",
    *,
    events: int,
    merged: bool,
    lane_order: LaneOrder = "name",
    period: tuple[str, str] | None = None,
    span: tuple[np.datetime64, np.datetime64] | None = None,
) -> go.Figure:
    """The aggregated figure of lane entries counted elsewhere (an event store's query), as :func:`timeline_figure`
    draws it past :data:`MAX_DETAIL_ROWS` entries.

    ``counts`` has one row per lane and day (or first day of a period): ``lane``, ``day``
    (``datetime64[s]``), ``entries`` (lane entries that day) and ``reports`` (the reports
    behind them, which order lanes by reach when ``merged``); ``events`` is how many rows
    the table has. ``period`` is the period the days count in (:func:`count_bin` of the
    entries' first and last days); by default it is chosen from ``day``. ``span`` is the
    first day any entry starts and the last it ends, which the axis shows as
    :func:`timeline_figure` does; by default the counted days.
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
    days = counts["day"].to_numpy(dtype="datetime64[ms]")
    first, last = (days.min(), days.max()) if span is None else (day.astype("datetime64[ms]") for day in span)
    newest = last + np.timedelta64(_DAY_MS, "ms")
    return _figure(traces, _layout(layout, group_by, events, _axis_between(first, last), newest, False) | extra)


def _figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    # Validating every property costs Plotly ~0.5 s even for a handful of traces, on each
    # rerun of the app; the tests validate the same structure once instead.
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def _hover_labels(rows: pd.DataFrame, kind: TableKind) -> list[str]:
    """The escaped hover label of each row: lane; date as a person reads it, as written and its TIMEX3
    value; why it is that date; the evidence; the article and its outlet.

    Rows of a merged table say by how many sources and which outlets the happening was
    reported instead of one article's outlet and publication day.
    """
    columns = {name: rows[name].astype(str).tolist() for name in _LABEL_TEXT if name in kind.columns}
    columns[LANE_COLUMN] = rows[LANE_COLUMN].astype(str).tolist()
    readable = human_dates(columns["date_value"])
    why = why_dates(zip(columns["date_text"], columns["date_rule"], columns["date_anchor"], strict=True))
    if kind.merged:
        sources = [_named_sources(cell) for cell in rows["sources"].tolist()]
        counts = rows["article_count"].astype(int).tolist()
        tails = [f" · {reach_phrase(count)}{names}" for count, names in zip(counts, sources, strict=True)]
    else:
        outlets = [
            _escape(outlet(source, url)) for source, url in zip(columns["source"], columns["article_url"], strict=True)
        ]
        published = human_days(rows["article_date"])
        tails = [f" · {name} · published {day}" for name, day in zip(outlets, published, strict=True)]
    labels = []
    for index in range(len(rows)):
        cell = {name: values[index] for name, values in columns.items()}
        labels.append(
            f"<b>{_escape(cell[LANE_COLUMN])}</b><br>"
            f"<b>{_escape(readable[index])}</b> · written “{_escape(cell['date_text'])}”"
            f" · TIMEX3 {_escape(cell['date_value'])} ({_escape(cell['date_precision'])})<br>"
            f"<i>{_wrapped(why[index])}</i><br>"
            f"{_wrapped(cell['sentence'])}<br><i>{_escape(cell['article_title'])}</i>{tails[index]}"
        )
    return labels


def _named_sources(cell: object) -> str:
    named = (
        [str(name) for name in cell if str(name) and str(name) != UNKNOWN_SOURCE]
        if isinstance(cell, tuple | list)
        else []
    )
    return ": " + _escape(LIST_SEPARATOR.join(named)) if named else ""


#: Text columns of a hover label, as written by article authors (so escaped).
_LABEL_TEXT: Final = known_columns(
    "date_value",
    "date_precision",
    "date_text",
    "sentence",
    "article_title",
    "source",
    "article_url",
    "date_rule",
    "date_anchor",
)


def _lane_label(lane: str) -> str:
    """A lane's name for the axis, escaped, on lines of at most :data:`LANE_LABEL_WRAP` characters."""
    return "<br>".join(_escape(line) for line in textwrap.wrap(lane, LANE_LABEL_WRAP)) or _escape(lane)


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


def _packed_slots(rows: pd.DataFrame, axis: tuple[np.datetime64, np.datetime64]) -> list[int]:
    """A row within its lane for each entry, so that entries that would cover each other on screen do not.

    Each entry takes the pixels it is drawn over at :data:`PLOT_PX` across ``axis`` (a day
    its marker's width, a span at least :data:`MIN_SPAN_PX`), and goes to the first row of
    its lane that is free there; past :data:`MAX_STACK` rows it shares the row that frees first.
    """
    starts, ends = _drawn_extent(rows, axis, _DAY_SIZE + 2)
    # A few pixels between neighbours in a row, so a year that ends where the next begins stays two bars.
    gap = _PACK_GAP_PX * _axis_ms(axis) / PLOT_PX
    ends = [end + gap for end in ends]
    lanes = rows[LANE_COLUMN].tolist()
    slots = [0] * len(rows)
    free_from: dict[str, list[float]] = {}
    for index in sorted(range(len(rows)), key=lambda i: (lanes[i], starts[i], ends[i], i)):
        row_ends = free_from.setdefault(lanes[index], [])
        slot = next((number for number, end in enumerate(row_ends) if end <= starts[index]), None)
        if slot is None and len(row_ends) < MAX_STACK:
            slot = len(row_ends)
            row_ends.append(ends[index])
        elif slot is None:
            slot = min(range(len(row_ends)), key=row_ends.__getitem__)
        row_ends[slot] = max(row_ends[slot], ends[index])
        slots[index] = slot
    return slots


def _drawn_extent(
    rows: pd.DataFrame, axis: tuple[np.datetime64, np.datetime64], marker_px: float
) -> tuple[list[float], list[float]]:
    """Where each entry is drawn, in milliseconds: a day's marker its width around noon, a span its days,
    widened to :data:`MIN_SPAN_PX` about its middle."""
    per_px = _axis_ms(axis) / PLOT_PX
    start = rows["date_start"].to_numpy(dtype="datetime64[ms]").astype(np.int64).astype(float)
    end = rows["date_end"].to_numpy(dtype="datetime64[ms]").astype(np.int64).astype(float) + _DAY_MS
    day = (end - start) <= _DAY_MS
    middle = (start + end) / 2
    half = np.where(day, marker_px * per_px / 2, np.maximum((end - start) / 2, MIN_SPAN_PX * per_px / 2))
    return (middle - half).tolist(), (middle + half).tolist()


def _axis_range(
    frame: pd.DataFrame, x_range: DateRange | None, window: DateRange | None = None
) -> tuple[np.datetime64, np.datetime64]:
    """The axis's first and last instant in milliseconds: ``x_range``'s days whole, or every event's and the
    shaded ``window``'s (a background strip shows where the story period lies among them)."""
    if x_range is not None:
        first, last = (np.datetime64(day, "ms") for day in sorted(x_range))
    else:
        first = frame["date_start"].to_numpy(dtype="datetime64[ms]").min()
        last = frame["date_end"].to_numpy(dtype="datetime64[ms]").max()
        if window is not None:
            shaded = [np.datetime64(day, "ms") for day in sorted(window)]
            first, last = min(first, shaded[0]), max(last, shaded[1])
    return _axis_between(first, last)


def _axis_between(first: np.datetime64, last: np.datetime64) -> tuple[np.datetime64, np.datetime64]:
    """The axis from the first day's start to the last day's end, in milliseconds."""
    # Half a day of margin, so a marker on the first or last day is not cut by the edge;
    # never before the year 1, which the axis cannot show.
    margin = np.timedelta64(_DAY_MS // 2, "ms")
    return max(first - margin, _FIRST_INSTANT), last + np.timedelta64(_DAY_MS, "ms") + margin


_FIRST_INSTANT: Final = np.datetime64("0001-01-01", "ms")


def _axis_ms(axis: tuple[np.datetime64, np.datetime64]) -> float:
    return max(float((axis[1] - axis[0]) / np.timedelta64(1, "ms")), float(_DAY_MS))


def _newest_end(frame: pd.DataFrame) -> np.datetime64:
    """The end of the newest event's last day: where the range buttons count back from."""
    newest: np.datetime64 = frame["date_end"].to_numpy(dtype="datetime64[ms]").max()
    return newest + np.timedelta64(_DAY_MS, "ms")


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


def _detailed_traces(
    rows: pd.DataFrame, kind: TableKind, axis: tuple[np.datetime64, np.datetime64]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    # Plain lists from here on: each pandas operation costs about a millisecond however
    # few the rows, and the app redraws on every widget change.
    text = _hover_labels(rows, kind)
    lane = [_escape(name) for name in rows[LANE_COLUMN].tolist()]
    y = rows["y"].tolist()
    starts = rows["date_start"].dt.strftime("%Y-%m-%d").tolist()
    lengths = ((rows["date_end"] - rows["date_start"]).dt.days + 1).tolist()
    precisions = rows["date_precision"].astype(str).tolist()
    reach = kind.reports(rows).tolist() if kind.merged else None
    # A span shorter than MIN_SPAN_PX on this axis is drawn that wide about its middle.
    shortest = MIN_SPAN_PX * _axis_ms(axis) / PLOT_PX
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
        widths = [max(lengths[index] * _DAY_MS, shortest) for index in group]
        traces.append(
            {
                "type": "bar",
                "name": precision,
                "orientation": "h",
                "base": [
                    _shifted(starts[index], (lengths[index] * _DAY_MS - width) / 2)
                    for index, width in zip(group, widths, strict=True)
                ],
                "x": widths,
                "y": [y[index] for index in group],
                "customdata": [lane[index] for index in group],
                "hovertext": [text[index] for index in group],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "marker": {"color": colour, "opacity": 0.55, "line": {"color": colour, "width": 1}},
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


def _shifted(day: str, offset_ms: float) -> str:
    """The instant ``offset_ms`` milliseconds after midnight of ``day`` (negative: before), as Plotly reads it."""
    if not offset_ms:
        return day
    moment = np.datetime64(day, "ms") + np.timedelta64(round(offset_ms), "ms")
    return str(moment).replace("T", " ")


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


#: The range buttons: days counted back from the newest event drawn, and their labels.
RANGE_BUTTONS: Final = ((7, "last 7 days"), (31, "last 31 days"), (366, "last year"))


def _layout(
    layout: _LaneLayout,
    group_by: GroupBy,
    events: int,
    axis: tuple[np.datetime64, np.datetime64],
    newest: np.datetime64,
    compact: bool,
) -> dict[str, Any]:
    row_px = _ROW_PX * 0.6 if compact else _ROW_PX
    top, bottom = (20, 40) if compact else (50, 95)
    shown = [_instant(axis[0]), _instant(axis[1])]
    height = max(160 if compact else 320, top + bottom + 30 + row_px * layout.rows() + 10 * len(layout.order))
    return dict(
        height=height,
        margin={"l": 10, "r": 10, "t": top, "b": bottom},
        hovermode="closest",
        hoverlabel={"align": "left"},
        showlegend=not compact,
        # Below the axis, clear of its tick labels, so the range buttons above have the width to themselves.
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -_LEGEND_GAP_PX / (height - top - bottom),
            "xanchor": "left",
            "x": 0,
            "title": {"text": "date known to the"},
        },
        updatemenus=[] if compact else [_range_buttons(axis, newest)],
        xaxis={"type": "date", "showgrid": True, "range": shown},
        yaxis={
            "tickmode": "array",
            "tickvals": [layout.centre(lane) for lane in layout.order],
            "ticktext": [_lane_label(lane) for lane in layout.order],
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
        meta={"events": events, "group_by": group_by, "x_range": shown, "newest": _instant(newest)},
    )


def _range_buttons(axis: tuple[np.datetime64, np.datetime64], newest: np.datetime64) -> dict[str, Any]:
    """Buttons that show the last days before the newest event drawn (never before today), and the whole axis."""
    span_days = _axis_ms(axis) / _DAY_MS
    buttons = [
        {
            "label": label,
            "method": "relayout",
            "args": [{"xaxis.range": [_instant(newest - np.timedelta64(days, "D")), _instant(newest)]}],
        }
        for days, label in RANGE_BUTTONS
        if days < span_days
    ]
    buttons.append(
        {
            "label": "whole range",
            "method": "relayout",
            "args": [{"xaxis.range": [_instant(axis[0]), _instant(axis[1])]}],
        }
    )
    return {
        "type": "buttons",
        "direction": "left",
        "showactive": False,
        "x": 0,
        "xanchor": "left",
        "y": 1.02,
        "yanchor": "bottom",
        "pad": {"t": 0, "r": 4},
        "buttons": buttons,
    }


def _instant(moment: np.datetime64) -> str:
    """An instant as Plotly's date axis reads it ("2024-12-02 00:00:00"); any year from 1 to 9999."""
    return str(moment.astype("datetime64[s]")).replace("T", " ")


def _window_shape(window: DateRange) -> dict[str, Any]:
    """A shaded band over the story period, on a strip that shows what lies around it."""
    first, last = sorted(window)
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": first.isoformat(),
        "x1": (last + dt.timedelta(days=1)).isoformat() if last < dt.date.max else last.isoformat(),
        "y0": 0,
        "y1": 1,
        "fillcolor": "rgba(31,59,115,0.12)",
        # An outline keeps a few weeks visible as a band on an axis of decades.
        "line": {"color": "rgba(31,59,115,0.6)", "width": 1},
        "layer": "below",
    }


def _empty_figure() -> go.Figure:
    return _figure(
        [],
        {
            "height": 240,
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "annotations": [{"text": "No events match these filters.", "showarrow": False, "font": {"size": 16}}],
            "meta": {"events": 0},
        },
    )
