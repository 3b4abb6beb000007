"""The cache folder's files: its lock, and part files named by their checksum.

A part is written to ``tmp/`` under a name of its own, then renamed into ``parts/`` as
``<sha256 of its bytes>.parquet``: a reader sees a whole part or none, two writers never
share a temporary file, and two writers of the same events write the same name. A part
is served only when its bytes still hash to the checksum the index holds for it.

A process killed mid-write leaves a file in ``tmp/``; the next cache to find the folder
idle removes it. "Idle" is the lock: writers hold it shared while they write (a part and
then its index rows), and removing temporary files or mending the index takes it
exclusively, so neither happens under a writer's feet.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if sys.platform != "win32":
    import fcntl

__all__ = ["FolderLock", "PartFiles", "is_checksum"]

_CHECKSUM = re.compile(r"[0-9a-f]{64}")


def is_checksum(value: object) -> bool:
    """Whether ``value`` is a sha256 digest as the cache writes it (64 lower-case hex digits)."""
    return isinstance(value, str) and _CHECKSUM.fullmatch(value) is not None


class FolderLock:
    """An advisory lock on a cache folder, held by threads and processes alike.

    It is ``fcntl.flock`` on the folder's ``lock`` file, opened anew for every hold: flock
    belongs to an open file, so two threads of one server exclude each other as two
    processes do, and a killed process's hold ends with it. Where there is no flock
    (Windows) holding it does nothing, and temporary files are never removed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def hold(self, *, exclusive: bool, wait: bool = True) -> Iterator[bool]:
        """Hold the lock (shared or exclusive) for the ``with`` block; yields whether it is held.

        With ``wait=False`` the block runs at once, told False when someone else holds it.
        Raises ``OSError`` when the lock file cannot be opened.
        """
        if sys.platform == "win32":
            yield False
            return
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
            try:
                fcntl.flock(handle, mode if wait else mode | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            # Closing the file ends the hold.
            os.close(handle)


class PartFiles:
    """The ``parts/`` and ``tmp/`` folders of one cache version."""

    def __init__(self, root: Path) -> None:
        self.parts = root / "parts"
        self.temporary = root / "tmp"

    def make(self) -> None:
        """Create both folders; raises ``OSError`` when they cannot be."""
        self.parts.mkdir(parents=True, exist_ok=True)
        self.temporary.mkdir(exist_ok=True)

    def write(self, data: bytes) -> str:
        """Store ``data`` as a part and return its checksum, which names it. Raises ``OSError``."""
        checksum = hashlib.sha256(data).hexdigest()
        handle, temporary = tempfile.mkstemp(dir=self.temporary, suffix=".parquet")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, self.path(checksum))
        finally:
            Path(temporary).unlink(missing_ok=True)
        return checksum

    def read(self, checksum: str) -> bytes | None:
        """The bytes of the part ``checksum`` names, or None when it is missing or its bytes no longer match."""
        try:
            data = self.path(checksum).read_bytes()
        except OSError:
            return None
        # One pass over bytes already in memory: about a millisecond per megabyte.
        return data if hashlib.sha256(data).hexdigest() == checksum else None

    def path(self, checksum: str) -> Path:
        """Where the part ``checksum`` names lives."""
        return self.parts / f"{checksum}.parquet"

    def remove_temporary(self) -> int:
        """Remove what writers left in ``tmp/``; call it only while holding the lock exclusively.

        Returns how many files were removed. Raises ``OSError`` when the folder cannot be listed.
        """
        removed = 0
        for leftover in self.temporary.iterdir():
            try:
                leftover.unlink()
            except OSError:
                # A file that cannot be removed now is tried again next time; it is never read.
                continue
            removed += 1
        return removed
