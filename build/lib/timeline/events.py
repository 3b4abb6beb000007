"""From one analysed article to its events: a date in a sentence, with who and where.

What the parse says about each sentence (its main predicate and tense, what each date
modifies, quotations, captions) is read by :mod:`timeline.clauses`; this module decides
which rows exist, with which date, countries and evidence. The rules, in order:

1. **Each date of a sentence is a row**, recording the predicate it modifies and whether
   that is the sentence's main event (``main_event``) or a side clause's ("the hostages
   taken *a year ago* were released on Monday": the year dates the taking, Monday the
   release). Not the bound of a comparison ("its lowest level since 2003"): nothing is
   told to have happened then.
2. **A main event with no date of its own** (no date of the sentence modifies it) gets a
   row of its own, the side clauses' dates keeping theirs:

   a. *the story's current day* (``date_source = "context"``), when the story has one
      and the sentence goes on telling it: its main verb is in the simple past, it
      writes no date at all (a side clause's date says the sentence is about another
      time), and it is in a paragraph of the story, shares an actor, place or country
      with it, or names none ("In a press conference in Istanbul, Fidan noted…" after
      "On Monday, … visited Türkiye"), or reports a past happening ("the air force said
      Russia launched 89 drones"), or opens the paragraph after the story's when the
      story's day is recent (within :data:`~timeline.defaults.STORY_RECENT_DAYS` of the
      article date: the news runs on over paragraphs, background history does not).
      A story's day is set by a date of a sentence's main event when that main verb is
      in the simple past (not negated, not a past perfect's background), the date is not
      after the article and does not open or close a stretch ("since 2012", "by June",
      :data:`_STRETCH_MARKERS`); the finest such date wins ("on Sunday" over "this
      year"). A row dated by the article's day (b) makes that day the story's. A
      sentence that continues the story adds its names and paragraph; a caption, the
      headline and a sentence whose main event is dated only after the article ("the
      truce would take effect on Sunday") leave the story as it was; any other sentence
      ends it. Quotations' and captions' dates never set it.
   b. *the article's day* (``date_source = "article"``), when the sentence tells the
      article's own news: it is the lead (the first
      :data:`~timeline.defaults.LEAD_SENTENCES` sentences with a verb of the body,
      after the headline and any date line), its main verb is in the present perfect
      ("has appointed"), or it is a reporting verb
      (:data:`~timeline.defaults.REPORTING_VERBS`: "said", "says", "told", "announced",
      "called …") in the present or the simple past. Never for a main verb that is
      negated ("has not commented"), in the past perfect ("had intervened":
      background), a plan or future ("will", "would", "plans to", "is expected to"),
      nor for a caption, the headline, or a sentence with no verb.

   Anything else (a present-tense statement, an undated past sentence outside a story)
   gets no row: the table holds dated happenings, not every sentence.
3. **Countries from the story**: a row whose sentence names no place (no country, city
   or region: its countries, if any, are only those of who took part, "Israeli jets",
   "JNIM claimed…") happened where the story happens, and takes, in this order, (a) the
   countries of the nearest earlier sentence that states one, in the same paragraph or
   among the :data:`~timeline.defaults.STORY_COUNTRY_SENTENCES` sentences before, with
   the dateline's country; (b) the dateline's country ("OUAGADOUGOU (Reuters) -": a
   place in capitals opening a line); (c) the article's main country (the one it names
   most often). Those it does not state are listed again in ``countries_inferred``, so an
   inferred country can be told from a stated one; regions follow the countries.
4. **A sentence written twice** in an article (a repeated quotation, a standfirst
   repeated as the first paragraph) gives its events once, at its first occurrence.
5. **Bounded**: the pipeline cuts evidence to :data:`~timeline.defaults.MAX_SENTENCE_CHARS`;
   an article gives at most :data:`~timeline.defaults.MAX_EVENTS_PER_ARTICLE` events,
   the first ones in text order, and drops the rest silently (the per-article stage has
   no channel for a problem line; no news article comes near the cap).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from timeline.defaults import (
    LEAD_SENTENCES,
    MAX_EVENTS_PER_ARTICLE,
    STORY_COUNTRY_SENTENCES,
    STORY_RECENT_DAYS,
)
from timeline.regions import region_of
from timeline.types import (
    Article,
    DateMention,
    DateSource,
    EntityMention,
    Event,
    Precision,
    TimexValue,
    precision_rank,
)


class Tense(StrEnum):
    """The tense of a predicate, as far as the events stage needs it."""

    PAST = "past"
    PRESENT = "present"
    PRESENT_PERFECT = "present perfect"
    PAST_PERFECT = "past perfect"
    #: "will", "would" and the other modals, or an intent over an infinitive ("plans to").
    FUTURE = "future"
    #: No finite verb tells ("Speaking on Saturday", a noun).
    NONE = "none"


@dataclass(frozen=True)
class Predicate:
    """A verb (or an event noun) of a sentence, with its offsets in the article text."""

    text: str
    start: int
    end: int
    tense: Tense
    #: Whether it is a reporting verb (:data:`~timeline.defaults.REPORTING_VERBS`).
    reporting: bool = False
    #: Whether it is negated ("has not commented"): no happening to date.
    negated: bool = False
    #: The tense of the clause it governs ("said [it had struck]"), NONE when it governs none.
    complement: Tense = Tense.NONE


@dataclass(frozen=True)
class Attachment:
    """What one date of a sentence modifies: its predicate, and whether that is the main event."""

    #: The date mention's start offset, which identifies it.
    date_start: int
    #: ``None`` when the sentence has no verb (a heading, a date line).
    predicate: Predicate | None
    main: bool
    #: The preposition the date hangs on ("on", "since", "by"), lower case; "" when none.
    preposition: str = ""
    #: Whether it only bounds a comparison ("its lowest level since 2003"): no happening is dated there.
    comparison: bool = False


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article (or a bounded window of a long one) and what its parse says."""

    index: int
    start: int
    end: int
    text: str
    #: 0-based paragraph of the article it stands in.
    paragraph: int = 0
    #: Its root verb, ``None`` when it has none.
    main: Predicate | None = None
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    #: Whether it is (in) a photo caption or credit.
    caption: bool = False


#: A date after these begins or ends a stretch ("since 2012", "by June"): it is no day of the story.
_STRETCH_MARKERS = frozenset({"since", "until", "till", "by", "from", "through", "before"})


@dataclass(frozen=True)
class _Who:
    actors: tuple[str, ...]
    places: tuple[str, ...]
    countries: tuple[str, ...]
    regions: tuple[str, ...]
    #: The countries of the places it names (not of who took part: "Israeli jets", "JNIM").
    placed: tuple[str, ...] = ()

    def names(self) -> set[str]:
        return set(self.actors) | set(self.places) | set(self.countries)


@dataclass(frozen=True)
class _Story:
    """The story's current day and who it is about so far."""

    mention: DateMention
    names: frozenset[str]
    paragraphs: frozenset[int] = frozenset()


def is_event_date(mention: DateMention) -> bool:
    """Whether a date can stand on a timeline: it covers days, it is not a bare reference."""
    timex = mention.timex
    return timex.precision is not Precision.REFERENCE and timex.start is not None and timex.end is not None


def build_events(
    article: Article,
    sentences: Sequence[Sentence],
    dates: Sequence[DateMention],
    entities: Sequence[EntityMention],
) -> list[Event]:
    """Return the article's events in text order (see the module doc for which rows exist)."""
    whos = [_who_in(sentence, entities) for sentence in sentences]
    inferred = _story_countries(article, sentences, whos, entities)
    lead = _lead(article, sentences)
    body = min(lead, default=len(sentences))
    events: list[Event] = []
    story: _Story | None = None
    seen: set[str] = set()
    for position, (sentence, who) in enumerate(zip(sentences, whos, strict=True)):
        key = " ".join(sentence.text.split())
        if key in seen:
            continue
        seen.add(key)
        rows: list[tuple[int, Event]] = []
        attachments = {attachment.date_start: attachment for attachment in sentence.attachments}
        own = [m for m in dates if sentence.start <= m.start < sentence.end and is_event_date(m)]
        dated: list[tuple[DateMention, Attachment]] = []
        for mention in own:
            attachment = attachments.get(mention.start, Attachment(mention.start, None, main=True))
            if not attachment.comparison:
                rows.append((mention.start, _event(article, sentence, mention, who, inferred[position], attachment)))
                dated.append((mention, attachment))
        dated_main = [(mention, attachment) for mention, attachment in dated if attachment.main]
        # A sentence with a date of its own, even a side clause's, tells its own time, not the story's.
        continues = story is not None and not dated and _continues(sentence, who, story, article)
        undated = sentence.main if not dated_main and position >= body and not sentence.caption else None
        day: DateMention | None = None
        if undated is not None and story is not None and continues:
            day = replace(story.mention, source=DateSource.CONTEXT)
        elif undated is not None and _tells_news(undated, position in lead):
            day = _article_day(article)
        if undated is not None and day is not None:
            main = Attachment(undated.start, undated, main=True)
            rows.append((undated.start, _event(article, sentence, day, who, inferred[position], main)))
        events.extend(event for _, event in sorted(rows, key=lambda row: row[0]))
        if sentence.caption or position < body:
            continue
        if day is not None and day.source is DateSource.ARTICLE:
            # The article's own news: its day is the story's until a sentence dates another.
            story = _Story(day, frozenset(who.names()), frozenset({sentence.paragraph}))
        else:
            story = _next_story(article, sentence, who, story, dated_main, continues)
    return events[:MAX_EVENTS_PER_ARTICLE]


def _next_story(
    article: Article,
    sentence: Sentence,
    who: _Who,
    story: _Story | None,
    dated_main: list[tuple[DateMention, Attachment]],
    continues: bool,
) -> _Story | None:
    """The story after ``sentence``: a new current day, the same one, or none."""
    told = [mention for mention, attachment in dated_main if _starts_story(sentence, attachment, mention, article)]
    if told:
        # The story's day is the finest of them ("on Sunday" over "this year"), the last among equals.
        finest = min(told, key=lambda mention: (precision_rank(mention.timex.precision), -mention.start))
        if story is not None and story.mention.timex == finest.timex:
            # The same day told again: the same story, about more names.
            return _Story(finest, story.names | who.names(), story.paragraphs | {sentence.paragraph})
        return _Story(finest, frozenset(who.names()), frozenset({sentence.paragraph}))
    if story is not None and continues:
        return _Story(story.mention, story.names | who.names(), story.paragraphs | {sentence.paragraph})
    if story is not None and dated_main and not any(_not_after(mention, article) for mention, _ in dated_main):
        # Only a plan dated after the article ("the truce would take effect on Sunday"):
        # it tells of no day of the story, and does not end it.
        return story
    return None


def _starts_story(sentence: Sentence, attachment: Attachment, mention: DateMention, article: Article) -> bool:
    """Whether a date of the main event is a day the story goes on from (rule 2a)."""
    main = sentence.main
    return (
        main is not None
        and main.tense is Tense.PAST
        and not main.negated
        and attachment.predicate is not None
        and attachment.predicate.tense is not Tense.PAST_PERFECT
        and attachment.preposition not in _STRETCH_MARKERS
        and _not_after(mention, article)
    )


def _continues(sentence: Sentence, who: _Who, story: _Story, article: Article) -> bool:
    """Whether ``sentence`` goes on telling the story (rule 2a)."""
    main = sentence.main
    if main is None or main.tense is not Tense.PAST or main.negated:
        return False
    if main.reporting and main.complement in (Tense.PAST, Tense.PAST_PERFECT):
        # "Ukraine's air force said Russia launched 89 drones": what is reported happened in the story.
        return True
    names = who.names()
    if sentence.paragraph in story.paragraphs or not names or names & story.names:
        return True
    # The news of the last days runs on over the next paragraph; background history does not.
    start = story.mention.timex.start
    recent = start is not None and (article.date - start).days <= STORY_RECENT_DAYS
    return recent and sentence.paragraph - 1 in story.paragraphs


def _tells_news(main: Predicate, lead: bool) -> bool:
    """Whether a sentence whose main event has no date tells the article's own news (rule 2b)."""
    if main.tense in (Tense.FUTURE, Tense.PAST_PERFECT, Tense.NONE) or main.negated:
        return False
    if lead or main.tense is Tense.PRESENT_PERFECT:
        return True
    return main.reporting and main.tense in (Tense.PRESENT, Tense.PAST)


def _lead(article: Article, sentences: Sequence[Sentence]) -> set[int]:
    """Positions of the lead: the first sentences with a verb after the headline (when the text repeats it)."""
    first_line = article.text.split("\n", 1)[0]
    headline_end = len(first_line) if first_line.strip() and first_line.strip() == article.title.strip() else 0
    found = [
        position
        for position, sentence in enumerate(sentences)
        if sentence.start >= headline_end and sentence.main is not None and not sentence.caption
    ]
    return set(found[:LEAD_SENTENCES])


def _article_day(article: Article) -> DateMention:
    day = article.date
    return DateMention(-1, -1, "", TimexValue(day.isoformat(), Precision.DAY, day, day), DateSource.ARTICLE)


def _not_after(mention: DateMention, article: Article) -> bool:
    return mention.timex.start is not None and mention.timex.start <= article.date


def _who_in(sentence: Sentence, entities: Sequence[EntityMention]) -> _Who:
    inside = [mention for mention in entities if sentence.start <= mention.start < sentence.end]
    actors = _unique(mention.canonical for mention in inside if mention.actor_kind is not None)
    places = _unique(mention.place.name for mention in inside if mention.place is not None)
    countries = _unique(mention.country for mention in inside if mention.country)
    regions = _unique(region for region in (_region(mention) for mention in inside if mention.country) if region)
    placed = _unique(mention.country for mention in inside if mention.place is not None and mention.country)
    return _Who(actors, places, countries, regions, placed)


def _story_countries(
    article: Article, sentences: Sequence[Sentence], whos: Sequence[_Who], entities: Sequence[EntityMention]
) -> list[tuple[str, ...]]:
    """Per sentence, the countries it takes from the story when it names no place (rule 3), else ()."""
    dateline = _dateline_country(article, entities)
    fallback = dateline or _main_country(entities)
    result: list[tuple[str, ...]] = []
    for position, sentence in enumerate(sentences):
        if whos[position].placed:
            result.append(())
            continue
        found: tuple[str, ...] = (fallback,) if fallback else ()
        for earlier in range(position - 1, -1, -1):
            near = position - earlier <= STORY_COUNTRY_SENTENCES
            if not near and sentences[earlier].paragraph != sentence.paragraph:
                break
            if whos[earlier].countries:
                found = whos[earlier].countries
                if dateline:
                    # The dateline places the whole story: it goes with the story's nearest countries.
                    found = _unique((*found, dateline))
                break
        result.append(tuple(country for country in found if country not in whos[position].countries))
    return result


def _dateline_country(article: Article, entities: Sequence[EntityMention]) -> str:
    """The country of the place in capitals that opens a line before the body ("BEIRUT (Reuters) -")."""
    text = article.text
    for mention in entities:
        if mention.start > len(text) // 2:
            break
        at_line_start = mention.start == 0 or text[mention.start - 1] == "\n"
        if at_line_start and mention.text.isupper() and mention.place is not None and mention.country:
            return mention.country
    return ""


def _main_country(entities: Sequence[EntityMention]) -> str:
    """The country the article names most often (the first named among equals)."""
    counts = Counter(mention.country for mention in entities if mention.country)
    return max(counts, key=lambda country: counts[country], default="")


def _region(mention: EntityMention) -> str:
    # A place knows its region; a person's, an organisation's or a nationality's country is a name.
    return mention.place.region if mention.place is not None else region_of(mention.country)


def _event(
    article: Article,
    sentence: Sentence,
    mention: DateMention,
    who: _Who,
    inferred: tuple[str, ...],
    attachment: Attachment,
) -> Event:
    regions = _unique((*who.regions, *(region for region in map(region_of, inferred) if region)))
    return Event(
        event_id=_event_id(article.article_id, sentence.index, mention),
        article=article,
        sentence_index=sentence.index,
        sentence=sentence.text,
        date=mention,
        actors=who.actors,
        places=who.places,
        countries=(*who.countries, *inferred),
        regions=regions,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        predicate=attachment.predicate.text if attachment.predicate is not None else "",
        main_event=attachment.main,
        countries_inferred=inferred,
    )


def _event_id(article_id: str, sentence_index: int, mention: DateMention) -> str:
    key = f"{article_id}:{sentence_index}:{mention.start}:{mention.timex.value}:{mention.source}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """The values in first-seen order, each once."""
    return tuple(dict.fromkeys(values))
