"""timeline.ui_text: messages shown through Markdown stay literal."""

from __future__ import annotations

import pytest

from timeline.ui_text import markdown_literal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bad.txt: is empty", r"bad\.txt\: is empty"),
        ("![x](http://e/a.png).txt", r"\!\[x\]\(http\:\/\/e\/a\.png\)\.txt"),
        ("<b>bold</b> *em* `code` $x$", r"\<b\>bold\<\/b\> \*em\* \`code\` \$x\$"),
        ("two\nlines\r\n  here", "two lines here"),
        ("Türkiye café", "Türkiye café"),
    ],
)
def test_ui_text_markdown_literal(text, expected):
    """Messages shown through Markdown have every ASCII punctuation escaped and stay on one line."""
    assert markdown_literal(text) == expected
