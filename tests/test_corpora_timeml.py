"""Reading TempEval-3 TimeML into annotated documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.corpora import read_corpus, read_timeml
from timeline.dates.timex import timex_of
from timeline.errors import EvaluationInputError

_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test_doc</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">1998-01-08</TIMEX3></DCT>
<TEXT>
The <EVENT eid="e1" class="OCCURRENCE">talks</EVENT> ended <TIMEX3 tid="t1" type="DATE"
value="1998-01-06">Tuesday</TIMEX3>
after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; resume <TIMEX3 tid="t3" type="DATE"
value="1998-W03">next week</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml_file(tmp_path: Path) -> Path:
    """A small TimeML document written for these tests."""
    path = tmp_path / "doc.tml"
    path.write_text(_TML, encoding="utf-8")
    return path


def test_read_timeml_text_and_dct(tml_file: Path) -> None:
    """The text is <TEXT>'s content without tags, wrapped lines joined; the DCT gives the creation date."""
    (document,) = read_timeml(tml_file)
    assert document.text.strip() == "The talks ended Tuesday after three days & resume next week."
    assert document.creation_date == dt.date(1998, 1, 8)
    assert document.doc_id == "test_doc"
    assert document.annotated_end == len(document.text)


def test_read_timeml_inline_timexes(tml_file: Path) -> None:
    """Inline TIMEX3 tags become spans into the text with their type and value."""
    (document,) = read_timeml(tml_file)
    found = [(document.text[t.start : t.end], t.type, t.value) for t in document.timexes]
    assert found == [
        ("Tuesday", "DATE", "1998-01-06"),
        ("three days", "DURATION", "P3D"),
        ("next week", "DATE", "1998-W03"),
    ]


def test_read_corpus_dispatches_tml(tml_file: Path) -> None:
    """read_corpus reads .tml files as TimeML, alone or in folders."""
    assert [d.doc_id for d in read_corpus([tml_file])] == ["test_doc"]
    assert [d.doc_id for d in read_corpus([tml_file.parent])] == ["test_doc"]


def test_read_timeml_without_text_is_an_error(tmp_path: Path) -> None:
    """A .tml file without <TEXT> raises EvaluationInputError naming it."""
    path = tmp_path / "empty.tml"
    path.write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=r"empty\.tml"):
        read_timeml(path)


def test_read_timeml_heldout_files() -> None:
    """The shipped held-out .tml files read whole: a creation date, tag-free text, and DATE values timex_of knows."""
    documents = read_timeml(Path(__file__).resolve().parent / "data" / "heldout")
    assert len(documents) == 24
    for document in documents:
        assert document.creation_date is not None
        assert "<" not in document.text
        dates = [t for t in document.timexes if t.type == "DATE"]
        assert dates
        assert all(timex_of(t.value) is not None for t in dates), document.doc_id
        assert all(document.text[t.start : t.end].strip() == document.text[t.start : t.end] for t in dates)
