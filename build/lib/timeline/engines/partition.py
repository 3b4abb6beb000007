"""The one code path every engine runs on a share of the corpus: extract (through the cache), article by article."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from timeline.types import Article, ProgressCallback


def extract_partition(
    articles: Sequence[Article],
    *,
    model: str,
    cache_dir: str | os.PathLike[str] | None = None,
    n_process: int = 1,
    output: Path | None = None,
    on_progress: ProgressCallback | None = None,
) -> pd.DataFrame:
    """The per-article event rows of ``articles``; with ``output``, also written there as Parquet.

    No corpus-level stage runs here (names across articles, merging): a share does not
    know the rest of the corpus. :func:`timeline.corpus.build_timeline` runs those after
    every share is done.

    The spaCy model is loaded once per process (:func:`timeline.nlp.load_nlp` caches it),
    so a Dask worker pays for it on its first partition only.
    """
    from timeline.cache import cached_extract, pipeline_version

    def extract(batch: Sequence[Article], /, *, on_progress: ProgressCallback | None = None) -> pd.DataFrame:
        # Imported on first use: a warm cache never needs spaCy, the slow import.
        from timeline.nlp import load_nlp
        from timeline.pipeline import extract_events, extract_frame
        from timeline.table import events_frame

        nlp = load_nlp(model)
        if n_process > 1:
            return events_frame(extract_events(list(batch), nlp=nlp, on_progress=on_progress, n_process=n_process))
        return extract_frame(batch, nlp=nlp, on_progress=on_progress)

    if cache_dir is None:
        frame = extract(articles, on_progress=on_progress)
    else:
        frame = cached_extract(
            articles, cache_dir, extract=extract, version=pipeline_version(model), on_progress=on_progress
        )
    if output is not None:
        from timeline.parquet import write_events

        write_events(frame, output)
    return frame
