"""The event cache under concurrent use: threads of one server, processes sharing a folder, a writer killed."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.conftest import PROJECT, SEED_FILE
from tests.test_cache import CountingExtractor, _article
from timeline.cache import ExtractionCache, cached_extract, pipeline_version
from timeline.types import Article, ProgressCallback

VERSION = "1+model"
THREADS = 12
PROCESSES = 3
#: Our own short articles, enough that extracting and storing them overlap between workers.
ARTICLES = tuple(
    _article(f"a{number}", f"Fidan met Al-Thani in Doha, talk {number}. Talks went on.") for number in range(40)
)


class SlowExtractor(CountingExtractor):
    """The counting stand-in, slowed so that concurrent runs are all extracting at once."""

    def __call__(self, articles: Sequence[Article], /, *, on_progress: ProgressCallback | None = None) -> pd.DataFrame:
        time.sleep(0.2)
        return super().__call__(articles, on_progress=on_progress)


def _subset(index: int) -> list[Article]:
    # Overlapping shares: every article is wanted by several workers, each in its own company.
    return [article for number, article in enumerate(ARTICLES) if number % 3 != index % 3]


@pytest.mark.parametrize("overlapping", [False, True], ids=["one-corpus", "overlapping-shares"])
def test_cache_concurrency_threads_on_a_cold_cache(tmp_path: Path, overlapping: bool) -> None:
    """Many threads extracting into one cold cache at once all get their table, with no error and no warning."""
    barrier = threading.Barrier(THREADS)
    warnings: list[str] = []

    def run(index: int) -> pd.DataFrame:
        wanted = _subset(index) if overlapping else list(ARTICLES)
        barrier.wait()
        return cached_extract(wanted, tmp_path, extract=SlowExtractor(), version=VERSION, on_warning=warnings.append)

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(run, range(THREADS)))
    for index, frame in enumerate(results):
        pd.testing.assert_frame_equal(frame, CountingExtractor()(_subset(index) if overlapping else list(ARTICLES)))
    assert warnings == []
    _assert_served_whole(tmp_path)


def test_cache_concurrency_threads_mend_a_damaged_index_once(tmp_path: Path) -> None:
    """Threads that all find the index damaged set it aside once, with one warning between them."""
    cached_extract(ARTICLES, tmp_path, extract=CountingExtractor(), version=VERSION)
    root = ExtractionCache(tmp_path, VERSION).root
    (root / "index.sqlite").write_bytes(b"not a database" * 100)
    barrier = threading.Barrier(THREADS)
    warnings: list[str] = []

    def run(_: int) -> pd.DataFrame:
        barrier.wait()
        return cached_extract(ARTICLES, tmp_path, extract=SlowExtractor(), version=VERSION, on_warning=warnings.append)

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(run, range(THREADS)))
    expected = CountingExtractor()(list(ARTICLES))
    for frame in results:
        pd.testing.assert_frame_equal(frame, expected)
    assert len(warnings) == 1
    assert [path.name for path in root.glob("index.sqlite.corrupt-*")] == ["index.sqlite.corrupt-1"]


def _extract_in_a_process(cache_dir: str, index: int, barrier: Any, results: Any) -> None:
    """A worker process: wait for the others, extract its share into the shared cache, send back its table."""
    try:
        barrier.wait()
        frame = cached_extract(_subset(index), cache_dir, extract=SlowExtractor(), version=VERSION)
        results.put((index, frame, None))
    except Exception as error:  # sent back whole, so the test shows what failed in the child
        results.put((index, None, repr(error)))


def test_cache_concurrency_processes_share_one_folder(tmp_path: Path) -> None:
    """Processes extracting overlapping shares into one cold cache at once all finish, each with its right table."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(PROCESSES), context.Queue()
    workers = [
        context.Process(target=_extract_in_a_process, args=(str(tmp_path), index, barrier, results))
        for index in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    # Read before joining: a child cannot exit while its result is still in the pipe.
    received = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert [error for _, _, error in received] == [None] * PROCESSES
    for index, frame, _ in received:
        pd.testing.assert_frame_equal(frame, CountingExtractor()(_subset(index)))
    _assert_served_whole(tmp_path)


_CRASH = """
import os, sys
from tests.test_cache_concurrency import ARTICLES, VERSION
from tests.test_cache import CountingExtractor
import timeline.cache.files, timeline.cache.index
from timeline.cache import cached_extract

def crash(*args, **kwargs):
    os._exit(3)

if sys.argv[2] == "before-index":
    timeline.cache.index.CacheIndex.record = crash
else:
    timeline.cache.files.os.replace = crash
cached_extract(ARTICLES, sys.argv[1], extract=CountingExtractor(), version=VERSION)
"""


@pytest.mark.parametrize(
    ("moment", "left_in_tmp"),
    [pytest.param("before-index", 0, id="part-written-index-not"), pytest.param("mid-part", 1, id="mid-part")],
)
def test_cache_concurrency_a_killed_writer_leaves_a_usable_cache(tmp_path: Path, moment: str, left_in_tmp: int) -> None:
    """A process killed between writing a part and its index rows, or mid-part, leaves a cache the next run uses."""
    crashed = subprocess.run(
        [sys.executable, "-c", _CRASH, str(tmp_path), moment], cwd=PROJECT, capture_output=True, text=True, timeout=120
    )
    assert crashed.returncode == 3, crashed.stderr
    # Looked at without opening the cache, which would tidy it.
    (root_dir,) = tmp_path.glob("v*")
    assert len(list((root_dir / "tmp").iterdir())) == left_in_tmp
    extractor, warnings = CountingExtractor(), []
    frame = cached_extract(ARTICLES, tmp_path, extract=extractor, version=VERSION, on_warning=warnings.append)
    pd.testing.assert_frame_equal(frame, CountingExtractor()(list(ARTICLES)))
    # Nothing the crashed run wrote is trusted: no index row named its part.
    assert extractor.seen == [article.article_id for article in ARTICLES]
    assert warnings == []
    assert list((root_dir / "tmp").iterdir()) == []
    _assert_served_whole(tmp_path)


def _assert_served_whole(cache_dir: Path) -> None:
    """The cache now gives the whole corpus without extracting anything."""
    never = CountingExtractor()
    frame = cached_extract(ARTICLES, cache_dir, extract=never, version=VERSION)
    assert never.seen == []
    pd.testing.assert_frame_equal(frame, CountingExtractor()(list(ARTICLES)))


@pytest.mark.slow
def test_cache_concurrency_two_cli_runs_on_one_damaged_cache(tmp_path: Path) -> None:
    """Two `timeline extract` runs at once on one cache with a damaged index both write the same table; one warns."""
    cache = tmp_path / "cache"
    root = ExtractionCache(cache, pipeline_version()).root
    (root / "index.sqlite").write_bytes(b"not a database" * 100)
    command = [sys.executable, "-m", "timeline", "extract", str(SEED_FILE), "--cache", str(cache), "--format", "jsonl"]
    runs = [subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err.decode() for _, err in outputs]
    assert outputs[0][0] == outputs[1][0]
    assert outputs[0][0].count(b"\n") > 0
    errors = [err.decode() for _, err in outputs]
    assert not [text for text in errors if "Traceback" in text or "error:" in text]
    assert sum(text.count("set aside as index.sqlite.corrupt-1") for text in errors) == 1
