"""Read TempEval-3 TimeML (``.tml``): the DCT, the ``<TEXT>`` and its inline TIMEX3 tags."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from timeline.corpora.document import AnnotatedDocument, GoldTimex
from timeline.errors import EvaluationInputError

_ISO_DAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")
_WRAPPED_LINE = re.compile(r"(?<=\S)\n(?=\S)")


def read_timeml(path: str | Path) -> list[AnnotatedDocument]:
    """Every document in a ``.tml`` file, or in the ``.tml`` files under a folder (sorted)."""
    root = Path(path)
    files = sorted(root.rglob("*.tml")) if root.is_dir() else [root]
    return [read_timeml_file(file) for file in files]


def read_timeml_file(path: Path) -> AnnotatedDocument:
    """One TimeML document; raises :class:`EvaluationInputError` if it cannot be read."""
    try:
        document = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise EvaluationInputError(f"{path}: cannot read it as TimeML ({error}).") from error
    body = document.find(".//TEXT")
    if body is None:
        raise EvaluationInputError(f"{path}: no <TEXT> element, so it is not a TimeML document.")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(body, parts, timexes, [0])
    # TimeML files wrap lines for display; a lone line break is a space, a blank line a paragraph.
    # Both are one character, so the timex offsets stay put.
    text = _WRAPPED_LINE.sub(" ", "".join(parts))
    return AnnotatedDocument(
        doc_id=(document.findtext(".//DOCID") or path.stem).strip(),
        path=str(path),
        text=text,
        creation_date=_creation_date(document),
        timexes=tuple(sorted(timexes, key=lambda t: (t.start, t.end))),
        annotated_end=len(text),
    )


def _walk(element: ET.Element, parts: list[str], timexes: list[GoldTimex], position: list[int]) -> None:
    """Append ``element``'s inner text to ``parts``, recording TIMEX3 spans; position[0] is the offset."""
    if element.text:
        parts.append(element.text)
        position[0] += len(element.text)
    for child in element:
        start = position[0]
        _walk(child, parts, timexes, position)
        if child.tag == "TIMEX3":
            timexes.append(
                GoldTimex(
                    start=start,
                    end=position[0],
                    type=child.get("type", ""),
                    value=child.get("value", ""),
                    is_creation_time=child.get("functionInDocument") == "CREATION_TIME",
                )
            )
        if child.tail:
            parts.append(child.tail)
            position[0] += len(child.tail)


def _creation_date(document: ET.Element) -> dt.date | None:
    candidates = [t for t in document.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"]
    for timex in candidates:
        match = _ISO_DAY.match(timex.get("value", ""))
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None
