"""A corpus's stamp: what changes when any of its article files changes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def corpus_stamp(paths: Sequence[str | Path], suffixes: Sequence[str]) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every file with one of ``suffixes`` under ``paths``, in name order.

    Two equal stamps mean the corpus has not changed since, so its events need not be
    looked up again; reading the stamp costs one ``stat`` per file, not one read.
    """
    stamps: list[tuple[str, int, int]] = []
    for given in paths:
        path = Path(given)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in suffixes and file.is_file():
                stat = file.stat()
                stamps.append((str(file), stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)
