"""Plain-text and Markdown article files: an optional front-matter header, then the text."""

from __future__ import annotations

from collections.abc import Iterator

from timeline.articles import article_from_content
from timeline.defaults import MAX_ARTICLE_CHARS
from timeline.errors import ArticleError
from timeline.ingest.decode import decode_bytes, normalise_text
from timeline.ingest.result import Outcome, ReadContext

#: Bytes a text of MAX_ARTICLE_CHARS can take (four per character in UTF-32) plus a header.
_MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS + 64 * 1024


def read_text(data: bytes, context: ReadContext) -> Iterator[Outcome]:
    """The one article of a ``.txt`` or ``.md`` file (see :mod:`timeline.articles` for the header)."""
    if len(data) > _MAX_TEXT_BYTES:
        # Refused before decoding, so a huge dump costs no time; the count is an upper bound.
        yield ArticleError(
            context.where,
            f"is {len(data) / 1e6:,.1f} MB, more than an article may be ({MAX_ARTICLE_CHARS:,} characters, "
            "about 15,000 words); split it into separate articles",
        )
        return
    content = normalise_text(decode_bytes(data, context.where))
    yield article_from_content(
        content, context.where, default_title=context.default_title, date=context.date, latest=context.latest
    )
