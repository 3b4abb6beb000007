"""Where the per-article stage runs: in this process (the default) or on a Dask cluster.

Both engines run the same function on each share of the corpus
(:func:`timeline.engines.partition.extract_partition`: the cache, then
:func:`timeline.pipeline.extract_frame`), so their tables are equal row for row. What
they return is the *per-article* table: each article's events as that article alone
gives them. The corpus-level stages (actor names unified across articles, merging) need
the whole table, so they run once, after the engine, in
:func:`timeline.corpus.build_timeline`; a front end calls that, not :func:`run_extract`.

The Dask engine starts a local cluster (``workers`` processes) unless given the address of
an existing scheduler. With ``output_dir``, the per-article rows are also written there as
partitioned Parquet (``part-00000.parquet``, …, one part per share of
:data:`~timeline.defaults.DASK_PARTITION_ARTICLES` articles), read back with
:func:`timeline.parquet.read_event_parts`. The parts hold the rows *before* the corpus
stages (a lone "Fidan" stays "Fidan" there), so each part is the plain extraction of its
articles and can be reused or re-combined; the event table the CLI writes is after them.

On a remote cluster, ``cache_dir`` and ``output_dir`` must be paths every worker can
reach (a shared file system); otherwise pass ``cache_dir=None``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from timeline.defaults import ARTICLES_PER_PROCESS, MAX_WORKERS_PER_CORE, spacy_model_name
from timeline.errors import EngineError, shown
from timeline.types import Article, ProgressCallback

if TYPE_CHECKING:
    # Only named in annotations: the CLI imports ENGINES for its options without paying for pandas.
    import pandas as pd

__all__ = ["ENGINES", "auto_workers", "max_workers", "run_extract"]

#: Engine names, the default first.
ENGINES: Final = ("inprocess", "dask")


def run_extract(
    articles: Sequence[Article],
    *,
    engine: str = "inprocess",
    scheduler: str | None = None,
    workers: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    output_dir: str | os.PathLike[str] | None = None,
    model: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> pd.DataFrame:
    """The per-article event rows of ``articles``, in article then text order, on the chosen engine.

    ``workers``: in process, spaCy processes (default :func:`auto_workers`); on Dask, local-cluster workers
    (default :data:`~timeline.defaults.DASK_WORKERS`; ignored with ``scheduler``).
    ``cache_dir=None`` extracts everything afresh. More workers than :func:`max_workers` are
    that many (a front end says so). Raises :class:`EngineError`.
    """
    if engine not in ENGINES:
        raise EngineError(f"The engine {engine!r} is unknown; choose one of {', '.join(ENGINES)}.")
    if workers is not None and workers < 1:
        raise EngineError(f"The number of workers must be at least 1, not {workers}.")
    if workers is not None and scheduler is None:
        # Each worker is a process with its own pipes and model: thousands exhaust the machine.
        workers = min(workers, max_workers())
    if scheduler is not None and engine != "dask":
        raise EngineError("A Dask scheduler address only makes sense with the dask engine (--engine dask).")
    # Resolved here, once, so every worker of a cluster uses the model the user chose.
    name = spacy_model_name(model)
    folder = _output_folder(output_dir)
    if engine == "dask":
        from timeline.engines.dask_engine import run_dask

        return run_dask(
            articles,
            model=name,
            scheduler=scheduler,
            workers=workers,
            cache_dir=cache_dir,
            output_dir=folder,
            on_progress=on_progress,
        )
    from timeline.engines.inprocess import run_inprocess

    return run_inprocess(
        articles,
        model=name,
        workers=workers or auto_workers(len(articles)),
        cache_dir=cache_dir,
        output_dir=folder,
        on_progress=on_progress,
    )


def auto_workers(articles: int, cores: int | None = None) -> int:
    """spaCy processes worth starting for ``articles``: one per core, once each has enough to do.

    A process pays a few seconds to load the model, so a small corpus stays in one.
    """
    available = cores if cores is not None else (os.cpu_count() or 1)
    return max(1, min(available, articles // ARTICLES_PER_PROCESS))


def max_workers(cores: int | None = None) -> int:
    """The most workers this machine runs: :data:`~timeline.defaults.MAX_WORKERS_PER_CORE` per core it may use."""
    return max(1, MAX_WORKERS_PER_CORE * (cores if cores is not None else _cores()))


def _cores() -> int:
    # The cores this process may run on (a container or `taskset` may allow fewer than the machine has).
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _output_folder(output_dir: str | os.PathLike[str] | None) -> Path | None:
    if output_dir is None:
        return None
    folder = Path(output_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise EngineError(f"The output folder {shown(folder)} cannot be created ({error.strerror}).") from error
    stale = sorted(folder.glob("part-*.parquet"))
    if stale:
        raise EngineError(f"The output folder {shown(folder)} already holds event parts; give an empty folder.")
    return folder
