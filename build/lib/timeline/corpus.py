"""The corpus front door: articles in, their timeline out.

A timeline is built by two kinds of stage:

* per-article stages (dates, entities, the events of one article), which an engine
  (:mod:`timeline.engines`) runs share by share through the cache: an article gives the
  same rows whichever share, batch or run it lands in;
* corpus stages, which need every article at once: one row per event, a lone surname
  given the one full name other articles use (:func:`unify_actor_names`), and reports of
  one happening merged (:func:`timeline.merge.merge_events`). They run here, once, on the
  whole per-article table.

The CLI, the dashboard and the Dask engine all come in through :func:`build_timeline`, so
every engine, share size and cold or warm cache gives the same tables. The dashboard adds
a session's own articles with :func:`extend_timeline`, which re-runs the corpus stages on
the corpus and the session's articles together.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from timeline.cache import check_cache
from timeline.engines import run_extract
from timeline.entities.across import unified_names
from timeline.errors import TimelineError
from timeline.merge import MergedEvents, merge_events
from timeline.places import gazetteer
from timeline.schema import empty_event_frame
from timeline.types import Article, ProgressCallback

__all__ = [
    "Timeline",
    "actor_name_mapping",
    "assemble_timeline",
    "build_timeline",
    "combine_frames",
    "extend_timeline",
    "rename_actors",
    "unify_actor_names",
]


@dataclass(frozen=True)
class Timeline:
    """A corpus's events before and after the corpus stages, both views of them, and what could not be read."""

    #: Each article's events as that article alone gives them: what the cache and the engines hold.
    extracted: pd.DataFrame
    #: The event table (:mod:`timeline.schema`): one row per event, actor names unified across articles.
    events: pd.DataFrame
    #: What could not be read into the corpus, and what was wrong with the cache on the way, one sentence each.
    problems: tuple[str, ...] = ()

    @cached_property
    def merged(self) -> MergedEvents:
        """The events merged into happenings, with the mentions behind each.

        Computed on first use and kept: merging 100,000 events takes seconds, which the
        plain event table (``extract`` without ``--merged``) never needs to pay.
        """
        return merge_events(self.events)


def build_timeline(
    articles: Sequence[Article],
    *,
    engine: str = "inprocess",
    scheduler: str | None = None,
    workers: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    output_dir: str | os.PathLike[str] | None = None,
    model: str | None = None,
    on_progress: ProgressCallback | None = None,
    problems: Iterable[str | TimelineError] = (),
) -> Timeline:
    """The timeline of ``articles``: the per-article stage on ``engine``, then the corpus stages, once.

    The options are :func:`timeline.engines.run_extract`'s (``cache_dir=None`` extracts
    everything afresh; Parquet parts in ``output_dir`` hold the per-article rows).
    ``problems`` are what could not be read into ``articles`` (e.g.
    :attr:`timeline.ingest.IngestResult.problems`), kept with the table for the front end
    to show, followed by the cache's warnings (a damaged index set aside, a cache folder
    that cannot be used and is left out: the table is the same either way). Raises
    :class:`~timeline.errors.EngineError` or :class:`~timeline.errors.ModelNotInstalledError`.
    """
    cache_warnings: tuple[str, ...] = ()
    # Mended here, once, before any engine's processes share the folder, so that what it
    # reports reaches this front end (a Dask worker's warning would only reach its log). A
    # remote cluster's cache path is its workers', which this machine may not even have.
    if cache_dir is not None and scheduler is None:
        check = check_cache(cache_dir, model)
        cache_warnings = check.warnings
        if not check.usable:
            cache_dir = None
    extracted = run_extract(
        articles,
        engine=engine,
        scheduler=scheduler,
        workers=workers,
        cache_dir=cache_dir,
        output_dir=output_dir,
        model=model,
        on_progress=on_progress,
    )
    return assemble_timeline(extracted, problems=(*problems, *cache_warnings))


def assemble_timeline(extracted: pd.DataFrame, *, problems: Iterable[str | TimelineError] = ()) -> Timeline:
    """The corpus stages on a whole per-article table: each ``event_id`` once, then names unified.

    Merging follows on first use of :attr:`Timeline.merged`.
    """
    rows = combine_frames([extracted])
    return Timeline(extracted=rows, events=unify_actor_names(rows), problems=tuple(str(p) for p in problems))


def extend_timeline(timeline: Timeline, more: Timeline) -> Timeline:
    """``timeline`` with the articles of ``more`` added, as if both had been built together.

    The corpus stages run again on both per-article tables: a surname in ``more`` takes a
    full name from ``timeline`` and the other way round, and a report in ``more`` merges
    with the corpus's. An event in both (the same article added twice) is kept once.
    """
    return assemble_timeline(
        combine_frames([timeline.extracted, more.extracted]), problems=(*timeline.problems, *more.problems)
    )


def unify_actor_names(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each actor under the one name its entity has across the corpus.

    Within an article the entity tagger already gives one name per entity; across articles
    only the whole table knows every name: a lone surname takes the one full name other
    articles give it, spellings of one name become one, an organisation's acronym or short
    form its full name (:func:`timeline.entities.across.unified_names`, renaming only where
    exactly one name fits). A name the gazetteer knows as a place ("Jordan", "Georgia") is a
    state, not a surname, and is left alone.
    """
    if frame.empty:
        return frame
    return rename_actors(frame, actor_name_mapping({name for cell in frame["actors"] for name in cell}))


def actor_name_mapping(names: Iterable[str]) -> dict[str, str]:
    """Each name among ``names`` that the corpus stage renames, and the one name it becomes (its rule).

    Apart from :func:`unify_actor_names` so that a corpus too large for one table (the
    event store, :mod:`timeline.store_finalize`) can gather its distinct names first and
    rename part by part.
    """
    places = gazetteer()
    known = set(names)
    return unified_names(known, places={name for name in known if places.lookup(name) is not None})


def rename_actors(frame: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    """``frame`` with its actors renamed by ``mapping`` (each name once per cell), ``frame`` itself left alone."""
    if not mapping or frame.empty:
        return frame
    # A shallow copy: the other columns stay shared with ``frame`` (pandas copies on write), so
    # 100,000 events are not copied for one changed column, and ``frame`` itself is left as it was.
    unified = frame.copy(deep=False)
    unified["actors"] = [_renamed(cell, mapping) for cell in frame["actors"]]
    return unified


def _renamed(cell: tuple[str, ...], mapping: dict[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(mapping.get(name, name) for name in cell))


def combine_frames(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Stack event tables into one, keeping the first row of each ``event_id``.

    Adding the same article twice therefore adds its events once.
    """
    parts = [frame for frame in frames if not frame.empty]
    if not parts:
        return empty_event_frame()
    combined = pd.concat(parts, ignore_index=True)
    return combined.drop_duplicates(subset="event_id", keep="first").reset_index(drop=True)
