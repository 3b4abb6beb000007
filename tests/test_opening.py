"""timeline.opening: only regular files are opened, never more of them than the limit."""

from __future__ import annotations

import os

import pytest

from timeline.errors import InputFileError
from timeline.opening import _open_regular, check_regular, open_text, read_bytes


@pytest.mark.parametrize("over", [0, 1], ids=["at-limit", "past-limit"])
def test_opening_read_bytes_limit(tmp_path, over):
    """A file of exactly the limit is read whole; one byte more is refused, saying both sizes."""
    path = tmp_path / "f.jsonl"
    path.write_bytes(b"x" * 1000)
    if over:
        with pytest.raises(InputFileError) as raised:
            read_bytes(path, 1000 - over)
        assert raised.value.reason == "is 0.0 MB, more than the 0.0 MB read from one file; split it"
    else:
        assert read_bytes(path, 1000) == b"x" * 1000


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: path.mkdir(), "is a folder, not a regular file, so it is not read"),
        (os.mkfifo, "is a named pipe, not a regular file, so it is not read"),
        (lambda path: path.symlink_to(os.devnull), "is a character device, not a regular file, so it is not read"),
        (lambda path: None, "does not exist"),
    ],
    ids=["folder", "fifo", "device", "missing"],
)
def test_opening_refuses_what_is_not_a_regular_file(tmp_path, make, reason):
    """A folder, a pipe, a device or nothing at all is refused with a sentence, by each way of opening."""
    path = tmp_path / "input.jsonl"
    make(path)
    for opener in (check_regular, lambda p: read_bytes(p, 100), open_text, _open_regular):
        with pytest.raises(InputFileError) as raised:
            opener(path)
        assert (raised.value.where, raised.value.reason) == (str(path), reason)
        assert str(raised.value) == f"{path}: {reason}."


def test_opening_pipe_swapped_in_after_the_check_is_refused_without_waiting(tmp_path):
    """A pipe that replaces a file between the stat and the open is opened without blocking and refused."""
    path = tmp_path / "swapped.jsonl"
    os.mkfifo(path)
    # _open_regular is what runs after check_regular; on a pipe with no writer a blocking open would hang.
    with pytest.raises(InputFileError, match="is a named pipe"):
        _open_regular(path)


def test_opening_open_text_replaces_undecodable_bytes(tmp_path):
    """The batch commands' text stream reads UTF-8, replacing bytes that are not."""
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"caf\xe9\nok\n")
    with open_text(path) as stream:
        assert stream.readlines() == ["caf\ufffd\n", "ok\n"]
