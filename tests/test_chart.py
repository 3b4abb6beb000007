"""timeline.chart: lanes, markers for days, spans for periods, escaped hover text, aggregation."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline import chart
from timeline.kinds import EVENTS, MERGED
from timeline.lanes import lane_entries
from timeline.merge import merge_events
from timeline.schema import SchemaError

D = dt.date
DAY_MS = 24 * 60 * 60 * 1000

HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>'


@pytest.fixture
def events(make_events) -> pd.DataFrame:
    """A day, a weekend, a month and a year, across three countries."""
    return make_events(
        {"start": D(2024, 12, 1), "countries": ("Qatar", "Türkiye"), "sentence": "The call was on Sunday."},
        {
            "start": D(2024, 11, 30),
            "end": D(2024, 12, 1),
            "value": "2024-W48-WE",
            "precision": "weekend",
            "date_text": "since the weekend",
            "countries": ("Syria",),
        },
        {
            "start": D(2024, 11, 1),
            "end": D(2024, 11, 30),
            "value": "2024-11",
            "precision": "month",
            "date_text": "Last month",
            "countries": ("Qatar",),
        },
        {
            "start": D(2015, 1, 1),
            "end": D(2015, 12, 31),
            "value": "2015",
            "precision": "year",
            "date_text": "in 2015",
            "countries": ("Syria",),
        },
    )


def _traces(figure: go.Figure, kind: str) -> list[go.BaseTraceType]:
    return [trace for trace in figure.data if trace.type == kind]


def _spans(figure: go.Figure) -> dict[str, list[tuple[str, float, str]]]:
    """(base, length in days, lane) of every bar, by trace name."""
    return {
        trace.name: [
            (base, length / DAY_MS, lane)
            for base, length, lane in zip(trace.base, trace.x, trace.customdata, strict=True)
        ]
        for trace in _traces(figure, "bar")
    }


def test_chart_day_is_a_marker_in_each_lane(events):
    """A day-precision event is a marker in the middle of its day, once in each of its countries' lanes."""
    figure = chart.timeline_figure(events, "country", kind=EVENTS)
    (markers,) = _traces(figure, "scatter")
    assert markers.mode == "markers"
    assert sorted(zip(markers.x, markers.customdata, strict=True)) == [
        ("2024-12-01 12:00", "Qatar"),
        ("2024-12-01 12:00", "Türkiye"),
    ]


@pytest.mark.parametrize(
    ("trace", "expected"),
    [
        ("weekend", [("2024-11-30", 2.0, "Syria")]),
        ("month", [("2024-11-01", 30.0, "Qatar")]),
        ("year", [("2015-01-01", 365.0, "Syria")]),
    ],
)
def test_chart_period_is_a_span_over_its_days(events, trace, expected):
    """A weekend, month or year is a bar from its first day to the day after its last, not a made-up day."""
    figure = chart.timeline_figure(events, "country", kind=EVENTS, x_range=(D(2024, 11, 1), D(2024, 12, 31)))
    assert _spans(figure)[trace] == expected


@pytest.mark.parametrize(("x_range", "widened"), [(None, True), ((D(2024, 11, 20), D(2024, 12, 5)), False)])
def test_chart_short_span_is_never_a_hairline(events, x_range, widened):
    """On an axis of years a weekend is drawn MIN_SPAN_PX wide about its two days; on a story's weeks, as it is."""
    figure = chart.timeline_figure(events, "country", kind=EVENTS, x_range=x_range)
    (weekend,) = [trace for trace in figure.data if trace.name == "weekend"]
    first, last = (pd.Timestamp(moment).value / 1e6 for moment in figure.layout.xaxis.range)
    width_px = weekend.x[0] / (last - first) * chart.PLOT_PX
    middle = pd.Timestamp(weekend.base[0]).value / 1e6 + weekend.x[0] / 2
    assert middle == pd.Timestamp("2024-12-01").value / 1e6
    assert width_px >= chart.MIN_SPAN_PX - 1e-6
    assert (weekend.x[0] > 2 * DAY_MS) == widened
    assert "the weekend of 30 Nov – 1 Dec 2024" in weekend.hovertext[0]


def test_chart_lanes_are_labelled_top_down_alphabetically(events):
    """The y axis names every lane, alphabetically from the top, and each entry sits in its lane's band."""
    figure = chart.timeline_figure(events, "country", kind=EVENTS)
    assert figure.layout.yaxis.title.text == "country"
    assert list(figure.layout.yaxis.ticktext) == ["Qatar", "Syria", "Türkiye"]
    ticks = list(figure.layout.yaxis.tickvals)
    assert ticks == sorted(ticks, reverse=True)
    centre = dict(zip(figure.layout.yaxis.ticktext, ticks, strict=True))
    placed = [(lane, y) for trace in figure.data for lane, y in zip(trace.customdata, trace.y, strict=True)]
    assert len(placed) == len(lane_entries(events, "country").positions)
    assert all(abs(y - centre[lane]) < 1 for lane, y in placed)
    assert figure.layout.xaxis.type == "date"


def test_chart_events_without_group_get_their_own_lane_last(make_events):
    """Events with no actor sit in a '(no actor)' lane at the bottom."""
    figure = chart.timeline_figure(make_events({"actors": ("Hakan Fidan",)}, {"actors": ()}), "actor", kind=EVENTS)
    assert list(figure.layout.yaxis.ticktext) == ["Hakan Fidan", "(no actor)"]


@pytest.mark.parametrize("group_by", ["region", "country", "actor"])
def test_chart_every_grouping_draws_every_event(events, group_by):
    """Whatever the grouping, each lane entry of each event is drawn once."""
    figure = chart.timeline_figure(events, group_by, kind=EVENTS)
    drawn = sum(len(trace.y) for trace in figure.data)
    assert drawn == len(lane_entries(events, group_by).positions)
    assert figure.layout.meta["group_by"] == group_by


def test_chart_same_lane_and_date_are_stacked(make_events):
    """Events on the same day in the same lane sit on separate rows, so each can be hovered."""
    figure = chart.timeline_figure(
        make_events(
            {"countries": ("Syria",), "sentence": "One."},
            {"countries": ("Syria",), "sentence": "Two."},
            {"countries": ("Qatar",), "sentence": "Three."},
        ),
        "country",
        kind=EVENTS,
    )
    (markers,) = figure.data
    positions = dict(zip(markers.hovertext, markers.y, strict=True))
    one, two, three = (next(y for text, y in positions.items() if word in text) for word in ("One.", "Two.", "Three."))
    assert one != two
    assert three not in (one, two)
    assert figure.layout.height > 320 or len(set(markers.y)) == 3


def test_chart_hover_shows_evidence_date_as_written_value_and_precision(events):
    """Hovering a span shows the sentence, the date as a person reads it and as written, its TIMEX3 value,
    its precision and why it is that date."""
    figure = chart.timeline_figure(events, "country", kind=EVENTS)
    (month,) = [trace for trace in figure.data if trace.name == "month"]
    (label,) = month.hovertext
    assert "<b>November 2024</b>" in label
    assert "TIMEX3 2024-11 (month)" in label
    assert "written “Last month”" in label
    assert "published Monday 2 December 2024" in label
    assert "Sentence 2." in label
    assert month.hovertemplate == "%{hovertext}<extra></extra>"


def test_chart_hover_wraps_long_sentences(make_events):
    """A long sentence is broken into lines so the label stays on screen."""
    sentence = " ".join(["word"] * 60)
    (trace,) = chart.timeline_figure(make_events({"sentence": sentence}), "region", kind=EVENTS).data
    (label,) = trace.hovertext
    assert label.count("<br>") >= 4
    assert sentence not in label


@pytest.mark.parametrize("field", ["sentence", "date_text", "title", "source", "actors"])
def test_chart_escapes_article_text(make_events, field):
    """Article text reaches the figure only HTML-escaped: no tag from an article survives anywhere in it."""
    value = (HOSTILE,) if field == "actors" else HOSTILE
    frame = make_events({field: value, "actors": ("Someone",)} | {field: value})
    figure = chart.timeline_figure(frame, "actor", kind=EVENTS)
    spec = json.dumps(figure.to_plotly_json())
    for raw in ("<script", "<img", "<a href", 'javascript:alert(1)">'):
        assert raw not in spec
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in spec


def test_chart_empty_table_says_so(make_events):
    """No events give an empty chart that says no events match."""
    figure = chart.timeline_figure(make_events().iloc[0:0], "country", kind=EVENTS)
    assert not figure.data
    assert figure.layout.annotations[0].text == "No events match these filters."


def test_chart_many_events_are_aggregated_with_webgl(make_events, monkeypatch):
    """Past the detail limit the chart counts events per lane and period and draws them with scattergl."""
    monkeypatch.setattr(chart, "MAX_DETAIL_ROWS", 5)
    rows = [
        {"start": D(2024, 11, 1 + day % 28), "countries": ("Syria",) if day % 2 else ("Qatar",)} for day in range(40)
    ]
    figure = chart.timeline_figure(make_events(*rows), "country", kind=EVENTS)
    (trace,) = figure.data
    assert trace.type == "scattergl"
    total = sum(int(label.split("<br>")[1].split(" ")[0]) for label in trace.hovertext)
    assert total == 40
    assert set(trace.customdata) == {"Qatar", "Syria"}
    assert len(trace.x) < 40


def test_chart_aggregation_picks_coarser_bins_for_long_ranges(make_events, monkeypatch):
    """Events spread over decades are counted per year, not per day."""
    monkeypatch.setattr(chart, "MAX_DETAIL_ROWS", 1)
    rows = [{"start": D(1990 + year, 6, 1), "countries": ("Syria",)} for year in range(60)]
    (trace,) = chart.timeline_figure(make_events(*rows), "country", kind=EVENTS).data
    assert trace.name == "events per year"
    assert len(trace.x) == 60


def test_chart_folds_lanes_past_the_limit(make_events, monkeypatch):
    """More lanes than the limit fold the quietest into one 'other' lane, so the chart stays legible."""
    monkeypatch.setattr(chart, "MAX_LANES", 3)
    rows = [{"actors": (f"Actor {index}",)} for index in range(5)] + [{"actors": ("Actor 0",)}]
    figure = chart.timeline_figure(make_events(*rows), "actor", kind=EVENTS)
    lanes = list(figure.layout.yaxis.ticktext)
    assert lanes == ["Actor 0", "Actor 1", "Actor 2", "(other: 2 more)"]


@pytest.mark.parametrize("detail_limit", [10_000, 1])
@pytest.mark.parametrize("group_by", ["region", "country", "actor"])
def test_chart_figure_passes_plotly_validation(events, monkeypatch, detail_limit, group_by):
    """The figure is built unvalidated for speed, so every property it sets is checked against Plotly's schema here."""
    monkeypatch.setattr(chart, "MAX_DETAIL_ROWS", detail_limit)
    figure = chart.timeline_figure(events, group_by, kind=EVENTS)
    go.Figure(figure.to_dict())


def test_chart_empty_figure_passes_plotly_validation(make_events):
    """The empty-table figure is valid Plotly too."""
    go.Figure(chart.timeline_figure(make_events().iloc[0:0], "region", kind=EVENTS).to_dict())


def test_chart_draws_merged_events_with_their_reach(make_events):
    """A merged table (one happening, several reports) is drawn with how often and by whom it was reported."""
    same = {"sentence": "Qatar's envoy met Hakan Fidan in Doha on Sunday.", "actors": ("Hakan Fidan",)}
    frame = make_events(
        same | {"article_id": "a1", "source": "Outlet <A>", "event_id": "x1"},
        same | {"article_id": "a2", "source": "Outlet B", "event_id": "x2"},
        {"sentence": "Something else on Sunday.", "article_id": "a3", "actors": ("Joe Biden",), "event_id": "x3"},
    )
    merged = merge_events(frame).events
    assert len(merged) == 2
    figure = chart.timeline_figure(merged, "actor", kind=MERGED)
    (markers,) = figure.data
    labels = dict(zip(markers.customdata, markers.hovertext, strict=True))
    assert "reported by 2 sources: Outlet &lt;A&gt;; Outlet B" in labels["Hakan Fidan"]
    assert "reported by 1 source" in labels["Joe Biden"]
    assert "time(s)" not in labels["Joe Biden"]
    sizes = dict(zip(markers.customdata, markers.marker.size, strict=True))
    assert sizes["Hakan Fidan"] > sizes["Joe Biden"]
    go.Figure(figure.to_dict())


@pytest.mark.parametrize(
    ("lane_order", "expected"), [("name", ["Hakan Fidan", "Joe Biden"]), ("reach", ["Joe Biden", "Hakan Fidan"])]
)
def test_chart_lanes_sorted_by_reach(make_events, lane_order, expected):
    """With lane_order="reach" the lane whose happenings were reported most is on top; else alphabetical."""
    same = {"sentence": "Joe Biden met envoys in Doha on Sunday.", "actors": ("Joe Biden",)}
    frame = make_events(
        same | {"article_id": "a1", "event_id": "x1"},
        same | {"article_id": "a2", "event_id": "x2"},
        {"sentence": "Hakan Fidan spoke on Sunday.", "article_id": "a3", "actors": ("Hakan Fidan",), "event_id": "x3"},
    )
    figure = chart.timeline_figure(merge_events(frame).events, "actor", kind=MERGED, lane_order=lane_order)
    assert list(figure.layout.yaxis.ticktext) == expected


def test_chart_draws_mentions_as_events_with_their_source(make_events):
    """The mentions behind a merged table are drawn as events: each report with its own source and article date."""
    same = {"sentence": "Qatar's envoy met Hakan Fidan in Doha on Sunday.", "actors": ("Hakan Fidan",)}
    frame = make_events(
        same | {"article_id": "a1", "source": "Wire", "event_id": "x1"},
        same | {"article_id": "a2", "source": "Paper", "event_id": "x2"},
    )
    (markers,) = chart.timeline_figure(merge_events(frame).mentions, "actor", kind=EVENTS).data
    assert len(markers.hovertext) == 2
    assert {label.rsplit(" · ", 2)[-2] for label in markers.hovertext} == {"Wire", "Paper"}
    assert not any("reported" in label for label in markers.hovertext)
    assert markers.marker.size == 11


@pytest.mark.parametrize(("merged", "kind"), [(True, EVENTS), (False, MERGED)], ids=["merged-as-events", "as-merged"])
def test_chart_refuses_the_wrong_kind(events, merged, kind):
    """A table passed as the other kind is refused with the columns it lacks, never drawn half right."""
    frame = merge_events(events).events if merged else events
    with pytest.raises(SchemaError, match="lacks the columns"):
        chart.timeline_figure(frame, "country", kind=kind)


def test_chart_overlapping_entries_get_their_own_rows(make_events):
    """Entries of one lane that would cover each other on screen (a day inside a weekend, two days alike) are
    packed on separate rows; entries far apart share a row."""
    frame = make_events(
        {
            "event_id": "w",
            "start": D(2024, 11, 30),
            "end": D(2024, 12, 1),
            "value": "2024-W48-WE",
            "precision": "weekend",
        },
        {"event_id": "a", "start": D(2024, 12, 1), "sentence": "One."},
        {"event_id": "b", "start": D(2024, 12, 1), "sentence": "Two."},
        {"event_id": "c", "start": D(2024, 11, 10), "sentence": "Far."},
    )
    figure = chart.timeline_figure(frame, "region", kind=EVENTS, x_range=(D(2024, 11, 8), D(2024, 12, 2)))
    placed = {
        text.split("<br>")[3]: y for trace in figure.data for text, y in zip(trace.hovertext, trace.y, strict=True)
    }
    weekend = next(y for text, y in placed.items() if "Sentence 0." in text)
    assert len({weekend, placed["One."], placed["Two."]}) == 3
    assert placed["Far."] == max(placed.values())


def test_chart_range_buttons_count_back_from_the_newest_event(events):
    """The range buttons end at the newest event drawn (not today) and start that many days before it."""
    figure = chart.timeline_figure(events, "country", kind=EVENTS)
    buttons = {button.label: button.args[0]["xaxis.range"] for button in figure.layout.updatemenus[0].buttons}
    newest = "2024-12-02 00:00:00"
    assert buttons["last 7 days"] == ["2024-11-25 00:00:00", newest]
    assert buttons["last 31 days"][1] == newest
    assert buttons["whole range"] == list(figure.layout.xaxis.range)
    assert "rangeselector" not in figure.to_plotly_json()["layout"]["xaxis"]


def test_chart_axis_shows_the_window_given(events):
    """Given a window, the axis shows its days whole (with half a day of margin), whatever else the table holds."""
    figure = chart.timeline_figure(events, "country", kind=EVENTS, x_range=(D(2024, 11, 25), D(2024, 12, 1)))
    assert list(figure.layout.xaxis.range) == ["2024-11-24 12:00:00", "2024-12-02 12:00:00"]


@pytest.mark.parametrize(("precision", "other"), [("week", "weekend"), ("day", "week"), ("month", "year")])
def test_chart_precisions_have_their_own_colours(precision, other):
    """A week and a weekend (and each precision from its neighbour) are told apart by colour."""
    assert chart.PRECISION_COLOURS[precision] != chart.PRECISION_COLOURS[other]


def test_chart_background_strip_shades_the_window(events):
    """The compact background strip shades the story period and leaves out the legend and range buttons."""
    figure = chart.timeline_figure(
        events, "country", kind=EVENTS, window=(D(2024, 11, 25), D(2024, 12, 1)), compact=True
    )
    (band,) = [shape for shape in figure.layout.shapes if shape.type == "rect"]
    assert (band.x0, band.x1) == ("2024-11-25", "2024-12-02")
    assert figure.layout.showlegend is False
    assert not figure.layout.updatemenus
    go.Figure(figure.to_dict())


def test_chart_long_lane_names_wrap(make_events):
    """A long lane name is broken into short lines on the axis, so it does not squeeze the plot."""
    frame = make_events({"regions": ("Middle East & North Africa",)})
    (label,) = chart.timeline_figure(frame, "region", kind=EVENTS).layout.yaxis.ticktext
    assert label == "Middle East &amp;<br>North Africa"


def test_chart_background_strip_reaches_the_window(make_events):
    """A strip of old events shows the shaded story period too, however far after them it lies."""
    frame = make_events({"start": D(2011, 1, 1), "end": D(2011, 12, 31), "value": "2011", "precision": "year"})
    figure = chart.timeline_figure(frame, "region", kind=EVENTS, window=(D(2024, 11, 8), D(2024, 12, 2)), compact=True)
    first, last = figure.layout.xaxis.range
    assert first.startswith("2010-12-31")
    assert last.startswith("2024-12-03")


def test_chart_touching_spans_stay_two_bars(make_events):
    """Two years that meet (2011 ends where 2012 begins) in one lane are drawn on separate rows, not as one bar."""
    frame = make_events(
        {"start": D(2011, 1, 1), "end": D(2011, 12, 31), "value": "2011", "precision": "year", "sentence": "A."},
        {"start": D(2012, 1, 1), "end": D(2012, 12, 31), "value": "2012", "precision": "year", "sentence": "B."},
    )
    (years,) = chart.timeline_figure(frame, "region", kind=EVENTS).data
    assert len(set(years.y)) == 2
