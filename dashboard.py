"""The timeline dashboard: ``streamlit run dashboard.py``.

Layout only. The library does the work: :mod:`timeline.ingest` reads articles,
:mod:`timeline.pipeline` finds their events, :mod:`timeline.view` filters and counts,
:mod:`timeline.chart` draws, :mod:`timeline.export` writes CSV. Articles a user adds live
in that browser session's ``st.session_state`` only. Article text is never rendered as
HTML or Markdown: tables and charts escape it, messages go through ``markdown_literal``.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st
from spacy.language import Language
from streamlit.runtime.uploaded_file_manager import UploadedFile

from timeline import view
from timeline.chart import timeline_figure
from timeline.defaults import SEEDS_DIR
from timeline.errors import TimelineError
from timeline.export import to_csv_bytes
from timeline.ingest import SUPPORTED_SUFFIXES, load_articles
from timeline.nlp import load_nlp
from timeline.pipeline import extract_frame
from timeline.uploads import read_submission

HERE = Path(__file__).resolve().parent
UPLOAD_TYPES = [suffix.lstrip(".") for suffix in SUPPORTED_SUFFIXES]
GROUPINGS: list[view.GroupBy] = ["region", "country", "actor"]
PLOTLY_CONFIG: dict[str, object] = {"displaylogo": False}
#: Rows of the evidence table sent to the browser.
TABLE_ROWS = 2000

st.set_page_config(page_title="News timeline", layout="wide")


@st.cache_resource(show_spinner="Loading the language model…")
def _nlp() -> Language:
    return load_nlp()


@st.cache_data(show_spinner="Reading the seed articles…")
def _seed_events(folder: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    result = load_articles([Path(folder)], latest=_latest_date())
    return extract_frame(result.articles, nlp=_nlp()), tuple(str(problem) for problem in result.problems)


def _latest_date() -> dt.date:
    # The library never reads the clock; the app does. A day's slack lets a user ahead of
    # the server's time zone add today's news.
    return dt.date.today() + dt.timedelta(days=1)


def _add_articles(pasted: str, title: str, uploads: list[UploadedFile], date: dt.date | None) -> None:
    """Read what the user gave, find its events, and keep them in this session; report each bad input."""
    files = [(upload.name, upload.getvalue()) for upload in uploads]
    submission = read_submission(pasted, files, title=title, date=date, latest=_latest_date())
    st.session_state.problems = list(submission.problems)
    st.session_state.hints = [submission.hint] if submission.hint else []
    if not submission.articles:
        return
    bar = st.progress(0.0, text=f"Reading {len(submission.articles)} article(s)…")

    def show_progress(done: int, total: int) -> None:
        bar.progress(done / total, text=f"Read {done} of {total} article(s)")

    frame = extract_frame(submission.articles, nlp=_nlp(), on_progress=show_progress)
    bar.empty()
    st.session_state.user_events = view.combine_frames([st.session_state.user_events, frame])
    per_article = frame["article_id"].value_counts()
    for article in submission.articles:
        count = int(per_article.get(article.article_id, 0))
        st.session_state.user_articles.append(f"{article.title} ({article.date.isoformat()}): {count} event(s)")


def _session_defaults() -> None:
    if "user_events" not in st.session_state:
        st.session_state.user_events = view.combine_frames([])
        st.session_state.user_articles = []
        st.session_state.problems = []
        st.session_state.hints = []


def _sidebar() -> None:
    st.sidebar.header("Add your own article")
    with st.sidebar.form("add_article", clear_on_submit=True, border=False):
        pasted = st.text_area("Paste an article's text", key="paste_text", height=180)
        title = st.text_input("Its title (optional)", key="paste_title")
        uploads = st.file_uploader(
            "…or upload article files (.txt, .md, .jsonl, .csv, .html)",
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key="upload_files",
        )
        date = st.date_input(
            "Publication date (used when the article states none)",
            value=None,
            min_value=dt.date(1900, 1, 1),
            key="publication_date",
        )
        if st.form_submit_button("Add to the timeline", key="add_articles"):
            _add_articles(pasted, title, list(uploads or []), date)
    for problem in st.session_state.problems:
        st.sidebar.error(view.markdown_literal(problem), icon="⚠️")
    for hint in st.session_state.hints:
        st.sidebar.info(view.markdown_literal(hint))
    if st.session_state.user_articles:
        st.sidebar.subheader("Added in this session")
        for line in st.session_state.user_articles:
            st.sidebar.text(line)


def _date_range(bounds: view.DateRange | None) -> view.DateRange | None:
    if bounds is None:
        return None
    # New articles can widen the data's range; the picker then shows the new full range.
    if st.session_state.get("date_bounds") != bounds:
        st.session_state.date_bounds = bounds
        st.session_state.filter_dates = bounds
    value = st.date_input("Dates", min_value=bounds[0], max_value=bounds[1], key="filter_dates")
    return view.as_date_range(value)


def main() -> None:
    """Lay the dashboard out."""
    st.title("News timeline")
    st.caption("Dated events from news articles, with the sentence each comes from.")
    _session_defaults()
    try:
        seeds, seed_problems = _seed_events(str(HERE / SEEDS_DIR))
        _sidebar()
    except TimelineError as error:
        st.error(view.markdown_literal(str(error)))
        st.stop()
    for problem in seed_problems:
        st.warning(view.markdown_literal(problem))
    events = view.combine_frames([seeds, st.session_state.user_events])
    options = view.filter_options(events)

    countries = st.multiselect("Countries", options.countries, key="filter_countries", placeholder="All countries")
    actor_col, region_col, date_col, group_col = st.columns([3, 2, 3, 2])
    with actor_col:
        actors = st.multiselect("Actors", options.actors, key="filter_actors", placeholder="All actors")
    with region_col:
        regions = st.multiselect("Regions", options.regions, key="filter_regions", placeholder="All regions")
    with date_col:
        date_range = _date_range(options.date_range)
    with group_col:
        group_by = st.radio("Lanes by", GROUPINGS, horizontal=True, key="group_by")

    shown = view.filter_events(events, countries, actors, regions, date_range)
    counts = view.count_events(shown)
    for column, (label, value) in zip(
        st.columns(4),
        (
            ("Events", counts.events),
            ("Articles", counts.articles),
            ("Countries", counts.countries),
            ("Actors", counts.actors),
        ),
        strict=True,
    ):
        column.metric(label, value)

    st.plotly_chart(
        timeline_figure(shown, group_by),
        key="timeline_chart",
        width="stretch",
        config=PLOTLY_CONFIG,
    )
    st.download_button(
        "Download these events as CSV",
        # Written only when clicked: 100,000 events need not become CSV on every rerun.
        data=partial(to_csv_bytes, shown, bom=True),
        file_name="timeline-events.csv",
        mime="text/csv",
        key="download_csv",
        on_click="ignore",
    )
    st.subheader("Evidence")
    if counts.events > TABLE_ROWS:
        st.caption(f"The {TABLE_ROWS:,} earliest of {counts.events:,} events; the CSV holds them all.")
    st.dataframe(
        view.evidence_table(shown, TABLE_ROWS),
        key="evidence_table",
        hide_index=True,
        width="stretch",
        column_config={
            "date_value": "date",
            "date_text": "as written",
            "date_precision": "precision",
            "sentence": st.column_config.TextColumn("sentence", width="large"),
            "article_title": "article",
            "article_date": "published",
            "date_source": "date from",
        },
    )
    st.subheader(f"Events per {group_by}")
    st.dataframe(view.lane_counts(shown, group_by), key="lane_counts", hide_index=True)


main()
