"""timeline.errors: names are shown escaped, and each error's message is one printable sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.errors import ArticleError, InputFileError, shown


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plain/ü/Zürich “quoted”.txt", "plain/ü/Zürich “quoted”.txt"),
        ("red\x1b[31m.txt", "red\\x1b[31m.txt"),
        ("title\x1b]0;owned\x07.txt", "title\\x1b]0;owned\\x07.txt"),
        ("two\nlines\r\tand a tab", "two\\nlines\\r\\tand a tab"),
        ("right-to-left\u202eexe.txt", "right-to-left\\u202eexe.txt"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("not utf-8 \udcff\udce9", "not utf-8 \\xff\\xe9"),
        ("half \ud800 pair", "half \\ud800 pair"),
        ("tag \U000e0041", "tag \\U000e0041"),
        (Path("a/b\x00c"), "a/b\\x00c"),
    ],
)
def test_errors_shown_escapes_what_a_terminal_would_obey(name, expected):
    """Control, format and separator characters and undecodable bytes become escapes; the rest is unchanged."""
    assert shown(name) == expected
    assert shown(shown(name)) == shown(name)


@pytest.mark.parametrize("error_class", [ArticleError, InputFileError])
def test_errors_message_shows_where_escaped_and_keeps_it(error_class):
    """The message shows the name escaped; ``where`` stays as given, for front ends to match."""
    error = error_class("bad\x1b[2J.txt", "is empty")
    assert error.where == "bad\x1b[2J.txt"
    assert str(error).startswith("bad\\x1b[2J.txt: is empty")
    assert str(error).isprintable()
