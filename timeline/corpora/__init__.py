"""Readers of annotated corpora (MEANTIME CAT XML, TempEval-3 TimeML) into one document type."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from timeline.corpora.document import AnnotatedDocument, GoldEntity, GoldEvent, GoldParticipant, GoldTimex
from timeline.corpora.meantime import read_meantime
from timeline.corpora.timeml import read_timeml
from timeline.errors import EvaluationInputError

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


def read_corpus(paths: Iterable[str | Path]) -> list[AnnotatedDocument]:
    """Every document under ``paths`` (files or folders): ``.xml`` as MEANTIME, ``.tml`` as TimeML."""
    documents: list[AnnotatedDocument] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            documents.extend(read_meantime(file)[0] for file in sorted(path.rglob("*.xml")))
            documents.extend(read_timeml(file)[0] for file in sorted(path.rglob("*.tml")))
        elif not path.exists():
            raise EvaluationInputError(f"{path}: no such file or folder.")
        elif path.suffix == ".tml":
            documents.extend(read_timeml(path))
        elif path.suffix == ".xml":
            documents.extend(read_meantime(path))
        else:
            raise EvaluationInputError(f"{path}: not a corpus file (expected .xml CAT or .tml TimeML).")
    return documents
