"""Opening an input file: only a regular file, and never more of it than a stated size.

A named pipe, a device or a socket is refused from its ``os.stat``, before it is opened:
opening a pipe for reading waits for a writer that may never come, and a device may
never end. The file is then opened without blocking and checked again through its
descriptor, so one swapped in between the two looks is refused as well. Every refusal is
an :class:`~timeline.errors.InputFileError` whose reason completes a sentence.
"""

from __future__ import annotations

import io
import os
import stat
from typing import Final, TextIO

from timeline.errors import InputFileError

__all__ = ["check_regular", "megabytes", "open_text", "read_bytes", "too_large_reason", "why"]

_KINDS: Final = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_OPEN_FLAGS: Final = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
)


def check_regular(path: str | os.PathLike[str]) -> os.stat_result:
    """The ``os.stat`` of ``path``; raises :class:`InputFileError` unless it is a regular file."""
    where = os.fspath(path)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(where, "does not exist") from None
    except (OSError, ValueError) as error:
        raise InputFileError(where, f"could not be read ({why(error)})") from None
    _check_mode(where, status)
    return status


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """All the bytes of the regular file ``path``; raises :class:`InputFileError` past ``limit`` bytes.

    The size is checked before anything is read, and again while reading, in case the
    file grows in between.
    """
    where = os.fspath(path)
    size = check_regular(path).st_size
    if size > limit:
        raise InputFileError(where, too_large_reason(size, limit))
    with _open_regular(path) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputFileError(where, too_large_reason(len(data), limit))
    return data


def open_text(path: str | os.PathLike[str]) -> TextIO:
    """The regular file ``path`` opened as UTF-8 text (undecodable bytes replaced), for line-by-line reading."""
    check_regular(path)
    return io.TextIOWrapper(_open_regular(path), encoding="utf-8", errors="replace")


def too_large_reason(size: int, limit: int) -> str:
    """Why an input of ``size`` bytes is refused, as the end of a sentence."""
    return f"is {megabytes(size)}, more than the {megabytes(limit)} read from one file; split it"


def why(error: BaseException) -> str:
    """The reason an ``OSError`` gives, in words ("Permission denied"), else its message."""
    return (error.strerror if isinstance(error, OSError) else None) or str(error) or type(error).__name__


def _open_regular(path: str | os.PathLike[str]) -> io.BufferedReader:
    where = os.fspath(path)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputFileError(where, "does not exist") from None
    except (OSError, ValueError) as error:
        raise InputFileError(where, f"could not be read ({why(error)})") from None
    try:
        _check_mode(where, os.fstat(descriptor))
        return open(descriptor, "rb", closefd=True)
    except BaseException:
        os.close(descriptor)
        raise


def _check_mode(where: str, status: os.stat_result) -> None:
    if stat.S_ISREG(status.st_mode):
        return
    kind = next((name for test, name in _KINDS if test(status.st_mode)), "a special file")
    raise InputFileError(where, f"is {kind}, not a regular file, so it is not read")


def megabytes(size: int) -> str:
    """``size`` bytes in words ("200.0 MB"): binary megabytes, as Streamlit's upload limit counts them."""
    return f"{size / 2**20:,.1f} MB"

