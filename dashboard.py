"""The timeline dashboard: ``streamlit run dashboard.py``.

Layout only. The library does the work: :mod:`timeline.ingest` reads articles,
:mod:`timeline.corpus` builds their timeline (the CLI's front door too: each article's
events through the on-disk cache, extracting only what it has not seen, then names
unified and reports of one happening merged across the whole corpus, the session's own
articles included), :mod:`timeline.filters` filters, :mod:`timeline.lanes` and
:mod:`timeline.display` count and list, :mod:`timeline.chart` draws, :mod:`timeline.export`
writes CSV; every call that shows the two views differently names the kind of table it passes
(:mod:`timeline.kinds`). The corpus is ``seeds/``, or the folders and files in ``$TIMELINE_CORPUS``;
with ``$TIMELINE_STORE`` the page reads an event store instead, through :mod:`timeline.store_query`.
Articles a user adds live in that browser session's ``st.session_state`` only; the
on-disk cache only memoises extraction by content. Article text is never rendered as
HTML or Markdown: tables and charts escape it, messages go through ``markdown_literal``.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.uploaded_file_manager import UploadedFile

from timeline import display, filters, lanes
from timeline.cache import default_cache_dir
from timeline.chart import timeline_figure
from timeline.corpus import Timeline, assemble_timeline, build_timeline, extend_timeline
from timeline.defaults import CORPUS_ENV, SEEDS_DIR, STORE_ENV
from timeline.errors import TimelineError
from timeline.export import to_csv_bytes
from timeline.ingest import SUPPORTED_SUFFIXES, corpus_stamp, load_articles
from timeline.kinds import EVENTS, MERGED, TableKind
from timeline.merge import MergedEvents
from timeline.schema import empty_event_frame
from timeline.types import Article, ProgressCallback
from timeline.ui_text import markdown_literal
from timeline.uploads import Submission, read_submission, read_undated, suggestion_sentence

HERE = Path(__file__).resolve().parent
UPLOAD_TYPES = [suffix.lstrip(".") for suffix in SUPPORTED_SUFFIXES]
GROUPINGS: list[lanes.GroupBy] = ["region", "country", "actor"]
PLOTLY_CONFIG: dict[str, object] = {"displaylogo": False}
#: Rows of the evidence table sent to the browser.
TABLE_ROWS = 2000

st.set_page_config(page_title="News timeline", layout="wide")


@dataclass(frozen=True)
class Corpus:
    """The server's corpus: its files' stamps, and its timeline (events, both views, what could not be read)."""

    stamp: tuple[object, ...]
    timeline: Timeline


@dataclass
class CorpusStore:
    """The server's corpora by their paths, shared by every session; one session builds each, the others wait.

    Without the wait, every first visitor of a cold server extracted the whole corpus
    again, all at once. A lock per set of paths, so one corpus never waits for another.
    """

    corpora: dict[tuple[str, ...], Corpus] = field(default_factory=dict)
    building: dict[tuple[str, ...], threading.Lock] = field(default_factory=dict)
    guard: threading.Lock = field(default_factory=threading.Lock)

    def lock(self, paths: tuple[str, ...]) -> threading.Lock:
        """The lock held while the corpus of ``paths`` is built."""
        with self.guard:
            return self.building.setdefault(paths, threading.Lock())

    def current(self, paths: tuple[str, ...], stamp: tuple[object, ...]) -> Corpus | None:
        """The corpus of ``paths`` when it was built from files with ``stamp``."""
        corpus = self.corpora.get(paths)
        return corpus if corpus is not None and corpus.stamp == stamp else None


@st.cache_resource(show_spinner=False)
def _corpus_store() -> CorpusStore:
    # The corpus is the server's, not a user's: one store for every session.
    return CorpusStore()


def _extract(articles: Sequence[Article], what: str, problems: Sequence[TimelineError] = ()) -> Timeline:
    """The timeline of ``articles`` through the front door, with a progress bar while it is found."""
    bar, show = _progress_bar(what)
    # One process: spaCy's worker processes do not belong in a web server. The model is
    # loaded (once per process) only when the cache misses an article.
    timeline = build_timeline(articles, workers=1, cache_dir=default_cache_dir(), on_progress=show, problems=problems)
    bar.empty()
    return timeline


#: The earliest publication date the date boxes offer: the table holds days of any era, so
#: an archive article from 1066 is as welcome as today's news.
_EARLIEST_DATE = dt.date.min


def _latest_date() -> dt.date:
    # The library never reads the clock; the app does. A day's slack lets a user ahead of
    # the server's time zone add today's news.
    return dt.date.today() + dt.timedelta(days=1)


def _corpus_paths() -> tuple[str, ...]:
    named = [part for part in os.environ.get(CORPUS_ENV, "").split(os.pathsep) if part.strip()]
    return tuple(named) if named else (str(HERE / SEEDS_DIR),)


def _progress_bar(what: str) -> tuple[DeltaGenerator, ProgressCallback]:
    bar = st.progress(0.0, text=f"Finding the events of {what}…")

    def show(done: int, total: int) -> None:
        bar.progress(done / max(total, 1), text=f"Events found in {done:,} of {total:,} {what}")

    return bar, show


def _corpus() -> Corpus:
    """The corpus's events: from memory when unchanged, else from the on-disk cache, extracting only what it lacks.

    Built once per server for each state of its files: a session arriving while another
    builds it waits for that one instead of building it too.
    """
    paths = _corpus_paths()
    store = _corpus_store()
    known = store.current(paths, corpus_stamp(paths))
    if known is not None:
        return known
    building = store.lock(paths)
    if not building.acquire(blocking=False):
        with st.spinner("Another visitor is opening the corpus; waiting for its events…"):
            building.acquire()
    try:
        # Stamped again: the corpus may have been built, or its files changed, while we waited.
        stamp = corpus_stamp(paths)
        known = store.current(paths, stamp)
        if known is not None:
            return known
        with st.spinner("Reading the corpus…"):
            result = load_articles([Path(path) for path in paths], latest=_latest_date())
        corpus = Corpus(stamp, _extract(result.articles, "articles", result.problems))
        store.corpora[paths] = corpus
        return corpus
    finally:
        building.release()


def _both_views(corpus: Corpus) -> MergedEvents:
    """The corpus plus this session's articles, merged; merged again only when the session adds some.

    The session's articles join the corpus before the corpus stages, so a surname in one
    takes the full name the other gives, exactly as if they had been one corpus.
    """
    user: Timeline = st.session_state.user_timeline
    if user.extracted.empty:
        return corpus.timeline.merged
    key = (corpus.stamp, st.session_state.user_version)
    if st.session_state.get("merged_key") != key:
        st.session_state.merged = extend_timeline(corpus.timeline, user).merged
        st.session_state.merged_key = key
    merged: MergedEvents = st.session_state.merged
    return merged


def _take(submission: Submission) -> None:
    """Find the events of a submission's articles and keep them in this session; report each bad input."""
    st.session_state.problems = list(submission.problems)
    st.session_state.notices = []
    st.session_state.undated = list(submission.undated)
    for undated in submission.undated:
        st.session_state[_date_key(undated.name)] = undated.suggested
    if not submission.articles:
        return
    added = _extract(submission.articles, f"{len(submission.articles)} article(s)")
    # What the cache said while extracting them (its articles are in the table either way).
    st.session_state.notices = list(added.problems)
    st.session_state.user_timeline = extend_timeline(st.session_state.user_timeline, added)
    st.session_state.user_version += 1
    per_article = added.extracted["article_id"].value_counts()
    for article in submission.articles:
        count = int(per_article.get(article.article_id, 0))
        st.session_state.user_articles.append(f"{article.title} ({article.date.isoformat()}): {count} event(s)")


def _add_articles(pasted: str, title: str, uploads: list[UploadedFile], date: dt.date | None) -> None:
    files = [(upload.name, upload.getvalue()) for upload in uploads]
    _take(read_submission(pasted, files, title=title, date=date, latest=_latest_date()))


def _date_key(name: str) -> str:
    return f"confirm_date:{name}"


def _session_defaults() -> None:
    if "user_timeline" not in st.session_state:
        st.session_state.user_timeline = assemble_timeline(empty_event_frame())
        st.session_state.user_version = 0
        st.session_state.user_articles = []
        st.session_state.problems = []
        st.session_state.notices = []
        st.session_state.undated = []


def _sidebar() -> None:
    st.sidebar.header("Add your own article")
    with st.sidebar.form("add_article", clear_on_submit=True, border=False):
        pasted = st.text_area("Paste an article's text", key="paste_text", height=180)
        title = st.text_input("Its title (optional)", key="paste_title")
        uploads = st.file_uploader(
            "…or upload article files (.txt, .md, .jsonl, .csv, .html, .parquet)",
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key="upload_files",
        )
        date = st.date_input(
            "Publication date (used when the article states none)",
            value=None,
            min_value=_EARLIEST_DATE,
            key="publication_date",
        )
        if st.form_submit_button("Add to the timeline", key="add_articles"):
            _add_articles(pasted, title, list(uploads or []), date)
    for problem in st.session_state.problems:
        st.sidebar.error(markdown_literal(problem), icon="⚠️")
    for notice in st.session_state.notices:
        st.sidebar.warning(markdown_literal(notice), icon="⚠️")
    _ask_dates()
    if st.session_state.user_articles:
        st.sidebar.subheader("Added in this session")
        for line in st.session_state.user_articles:
            st.sidebar.text(line)


def _ask_dates() -> None:
    """For each input without a publication date: a date box, its suggested date filled in, and a button to confirm."""
    for undated in list(st.session_state.undated):
        box = st.sidebar.container(border=True)
        suggestion = suggestion_sentence(undated)
        if suggestion:
            box.info(markdown_literal(suggestion))
        date = box.date_input(
            markdown_literal(f"Publication date of {undated.name}"),
            min_value=_EARLIEST_DATE,
            max_value=_latest_date(),
            key=_date_key(undated.name),
        )
        if box.button("Add it with this date", key=f"confirm_add:{undated.name}", disabled=date is None):
            waiting = [other for other in st.session_state.undated if other.name != undated.name]
            _take(read_undated(undated, date, latest=_latest_date()))
            # Read with a date, the input is no longer undated; the others still wait for theirs.
            st.session_state.undated = waiting + st.session_state.undated
            st.rerun()


def _date_range(bounds: filters.DateRange | None) -> filters.DateRange | None:
    if bounds is None:
        return None
    # New articles can widen the data's range; the picker then shows the new full range.
    if st.session_state.get("date_bounds") != bounds:
        st.session_state.date_bounds = bounds
        st.session_state.filter_dates = bounds
    value = st.date_input("Dates", min_value=bounds[0], max_value=bounds[1], key="filter_dates")
    return filters.as_date_range(value)


def _metrics(counts: display.EventCounts, kind: TableKind) -> None:
    figures = (
        ("Events", counts.events, "Happenings: reports of one happening count once" if kind.merged else "Every report"),
        ("Reports", counts.mentions, "Event mentions in articles behind these events"),
        ("Articles", counts.articles, None),
        ("Countries", counts.countries, None),
        ("Actors", counts.actors, None),
    )
    for column, (label, value, help_text) in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(label, value, help=help_text)


def _evidence(shown: pd.DataFrame, kind: TableKind, events: int) -> pd.DataFrame:
    st.subheader("Evidence")
    if events > TABLE_ROWS:
        st.caption(f"The {TABLE_ROWS:,} earliest of {events:,} events; the CSV holds them all.")
    if kind.merged:
        st.caption("Select a row to see every report of that event.")
    table = display.evidence_table(shown, kind=kind, limit=TABLE_ROWS)
    config: dict[str, Any] = {
        "date_value": "date",
        "date_text": "as written",
        "date_precision": "precision",
        "sentence": st.column_config.TextColumn("sentence", width="large"),
        "article_title": "article",
        "article_date": "published",
        "first_article_date": "first reported",
        "mention_count": st.column_config.NumberColumn("reports", help="How many reports tell of it"),
        "date_source": "date from",
        "merged_id": None,
    }
    if not kind.merged:
        st.dataframe(table, key="evidence_table", hide_index=True, width="stretch", column_config=config)
        return table
    selection = st.dataframe(
        table,
        key="evidence_table",
        hide_index=True,
        width="stretch",
        column_config=config,
        on_select="rerun",
        selection_mode="single-row",
    )
    rows = list(selection.selection.rows)
    picked = str(table["merged_id"].iloc[rows[0]]) if rows and rows[0] < len(table) else None
    # A newly selected row chooses the event below; the picker still works on its own.
    if picked is not None and st.session_state.get("selected_row") != picked:
        st.session_state.selected_row = picked
        st.session_state.merged_event = picked
    return table


def _mentions(table: pd.DataFrame, merged: MergedEvents) -> None:
    """The reports behind one merged event: chosen by a selected table row or the picker."""
    if table.empty:
        return
    names = zip(table["date_value"].tolist(), table["mention_count"].tolist(), table["sentence"].tolist(), strict=True)
    labels = dict(zip(table["merged_id"].tolist(), (display.merged_label(*name) for name in names), strict=True))
    if st.session_state.get("merged_event") not in labels:
        st.session_state.merged_event = next(iter(labels))
    chosen = st.selectbox(
        "Reports of the event",
        list(labels),
        format_func=labels.__getitem__,
        key="merged_event",
    )
    reports = display.mention_table(merged.mentions_of(str(chosen)))
    with st.expander(f"Every report of this event ({len(reports)})", expanded=True):
        st.dataframe(
            reports,
            key="mentions_table",
            hide_index=True,
            width="stretch",
            column_config={
                "article_title": "article",
                "article_date": "published",
                "sentence": st.column_config.TextColumn("sentence", width="large"),
                "date_text": "as written",
                "date_value": "date",
            },
        )


def main() -> None:
    """Lay the dashboard out."""
    st.title("News timeline")
    st.caption("Dated events from news articles, with the sentence each comes from.")
    _session_defaults()
    if os.environ.get(STORE_ENV, "").strip():
        _store_page(os.environ[STORE_ENV].strip())
        return
    try:
        corpus = _corpus()
        _sidebar()
    except TimelineError as error:
        st.error(markdown_literal(str(error)))
        st.stop()
    for problem in corpus.timeline.problems:
        st.warning(markdown_literal(problem))
    merged = _both_views(corpus)

    every_report = st.toggle(
        "Show every report separately",
        key="show_mentions",
        help="By default a happening reported by several articles is one event, with its reports one click away.",
    )
    table, kind = (merged.mentions, EVENTS) if every_report else (merged.events, MERGED)
    options = filters.filter_options(table)
    countries = st.multiselect("Countries", options.countries, key="filter_countries", placeholder="All countries")
    actor_col, region_col, date_col, group_col, order_col = st.columns([3, 2, 3, 2, 2])
    with actor_col:
        actors = st.multiselect("Actors", options.actors, key="filter_actors", placeholder="All actors")
    with region_col:
        regions = st.multiselect("Regions", options.regions, key="filter_regions", placeholder="All regions")
    with date_col:
        date_range = _date_range(options.date_range)
    with group_col:
        group_by = st.radio("Lanes by", GROUPINGS, horizontal=True, key="group_by")
    with order_col:
        by_reach = st.toggle("Lanes by reach", key="sort_by_reach", help="The most reported lanes first")

    shown = filters.filter_events(table, countries, actors, regions, date_range)
    counts = display.count_events(shown, kind=kind, mentions=merged.mentions)
    _metrics(counts, kind)
    st.plotly_chart(
        timeline_figure(shown, group_by, kind=kind, lane_order="reach" if by_reach else "name"),
        key="timeline_chart",
        width="stretch",
        config=PLOTLY_CONFIG,
    )
    st.download_button(
        "Download these events as CSV" if not every_report else "Download these reports as CSV",
        # Written only when clicked: 100,000 events need not become CSV on every rerun.
        data=partial(to_csv_bytes, shown, bom=True),
        file_name="timeline-events.csv" if not every_report else "timeline-reports.csv",
        mime="text/csv",
        key="download_csv",
        on_click="ignore",
    )
    evidence = _evidence(shown, kind, counts.events)
    if kind.merged:
        _mentions(evidence, merged)
    st.subheader(f"Events per {group_by}")
    st.dataframe(lanes.lane_counts(shown, group_by, kind=kind), key="lane_counts", hide_index=True)


# --- The page over an event store (TIMELINE_STORE): the same widgets, every result asked of DuckDB ---


@st.cache_resource(show_spinner=False, max_entries=2)
def _event_store(path: str, stamp: tuple[int, int]) -> Any:
    # One connection per store and finalize (the stamp), shared by every session.
    from timeline.store_query import EventStore

    return EventStore(Path(path))


def _store_page(path: str) -> None:
    """The timeline of an event store: filters pushed down to DuckDB, only what is shown fetched."""
    from timeline.store import store_stamp
    from timeline.store_query import StoreFilters

    try:
        store = _event_store(path, store_stamp(Path(path)))
    except TimelineError as error:
        st.error(markdown_literal(str(error)))
        st.stop()
    st.caption("Read from an event store; adding articles here is not available (extract them into the store).")
    every_report = st.toggle(
        "Show every report separately",
        key="show_mentions",
        help="By default a happening reported by several articles is one event, with its reports one click away.",
    )
    kind = EVENTS if every_report else MERGED
    options = store.filter_options(kind)
    countries = st.multiselect("Countries", options.countries, key="filter_countries", placeholder="All countries")
    actor_col, region_col, date_col, group_col, order_col = st.columns([3, 2, 3, 2, 2])
    with actor_col:
        actors = st.multiselect("Actors", options.actors, key="filter_actors", placeholder="All actors")
    with region_col:
        regions = st.multiselect("Regions", options.regions, key="filter_regions", placeholder="All regions")
    with date_col:
        date_range = _date_range(options.date_range)
    with group_col:
        group_by = st.radio("Lanes by", GROUPINGS, horizontal=True, key="group_by")
    with order_col:
        by_reach = st.toggle("Lanes by reach", key="sort_by_reach", help="The most reported lanes first")
    text = st.text_input("Sentences containing", key="filter_text", placeholder="Any text")
    chosen = StoreFilters.of(countries, actors, regions, date_range, text)
    counts = store.counts(kind, chosen)
    _metrics(counts, kind)
    st.plotly_chart(
        store.figure(kind, chosen, group_by, lane_order="reach" if by_reach else "name"),
        key="timeline_chart",
        width="stretch",
        config=PLOTLY_CONFIG,
    )
    st.download_button(
        "Download these events as CSV" if not every_report else "Download these reports as CSV",
        data=lambda: to_csv_bytes(store.rows(kind, chosen), bom=True),
        file_name="timeline-events.csv" if not every_report else "timeline-reports.csv",
        mime="text/csv",
        key="download_csv",
        on_click="ignore",
    )
    evidence = _evidence(store.rows(kind, chosen, TABLE_ROWS), kind, counts.events)
    if kind.merged:
        _mentions(evidence, store)
    st.subheader(f"Events per {group_by}")
    st.dataframe(store.lane_counts(kind, chosen, group_by), key="lane_counts", hide_index=True)


main()
