"""The default engine: extraction in this process (spaCy may fork ``workers`` processes)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from timeline.engines.partition import extract_partition
from timeline.engines.shares import shares
from timeline.parquet import PART_NAME
from timeline.schema import empty_event_frame
from timeline.types import Article, ProgressCallback


def run_inprocess(
    articles: Sequence[Article],
    *,
    model: str,
    workers: int,
    cache_dir: str | os.PathLike[str] | None,
    output_dir: Path | None,
    on_progress: ProgressCallback | None,
) -> pd.DataFrame:
    """Extract every article here: in one pass, or share by share when writing Parquet parts.

    The parts are the ones the Dask engine writes (one per share of articles).
    """
    if output_dir is None:
        return extract_partition(articles, model=model, cache_dir=cache_dir, n_process=workers, on_progress=on_progress)
    frames = []
    done = 0
    for index, share in enumerate(shares(articles)):

        def progress(count: int, _: int, offset: int = done) -> None:
            if on_progress is not None:
                on_progress(offset + count, len(articles))

        frames.append(
            extract_partition(
                share,
                model=model,
                cache_dir=cache_dir,
                n_process=workers,
                output=output_dir / PART_NAME.format(index=index),
                on_progress=progress,
            )
        )
        done += len(share)
    filled = [frame for frame in frames if len(frame)]
    return pd.concat(filled, ignore_index=True) if filled else empty_event_frame()
