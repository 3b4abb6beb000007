"""timeline.events: which rows exist, with which date, countries and evidence (on hand-built sentences)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pytest

from timeline.defaults import MAX_EVENTS_PER_ARTICLE, STORY_COUNTRY_SENTENCES
from timeline.events import Attachment, Predicate, Sentence, Tense, build_events, is_event_date
from timeline.places import gazetteer
from timeline.types import (
    ActorKind,
    Article,
    DateMention,
    DateSource,
    EntityMention,
    EntityType,
    Event,
    Precision,
    TimexValue,
)

MONDAY = dt.date(2024, 12, 2)
SUNDAY = TimexValue("2024-12-01", Precision.DAY, dt.date(2024, 12, 1), dt.date(2024, 12, 1))
NEXT_WEEK = TimexValue("2024-W50", Precision.WEEK, dt.date(2024, 12, 9), dt.date(2024, 12, 15))
NOW = TimexValue("PRESENT_REF", Precision.REFERENCE, None, None)


def _year(year: int) -> TimexValue:
    return TimexValue(str(year), Precision.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))


@dataclass(frozen=True)
class Date:
    """A date written in a sentence: its words, value, and what the parse says it modifies."""

    written: str
    value: TimexValue
    main: bool = True
    preposition: str = ""
    #: The predicate it modifies, when not the sentence's main verb.
    on: str = ""


@dataclass(frozen=True)
class Line:
    """One sentence of a made-up article, with what the parse would say about it."""

    text: str
    #: The main verb as written in the text; "" for a sentence with no verb.
    verb: str = ""
    tense: Tense = Tense.PAST
    reporting: bool = False
    negated: bool = False
    #: The tense of the clause the main verb governs ("said [Russia launched]").
    complement: Tense = Tense.NONE
    paragraph: int = 0
    caption: bool = False
    dates: tuple[Date, ...] = ()
    #: (name, country) of the actors it names.
    actors: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    #: Names of the places it names (resolved with the gazetteer).
    places: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Built:
    article: Article
    sentences: list[Sentence]
    dates: list[DateMention]
    entities: list[EntityMention]

    def events(self) -> list[Event]:
        return build_events(self.article, self.sentences, self.dates, self.entities)


def _predicate(sentence_start: int, text: str, word: str, tense: Tense, **flags: bool | Tense) -> Predicate:
    start = sentence_start + text.index(word)
    return Predicate(word, start, start + len(word), tense, **flags)  # type: ignore[arg-type]


def _build(*lines: Line, title: str = "Title") -> Built:
    text_parts: list[str] = []
    sentences: list[Sentence] = []
    dates: list[DateMention] = []
    entities: list[EntityMention] = []
    position = 0
    places = gazetteer()
    for index, line in enumerate(lines):
        if index:
            separator = "\n\n" if line.paragraph != lines[index - 1].paragraph else " "
            text_parts.append(separator)
            position += len(separator)
        start = position
        main = (
            _predicate(
                start,
                line.text,
                line.verb,
                line.tense,
                reporting=line.reporting,
                negated=line.negated,
                complement=line.complement,
            )
            if line.verb
            else None
        )
        attachments = []
        for date in line.dates:
            begin = start + line.text.index(date.written)
            dates.append(DateMention(begin, begin + len(date.written), date.written, date.value, DateSource.RELATIVE))
            predicate = _predicate(start, line.text, date.on, Tense.PAST) if date.on else main
            attachments.append(Attachment(begin, predicate, main=date.main, preposition=date.preposition))
        for name, country in line.actors:
            begin = start + line.text.index(name)
            kind = ActorKind.PERSON
            entities.append(EntityMention(begin, begin + len(name), name, EntityType.PERSON, name, country, kind))
        for name in line.places:
            begin = start + line.text.index(name)
            entry = places.lookup(name)
            assert entry is not None, name
            place = entry.place
            entities.append(
                EntityMention(
                    begin, begin + len(name), name, EntityType.LOCATION, place.name, place.country, None, "", place
                )
            )
        end = start + len(line.text)
        sentences.append(Sentence(index, start, end, line.text, line.paragraph, main, tuple(attachments), line.caption))
        text_parts.append(line.text)
        position = end
    article = Article("a1", title, MONDAY, "".join(text_parts))
    return Built(article, sentences, dates, entities)


#: A two-sentence lead with dates of its own, so that the lines after it are not the lead.
LEAD = (
    Line("On Sunday Fidan called Qatar.", "called", dates=(Date("Sunday", SUNDAY),), actors=(("Fidan", "Türkiye"),)),
    Line("The call lasted an hour on Sunday.", "lasted", dates=(Date("Sunday", SUNDAY),)),
)


def _rows(*lines: Line) -> list[tuple[int, str, str]]:
    """(sentence index, date value, date source) of each event of the lead followed by ``lines``."""
    return [(e.sentence_index, e.date.timex.value, str(e.date.source)) for e in _build(*LEAD, *lines).events()]


def _after_lead(*lines: Line) -> list[tuple[int, str, str]]:
    """The rows of ``lines`` only, after a lead that ends the story it starts (a present-tense sentence)."""
    breaker = Line("Talks are difficult.", "are", Tense.PRESENT, paragraph=1)
    return [row for row in _rows(breaker, *lines) if row[0] > len(LEAD)]


# --- Rule 2b: the article's day ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (Line("Fidan has appointed a new envoy.", "appointed", Tense.PRESENT_PERFECT), [(3, "2024-12-02", "article")]),
        (Line("Fidan said the talks were useful.", "said", reporting=True), [(3, "2024-12-02", "article")]),
        (
            Line("Fidan says the talks are useful.", "says", Tense.PRESENT, reporting=True),
            [(3, "2024-12-02", "article")],
        ),
        (Line("Fidan called the vote a victory.", "called", reporting=True), [(3, "2024-12-02", "article")]),
        (Line("Russia had intervened in Syria.", "intervened", Tense.PAST_PERFECT), []),
        (Line("Fidan will visit Doha.", "visit", Tense.FUTURE), []),
        (Line("Fidan plans to visit Doha.", "plans", Tense.FUTURE), []),
        (Line("Fidan will say more.", "say", Tense.FUTURE, reporting=True), []),
        (Line("Fidan has not commented.", "commented", Tense.PRESENT_PERFECT, negated=True), []),
        (Line("Rescuers searched the rubble.", "searched"), []),
        (Line("Talks are difficult.", "are", Tense.PRESENT), []),
        (Line("Image caption, Fidan has spoken.", "spoken", Tense.PRESENT_PERFECT, caption=True), []),
        (Line("Developments in Syria"), []),
        (
            Line("In 2015, Fidan said talks were useful.", "said", reporting=True, dates=(Date("2015", _year(2015)),)),
            [(3, "2015", "relative")],
        ),
    ],
    ids=[
        "present-perfect",
        "reporting-past",
        "reporting-present",
        "called-a-victory",
        "past-perfect-background",
        "future",
        "plan",
        "future-reporting",
        "negated",
        "plain-past-outside-a-story",
        "present-statement",
        "caption",
        "no-verb",
        "dated-another-time",
    ],
)
def test_events_article_day(line: Line, expected: list[tuple[int, str, str]]) -> None:
    """A sentence after the lead with no date of its own gets the article's day only when it tells the news."""
    assert _after_lead(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (Line("Fidan resigned.", "resigned"), [(0, "2024-12-02", "article")]),
        (Line("Fidan is in Doha.", "is", Tense.PRESENT), [(0, "2024-12-02", "article")]),
        (Line("Fidan will resign.", "resign", Tense.FUTURE), []),
        (Line("Fidan had resigned.", "resigned", Tense.PAST_PERFECT), []),
    ],
    ids=["past", "present", "future", "past-perfect"],
)
def test_events_lead_tells_the_article_news(line: Line, expected: list[tuple[int, str, str]]) -> None:
    """The lead with no date of its own is the article's day, unless it is a plan or background."""
    events = _build(line).events()
    assert [(e.sentence_index, e.date.timex.value, str(e.date.source)) for e in events] == expected


def test_events_headline_is_not_the_lead() -> None:
    """A first line repeating the title is the headline: no article-day row, and the next sentence is the lead."""
    headline = Line("Fidan resigns", "resigns", Tense.PRESENT)
    built = _build(headline, Line("Fidan resigned.", "resigned", paragraph=1), title="Fidan resigns")
    assert [(e.sentence_index, str(e.date.source)) for e in built.events()] == [(1, "article")]


def test_events_article_day_row_is_marked() -> None:
    """An article-day row has the article's date, no date text, and the sentence's main verb as its predicate."""
    (event,) = _build(Line("Fidan has resigned.", "resigned", Tense.PRESENT_PERFECT)).events()
    assert event.date.source is DateSource.ARTICLE
    assert (event.date.timex.start, event.date.timex.end, event.date.text) == (MONDAY, MONDAY, "")
    assert (event.predicate, event.main_event) == ("resigned", True)


# --- Rule 1: dates and the predicate they modify --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            Line(
                "Talks that began in 2015 resumed on Sunday.",
                "resumed",
                dates=(Date("2015", _year(2015), main=False, on="began"), Date("Sunday", SUNDAY)),
            ),
            [("2015", "began", False, "relative"), ("2024-12-01", "resumed", True, "relative")],
        ),
        (
            Line(
                "Fidan, who took office in 2015, said talks were useful.",
                "said",
                reporting=True,
                dates=(Date("2015", _year(2015), main=False, on="took"),),
            ),
            [("2015", "took", False, "relative"), ("2024-12-02", "said", True, "article")],
        ),
        (
            Line(
                "The hostages taken in 2015 were released.",
                "released",
                dates=(Date("2015", _year(2015), main=False, on="taken"),),
            ),
            [("2015", "taken", False, "relative")],
        ),
    ],
    ids=["main-event-dated", "side-clause-and-article-day", "side-clause-only"],
)
def test_events_side_clause_dates(line: Line, expected: list[tuple[str, str, bool, str]]) -> None:
    """A side clause's date keeps its row; the main event takes its own (the article's day when it tells the news)."""
    events = _build(*LEAD, Line("Talks are hard.", "are", Tense.PRESENT), line).events()
    mine = [
        (e.date.timex.value, e.predicate, e.main_event, str(e.date.source)) for e in events if e.sentence_index == 3
    ]
    assert mine == expected


def test_events_one_row_per_date_in_a_sentence() -> None:
    """Two dates in one sentence make two events with the same evidence."""
    line = Line(
        "In 2015 and in 2011 it happened.", "happened", dates=(Date("2015", _year(2015)), Date("2011", _year(2011)))
    )
    events = _build(line).events()
    assert [event.date.timex.value for event in events] == ["2015", "2011"]
    assert len({event.event_id for event in events}) == 2


@pytest.mark.parametrize(("timex", "expected"), [(SUNDAY, True), (NOW, False)], ids=["day", "present-ref"])
def test_events_reference_values_are_not_events(timex: TimexValue, expected: bool) -> None:
    """REF values ('now', 'recently') have no extent, so they never stand on the timeline."""
    assert is_event_date(DateMention(0, 3, "now", timex, DateSource.RELATIVE)) is expected


# --- Rule 2a: the story's current day ------------------------------------------------------------

FIDAN = (("Fidan", "Türkiye"),)
SIRENS = (("Sirens", ""),)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (Line("Fidan then left.", "left", paragraph=1, actors=FIDAN), [(2, "2024-12-01", "context")]),
        (Line("Sirens then sounded.", "sounded", actors=SIRENS), [(2, "2024-12-01", "context")]),
        (Line("Rescuers then searched the rubble.", "searched", paragraph=1), [(2, "2024-12-01", "context")]),
        (Line("Sirens then sounded.", "sounded", paragraph=2, actors=SIRENS), []),
        (Line("Sirens then sounded.", "sounded", paragraph=1, actors=SIRENS), [(2, "2024-12-01", "context")]),
        (
            Line(
                "The air force said Russia launched drones.",
                "said",
                paragraph=2,
                reporting=True,
                complement=Tense.PAST,
                actors=(("Russia", "Russia"),),
            ),
            [(2, "2024-12-01", "context")],
        ),
        (Line("Fidan leaves.", "leaves", Tense.PRESENT, paragraph=1, actors=FIDAN), []),
        (Line("Fidan had left.", "left", Tense.PAST_PERFECT, paragraph=1, actors=FIDAN), []),
        (Line("Fidan did not leave.", "leave", paragraph=1, negated=True, actors=FIDAN), []),
        (
            Line(
                "Fidan, who took office in 2015, then left.",
                "left",
                paragraph=1,
                actors=FIDAN,
                dates=(Date("2015", _year(2015), main=False, on="took"),),
            ),
            [(2, "2015", "relative")],
        ),
        (
            Line("Fidan then said it went well.", "said", paragraph=1, reporting=True, actors=FIDAN),
            [(2, "2024-12-01", "context")],
        ),
    ],
    ids=[
        "shares-an-actor",
        "same-paragraph",
        "names-nobody",
        "names-others-elsewhere",
        "next-paragraph-of-recent-news",
        "reports-a-past-happening",
        "present-tense",
        "past-perfect",
        "negated",
        "side-clause-date-of-its-own",
        "reporting-verb-in-the-story",
    ],
)
def test_events_story_day(line: Line, expected: list[tuple[int, str, str]]) -> None:
    """A past-tense sentence with no date of its own takes the story's day when it goes on telling that story."""
    assert [row for row in _rows(line) if row[0] == len(LEAD)] == expected


@pytest.mark.parametrize(
    ("setter", "expected"),
    [
        (Line("Fidan met Qatar's envoy on Sunday.", "met", dates=(Date("Sunday", SUNDAY),), actors=FIDAN), "context"),
        (Line("Fidan met Qatar's envoy on Sunday.", "met", Tense.PAST_PERFECT, dates=(Date("Sunday", SUNDAY),)), None),
        (
            Line(
                "Fidan has been in Doha since 2015.", "been", Tense.PRESENT_PERFECT, dates=(Date("2015", _year(2015)),)
            ),
            None,
        ),
        (Line("Fidan was in Doha since 2015.", "was", dates=(Date("2015", _year(2015), preposition="since"),)), None),
        (
            Line(
                '"We met on Sunday," Fidan said.',
                "said",
                reporting=True,
                dates=(Date("Sunday", SUNDAY, main=False, on="met"),),
            ),
            None,
        ),
        (
            Line("Fidan, who came on Sunday, left.", "left", dates=(Date("Sunday", SUNDAY, main=False, on="came"),)),
            None,
        ),
        (Line("Fidan will meet him next week.", "meet", Tense.FUTURE, dates=(Date("next week", NEXT_WEEK),)), None),
        (
            Line("On Sunday Fidan met him.", "met", caption=True, dates=(Date("Sunday", SUNDAY),), actors=FIDAN),
            None,
        ),
    ],
    ids=[
        "simple-past-main",
        "past-perfect",
        "present-perfect",
        "since",
        "quotation",
        "side-clause",
        "future",
        "caption",
    ],
)
def test_events_which_dates_start_a_story(setter: Line, expected: str | None) -> None:
    """Only a main event's simple-past date is handed on: no stretch's bound, quotation's or caption's date."""
    breaker = Line("Talks are difficult.", "are", Tense.PRESENT, paragraph=1)
    follower = Line("Fidan then left.", "left", paragraph=4, actors=FIDAN)
    events = _build(*LEAD, breaker, replace(setter, paragraph=2), follower).events()
    sources = [str(e.date.source) for e in events if e.sentence_index == 4]
    assert sources == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [(SUNDAY, [(4, "2024-12-01", "context")]), (_year(2015), [])],
    ids=["recent-news", "background-history"],
)
def test_events_story_runs_into_the_next_paragraph(value: TimexValue, expected: list[tuple[int, str, str]]) -> None:
    """The news of the last days goes on into the next paragraph whoever it names; an old story's day stays put."""
    breaker = Line("Talks are difficult.", "are", Tense.PRESENT, paragraph=1)
    setter = Line(
        f"Fidan met him on {value.value}.", "met", paragraph=2, dates=(Date(value.value, value),), actors=FIDAN
    )
    follower = Line("Sirens then sounded.", "sounded", paragraph=3, actors=SIRENS)
    assert [row for row in _rows(breaker, setter, follower) if row[0] == 4] == expected


def test_events_future_date_leaves_the_story_as_it_was() -> None:
    """A plan dated after the article neither sets the story's day nor ends the story."""
    plan = Line(
        "Fidan said talks would resume next week.", "said", reporting=True, dates=(Date("next week", NEXT_WEEK),)
    )
    after = Line("Fidan then left.", "left", paragraph=1, actors=FIDAN)
    assert [row for row in _rows(plan, after) if row[0] == 3] == [(3, "2024-12-01", "context")]


def test_events_finest_date_sets_the_story() -> None:
    """With a day and a year on the main event, the story goes on from the day."""
    both = Line(
        "Fidan left on Sunday, the worst week this year.",
        "left",
        dates=(Date("Sunday", SUNDAY), Date("this year", _year(2024))),
        actors=FIDAN,
    )
    after = Line("Fidan then flew home.", "flew", paragraph=1, actors=FIDAN)
    rows = _build(Line("Talks are hard.", "are", Tense.PRESENT), Line("They go on.", "go", Tense.PRESENT), both, after)
    assert [(e.sentence_index, e.date.timex.value) for e in rows.events() if e.sentence_index == 3] == [
        (3, "2024-12-01")
    ]


def test_events_article_day_is_the_story_day() -> None:
    """After sentences dated by the article, a past-tense sentence going on with the story takes the article's day."""
    built = _build(
        Line("Fidan has resigned.", "resigned", Tense.PRESENT_PERFECT, actors=FIDAN),
        Line("Fidan is in Ankara.", "is", Tense.PRESENT, actors=FIDAN),
        Line("Fidan then left the building.", "left", paragraph=1, actors=FIDAN),
    )
    assert [(e.date.timex.value, str(e.date.source)) for e in built.events()] == [
        ("2024-12-02", "article"),
        ("2024-12-02", "article"),
        ("2024-12-02", "context"),
    ]


# --- Rule 3: countries from the story ------------------------------------------------------------


def _countries(*lines: Line) -> list[tuple[int, tuple[str, ...], tuple[str, ...]]]:
    return [(e.sentence_index, e.countries, e.countries_inferred) for e in _build(*lines).events()]


REPORTED = Line("Officials have confirmed the toll.", "confirmed", Tense.PRESENT_PERFECT)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            (
                Line(
                    "Israeli jets struck Tyre on Sunday.", "struck", dates=(Date("Sunday", SUNDAY),), places=("Tyre",)
                ),
                REPORTED,
            ),
            [(0, ("Lebanon",), ()), (1, ("Lebanon",), ("Lebanon",))],
        ),
        (
            (
                Line("BEIRUT - Jets struck on Sunday.", "struck", dates=(Date("Sunday", SUNDAY),), places=("BEIRUT",)),
                Line("Fidan has spoken to Syria.", "spoken", Tense.PRESENT_PERFECT, paragraph=1, places=("Syria",)),
                Line("Fidan has left.", "left", Tense.PRESENT_PERFECT, paragraph=2),
            ),
            [(0, ("Lebanon",), ()), (1, ("Syria",), ()), (2, ("Syria", "Lebanon"), ("Syria", "Lebanon"))],
        ),
        (
            (
                Line("BEIRUT - Jets struck on Sunday.", "struck", dates=(Date("Sunday", SUNDAY),), places=("BEIRUT",)),
                Line("Fidan has spoken to Syria.", "spoken", Tense.PRESENT_PERFECT, paragraph=1, places=("Syria",)),
                *(
                    Line(f"Talks go on, day {n}.", "go", Tense.PRESENT, paragraph=2 + n)
                    for n in range(STORY_COUNTRY_SENTENCES)
                ),
                Line("Fidan has left.", "left", Tense.PRESENT_PERFECT, paragraph=9),
            ),
            [(0, ("Lebanon",), ()), (1, ("Syria",), ()), (2 + STORY_COUNTRY_SENTENCES, ("Lebanon",), ("Lebanon",))],
        ),
        (
            (
                Line("Jets struck Syria on Sunday.", "struck", dates=(Date("Sunday", SUNDAY),), places=("Syria",)),
                Line("Syria has objected.", "objected", Tense.PRESENT_PERFECT, paragraph=1, places=("Syria",)),
                Line("Talks are hard for Lebanon.", "are", Tense.PRESENT, paragraph=2, places=("Lebanon",)),
                *(
                    Line(f"Talks go on, day {n}.", "go", Tense.PRESENT, paragraph=3 + n)
                    for n in range(STORY_COUNTRY_SENTENCES)
                ),
                Line("Fidan has left.", "left", Tense.PRESENT_PERFECT, paragraph=9),
            ),
            [(0, ("Syria",), ()), (1, ("Syria",), ()), (3 + STORY_COUNTRY_SENTENCES, ("Syria",), ("Syria",))],
        ),
        (
            (
                Line(
                    "OUAGADOUGOU - Militants struck on Sunday.",
                    "struck",
                    dates=(Date("Sunday", SUNDAY),),
                    places=("OUAGADOUGOU",),
                ),
                Line(
                    "JNIM has claimed the attack.",
                    "claimed",
                    Tense.PRESENT_PERFECT,
                    paragraph=1,
                    actors=(("JNIM", "Mali"),),
                ),
            ),
            [(0, ("Burkina Faso",), ()), (1, ("Mali", "Burkina Faso"), ("Burkina Faso",))],
        ),
    ],
    ids=["earlier-sentence", "earlier-sentence-with-the-dateline", "dateline", "main-country", "actor-country-only"],
)
def test_events_countries_from_the_story(
    lines: tuple[Line, ...], expected: list[tuple[int, tuple[str, ...], tuple[str, ...]]]
) -> None:
    """A sentence naming no place takes the story's countries: an earlier sentence's, the dateline's, the main one."""
    assert _countries(*lines) == expected


def test_events_countries_give_regions() -> None:
    """An event's regions are the regions of its countries, stated or inferred."""
    lines = (Line("Jets struck Tyre on Sunday.", "struck", dates=(Date("Sunday", SUNDAY),), places=("Tyre",)), REPORTED)
    events = _build(*lines).events()
    assert [event.regions for event in events] == [("Middle East & North Africa",)] * 2
    first = _build(LEAD[0]).events()[0]
    assert (first.countries, first.regions, first.countries_inferred) == (("Türkiye",), ("Europe & Central Asia",), ())


# --- Rules 4 and 5: one event per sentence written twice; a bounded number of events ------------


def test_events_sentence_written_twice_is_one_event() -> None:
    """The same sentence twice in an article gives its events once, at its first occurrence."""
    quote = Line('"We agreed," Fidan said on Sunday.', "said", reporting=True, dates=(Date("Sunday", SUNDAY),))
    events = _build(quote, Line("Talks are hard.", "are", Tense.PRESENT), quote).events()
    assert [event.sentence_index for event in events if event.sentence == quote.text] == [0]


def test_events_capped_per_article() -> None:
    """An article gives at most MAX_EVENTS_PER_ARTICLE events, the first ones."""
    line = Line(" ".join(f"y{n}" for n in range(MAX_EVENTS_PER_ARTICLE + 20)), "y0")
    many = tuple(Date(f"y{n}", _year(1000 + n)) for n in range(MAX_EVENTS_PER_ARTICLE + 20))
    built = _build(Line(line.text, line.verb, dates=many))
    events = built.events()
    assert len(events) == MAX_EVENTS_PER_ARTICLE
    assert events[-1].date.timex.value == str(1000 + MAX_EVENTS_PER_ARTICLE - 1)
