"""The Dask engine: shares of the corpus extracted on a Dask cluster, one task per share.

Without a scheduler address, a local cluster of ``workers`` processes (one thread each:
spaCy is not shared between threads) is started for the run and closed after it. Each
task runs :func:`~timeline.engines.partition.extract_partition`, the in-process code, so
the tables are equal; results come back in share order whatever order tasks finish in.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.defaults import DASK_WORKERS
from timeline.engines.partition import extract_partition
from timeline.engines.shares import shares
from timeline.errors import EngineError
from timeline.parquet import PART_NAME
from timeline.schema import empty_event_frame
from timeline.types import Article, ProgressCallback

#: Seconds to wait for an existing scheduler before saying it cannot be reached.
_CONNECT_TIMEOUT = "20s"


def run_dask(
    articles: Sequence[Article],
    *,
    model: str,
    scheduler: str | None,
    workers: int | None,
    cache_dir: str | os.PathLike[str] | None,
    output_dir: Path | None,
    on_progress: ProgressCallback | None,
    processes: bool = True,
) -> pd.DataFrame:
    """Extract ``articles`` on a Dask cluster and return the table in article order."""
    from distributed import as_completed

    if not articles:
        return empty_event_frame()
    with dask_client(scheduler, workers or DASK_WORKERS, processes) as client:
        parallelism = max(len(client.scheduler_info().get("workers", {})), 1)
        parts = shares(articles, parallelism)
        futures = {
            client.submit(
                extract_partition,
                list(share),
                model=model,
                cache_dir=None if cache_dir is None else os.fspath(cache_dir),
                output=None if output_dir is None else output_dir / PART_NAME.format(index=index),
                key=f"timeline-extract-{index}-{_token(share)}",
                pure=False,
            ): index
            for index, share in enumerate(parts)
        }
        frames: dict[int, pd.DataFrame] = {}
        done = 0
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            index = futures[future]
            frames[index] = future.result()
            done += len(parts[index])
            if on_progress is not None:
                on_progress(done, len(articles))
    filled = [frames[index] for index in sorted(frames) if len(frames[index])]
    return pd.concat(filled, ignore_index=True) if filled else empty_event_frame()


@contextmanager
def dask_client(scheduler: str | None, workers: int, processes: bool = True) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers`` started for it and closed after.

    Raises :class:`EngineError` when the scheduler cannot be reached.
    """
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=_CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as error:
            raise EngineError(f"The Dask scheduler at {scheduler} cannot be reached ({error}).") from error
        with client:
            yield client
        return
    # Any free port: a fixed one clashes with another cluster on the same machine.
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=":0"
    )
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield client


def _token(share: Sequence[Article]) -> str:
    import hashlib

    joined = "\n".join(article.article_id for article in share)
    return hashlib.sha256(joined.encode()).hexdigest()[:12]
