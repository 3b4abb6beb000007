"""timeline.clauses: quotations, paragraphs and captions from the text; main predicate, tense and date
attachment from the real parse (slow tests)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from timeline.clauses import inside, is_caption, paragraph_of, paragraph_starts, quoted_spans
from timeline.dates import find_dates
from timeline.events import Sentence, Tense
from timeline.pipeline import sentences_of

MONDAY = dt.date(2024, 12, 2)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "we agreed" and left.', ['"we agreed"']),
        ("“We agreed,” he said. “It holds.”", ["“We agreed,”", "“It holds.”"]),
        ("“We agreed, and\nit holds,” he said.", ["“We agreed, and", "it holds,”"]),
        ("Nobody said anything.", []),
    ],
    ids=["straight", "curly-two", "open-paragraph-runs-to-its-end", "none"],
)
def test_clauses_quoted_spans(text: str, quoted: list[str]) -> None:
    """Text between double quotes is quoted; a quotation left open runs to the end of its line."""
    assert [text[start:end] for start, end in quoted_spans(text)] == quoted


@pytest.mark.parametrize(("offset", "expected"), [(0, False), (10, True), (17, True), (18, False)])
def test_clauses_inside(offset: int, expected: bool) -> None:
    """An offset is inside a span when start <= offset < end."""
    assert inside([(2, 5), (10, 18)], offset) is expected


@pytest.mark.parametrize(
    ("text", "offsets", "paragraphs"),
    [
        ("One. Two.\n\nThree.\n  \nFour.", [0, 5, 11, 21], [0, 0, 1, 2]),
        ("Title\nMarch 1, 2008\nLead.", [0, 6, 20], [0, 1, 2]),
    ],
    ids=["blank-lines", "one-sentence-per-line"],
)
def test_clauses_paragraphs(text: str, offsets: list[int], paragraphs: list[int]) -> None:
    """Paragraphs end at blank lines, or at every line break in a text that has none."""
    starts = paragraph_starts(text)
    assert [paragraph_of(starts, offset) for offset in offsets] == paragraphs


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Image caption, Protesters held a vigil on 1 December.", True),
        ("A satellite image shows the camp. Photograph: Maxar/AFP/Getty Images", True),
        ("Protesters held a vigil outside the station on 1 December.", False),
        ("Getty Images " + "long text " * 60, False),
    ],
    ids=["caption-label", "photo-credit", "plain", "too-long-for-a-caption"],
)
def test_clauses_is_caption(paragraph: str, expected: bool) -> None:
    """A short paragraph with a caption label or a photo credit is a caption."""
    assert is_caption(paragraph) is expected


def _parsed(nlp: Language, text: str) -> tuple[Sentence, dict[str, tuple[str, bool]]]:
    """The one sentence of ``text`` and, per date as written, (its predicate, whether it dates the main event)."""
    dates = find_dates(text, MONDAY)
    (sentence,) = sentences_of(nlp(text), dates)
    by_start = {mention.start: mention.text for mention in dates}
    attached = {by_start[a.date_start]: (a.predicate.text if a.predicate else "", a.main) for a in sentence.attachments}
    return sentence, attached


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hostages taken a year ago were released on Monday.",
            {"a year ago": ("taken", False), "Monday": ("released", True)},
        ),
        ("Talks that began in March resumed on Tuesday.", {"March": ("began", False), "Tuesday": ("resumed", True)}),
        ("Biden, who leaves office on Monday, said the deal was fair.", {"Monday": ("leaves", False)}),
        ("The deal, announced on Monday, was welcomed.", {"Monday": ("announced", False)}),
        ("Hezbollah said it fired rockets late on Sunday.", {"Sunday": ("fired", True)}),
        ("Speaking on Saturday, Fidan said the talks were useful.", {"Saturday": ("Speaking", True)}),
        ("“We have given our answer on Monday,” a senior official said.", {"Monday": ("given", False)}),
        ("Sunday's strikes killed 12 people.", {"Sunday": ("strikes", False)}),
        ("In a Wednesday media event, Apple released a laptop.", {"Wednesday": ("released", True)}),
        ("Mediation efforts stalled on December 1, 2023.", {"December 1, 2023": ("stalled", True)}),
    ],
    ids=[
        "participle-clause",
        "relative-clause",
        "relative-clause-of-the-subject",
        "participle-apposition",
        "what-was-said",
        "adverbial-clause-without-subject",
        "quotation",
        "dated-noun-subject",
        "dated-noun-in-a-phrase-of-the-verb",
        "noun-root-repaired",
    ],
)
def test_clauses_date_attachment(nlp: Language, text: str, expected: dict[str, tuple[str, bool]]) -> None:
    """Each date modifies the predicate the parse hangs it on, and dates the main event only outside side clauses."""
    assert _parsed(nlp, text)[1] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "verb", "tense", "reporting", "negated"),
    [
        ("Fidan has appointed a new envoy.", "appointed", Tense.PRESENT_PERFECT, False, False),
        ("Fidan has resigned and left Ankara.", "resigned", Tense.PRESENT_PERFECT, False, False),
        ("Russia had intervened in Syria.", "intervened", Tense.PAST_PERFECT, False, False),
        ("Fidan will visit Doha.", "visit", Tense.FUTURE, False, False),
        ("Fidan plans to visit Doha.", "plans", Tense.FUTURE, False, False),
        ("Hochstein is expected to arrive in Beirut.", "expected", Tense.FUTURE, False, False),
        ("33 hostages are to be freed.", "are", Tense.FUTURE, False, False),
        ("Fidan has not commented.", "commented", Tense.PRESENT_PERFECT, False, True),
        ("Mikati called the strikes a massacre.", "called", Tense.PAST, True, False),
        ("Sara Duterte flew to The Hague and said she would visit him.", "flew", Tense.PAST, True, False),
        ("Gaza's Health Ministry says 46,000 people have been killed.", "says", Tense.PRESENT, True, False),
        ("“We have given our answer,” a senior official said.", "said", Tense.PAST, True, False),
        ("The hostages taken a year ago were released on Monday.", "released", Tense.PAST, False, False),
    ],
    ids=[
        "present-perfect",
        "present-perfect-conjoined",
        "past-perfect",
        "future",
        "plan",
        "expected-to",
        "are-to-be",
        "negated",
        "reporting-past",
        "report-joined-to-the-main-verb",
        "reporting-present",
        "quotation-hands-the-root-to-the-speaker",
        "reduced-relative-repaired",
    ],
)
def test_clauses_main_predicate(
    nlp: Language, text: str, verb: str, tense: Tense, reporting: bool, negated: bool
) -> None:
    """The main predicate is the root verb (repaired for quotations and reduced relatives), with its tense."""
    main = _parsed(nlp, text)[0].main
    assert main is not None
    assert (main.text, main.tense, main.reporting, main.negated) == (verb, tense, reporting, negated)
    assert text[main.start : main.end] == verb


@pytest.mark.slow
def test_clauses_no_verb_no_predicate(nlp: Language) -> None:
    """A heading has no main predicate; its date dates all it tells."""
    sentence, attached = _parsed(nlp, "Developments in Syria on 1 December 2024")
    assert sentence.main is None
    assert attached == {"1 December 2024": ("", True)}
