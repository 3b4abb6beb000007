"""The timeline figure: time across, one lane per region, country or actor.

A date known to the day is a marker on that day. A date known only to its week,
month, quarter or year is a bar over the whole period (first day to the day after
the last), so "November 2024" is never drawn as a made-up November 1.

Plotly renders hover labels, tick labels and legend names as a small subset of HTML,
so every piece of article text put into the figure (sentences, dates as written,
titles, and the lane names, which are actor and place names) is HTML-escaped here.

Past :data:`MAX_DETAIL_ROWS` lane rows the figure aggregates: events are counted per
lane and time bin and drawn with WebGL (``scattergl``), so 100,000 events still make
a figure of a few hundred points.
"""

from __future__ import annotations

import html
import textwrap
from typing import Final

import pandas as pd
import plotly.graph_objects as go

from timeline.view import LANE_COLUMN, NO_GROUP_LABELS, GroupBy, lanes

#: Above this many (event, lane) rows the figure shows counts per period instead of each event.
MAX_DETAIL_ROWS: Final = 3000
#: Lanes drawn; the rest are merged into one "other" lane so the chart stays readable.
MAX_LANES: Final = 40
#: Characters per line of the evidence sentence in a hover label.
HOVER_WRAP: Final = 90

_DAY_MS: Final = 24 * 60 * 60 * 1000

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


def timeline_figure(frame: pd.DataFrame, group_by: GroupBy = "region") -> go.Figure:
    """A Plotly timeline of ``frame``'s events, one lane per value of ``group_by``."""
    rows = lanes(frame, group_by)
    if rows.empty:
        return _empty_figure()
    rows, order = _limit_lanes(rows, group_by)
    figure = _aggregated_figure(rows) if len(rows) > MAX_DETAIL_ROWS else _detailed_figure(rows)
    _lay_out(figure, order, group_by, len(frame))
    return figure


def hover_text(rows: pd.DataFrame) -> pd.Series:
    """The escaped hover label of each row: lane, date as resolved and as written, precision, evidence, source."""
    lane = rows[LANE_COLUMN].map(html.escape)
    value = rows["date_value"].astype(str).map(html.escape)
    precision = rows["date_precision"].astype(str).map(html.escape)
    written = rows["date_text"].astype(str).map(html.escape)
    sentence = rows["sentence"].astype(str).map(_wrapped)
    title = rows["article_title"].astype(str).map(html.escape)
    source = rows["source"].astype(str).map(html.escape)
    published = rows["article_date"].dt.strftime("%Y-%m-%d").fillna("")
    label: pd.Series = (
        "<b>" + lane + "</b><br>"
        + value + " (" + precision + ") · written “" + written + "”<br>"
        + sentence + "<br>"
        + "<i>" + title + "</i> · " + source + " · " + published
    )  # fmt: skip
    return label


def _wrapped(sentence: str) -> str:
    lines = textwrap.wrap(sentence, HOVER_WRAP) or [""]
    return "<br>".join(html.escape(line) for line in lines)


def _limit_lanes(rows: pd.DataFrame, group_by: GroupBy) -> tuple[pd.DataFrame, list[str]]:
    """Keep the busiest lanes and fold the rest into one; return rows and lane order (top first)."""
    counts = rows[LANE_COLUMN].value_counts()
    none_label = NO_GROUP_LABELS[group_by]
    named = sorted((lane for lane in counts.index if lane != none_label), key=lambda lane: (-counts[lane], lane))
    kept = named[:MAX_LANES]
    order = sorted(kept, key=lambda lane: (lane.casefold(), lane))
    if len(named) > MAX_LANES:
        other = f"(other: {len(named) - MAX_LANES} more)"
        rows = rows.assign(**{LANE_COLUMN: rows[LANE_COLUMN].where(rows[LANE_COLUMN].isin([*kept, none_label]), other)})
        order.append(other)
    if none_label in counts.index:
        order.append(none_label)
    return rows, order


def _detailed_figure(rows: pd.DataFrame) -> go.Figure:
    figure = go.Figure()
    text = hover_text(rows)
    lane = rows[LANE_COLUMN].map(html.escape)
    one_day = rows["date_start"] == rows["date_end"]
    spans = rows.loc[~one_day]
    for precision, group in spans.groupby("date_precision", sort=False):
        length_ms = (group["date_end"] - group["date_start"]).dt.days.add(1).mul(_DAY_MS)
        figure.add_trace(
            go.Bar(
                name=f"{precision} (span)",
                orientation="h",
                base=group["date_start"].dt.strftime("%Y-%m-%d").tolist(),
                x=length_ms.tolist(),
                y=lane.loc[group.index].tolist(),
                hovertext=text.loc[group.index].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
                marker={"color": PRECISION_COLOURS.get(str(precision), _OTHER_COLOUR), "opacity": 0.45},
                width=0.55,
            )
        )
    days = rows.loc[one_day]
    if not days.empty:
        figure.add_trace(
            go.Scatter(
                name="day",
                mode="markers",
                x=days["date_start"].dt.strftime("%Y-%m-%d").tolist(),
                y=lane.loc[days.index].tolist(),
                hovertext=text.loc[days.index].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
                marker={
                    "color": PRECISION_COLOURS["day"],
                    "size": 11,
                    "symbol": "diamond",
                    "line": {"width": 1, "color": "white"},
                },
            )
        )
    figure.update_layout(barmode="overlay")
    return figure


def _aggregated_figure(rows: pd.DataFrame) -> go.Figure:
    """Counts per lane and period, drawn with WebGL; each period is placed on its first day."""
    label, code = _bin_for(rows["date_start"])
    period_start = rows["date_start"].dt.to_period(code).dt.start_time
    counts = (
        pd.DataFrame({LANE_COLUMN: rows[LANE_COLUMN].to_numpy(), "period": period_start.to_numpy()})
        .groupby([LANE_COLUMN, "period"], sort=False)
        .size()
        .rename("events")
        .reset_index()
    )
    lane = counts[LANE_COLUMN].map(html.escape)
    when = counts["period"].dt.strftime("%Y-%m-%d")
    text = "<b>" + lane + "</b><br>" + counts["events"].astype(str) + f" events dated in the {label} from " + when
    largest = max(int(counts["events"].max()), 1)
    figure = go.Figure(
        go.Scattergl(
            name=f"events per {label}",
            mode="markers",
            x=when.tolist(),
            y=lane.tolist(),
            hovertext=text.tolist(),
            hovertemplate="%{hovertext}<extra></extra>",
            marker={
                "color": PRECISION_COLOURS["day"],
                "size": (6 + 24 * (counts["events"] / largest) ** 0.5).round(1).tolist(),
                "opacity": 0.7,
            },
        )
    )
    figure.update_layout(title={"text": f"{len(rows):,} lane entries, counted per {label}: filter to see each event"})
    return figure


def _bin_for(starts: pd.Series) -> tuple[str, str]:
    days = max((starts.max() - starts.min()).days, 1)
    per_bin = {"D": 1, "W": 7, "M": 30, "Q": 91, "Y": 365}
    for label, code in _BINS:
        if days / per_bin[code] <= _MAX_BINS:
            return label, code
    return _BINS[-1]


def _lay_out(figure: go.Figure, order: list[str], group_by: GroupBy, events: int) -> None:
    escaped = [html.escape(lane) for lane in order]
    figure.update_layout(
        height=max(320, 140 + 34 * len(order)),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        hovermode="closest",
        hoverlabel={"align": "left"},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "xanchor": "left",
            "x": 0,
            "title": {"text": "date known to the"},
        },
        xaxis={"type": "date", "title": {"text": "date"}, "showgrid": True},
        # Plotly draws the first category at the bottom; the reader expects it at the top.
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": escaped[::-1],
            "title": {"text": group_by},
            "automargin": True,
        },
        meta={"events": events, "group_by": group_by},
    )


def _empty_figure() -> go.Figure:
    figure = go.Figure()
    figure.update_layout(
        height=240,
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[{"text": "No events match these filters.", "showarrow": False, "font": {"size": 16}}],
    )
    return figure
