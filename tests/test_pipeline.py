"""timeline.pipeline: short hand-written articles through the real spaCy model, checked row by row."""

from __future__ import annotations

import datetime as dt
import itertools

import pandas as pd
import pytest
from spacy.language import Language

from timeline.dates import find_dates
from timeline.defaults import MAX_EVENTS_PER_ARTICLE, MAX_SENTENCE_CHARS
from timeline.merge import merge_events
from timeline.pipeline import bounded_windows, extract_frame
from timeline.schema import check_event_frame, check_merged_frame
from timeline.types import Article

MONDAY = dt.date(2024, 12, 2)
#: A two-sentence lead with dates of its own and a present-tense sentence that ends its story.
LEAD = "On Sunday, Israeli jets struck Tyre. The strikes killed 12 people on Sunday.\n\nTalks are difficult.\n\n"


def _frame(nlp: Language, text: str, date: dt.date = MONDAY) -> pd.DataFrame:
    return extract_frame([Article("a1", "A test article", date, text)], nlp=nlp)


def _rows_of(frame: pd.DataFrame, sentence: str) -> list[tuple[str, str]]:
    rows = frame[frame["sentence"] == sentence]
    return list(zip(rows["date_value"], rows["date_source"], strict=True))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mikati has called the strikes a massacre.", [("2024-12-02", "article")]),
        ("Mikati said the strikes were a massacre.", [("2024-12-02", "article")]),
        ("The health ministry says 40 people were wounded.", [("2024-12-02", "article")]),
        ("Russia had intervened in Syria.", []),
        ("Mikati will visit Paris.", []),
        ("Mikati plans to visit Paris.", []),
        ("Mikati has not commented.", []),
        ("Rescuers are tired.", []),
        ("In 2015, Mikati said the strikes were a massacre.", [("2015", "explicit")]),
    ],
    ids=[
        "present-perfect",
        "reporting-past",
        "reporting-present",
        "past-perfect",
        "future",
        "plan",
        "negated",
        "present-statement",
        "another-time",
    ],
)
def test_pipeline_article_day(nlp: Language, sentence: str, expected: list[tuple[str, str]]) -> None:
    """After the lead, an undated sentence gets the article's day only when it tells the article's news."""
    assert _rows_of(_frame(nlp, LEAD + sentence), sentence) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lebanon's prime minister has appointed a new army chief.", [("2024-12-02", "article")]),
        ("BEIRUT (Reuters) - Lebanon's army deployed south of the Litani river.", [("2024-12-02", "article")]),
        ("Russia had intervened in Syria.", []),
        ("The minister will visit Beirut.", []),
    ],
    ids=["present-perfect", "past-after-a-dateline", "past-perfect", "future"],
)
def test_pipeline_lead(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    """The lead with no date of its own is the article's day, unless it tells background or a plan."""
    assert _rows_of(_frame(nlp, text), text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The hostages taken a year ago were released on Monday.",
            [("2023", "taken", False), ("2024-12-02", "released", True)],
        ),
        (
            "Talks that began in March resumed on Tuesday.",
            [("2024-03", "began", False), ("2024-11-26", "resumed", True)],
        ),
        (
            "Biden, who took office in January, said the deal was fair.",
            [("2024-01", "took", False), ("2024-12-02", "said", True)],
        ),
    ],
    ids=["participle-clause", "relative-clause", "side-date-and-article-day"],
)
def test_pipeline_dates_attach_to_their_predicate(
    nlp: Language, sentence: str, expected: list[tuple[str, str, bool]]
) -> None:
    """A side clause's date dates that clause; the main event has its own date, or the article's day."""
    frame = _frame(nlp, LEAD + sentence)
    rows = frame[frame["sentence"] == sentence]
    assert list(zip(rows["date_value"], rows["predicate"], rows["main_event"], strict=True)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "sentence", "expected"),
    [
        (LEAD + "Rescuers searched the rubble.", "Rescuers searched the rubble.", []),
        (
            "Talks are difficult. Israeli jets struck Tyre on Sunday. The strikes killed 12 people.",
            "The strikes killed 12 people.",
            [("2024-12-01", "context")],
        ),
        (
            LEAD + "Image caption, Protesters held a vigil on Saturday.\n\nThe protesters marched to the port.",
            "The protesters marched to the port.",
            [],
        ),
        (
            LEAD + '"We struck Tyre on Saturday," the army said.\n\nRescuers searched the rubble.',
            "Rescuers searched the rubble.",
            [("2024-12-02", "context")],
        ),
    ],
    ids=["present-tense-ends-the-story", "story-goes-on", "caption-hands-nothing-on", "quotation-hands-on-the-saying"],
)
def test_pipeline_story_day(nlp: Language, text: str, sentence: str, expected: list[tuple[str, str]]) -> None:
    """Only a main event's day is handed on, to a past-tense sentence going on with the story; a quotation's or a
    caption's date never is (a reported quotation hands on the day it was said: the article's)."""
    assert _rows_of(_frame(nlp, text), sentence) == expected


@pytest.mark.slow
def test_pipeline_countries_from_the_dateline(nlp: Language) -> None:
    """A sentence naming no place takes the story's, and says it was inferred."""
    text = (
        "OUAGADOUGOU (Reuters) - Islamist militants killed dozens of soldiers on Sunday.\n\n"
        "Talks are difficult.\n\nOfficials have confirmed the toll."
    )
    frame = _frame(nlp, text)
    row = frame[frame["sentence"] == "Officials have confirmed the toll."].iloc[0]
    assert (row["countries"], row["countries_inferred"], row["regions"]) == (
        ("Burkina Faso",),
        ("Burkina Faso",),
        ("Sub-Saharan Africa",),
    )
    first = frame.iloc[0]
    assert "Burkina Faso" in first["countries"]
    assert first["countries_inferred"] == ()


@pytest.mark.slow
def test_pipeline_sentence_written_twice(nlp: Language) -> None:
    """A sentence written twice is one event, at its first occurrence."""
    quote = "Hamas denied it on Sunday."
    frame = _frame(nlp, f"{quote} Talks are difficult.\n\n{quote}")
    rows = frame[frame["sentence"] == quote]
    assert list(rows["sentence_start"]) == [0]


@pytest.mark.slow
def test_pipeline_offsets_point_at_the_words(nlp: Language, seed_article: Article, seed_frame: pd.DataFrame) -> None:
    """Sentence offsets slice out the evidence; date offsets the date as written, or are -1 when it is not written."""
    text = seed_article.text
    assert not seed_frame.empty
    for row in seed_frame.itertuples():
        assert text[row.sentence_start : row.sentence_end] == row.sentence
        if row.date_source in ("article",) or row.date_text_start < 0:
            assert (row.date_text_start, row.date_text_end) == (-1, -1)
            assert row.date_source in ("article", "context")
        else:
            assert text[row.date_text_start : row.date_text_end] == row.date_text
            assert row.sentence_start <= row.date_text_start < row.date_text_end <= row.sentence_end
    assert set(seed_frame["date_source"]) >= {"article", "context", "relative", "explicit"}


@pytest.mark.slow
def test_pipeline_tables_follow_their_schema(seed_frame: pd.DataFrame) -> None:
    """The event table and its merged view pass their checks with the new columns."""
    check_event_frame(seed_frame)
    check_merged_frame(merge_events(seed_frame).events)


def test_pipeline_bounded_windows() -> None:
    """A long sentence is cut into disjoint windows of at most the maximum length, each date wholly in one."""
    text = "last Monday " * 400
    dates = find_dates(text, MONDAY)
    windows = bounded_windows(text, 0, len(text.rstrip()), dates)
    assert len(windows) > 1
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in windows)
    assert all(previous[1] <= following[0] for previous, following in itertools.pairwise(windows))
    assert all(any(start <= m.start and m.end <= end for start, end in windows) for m in dates)


@pytest.mark.slow
def test_pipeline_run_on_text_is_bounded(nlp: Language) -> None:
    """8,000 dates in one run-on sentence give at most the cap of events, each with bounded, verbatim evidence."""
    text = "last Monday " * 8000
    frame = _frame(nlp, text)
    assert 0 < len(frame) <= MAX_EVENTS_PER_ARTICLE
    assert frame["sentence"].str.len().max() <= MAX_SENTENCE_CHARS
    assert all(text[row.sentence_start : row.sentence_end] == row.sentence for row in frame.itertuples())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The index fell to its lowest level since 2003.", []),
        ("Famine was declared, the first such declaration since 2017.", []),
        ("Students have blockaded dozens of universities since 2023.", ["2023"]),
        ("Fighting was the heaviest since 2020, when troops captured the city.", ["2020"]),
    ],
    ids=["superlative", "first-since", "a-stretch-begins", "a-described-year"],
)
def test_pipeline_comparison_bounds_are_no_events(nlp: Language, sentence: str, expected: list[str]) -> None:
    """'Its lowest level since 2003' dates nothing; a stretch that began in 2023, or a year a clause describes, does."""
    frame = _frame(nlp, LEAD + sentence)
    rows = frame[(frame["sentence"] == sentence) & (frame["date_source"] != "article")]
    assert list(rows["date_value"]) == expected
