"""Readers of annotated corpora (MEANTIME CAT XML, TempEval-3 TimeML) into one document type."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from timeline.corpora.document import AnnotatedDocument, GoldEntity, GoldEvent, GoldParticipant, GoldTimex
from timeline.corpora.meantime import read_meantime
from timeline.corpora.timeml import read_timeml
from timeline.defaults import MAX_FILE_BYTES
from timeline.errors import EvaluationInputError, InputFileError, shown
from timeline.opening import check_regular, too_large_reason

__all__ = [
    "AnnotatedDocument",
    "GoldEntity",
    "GoldEvent",
    "GoldParticipant",
    "GoldTimex",
    "read_corpus",
    "read_meantime",
    "read_timeml",
]

_Reader = Callable[[Path], list[AnnotatedDocument]]
_READERS: dict[str, _Reader] = {".xml": read_meantime, ".tml": read_timeml}


def read_corpus(paths: Iterable[str | Path]) -> list[AnnotatedDocument]:
    """Every document under ``paths`` (files or folders): ``.xml`` as MEANTIME, ``.tml`` as TimeML.

    Each file is checked before it is read: only a regular file of at most
    ``MAX_FILE_BYTES`` is parsed, and a file too deeply nested to parse is named. Raises
    :class:`EvaluationInputError` naming the first file that cannot be read: a score
    over part of a corpus would not say what it measured.
    """
    documents: list[AnnotatedDocument] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for suffix, reader in _READERS.items():
                for file in sorted(path.rglob(f"*{suffix}")):
                    documents.extend(_read(file, reader))
        elif not path.exists():
            raise EvaluationInputError(f"{shown(path)}: no such file or folder.")
        elif path.suffix in _READERS:
            documents.extend(_read(path, _READERS[path.suffix]))
        else:
            raise EvaluationInputError(f"{shown(path)}: not a corpus file (expected .xml CAT or .tml TimeML).")
    return documents


def _read(file: Path, reader: _Reader) -> list[AnnotatedDocument]:
    """The documents of one corpus file, or :class:`EvaluationInputError` naming it."""
    try:
        size = check_regular(file).st_size
    except InputFileError as error:
        raise EvaluationInputError(str(error)) from None
    if size > MAX_FILE_BYTES:
        raise EvaluationInputError(f"{shown(file)}: {too_large_reason(size, MAX_FILE_BYTES)}.")
    try:
        return reader(file)
    except RecursionError:
        raise EvaluationInputError(
            f"{shown(file)}: its elements are nested too deeply to read, so it is not an annotated news document."
        ) from None
