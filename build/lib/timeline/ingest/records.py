"""One structured record (a JSON object, a CSV row) to an article."""

from __future__ import annotations

from collections.abc import Mapping

from timeline.articles import KNOWN_KEYS, article_from_fields
from timeline.errors import ArticleError
from timeline.ingest.decode import normalise_text
from timeline.ingest.result import ReadContext
from timeline.types import Article


def article_from_record(record: Mapping[str, object], where: str, context: ReadContext) -> Article:
    """The article of ``record`` (keys ``id``, ``title``, ``date``, ``source``, ``url``, ``text``).

    An untitled record is titled by ``where`` (``file:line``), not the file's name,
    which it shares with every other record.

    Raises :class:`ArticleError` naming ``where`` when a field is missing or of the wrong kind.
    """
    text = record.get("text")
    if text is None:
        raise ArticleError(where, "has no 'text' field")
    if not isinstance(text, str):
        raise ArticleError(where, f"has {_kind(text)} in its 'text' field where the article text belongs")
    fields: dict[str, str] = {}
    for key in KNOWN_KEYS:
        value = record.get(key)
        if value is None:
            continue
        # An id or a title may well be a number; a list or an object is a mistake.
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ArticleError(where, f"has {_kind(value)} in its {key!r} field where text belongs")
        fields[key] = normalise_text(str(value))
    return article_from_fields(
        fields,
        normalise_text(text),
        where,
        date=context.date,
        latest=context.latest,
    )


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"
