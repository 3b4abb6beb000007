"""Articles in from files, folders and uploads: the good ones, once each, and a problem for each bad one.

Formats, chosen by suffix: ``.txt``/``.md`` (front-matter header, see
:mod:`timeline.articles`), ``.jsonl`` (one article object a line), ``.json`` (an
object or a list), ``.csv``/``.tsv`` (a header row, one article a row),
``.html``/``.htm`` (main text by trafilatura, date from the page's metadata) and
``.parquet`` (a table with the JSONL columns, one article a row).

Rules every format follows:

- Nothing raises for bad input: each unreadable file, line or row becomes one
  :class:`~timeline.errors.ArticleError` in :attr:`IngestResult.problems` whose
  ``where`` names the file (and line) and whose ``reason`` says why, and every
  other article is still read.
- A missing publication date is never guessed: it is an
  :class:`~timeline.errors.ArticleDateError` unless ``date`` is given. A date that
  is stated but impossible (2024-02-30) or later than ``latest`` (front ends pass
  today's date; the library never reads the clock) is a problem even then.
- Bytes are decoded as UTF-8 (or by their byte-order mark), and only when that fails
  is the encoding detected; binary files are refused.
- An article's id is its own, or a hash of its text and date; the same article read
  twice is kept once (see :attr:`IngestResult.duplicates`).
- Limits (:mod:`timeline.defaults`, README "Limits"): an article text of at most
  ``MAX_ARTICLE_CHARS`` characters, files and uploads of at most ``MAX_FILE_BYTES``
  (a Parquet file by its uncompressed size), JSON nested at most ``MAX_JSON_DEPTH``
  deep with integers of at most ``MAX_NUMBER_DIGITS`` digits; larger inputs are refused
  with a sentence, never truncated.
- Only regular files are opened: a named pipe, a device or a socket is refused from
  its ``stat``, unopened (:mod:`timeline.opening`).
- Whatever a reader did not expect is that input's problem, one sentence with a
  reference to the error log (:mod:`timeline.incidents`), never an exception.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath

from timeline.articles import check_plausible
from timeline.defaults import (
    CSV_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_FILE_BYTES,
    PARQUET_SUFFIXES,
    TEXT_SUFFIXES,
)
from timeline.errors import ArticleError, InputFileError, shown
from timeline.incidents import log_incident
from timeline.ingest import stamp
from timeline.ingest.csvfile import read_csv, read_tsv
from timeline.ingest.files import read_text
from timeline.ingest.htmlpage import read_html
from timeline.ingest.jsonl import read_json, read_jsonl
from timeline.ingest.parquetfile import read_parquet
from timeline.ingest.result import Collector, IngestResult, Outcome, ReadContext
from timeline.ingest.suggest import suggest_date
from timeline.opening import read_bytes, too_large_reason, why

__all__ = ["SUPPORTED_SUFFIXES", "IngestResult", "corpus_stamp", "load_articles", "load_upload", "suggest_date"]

Reader = Callable[[bytes, ReadContext], Iterator[Outcome]]

_READERS: dict[str, Reader] = {
    **dict.fromkeys(TEXT_SUFFIXES, read_text),
    **dict.fromkeys(JSONL_SUFFIXES, read_jsonl),
    **dict.fromkeys(JSON_SUFFIXES, read_json),
    **dict.fromkeys((suffix for suffix in CSV_SUFFIXES if suffix != ".tsv"), read_csv),
    ".tsv": read_tsv,
    **dict.fromkeys(HTML_SUFFIXES, read_html),
    **dict.fromkeys(PARQUET_SUFFIXES, read_parquet),
}
#: Every suffix read, lower case; folders are searched for these.
SUPPORTED_SUFFIXES = tuple(_READERS)


def corpus_stamp(paths: Sequence[str | Path]) -> tuple[tuple[str, int, int], ...]:
    """What changes when any article file under ``paths`` changes (see :func:`timeline.ingest.stamp.corpus_stamp`)."""
    return stamp.corpus_stamp(paths, SUPPORTED_SUFFIXES)


def load_articles(
    paths: Sequence[str | Path], *, date: dt.date | None = None, latest: dt.date | None = None
) -> IngestResult:
    """Read the articles of ``paths`` (files, or folders searched recursively by suffix).

    ``date`` is the publication date of articles that state none; ``latest`` the latest
    publication date accepted (pass today's date). Raises
    :class:`~timeline.errors.ArticleDateError` only when ``date`` itself is after
    ``latest`` or implausible; every bad input is a problem in the result.
    """
    _check_given_date(date, latest)
    collector = Collector()
    for given in paths:
        path = Path(given)
        try:
            is_folder, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as error:
            collector.problem(ArticleError(str(path), f"could not be read ({why(error)})"))
            continue
        if is_folder:
            files = _article_files(path, collector)
            if not files:
                collector.problem(ArticleError(str(path), f"is a folder with no article files ({_suffix_list()})"))
            for file in files:
                collector.extend(_load_file(file, date=date, latest=latest))
        elif exists:
            collector.extend(_load_file(path, date=date, latest=latest))
        else:
            collector.problem(ArticleError(str(path), "does not exist"))
    return collector.result()


def load_upload(name: str, data: bytes, *, date: dt.date | None = None, latest: dt.date | None = None) -> IngestResult:
    """Read the articles of one uploaded file, or of pasted text (a ``name`` without suffix is text).

    Same rules and arguments as :func:`load_articles`; ``name`` only chooses the format
    and names the upload in problems.
    """
    _check_given_date(date, latest)
    suffix = PurePath(name).suffix.lower()
    reader = _READERS.get(suffix) if suffix else read_text
    if reader is None:
        return IngestResult(problems=(_unsupported(name, suffix),))
    if len(data) > MAX_FILE_BYTES:
        return IngestResult(problems=(_too_large(name, len(data)),))
    return _read(reader, data, ReadContext(name, PurePath(name).stem, date, latest))


def _load_file(path: Path, *, date: dt.date | None, latest: dt.date | None) -> IngestResult:
    where = str(path)
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        return IngestResult(problems=(_unsupported(where, suffix),))
    try:
        # A pipe or a device could be read forever: only a regular file is opened.
        data = read_bytes(path, MAX_FILE_BYTES)
    except InputFileError as error:
        return IngestResult(problems=(ArticleError(where, error.reason),))
    return _read(reader, data, ReadContext(where, path.stem, date, latest))


def _read(reader: Reader, data: bytes, context: ReadContext) -> IngestResult:
    collector = Collector()
    try:
        for outcome in reader(data, context):
            if isinstance(outcome, ArticleError):
                collector.problem(outcome)
            else:
                collector.add(outcome)
    except ArticleError as error:
        collector.problem(error)
    # The boundary of one input: whatever a reader did not expect is this input's problem, logged
    # with its stack; the articles read before it and every other input are kept.
    except Exception as error:
        incident = log_incident(error, f"reading {shown(context.where)}")
        reason = f"could not be read because of an internal error; {incident.details(with_path=False)}"
        collector.problem(ArticleError(context.where, reason))
    return collector.result()


def _article_files(folder: Path, collector: Collector) -> list[Path]:
    """Files under ``folder`` with a supported suffix, sorted; hidden files and folders are skipped.

    A subfolder that cannot be listed is a problem in ``collector``.
    """
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        collector.problem(ArticleError(str(error.filename or folder), f"could not be read ({why(error)})"))

    # os.walk does not follow links to folders, so a link loop cannot trap it.
    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(
            Path(root) / name
            for name in sorted(names)
            if not name.startswith(".") and PurePath(name).suffix.lower() in _READERS
        )
    return found


def _check_given_date(date: dt.date | None, latest: dt.date | None) -> None:
    if date is not None:
        check_plausible(date, "the date given for undated articles", latest=latest)


def _unsupported(where: str, suffix: str) -> ArticleError:
    kind = f"a {suffix} file" if suffix else "a file without a suffix"
    return ArticleError(where, f"is {kind}, which is not an article format read here ({_suffix_list()})")


def _too_large(where: str, size: int) -> ArticleError:
    return ArticleError(where, too_large_reason(size, MAX_FILE_BYTES))


def _suffix_list() -> str:
    return ", ".join(SUPPORTED_SUFFIXES)
