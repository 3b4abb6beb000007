"""Partitioned input: each worker reads its own shard, extracts it and writes its part of an event store.

The driver only lists shard names (:func:`list_shards`: the article files of folders,
globs or files, never opened); each task (:func:`extract_shard`) then reads its shard with
:func:`timeline.ingest.load_articles` (the same readers and limits as every front end),
extracts it through the cache (:func:`~timeline.engines.partition.extract_partition`, the
code every engine runs) and writes it into the store (:func:`timeline.store.write_shard`).
What comes back to the driver is a :class:`ShardOutcome`: counts and the one-sentence
problems of the shard's bad lines, never its articles or events.

:func:`run_shards` runs the tasks in this process or on a Dask cluster (a local one of
``workers`` processes, or an existing one at ``scheduler``, whose workers must reach the
shards, the store and the cache at the same paths: a shared file system).
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePath

from timeline.defaults import DASK_WORKERS, spacy_model_name
from timeline.errors import ArticleError, EngineError
from timeline.types import ProgressCallback

__all__ = ["Shard", "ShardListing", "ShardOutcome", "extract_shard", "list_shards", "run_shards"]

_MAGIC = frozenset("*?[")


@dataclass(frozen=True)
class Shard:
    """One article file of a partitioned corpus, by name only: its absolute path."""

    path: str


@dataclass(frozen=True)
class ShardListing:
    """The shards found under the paths given, in name order, and each path that named none."""

    shards: tuple[Shard, ...]
    problems: tuple[ArticleError, ...] = ()


@dataclass(frozen=True)
class ShardOutcome:
    """What one shard's task did: small enough to send back from any worker."""

    shard: str
    articles: int
    events: int
    #: Each line, row or file that could not be read, as one sentence ("file:line: why").
    problems: tuple[str, ...] = ()
    #: Articles skipped because the shard holds them twice.
    duplicates: int = 0


def list_shards(paths: Sequence[str | Path], suffixes: Sequence[str]) -> ShardListing:
    """The article files (with one of ``suffixes``) of folders (searched recursively, hidden ones skipped),
    globs (``feeds/*.jsonl``, ``**`` for any depth) and files; nothing is opened."""
    found: dict[str, Shard] = {}
    problems: list[ArticleError] = []
    wanted = {suffix.lower() for suffix in suffixes}
    for given in paths:
        text = os.fspath(given)
        if _MAGIC.intersection(text) and not Path(text).exists():
            matches = [Path(match) for match in sorted(glob.glob(text, recursive=True))]
            files = [match for match in matches if match.is_file() and match.suffix.lower() in wanted]
            if not files:
                problems.append(ArticleError(text, "matches no article file"))
        elif Path(text).is_dir():
            files = list(_files_under(Path(text), wanted))
            if not files:
                problems.append(ArticleError(text, "is a folder with no article files"))
        elif Path(text).is_file():
            files = [Path(text)]
        else:
            problems.append(ArticleError(text, "does not exist"))
            continue
        for file in files:
            name = os.path.abspath(file)
            found[name] = Shard(name)
    return ShardListing(tuple(found[name] for name in sorted(found)), tuple(problems))


def _files_under(folder: Path, wanted: set[str]) -> Iterator[Path]:
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and PurePath(name).suffix.lower() in wanted:
                yield Path(root) / name


def extract_shard(
    shard: Shard,
    *,
    store: str,
    model: str,
    cache_dir: str | None = None,
    date: dt.date | None = None,
    latest: dt.date | None = None,
) -> ShardOutcome:
    """Read, extract and store one shard (the task a worker runs); returns its counts and problems.

    ``date`` and ``latest`` are :func:`timeline.ingest.load_articles`'s. Raises
    :class:`~timeline.store.StoreError` when the store cannot be written.
    """
    from timeline.engines.partition import extract_partition
    from timeline.ingest import load_articles
    from timeline.store import write_shard

    result = load_articles([Path(shard.path)], date=date, latest=latest)
    frame = extract_partition(result.articles, model=model, cache_dir=cache_dir)
    write_shard(Path(store), shard.path, frame, digest=_digest(Path(shard.path)), articles=len(result.articles))
    return ShardOutcome(
        shard=shard.path,
        articles=len(result.articles),
        events=len(frame),
        problems=tuple(str(problem) for problem in result.problems),
        duplicates=len(result.duplicates),
    )


def run_shards(
    shards: Sequence[Shard],
    *,
    store: str | os.PathLike[str],
    engine: str = "inprocess",
    scheduler: str | None = None,
    workers: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    model: str | None = None,
    date: dt.date | None = None,
    latest: dt.date | None = None,
    on_progress: ProgressCallback | None = None,
) -> list[ShardOutcome]:
    """Run :func:`extract_shard` on every shard, in this process or on Dask; outcomes in shard order.

    ``on_progress`` gets (shards done, shards in all). Raises :class:`EngineError` for bad
    options or an unreachable scheduler, :class:`~timeline.store.StoreError` from a task.
    """
    from timeline.engines import ENGINES

    if engine not in ENGINES:
        raise EngineError(f"The engine {engine!r} is unknown; choose one of {', '.join(ENGINES)}.")
    if scheduler is not None and engine != "dask":
        raise EngineError("A Dask scheduler address only makes sense with the dask engine (--engine dask).")
    # Resolved here, once, so every worker uses the model the user chose.
    task = partial(
        extract_shard,
        store=os.fspath(store),
        model=spacy_model_name(model),
        cache_dir=None if cache_dir is None else os.fspath(cache_dir),
        date=date,
        latest=latest,
    )
    if engine == "inprocess":
        outcomes = []
        for done, shard in enumerate(shards, start=1):
            outcomes.append(task(shard))
            if on_progress is not None:
                on_progress(done, len(shards))
        return outcomes
    return _run_dask(shards, task, scheduler, workers or DASK_WORKERS, on_progress)


def _run_dask(
    shards: Sequence[Shard],
    task: Callable[[Shard], ShardOutcome],
    scheduler: str | None,
    workers: int,
    on_progress: ProgressCallback | None,
    processes: bool = True,
) -> list[ShardOutcome]:
    from distributed import as_completed

    from timeline.engines.dask_engine import dask_client

    if not shards:
        return []
    with dask_client(scheduler, workers, processes) as client:
        # One task per shard, named by it: the scheduler's dashboard says which shard runs where.
        futures = {
            client.submit(task, shard, key=f"timeline-shard-{_key(shard)}", pure=False): index
            for index, shard in enumerate(shards)
        }
        outcomes: dict[int, ShardOutcome] = {}
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            outcomes[futures[future]] = future.result()
            if on_progress is not None:
                on_progress(len(outcomes), len(shards))
    return [outcomes[index] for index in range(len(shards))]


def _key(shard: Shard) -> str:
    return hashlib.sha256(shard.path.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _digest(path: Path) -> str:
    """A digest of the shard file's bytes (read in blocks: a shard may be large)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        # load_articles has already named an unreadable shard; its digest is simply unknown.
        return ""
    return digest.hexdigest()[:16]
