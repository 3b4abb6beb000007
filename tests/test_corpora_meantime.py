"""Reading MEANTIME's CAT XML into annotated documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.corpora import read_corpus, read_meantime
from timeline.errors import EvaluationInputError
from timeline.types import EntityType

_TOKENS = [
    (0, "Acme"), (0, "opens"), (0, "plant"),
    (1, "March"), (1, "3"), (1, ","), (1, "2010"),
    (2, "Acme"), (2, "said"), (2, "on"), (2, "Tuesday"), (2, "it"), (2, "will"), (2, "open"), (2, "a"),
    (2, "plant"), (2, "in"), (2, "Ohio"), (2, "for"), (2, "``"), (2, "three"), (2, "years"), (2, "''"), (2, "."),
    (3, "Jane"), (3, "Doe"), (3, "'s"), (3, "team"), (3, "left"), (3, "in"), (3, "2008"), (3, "."),
    (4, "Nobody"), (4, "annotated"), (4, "this"), (4, "sentence"), (4, "in"), (4, "2011"), (4, "."),
]  # fmt: skip

_MARKABLES = """
<TIMEX3 m_id="90" type="DATE" value="2010-03-03" functionInDocument="CREATION_TIME" comment="">
 <token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/></TIMEX3>
<TIMEX3 m_id="91" type="DATE" value="2010-03-02" functionInDocument="NONE" comment=""><token_anchor t_id="11"/></TIMEX3>
<TIMEX3 m_id="92" type="DURATION" value="P3Y" functionInDocument="NONE" comment="">
 <token_anchor t_id="21"/><token_anchor t_id="22"/></TIMEX3>
<TIMEX3 m_id="93" type="DATE" value="2008" functionInDocument="NONE" comment=""><token_anchor t_id="31"/></TIMEX3>
<TIMEX3 m_id="94" type="DATE" value="1999" functionInDocument="NONE" anchorTimeID="90"/>
<ENTITY_MENTION m_id="1" syntactic_type="NAM" comment=""><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM" comment=""><token_anchor t_id="18"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM" comment="">
 <token_anchor t_id="25"/><token_anchor t_id="26"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="PRO" comment=""><token_anchor t_id="12"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type="NAM" comment=""><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="6"><token_anchor t_id="38"/></ENTITY_MENTION>
<ENTITY m_id="50" ent_type="ORG" TAG_DESCRIPTOR="Acme"/>
<ENTITY m_id="51" ent_type="LOC" TAG_DESCRIPTOR="Ohio"/>
<ENTITY m_id="52" ent_type="PER" TAG_DESCRIPTOR="Jane Doe"/>
<ENTITY m_id="53" ent_type="PRO" TAG_DESCRIPTOR="plant"/>
"""
_RELATIONS = """
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="4"/><source m_id="5"/><target m_id="50"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="51"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="52"/></REFERS_TO>
"""


def _write_cat(folder: Path, name: str = "doc.xml") -> Path:
    tokens = "\n".join(
        f'<token t_id="{i}" sentence="{s}" number="{i - 1}">{w.replace("&", "&amp;")}</token>'
        for i, (s, w) in enumerate(_TOKENS, start=1)
    )
    path = folder / name
    path.write_text(
        f'<?xml version="1.0" ?><Document doc_id="7" doc_name="x" lang="en">{tokens}'
        f"<Markables>{_MARKABLES}</Markables><Relations>{_RELATIONS}</Relations></Document>",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def cat_file(tmp_path: Path) -> Path:
    """A small CAT XML document written for these tests."""
    return _write_cat(tmp_path)


def test_read_meantime_text_and_creation_date(cat_file: Path) -> None:
    """Tokens become readable text, one sentence a line, and the creation time becomes the date."""
    (document,) = read_meantime(cat_file)
    assert document.text.split("\n")[:3] == [
        "Acme opens plant",
        "March 3, 2010",
        'Acme said on Tuesday it will open a plant in Ohio for "three years".',
    ]
    assert document.creation_date == dt.date(2010, 3, 3)
    assert document.doc_id == "7"


def test_read_meantime_timexes(cat_file: Path) -> None:
    """Anchored TIMEX3s keep span, type, value and the creation-time flag; unanchored ones are dropped."""
    (document,) = read_meantime(cat_file)
    found = [(document.text[t.start : t.end], t.type, t.value, t.is_creation_time) for t in document.timexes]
    assert found == [
        ("March 3, 2010", "DATE", "2010-03-03", True),
        ("Tuesday", "DATE", "2010-03-02", False),
        ("three years", "DURATION", "P3Y", False),
        ("2008", "DATE", "2008", False),
    ]


def test_read_meantime_named_entities(cat_file: Path) -> None:
    """Only NAM mentions of PER/ORG/LOC entities are gold entities."""
    (document,) = read_meantime(cat_file)
    found = [(document.text[e.start : e.end], e.type) for e in document.entities]
    assert found == [
        ("Acme", EntityType.ORGANISATION),
        ("Acme", EntityType.ORGANISATION),
        ("Ohio", EntityType.LOCATION),
        ("Jane Doe", EntityType.PERSON),
    ]


def test_read_meantime_annotated_end(cat_file: Path) -> None:
    """The annotated part ends with the last sentence holding a document-level annotation."""
    (document,) = read_meantime(cat_file)
    assert document.text[: document.annotated_end].endswith("Jane Doe's team left in 2008.")


def test_read_corpus_walks_folders(tmp_path: Path) -> None:
    """A folder is read recursively, files in sorted order."""
    _write_cat(tmp_path, "b.xml")
    (tmp_path / "sub").mkdir()
    _write_cat(tmp_path / "sub", "a.xml")
    assert [Path(d.path).name for d in read_corpus([tmp_path])] == ["b.xml", "a.xml"]


@pytest.mark.parametrize(
    ("content", "name"),
    [("<Document><token", "broken.xml"), ("<html></html>", "page.xml"), ("x", "notes.txt")],
)
def test_read_corpus_bad_file_is_one_sentence(tmp_path: Path, content: str, name: str) -> None:
    """Unreadable or foreign files raise EvaluationInputError naming the file."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=name):
        read_corpus([path])


def test_read_corpus_missing_path(tmp_path: Path) -> None:
    """A path that does not exist is named in the error."""
    with pytest.raises(EvaluationInputError, match="no such file"):
        read_corpus([tmp_path / "absent"])


@pytest.mark.corpus
def test_read_meantime_corpus(meantime_path: Path) -> None:
    """Every MEANTIME document reads with a creation date and gold spans inside its text."""
    documents = read_meantime(meantime_path)
    assert len(documents) == 120
    assert all(d.creation_date is not None for d in documents)
    for document in documents:
        assert 0 < document.annotated_end <= len(document.text)
        for span in (*document.timexes, *document.entities):
            assert 0 <= span.start < span.end <= len(document.text)
