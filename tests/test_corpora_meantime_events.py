"""Reading MEANTIME's dated events: TLINK anchors to dates, and the named participants of each event."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.corpora import read_meantime

_TOKENS = [
    (0, "Acme"), (0, "wins"), (0, "order"),
    (1, "March"), (1, "3"), (1, ","), (1, "2010"),
    (2, "Acme"), (2, "has"), (2, "won"), (2, "an"), (2, "order"), (2, "from"), (2, "Ohio"), (2, "Air"),
    (2, "in"), (2, "Ohio"), (2, "."),
    (3, "Jane"), (3, "Doe"), (3, "said"), (3, "on"), (3, "Tuesday"), (3, "that"), (3, "it"), (3, "will"),
    (3, "build"), (3, "a"), (3, "plant"), (3, "in"), (3, "Toulouse"), (3, ","), (3, "France"), (3, "."),
    (4, "Japan"), (4, "sold"), (4, "bonds"), (4, "in"), (4, "2009"), (4, "for"), (4, "years"), (4, "now"), (4, "."),
    (5, "Acme"), (5, "grew"), (5, "in"), (5, "2011"), (5, "."),
]  # fmt: skip

_MARKABLES = """
<TIMEX3 m_id="90" type="DATE" value="2010-03-03" functionInDocument="{dct}" comment="">
 <token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/></TIMEX3>
<TIMEX3 m_id="91" type="DATE" value="2010-03-02" functionInDocument="NONE" comment=""><token_anchor t_id="23"/></TIMEX3>
<TIMEX3 m_id="92" type="DATE" value="2009" functionInDocument="NONE" comment=""><token_anchor t_id="39"/></TIMEX3>
<TIMEX3 m_id="93" type="DURATION" value="PXY" functionInDocument="NONE" comment=""><token_anchor t_id="41"/></TIMEX3>
<TIMEX3 m_id="94" type="DATE" value="PRESENT_REF" functionInDocument="NONE">
 <token_anchor t_id="42"/></TIMEX3>
<TIMEX3 m_id="95"><token_anchor t_id="47"/></TIMEX3>
<EVENT_MENTION m_id="10" pred="win" pos="VERB" tense="PRESENT"><token_anchor t_id="10"/></EVENT_MENTION>
<EVENT_MENTION m_id="11" pred="say" pos="VERB" tense="PAST"><token_anchor t_id="21"/></EVENT_MENTION>
<EVENT_MENTION m_id="12" pred="build" pos="VERB" tense="FUTURE"><token_anchor t_id="27"/></EVENT_MENTION>
<EVENT_MENTION m_id="13" pred="sell" pos="VERB" tense="PAST"><token_anchor t_id="36"/></EVENT_MENTION>
<EVENT_MENTION m_id="14" pred="sell" pos="VERB" tense="PAST"><token_anchor t_id="37"/></EVENT_MENTION>
<EVENT_MENTION m_id="15"><token_anchor t_id="45"/></EVENT_MENTION>
<ENTITY_MENTION m_id="20" syntactic_type="NAM" comment=""><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="21" syntactic_type="PRE.NAM" comment="">
 <token_anchor t_id="14"/><token_anchor t_id="15"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="22" syntactic_type="NAM" comment=""><token_anchor t_id="17"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="23" syntactic_type="NAM" comment="">
 <token_anchor t_id="19"/><token_anchor t_id="20"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="24" syntactic_type="PRO" comment=""><token_anchor t_id="25"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="25" syntactic_type="NAM" comment="">
 <token_anchor t_id="31"/><token_anchor t_id="32"/><token_anchor t_id="33"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="26" syntactic_type="NAM" comment=""><token_anchor t_id="35"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="27" syntactic_type="NOM" comment=""><token_anchor t_id="29"/></ENTITY_MENTION>
<ENTITY m_id="50" ent_type="ORG" TAG_DESCRIPTOR="Acme Corp"/>
<ENTITY m_id="51" ent_type="ORG" TAG_DESCRIPTOR="Ohio Air"/>
<ENTITY m_id="52" ent_type="LOC" TAG_DESCRIPTOR="Ohio, US"/>
<ENTITY m_id="53" ent_type="PER" TAG_DESCRIPTOR="Jane Doe"/>
<ENTITY m_id="54" ent_type="LOC" TAG_DESCRIPTOR="Toulouse, France"/>
<ENTITY m_id="55" ent_type="LOC" TAG_DESCRIPTOR="Japan"/>
<ENTITY m_id="56" ent_type="PRO" TAG_DESCRIPTOR="plant"/>
"""
_RELATIONS = """
<REFERS_TO r_id="1"><source m_id="20"/><source m_id="24"/><target m_id="50"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="21"/><target m_id="51"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="22"/><target m_id="52"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="23"/><target m_id="53"/></REFERS_TO>
<REFERS_TO r_id="5"><source m_id="25"/><target m_id="54"/></REFERS_TO>
<REFERS_TO r_id="6"><source m_id="26"/><target m_id="55"/></REFERS_TO>
<REFERS_TO r_id="7"><source m_id="27"/><target m_id="56"/></REFERS_TO>
<TLINK r_id="10" reltype="INCLUDES"><source m_id="90"/><target m_id="10"/></TLINK>
<TLINK r_id="11" reltype="SIMULTANEOUS"><source m_id="11"/><target m_id="90"/></TLINK>
<TLINK r_id="12" reltype="IS_INCLUDED"><source m_id="11"/><target m_id="91"/></TLINK>
<TLINK r_id="13" reltype="AFTER"><source m_id="12"/><target m_id="90"/></TLINK>
<TLINK r_id="14" reltype="IS_INCLUDED"><source m_id="13"/><target m_id="92"/></TLINK>
<TLINK r_id="15" reltype="IS_INCLUDED"><source m_id="14"/><target m_id="93"/></TLINK>
<TLINK r_id="16" reltype="INCLUDES"><source m_id="94"/><target m_id="14"/></TLINK>
<TLINK r_id="17" reltype="IS_INCLUDED"><source m_id="15"/><target m_id="92"/></TLINK>
<HAS_PARTICIPANT r_id="20" sem_role="Arg0"><source m_id="10"/><target m_id="20"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="21" sem_role="Arg2"><source m_id="10"/><target m_id="21"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="22" sem_role="Argm-LOC"><source m_id="10"/><target m_id="22"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="23" sem_role="Arg0"><source m_id="11"/><target m_id="23"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="24" sem_role="Arg0"><source m_id="12"/><target m_id="24"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="25" sem_role="Argm-LOC"><source m_id="12"/><target m_id="25"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="26" sem_role="Arg0"><source m_id="13"/><target m_id="26"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="27" sem_role="Arg1"><source m_id="11"/><target m_id="27"/></HAS_PARTICIPANT>
"""


def _write_cat(folder: Path, *, flagged: bool = True) -> Path:
    tokens = "\n".join(
        f'<token t_id="{i}" sentence="{s}" number="{i - 1}">{w}</token>' for i, (s, w) in enumerate(_TOKENS, start=1)
    )
    markables = _MARKABLES.replace("{dct}", "CREATION_TIME" if flagged else "NONE")
    path = folder / "doc.xml"
    path.write_text(
        f'<?xml version="1.0" ?><Document doc_id="8" doc_name="x" lang="en">{tokens}'
        f"<Markables>{markables}</Markables><Relations>{_RELATIONS}</Relations></Document>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("flagged", [True, False])
def test_meantime_events_anchored_to_dates(tmp_path: Path, flagged: bool) -> None:
    """Events tied to a calendar date (creation time, or a dateline date when none is flagged) are gold events."""
    (document,) = read_meantime(_write_cat(tmp_path, flagged=flagged))
    found = [(e.word, e.pred, e.date, e.date_is_creation_time) for e in document.events]
    assert found == [
        ("won", "win", "2010-03-03", True),
        ("said", "say", "2010-03-02", False),
        ("sold", "sell", "2009", False),
    ]


def test_meantime_events_sentence_span(tmp_path: Path) -> None:
    """A gold event spans its whole sentence in the document text."""
    (document,) = read_meantime(_write_cat(tmp_path))
    assert [document.text[e.start : e.end] for e in document.events] == [
        "Acme has won an order from Ohio Air in Ohio.",
        "Jane Doe said on Tuesday that it will build a plant in Toulouse, France.",
        "Japan sold bonds in 2009 for years now.",
    ]


@pytest.mark.parametrize(
    ("word", "actors", "places"),
    [
        (
            "won",
            [("Acme", "Acme Corp", "ORG", "Arg0"), ("Ohio Air", "Ohio Air", "ORG", "Arg2")],
            [("Ohio", "Ohio, US")],
        ),
        ("said", [("Jane Doe", "Jane Doe", "PER", "Arg0")], []),
        ("sold", [("Japan", "Japan", "LOC", "Arg0")], [("Japan", "Japan")]),
    ],
)
def test_meantime_events_participants(
    tmp_path: Path, word: str, actors: list[tuple[str, str, str, str]], places: list[tuple[str, str]]
) -> None:
    """Named PER/ORG participants and Arg0 states are actors; named LOC and Argm-LOC targets are places."""
    (document,) = read_meantime(_write_cat(tmp_path))
    (event,) = [e for e in document.events if e.word == word]
    assert [(p.text, p.descriptor, p.type, p.role) for p in event.actors] == actors
    assert [(p.text, p.descriptor) for p in event.places] == places


@pytest.mark.corpus
def test_meantime_events_corpus(meantime_path: Path) -> None:
    """MEANTIME has over 400 dated events, each inside the annotated part with a calendar date."""
    documents = read_meantime(meantime_path)
    events = [(document, event) for document in documents for event in document.events]
    assert len(events) >= 420
    for document, event in events:
        assert 0 <= event.start < event.end <= document.annotated_end
        assert event.date[:1].isdigit()
