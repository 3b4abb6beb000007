"""The held-out entity set: a reader of its JSON format and a scorer of names and countries.

Format (one ``.json`` file per article, see ``tests/data/heldout_entities/README.md``)::

    {"id": "...", "date": "YYYY-MM-DD", "title": "...", "body": "...",
     "mentions": [{"text": "...", "type": "PER|ORG|LOC", "canonical": "...", "country": "..."}]}

The analysed text is the title, a line break, then the body. Mentions are listed in
body order; each is located at the first occurrence of its text after the previous
mention, so repeated names need no offsets. Only the body is annotated: predictions in
the title are not scored.

Besides typed overlap P/R/F1 (as for MEANTIME), the scorer reports, over gold mentions
found by a prediction of their type, how often the prediction's canonical name and its
country equal the gold ones.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import EvaluationInputError
from timeline.evaluation.scores import overlaps, score
from timeline.evaluation.tagging import tag_texts
from timeline.types import EntityMention, EntityType

_TYPES = {"PER": EntityType.PERSON, "ORG": EntityType.ORGANISATION, "LOC": EntityType.LOCATION}
_SCORED = frozenset(_TYPES.values())


@dataclass(frozen=True)
class GoldName:
    """One annotated name: its span in the analysed text, type, canonical name and country."""

    start: int
    end: int
    type: EntityType
    canonical: str
    country: str


@dataclass(frozen=True)
class HeldoutDocument:
    """One held-out article: analysed text, the offset where the annotated body starts, gold names."""

    doc_id: str
    path: str
    date: dt.date
    text: str
    body_start: int
    names: tuple[GoldName, ...] = field(default_factory=tuple)


@dataclass
class NameTally:
    """Typed overlap counts plus canonical-name and country agreement of found gold mentions."""

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    canonical_right: int = 0
    country_right: int = 0
    documents: int = 0
    misses: list[str] = field(default_factory=list)


def is_heldout(path: Path) -> bool:
    """Whether ``path`` is a held-out file or a folder holding held-out files (and no corpus XML)."""
    if path.is_dir():
        return any(path.glob("*.json")) and not any(path.rglob("*.xml"))
    return path.suffix == ".json"


def read_heldout(paths: Iterable[str | Path]) -> list[HeldoutDocument]:
    """Every held-out article under ``paths``; :class:`EvaluationInputError` names a bad file."""
    documents: list[HeldoutDocument] = []
    for given in paths:
        path = Path(given)
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        documents.extend(_read_file(file) for file in files)
    return documents


def _read_file(path: Path) -> HeldoutDocument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        title, body = str(data["title"]), str(data["body"])
        text = f"{title}\n{body}"
        position = body_start = len(title) + 1
        names: list[GoldName] = []
        for item in data["mentions"]:
            written = str(item["text"])
            start = text.find(written, position)
            if start < 0:
                raise ValueError(f"mention {written!r} is not in the body after the previous one")
            kind = _TYPES[str(item["type"])]
            names.append(GoldName(start, start + len(written), kind, str(item["canonical"]), str(item["country"])))
            position = start + len(written)
        return HeldoutDocument(
            str(data["id"]), str(path), dt.date.fromisoformat(str(data["date"])), text, body_start, tuple(names)
        )
    except FileNotFoundError:
        raise EvaluationInputError(f"{path}: no such file.") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise EvaluationInputError(f"{path}: not a held-out entity file ({error}).") from None


def score_heldout(document: HeldoutDocument, mentions: Sequence[EntityMention], tally: NameTally) -> None:
    """Add one article's counts to ``tally``."""
    predicted = [m for m in mentions if m.standalone and m.type in _SCORED and m.start >= document.body_start]
    for mention in predicted:
        tally.predicted += 1
        correct = any(overlaps(mention, name) and name.type == mention.type for name in document.names)
        tally.correct += correct
        if not correct:
            tally.misses.append(f"{document.doc_id}: spurious {mention.type.value} {mention.text!r}")
    for name in document.names:
        tally.gold += 1
        match = next((m for m in predicted if overlaps(m, name) and m.type == name.type), None)
        written = document.text[name.start : name.end]
        if match is None:
            tally.misses.append(f"{document.doc_id}: missed {name.type.value} {written!r}")
            continue
        tally.found += 1
        tally.canonical_right += match.canonical == name.canonical
        tally.country_right += match.country == name.country
        if match.canonical != name.canonical or match.country != name.country:
            tally.misses.append(
                f"{document.doc_id}: {written!r} -> {match.canonical!r}/{match.country!r},"
                f" gold {name.canonical!r}/{name.country!r}"
            )
    tally.documents += 1


def evaluate_heldout(documents: Sequence[HeldoutDocument]) -> NameTally:
    """Tag every held-out article and score it."""
    tally = NameTally()
    for document, mentions in zip(documents, tag_texts(document.text for document in documents), strict=True):
        score_heldout(document, mentions, tally)
    return tally


def report_heldout(tally: NameTally, *, details: bool = False) -> str:
    """Typed F1, then canonical-name and country accuracy of the found mentions."""
    scores = score(tally.correct, tally.predicted, tally.found, tally.gold)
    found = tally.found or 1
    lines = [
        f"Held-out named entities (typed overlap) on {tally.documents} documents",
        f"gold {tally.gold}  pred {tally.predicted}  P {scores.precision:.3f}  R {scores.recall:.3f}"
        f"  F1 {scores.f1:.3f}",
        f"canonical name accuracy {tally.canonical_right / found:.3f}  ({tally.canonical_right}/{tally.found})",
        f"country accuracy {tally.country_right / found:.3f}  ({tally.country_right}/{tally.found})",
    ]
    if details:
        lines.extend(tally.misses)
    return "\n".join(lines)
