"""Text the dashboard shows through Markdown, made literal: what a user typed or named stays as written.

Streamlit renders alert, caption and label bodies as Markdown, and messages name files
the user chose ("![x](http://…).txt"), so the dashboard passes them through
:func:`markdown_literal`. Nothing else in the library renders Markdown.
"""

from __future__ import annotations

from typing import Final

#: Why the lanes' counts add up to more than the events shown.
LANES_NOTE: Final = (
    "An event can sit in several lanes: one that names Syria and Türkiye is counted in both, "
    "so the lanes add up to more than the events shown."
)

_MARKDOWN_PUNCTUATION: Final = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def markdown_literal(text: str) -> str:
    """``text`` escaped so Markdown shows it as written: no link, image, emphasis or HTML from it.

    CommonMark lets every ASCII punctuation character be escaped with a backslash, which
    is what this does. Line breaks become spaces so a message stays one sentence on one line.
    """
    flat = " ".join(text.split())
    return "".join("\\" + char if char in _MARKDOWN_PUNCTUATION else char for char in flat)


__all__ = ["LANES_NOTE", "markdown_literal"]
