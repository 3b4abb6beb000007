"""The timeline dashboard: ``streamlit run dashboard.py``.

Layout only. The library does the work: :mod:`timeline.ingest` and :mod:`timeline.uploads`
read articles (:mod:`timeline.fetch` fetches one by URL), :mod:`timeline.corpus` builds
their timeline (the CLI's front door too: each article's events through the on-disk cache,
extracting only what it has not seen, then names unified and reports of one happening
merged across the whole corpus, the workspace's own articles included),
:mod:`timeline.corrections` applies a user's corrections, :mod:`timeline.storywindow`
finds the period the corpus is about, :mod:`timeline.filters` filters,
:mod:`timeline.lanes` and :mod:`timeline.display` count and list, :mod:`timeline.chart`
draws, :mod:`timeline.export` and :mod:`timeline.timelinejs` write the downloads; every call
that shows the two views differently names the kind of table it passes (:mod:`timeline.kinds`).

The corpus is ``seeds/``, or the folders and files in ``$TIMELINE_CORPUS``. What a user adds
or corrects is kept in a workspace (:mod:`timeline.workspace`, an SQLite file the app
creates) named by an unguessable id in the page's URL, with the view itself
(:mod:`timeline.permalink`): a reload, a restart or a shared link reopens both, and a
browser without the link sees neither. Article text is never rendered as HTML or
Markdown: tables and charts escape it, messages go through ``markdown_literal``.
With ``$TIMELINE_STORE`` the page reads an event store instead, through :mod:`timeline.store_query`.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Final

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.uploaded_file_manager import UploadedFile

from timeline import display, filters, lanes
from timeline.cache import default_cache_dir
from timeline.chart import timeline_figure
from timeline.corpus import Timeline, assemble_timeline, build_timeline, extend_timeline
from timeline.corrections import Correction, apply_corrections, corrections_from_edits
from timeline.defaults import CORPUS_ENV, FETCH_ALLOW_PRIVATE_ENV, SEEDS_DIR, STORE_ENV
from timeline.errors import FetchError, TimelineError
from timeline.export import to_csv_bytes, to_jsonl_bytes
from timeline.fetch import FetchSettings, fetch_page
from timeline.humandates import human_date, human_day
from timeline.ingest import SUPPORTED_SUFFIXES, corpus_stamp, load_articles
from timeline.kinds import EVENTS, MERGED, TableKind
from timeline.merge import MergedEvents
from timeline.permalink import ViewState, from_query, to_query
from timeline.schema import MERGED_ID, empty_event_frame
from timeline.storywindow import split_background, story_window
from timeline.timelinejs import to_timelinejs_bytes
from timeline.types import Article, ProgressCallback
from timeline.ui_text import LANES_NOTE, markdown_literal
from timeline.uploads import Submission, date_prompt, read_page, read_submission, read_undated
from timeline.workspace import WorkspaceStore, default_store_path, is_workspace_id, new_workspace_id

HERE = Path(__file__).resolve().parent
UPLOAD_TYPES = [suffix.lstrip(".") for suffix in SUPPORTED_SUFFIXES]
GROUPINGS: list[lanes.GroupBy] = ["region", "country", "actor"]
PLOTLY_CONFIG: dict[str, object] = {"displaylogo": False}
#: Rows of the evidence table sent to the browser.
TABLE_ROWS: Final = 2000
#: Rows of the correction editor: the first rows of the evidence table.
EDITOR_ROWS: Final = 500
#: How every date box writes a day; prompts name it.
DATE_FORMAT: Final = "YYYY/MM/DD"
#: The sidebar's width in pixels: under a third of an 800-pixel window.
SIDEBAR_PX: Final = 250
#: Widths of the filter boxes, which wrap onto a new line when the page is narrow.
FILTER_PX: Final = 250

st.set_page_config(page_title="News timeline", layout="wide", initial_sidebar_state=SIDEBAR_PX)


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


@st.cache_resource(show_spinner=False)
def _workspace_store(path: str) -> WorkspaceStore:
    # One store per file, shared by every session; each workspace in it is one user's.
    return WorkspaceStore(path)


def _store() -> WorkspaceStore:
    return _workspace_store(str(default_store_path()))


def _workspace() -> str:
    workspace: str = st.session_state.workspace
    return workspace


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


def _user_timeline() -> Timeline:
    """The events of the workspace's articles, extracted (through the cache) again only when they change."""
    key = (_workspace(), st.session_state.user_version)
    if st.session_state.get("user_key") != key:
        articles = _store().articles(_workspace())
        timeline = _extract(articles, f"{len(articles)} article(s)") if articles else _empty_timeline()
        st.session_state.user_timeline = timeline
        st.session_state.user_key = key
    timeline_: Timeline = st.session_state.user_timeline
    return timeline_


def _empty_timeline() -> Timeline:
    return assemble_timeline(empty_event_frame())


def _both_views(corpus: Corpus, user: Timeline) -> MergedEvents:
    """The corpus plus the workspace's articles, merged; merged again only when the workspace changes.

    The workspace's articles join the corpus before the corpus stages, so a surname in one
    takes the full name the other gives, exactly as if they had been one corpus.
    """
    if user.extracted.empty:
        return corpus.timeline.merged
    key = (corpus.stamp, st.session_state.user_key)
    if st.session_state.get("merged_key") != key:
        st.session_state.merged = extend_timeline(corpus.timeline, user).merged
        st.session_state.merged_key = key
    merged: MergedEvents = st.session_state.merged
    return merged


# --- Session, workspace and the view in the URL ---------------------------------------


def _session_defaults() -> None:
    """Once per session: the workspace and the view the URL names (or a fresh workspace)."""
    if "workspace" in st.session_state:
        return
    read = from_query({key: st.query_params.get_all(key) for key in st.query_params})
    notes = list(read.ignored)
    workspace = read.view.workspace
    if workspace and not is_workspace_id(workspace):
        notes.append("The link's workspace id is not one this app makes, so a new, empty workspace was opened.")
    st.session_state.workspace = workspace if is_workspace_id(workspace) else new_workspace_id()
    st.session_state.link_notes = notes
    st.session_state.user_version = 0
    st.session_state.corrections_version = 0
    st.session_state.form_round = 0
    st.session_state.problems = []
    st.session_state.notes = []
    view = read.view
    st.session_state.show_mentions = view.every_report
    st.session_state.group_by = view.group_by
    st.session_state.sort_by_reach = view.by_reach
    st.session_state.show_background = view.background
    st.session_state.search_text = view.search
    # Filters wait for their options (the corpus and the workspace must be read first).
    st.session_state.pending_view = view


def _apply_pending_filters(options: filters.FilterOptions) -> None:
    view: ViewState | None = st.session_state.pop("pending_view", None)
    if view is None:
        return
    for key, wanted, known in (
        ("filter_countries", view.countries, options.countries),
        ("filter_actors", view.actors, options.actors),
        ("filter_regions", view.regions, options.regions),
    ):
        st.session_state[key] = [value for value in wanted if value in known]
    if view.date_range is not None and options.date_range is not None:
        st.session_state.pending_dates = _clamped(view.date_range, options.date_range)


def _write_view(view: ViewState) -> None:
    """Put the view in the URL, so the address bar is always a link to exactly what is shown."""
    query = to_query(view)
    if st.session_state.get("written_query") != query:
        st.query_params.from_dict(query)
        st.session_state.written_query = query


# --- Adding articles ------------------------------------------------------------------


def _take(submissions: Sequence[Submission]) -> bool:
    """Keep the submissions' articles and waiting inputs in the workspace; return whether nothing was refused."""
    store, workspace = _store(), _workspace()
    refused = [problem for submission in submissions for problem in submission.refused]
    notes = []
    articles = [article for submission in submissions for article in submission.articles]
    for submission in submissions:
        for undated in submission.undated:
            store.add_waiting(workspace, undated)
    added = store.add_articles(workspace, articles)
    if len(added) < len(articles):
        notes.append(
            f"{len(articles) - len(added)} of these articles were in this workspace already; each is kept once."
        )
    if added:
        st.session_state.user_version += 1
        notes.append(f"Added {len(added)} article(s) to this workspace.")
    st.session_state.problems = refused
    st.session_state.notes = notes
    return not refused


def _add_articles(pasted: str, title: str, uploads: list[UploadedFile], url: str, date: dt.date | None) -> None:
    submissions = []
    files = [(upload.name, upload.getvalue()) for upload in uploads]
    if pasted.strip() or files or not url.strip():
        submissions.append(read_submission(pasted, files, title=title, date=date, latest=_latest_date()))
    if url.strip():
        try:
            page = fetch_page(url, FetchSettings(allow_private=os.environ.get(FETCH_ALLOW_PRIVATE_ENV) == "1"))
        except FetchError as error:
            submissions.append(Submission(problems=(str(error),), refused=(str(error),)))
        else:
            submissions.append(read_page(page, date=date, latest=_latest_date()))
    if _take(submissions):
        # Only a submission read in full clears the form; after a refusal the text stays to be fixed.
        st.session_state.clear_form = True
    st.rerun()


def _clear_form() -> None:
    if st.session_state.pop("clear_form", False):
        for key in ("paste_text", "paste_title", "fetch_url"):
            st.session_state[key] = ""
        st.session_state.publication_date = None
        # A file uploader cannot be emptied through the session state; a new one takes its place.
        st.session_state.form_round += 1


def _sidebar(user: Timeline) -> None:
    _clear_form()
    st.sidebar.header("Add your own article")
    with st.sidebar.form("add_article", clear_on_submit=False, border=False):
        pasted = st.text_area("Paste an article's text", key="paste_text", height=160)
        title = st.text_input("Its title (optional)", key="paste_title")
        url = st.text_input("…or an article's web address", key="fetch_url", placeholder="https://…")
        uploads = st.file_uploader(
            "…or upload article files (.txt, .md, .jsonl, .csv, .html, .parquet)",
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key=f"upload_files_{st.session_state.form_round}",
        )
        date = st.date_input(
            "Publication date (used when the article states none)",
            value=None,
            min_value=_EARLIEST_DATE,
            key="publication_date",
            format=DATE_FORMAT,
        )
        submitted = st.form_submit_button("Add to the timeline", key="add_articles")
    if submitted:
        _add_articles(pasted, title, list(uploads or []), url, date)
    for problem in st.session_state.problems:
        st.sidebar.error(markdown_literal(problem), icon="⚠️")
    for note in st.session_state.notes:
        st.sidebar.caption(markdown_literal(note))
    # What the cache said while extracting the workspace's articles (they are in the table either way).
    for notice in user.problems:
        st.sidebar.warning(markdown_literal(notice), icon="⚠️")
    _ask_dates()
    _workspace_box(user)


def _ask_dates() -> None:
    """Each input waiting for its publication date: what it needs, a date box, add it or discard it."""
    store, workspace = _store(), _workspace()
    for item in store.waiting(workspace):
        undated = item.undated
        box = st.sidebar.container(border=True)
        box.info(markdown_literal(date_prompt(undated, DATE_FORMAT)), icon="📅")
        key = f"confirm_date:{item.waiting_id}"
        if key not in st.session_state:
            st.session_state[key] = undated.suggested
        date = box.date_input(
            markdown_literal(f"Publication date of {undated.name}"),
            min_value=_EARLIEST_DATE,
            max_value=_latest_date(),
            key=key,
            format=DATE_FORMAT,
        )
        add, discard = box.columns(2)
        if add.button("Add it with this date", key=f"confirm_add:{item.waiting_id}", disabled=date is None):
            _take([read_undated(undated, date, latest=_latest_date())])
            store.remove_waiting(workspace, item.waiting_id)
            st.rerun()
        if discard.button("Discard it", key=f"discard:{item.waiting_id}"):
            store.remove_waiting(workspace, item.waiting_id)
            st.rerun()


def _workspace_box(user: Timeline) -> None:
    """The workspace's articles, and exporting or deleting the workspace."""
    store, workspace = _store(), _workspace()
    articles = store.articles(workspace)
    if articles:
        st.sidebar.subheader("Added in this workspace")
        per_article = user.extracted["article_id"].value_counts()
        for article in articles:
            count = int(per_article.get(article.article_id, 0))
            line = st.sidebar.container(horizontal=True, vertical_alignment="center", gap="small")
            line.text(f"{article.title} ({article.date.isoformat()}): {count} event(s)")
            if line.button("Remove", key=f"remove_article:{article.article_id}", type="tertiary"):
                store.remove_article(workspace, article.article_id)
                st.session_state.user_version += 1
                st.rerun()
    with st.sidebar.expander("Your workspace"):
        st.caption(
            "What you add or correct is kept under this page's address: bookmark it to come back. "
            "Anyone with the address sees this workspace; nobody else does."
        )
        st.download_button(
            "Export this workspace (JSON)",
            data=partial(store.export, workspace),
            file_name="timeline-workspace.json",
            mime="application/json",
            key="export_workspace",
            on_click="ignore",
        )
        sure = st.checkbox("Delete everything in this workspace", key="delete_sure")
        if st.button("Delete this workspace", key="delete_workspace", disabled=not sure, type="primary"):
            store.delete(workspace)
            # A new id: the old link now opens an empty workspace, and so does this page.
            st.session_state.workspace = new_workspace_id()
            st.session_state.user_version += 1
            st.session_state.corrections_version += 1
            st.session_state.notes = ["The workspace was deleted; this page opened a new, empty one."]
            st.rerun()


# --- Filters and the date window --------------------------------------------------------


def _clamped(days: filters.DateRange, bounds: filters.DateRange) -> filters.DateRange:
    first, last = sorted(days)
    low, high = bounds
    first, last = min(max(first, low), high), min(max(last, low), high)
    return (first, last)


def _date_window(bounds: filters.DateRange | None, window: filters.DateRange | None) -> filters.DateRange | None:
    """The date box, opening on the story period; when new articles or corrections move the story period, the box
    follows only if the reader had left it there."""
    if bounds is None or window is None:
        return None
    pending = st.session_state.pop("pending_dates", None)
    if pending is not None:
        st.session_state.filter_dates = pending
    elif st.session_state.get("date_bounds") != bounds or st.session_state.get("date_default") != window:
        current = filters.as_date_range(st.session_state.get("filter_dates"))
        left_at_default = current is None or current == st.session_state.get("date_default")
        st.session_state.filter_dates = window if current is None or left_at_default else _clamped(current, bounds)
    st.session_state.date_bounds = bounds
    st.session_state.date_default = window
    value = st.date_input(
        "Dates", min_value=bounds[0], max_value=bounds[1], key="filter_dates", format=DATE_FORMAT, width=FILTER_PX
    )
    picked = filters.as_date_range(value)
    # Half a range (the first day clicked, the second not yet) keeps the last whole one.
    if picked is None:
        kept: filters.DateRange | None = st.session_state.get("last_dates", window)
        return kept
    st.session_state.last_dates = picked
    return picked


def _set_dates(days: filters.DateRange) -> None:
    st.session_state.filter_dates = days


def _window_line(date_range: filters.DateRange, window: filters.DateRange, bounds: filters.DateRange) -> None:
    """Say which period is shown, with one click to the whole period or back to the story."""
    first, last = date_range
    line = st.container(horizontal=True, vertical_alignment="center")
    story = " (the story period: the weeks before the newest article)" if date_range == window else ""
    line.caption(f"Showing {human_day(first)} to {human_day(last)}{story}.")
    if date_range != bounds:
        line.button("Show all dates", key="dates_all", on_click=_set_dates, args=(bounds,))
    if date_range != window:
        line.button("Back to the story period", key="dates_story", on_click=_set_dates, args=(window,))


def _metrics(counts: display.EventCounts, kind: TableKind) -> None:
    figures = (
        ("Events", counts.events, "Happenings: reports of one happening count once" if kind.merged else "Every report"),
        ("Reports", counts.mentions, "Event mentions in articles behind these events"),
        ("Articles", counts.articles, None),
        ("Countries", counts.countries, None),
        ("Actors", counts.actors, None),
    )
    row = st.container(horizontal=True, gap="small")
    for label, value, help_text in figures:
        row.metric(label, value, help=help_text, width=88)


# --- The tables -----------------------------------------------------------------------


def _evidence_config() -> dict[str, Any]:
    return {
        display.WHEN: st.column_config.TextColumn("date", width="medium"),
        "date_value": st.column_config.TextColumn(
            "TIMEX3", help="The date as a TIMEX3 value, as in the CSV: 2024-12-01, 2024-W48-WE, 2024-11, 199…"
        ),
        "date_text": "as written",
        display.WHY: st.column_config.TextColumn("why this date", width="medium"),
        "date_precision": "precision",
        "sentence": st.column_config.TextColumn("sentence", width="large"),
        "article_title": "article",
        "article_url": st.column_config.LinkColumn("link", help="The article's web address, when it has one"),
        display.OUTLET: "outlet",
        "article_date": "published",
        "first_article_date": "first reported",
        display.REACH: "reach",
        "mention_count": st.column_config.NumberColumn("reports", help="How many reports tell of it"),
        "sources": "outlets",
        "date_source": "date from",
        "event_type": "type",
        "event_id": None,
        MERGED_ID: None,
    }


def _evidence(shown: pd.DataFrame, kind: TableKind, events: int) -> pd.DataFrame:
    st.subheader("Evidence")
    if events > TABLE_ROWS:
        st.caption(f"The {TABLE_ROWS:,} earliest of {events:,} events; the downloads hold them all.")
    if kind.merged:
        st.caption("Select a row to see every report of that event.")
    table = display.evidence_table(shown, kind=kind, limit=TABLE_ROWS)
    config = _evidence_config()
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
    picked = str(table[MERGED_ID].iloc[rows[0]]) if rows and rows[0] < len(table) else None
    # A newly selected row chooses the event below; the picker still works on its own.
    if picked is not None and st.session_state.get("selected_row") != picked:
        st.session_state.selected_row = picked
        st.session_state.merged_event = picked
    return table


def _mentions(table: pd.DataFrame, merged: MergedEvents) -> None:
    """The reports behind one merged event: chosen by a selected table row or the picker."""
    if table.empty:
        return
    names = zip(table[display.WHEN].tolist(), table[display.REACH].tolist(), table["sentence"].tolist(), strict=True)
    labels = dict(zip(table[MERGED_ID].tolist(), (display.merged_label(*name) for name in names), strict=True))
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
                "source": "outlet",
                "article_title": "article",
                "article_date": "published",
                "sentence": st.column_config.TextColumn("sentence", width="large"),
                "date_text": "as written",
                "date_value": "TIMEX3",
                display.WHEN: "date",
                "article_url": st.column_config.LinkColumn("link"),
            },
        )


# --- Corrections ------------------------------------------------------------------------


def _corrections() -> list[Correction]:
    key = (_workspace(), st.session_state.corrections_version)
    if st.session_state.get("corrections_key") != key:
        st.session_state.corrections_list = _store().corrections(_workspace())
        st.session_state.corrections_key = key
    corrections: list[Correction] = st.session_state.corrections_list
    return corrections


def _save_corrections(corrections: Sequence[Correction]) -> None:
    _store().set_corrections(_workspace(), corrections)
    st.session_state.corrections_version += 1


def _correction_editor(
    table: pd.DataFrame, kind: TableKind, merged: MergedEvents, corrections: list[Correction]
) -> None:
    """An editable copy of the first evidence rows: fix a date, the actors or the type, or hide an event."""
    id_column = MERGED_ID if kind.merged else "event_id"
    # Its open state is kept (a key), so it stays open while the corrections made rerun the page.
    with st.expander("Correct or hide events", key="corrections_open", on_change="rerun"):
        st.caption(
            "Change a date (a TIMEX3 value: 2024-11-30, 2024-11, 2024-W48-WE…), the actors (separated by ';') "
            "or the type, or tick 'hide' for a wrong event. Corrections are kept in this workspace by event, "
            f"so extracting the articles again never loses them. {len(corrections)} correction(s) kept."
        )
        rows = table.head(EDITOR_ROWS)
        editable = ["date_value", "actors", *(["event_type"] if "event_type" in rows.columns else [])]
        frame = rows[[id_column, display.WHEN, *editable, "sentence"]].assign(hide=False)
        key = f"corrections_editor_{st.session_state.corrections_version}"
        edited = st.data_editor(
            frame,
            key=key,
            hide_index=True,
            width="stretch",
            disabled=[id_column, display.WHEN, "sentence"],
            column_order=[display.WHEN, *editable, "hide", "sentence"],
            column_config={
                display.WHEN: "date",
                "date_value": st.column_config.TextColumn("TIMEX3 (edit)"),
                "actors": st.column_config.TextColumn("actors (edit)"),
                "event_type": st.column_config.TextColumn("type (edit)"),
                "hide": st.column_config.CheckboxColumn("hide", help="Leave this event out of the timeline"),
                "sentence": st.column_config.TextColumn("sentence", width="large"),
            },
        )
        article_of = merged.mentions.drop_duplicates("event_id").set_index("event_id")["article_id"]
        article_ids = [str(article_of.get(event_id, "")) for event_id in frame[id_column].tolist()]
        edits = corrections_from_edits(frame, edited, id_column=id_column, article_ids=article_ids)
        for sentence in edits.refused:
            st.error(markdown_literal(sentence))
        if edits.corrections:
            _save_corrections(edits.corrections)
            st.rerun()
        _kept_corrections(corrections, merged)


def _kept_corrections(corrections: list[Correction], merged: MergedEvents) -> None:
    if not corrections:
        return
    st.caption("Your corrections:")
    sentences = merged.mentions.drop_duplicates("event_id").set_index("event_id")["sentence"]
    for correction in corrections:
        said = str(sentences.get(correction.event_id, "an event not in this corpus now (the correction is kept)"))
        what = {
            "date": f"date set to {human_date(correction.value)}",
            "actors": f"actors set to {correction.value or 'none'}",
            "event_type": f"type set to {correction.value}",
            "hidden": "hidden" if correction.value == "1" else "shown",
        }[correction.field]
        line, undo = st.columns([6, 1], vertical_alignment="center")
        line.text(f"{what}: {' '.join(said.split())[:120]}")
        if undo.button("Undo", key=f"undo:{correction.event_id}:{correction.field}"):
            _store().remove_correction(_workspace(), correction.event_id, correction.field)
            st.session_state.corrections_version += 1
            st.rerun()


# --- The page -----------------------------------------------------------------------------


def _downloads(shown: pd.DataFrame, kind: TableKind, group_by: lanes.GroupBy) -> None:
    what = "events" if kind.merged else "reports"
    row = st.container(horizontal=True)
    # Each is written only when clicked: 100,000 events need not become a file on every rerun.
    row.download_button(
        f"Download these {what} as CSV",
        data=partial(to_csv_bytes, shown, bom=True),
        file_name=f"timeline-{what}.csv",
        mime="text/csv",
        key="download_csv",
        on_click="ignore",
    )
    row.download_button(
        "JSONL",
        data=partial(to_jsonl_bytes, shown),
        file_name=f"timeline-{what}.jsonl",
        mime="application/jsonl",
        key="download_jsonl",
        on_click="ignore",
        help=f"These {what} as JSON Lines, one object a row",
    )
    row.download_button(
        "TimelineJS",
        data=partial(to_timelinejs_bytes, shown, kind=kind, group_by=group_by),
        file_name=f"timeline-{what}-timelinejs.json",
        mime="application/json",
        key="download_timelinejs",
        on_click="ignore",
        help="These events as a TimelineJS 3 document, ready to publish",
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
        user = _user_timeline()
        _sidebar(user)
    except TimelineError as error:
        st.error(markdown_literal(str(error)))
        st.stop()
    for note in st.session_state.link_notes:
        st.info(markdown_literal(note))
    for problem in corpus.timeline.problems:
        st.warning(markdown_literal(problem))
    merged = _both_views(corpus, user)

    top = st.container(horizontal=True, vertical_alignment="bottom")
    search = top.text_input(
        "Search", key="search_text", placeholder="words in the sentence, an actor or a place", width=FILTER_PX
    )
    every_report = top.toggle(
        "Show every report separately",
        key="show_mentions",
        help="By default a happening reported by several articles is one event, with its reports one click away.",
    )
    table, kind = (merged.mentions, EVENTS) if every_report else (merged.events, MERGED)
    corrections = _corrections()
    corrected = apply_corrections(table, corrections, id_column="event_id" if not kind.merged else MERGED_ID)
    table = corrected.frame
    options = filters.filter_options(table)
    _apply_pending_filters(options)
    window = story_window(table, kind=kind)

    row = st.container(horizontal=True, vertical_alignment="bottom")
    countries = row.multiselect(
        "Countries", options.countries, key="filter_countries", placeholder="All countries", width=FILTER_PX
    )
    actors = row.multiselect("Actors", options.actors, key="filter_actors", placeholder="All actors", width=FILTER_PX)
    regions = row.multiselect(
        "Regions", options.regions, key="filter_regions", placeholder="All regions", width=FILTER_PX
    )
    with row:
        date_range = _date_window(options.date_range, window)
    group_by = row.radio("Lanes by", GROUPINGS, horizontal=True, key="group_by")
    by_reach = row.toggle("Lanes by reach", key="sort_by_reach", help="The most reported lanes first")
    background = row.toggle(
        "Show background",
        key="show_background",
        help="Dates coarser than a month (years, decades) and dates outside the period shown, on a strip of their own",
    )
    if date_range is not None and window is not None and options.date_range is not None:
        _window_line(date_range, window, options.date_range)

    base = filters.filter_events(table, countries, actors, regions, None, search)
    split = split_background(base, date_range)
    shown = pd.concat([split.main, split.background], ignore_index=True) if background else split.main
    counts = display.count_events(shown, kind=kind, mentions=merged.mentions)
    _metrics(counts, kind)
    if corrected.hidden:
        st.caption(f"{corrected.hidden} event(s) you hid are left out (see 'Correct or hide events').")
    st.plotly_chart(
        timeline_figure(
            split.main, group_by, kind=kind, lane_order="reach" if by_reach else "name", x_range=date_range
        ),
        key="timeline_chart",
        width="stretch",
        config=PLOTLY_CONFIG,
    )
    if background and not split.background.empty:
        st.caption(
            f"Background: {len(split.background):,} event(s) dated coarser than a month or outside these dates; "
            "the shaded band is the period above."
        )
        st.plotly_chart(
            timeline_figure(split.background, group_by, kind=kind, window=date_range, compact=True),
            key="background_chart",
            width="stretch",
            config=PLOTLY_CONFIG,
        )
    elif not split.background.empty:
        st.caption(
            f"{len(split.background):,} background event(s) (years, decades, or outside these dates) are not drawn: "
            "turn on 'Show background' to see them."
        )
    _downloads(shown, kind, group_by)
    evidence = _evidence(shown, kind, counts.events)
    if kind.merged:
        _mentions(evidence, merged)
    _correction_editor(evidence, kind, merged, corrections)
    st.subheader(f"Events per {group_by}")
    st.caption(LANES_NOTE)
    st.dataframe(lanes.lane_counts(shown, group_by, kind=kind), key="lane_counts", hide_index=True)
    _write_view(
        ViewState(
            countries=tuple(countries),
            actors=tuple(actors),
            regions=tuple(regions),
            search=search,
            date_range=date_range if date_range != window else None,
            group_by=group_by,
            by_reach=by_reach,
            every_report=every_report,
            background=background,
            workspace=_workspace(),
        )
    )


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
        date_range = _date_window(options.date_range, options.date_range)
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
