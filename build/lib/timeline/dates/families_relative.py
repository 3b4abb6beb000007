"""Date families counted from the article date: weekdays by tense, "last/this/next" units,
"yesterday", "two weeks ago", weekends and parts of the day.
"""

from __future__ import annotations

import datetime as dt

from timeline.dates import timex as tx
from timeline.dates.around import capitalised_before, word_before
from timeline.dates.context import UNIT, Context, Resolved, shift, story_anchor
from timeline.dates.family import Candidate, DateFamily
from timeline.dates.patterns import WEEKDAYS, B, cap
from timeline.types import DateSource, Precision

_NUMBER = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,3}"
_WEEKDAY_NUMBER = {
    name: number
    for number, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
#: Capitalised words that turn a weekday into the name of a holiday or an event ("Black Monday").
_NAMED_DAY_LEAD = frozenset(
    {"black", "cyber", "super", "easter", "good", "ash", "palm", "bloody", "holy", "maundy", "shrove", "fat", "blue"}
)
#: Words before "the past/next year" that make it a span of time, not a date.
_SPANNING = frozenset({"over", "within", "for", "throughout", "during"})


def _unit(candidate: Candidate, context: Context) -> Resolved | None:
    rel, unit = candidate.group("rel").lower(), UNIT[candidate.group("unit").lower()]
    base = context.article_date
    anaphoric = rel in {"following", "previous", "prior"}
    if anaphoric or (rel == "next" and candidate.optional("the") and unit is Precision.DAY):
        anchor, source = story_anchor(context, unit)
        return shift(tx.day_value(anchor), unit, 1 if rel in {"following", "next"} else -1, anchor), source
    if rel in {"last", "past"}:
        amount = -1
    elif rel in {"next", "coming"}:
        amount = 1
    else:
        amount = 0
    if unit is Precision.WEEKEND and amount == -1:
        # The weekend just gone: for a Sunday article, that is the same day's weekend.
        amount = 0 if base.weekday() >= 5 else -1
    return shift(tx.day_value(base), unit, amount, base), DateSource.RELATIVE


def _keep_unit(candidate: Candidate, text: str) -> bool:
    rel = candidate.group("rel").lower()
    if candidate.group("unit") == "day" and rel not in {"next", "following", "previous", "prior"}:
        return False
    spanning = word_before(text, candidate.start) in _SPANNING
    # "over the past year", "within the next month": spans of time, not dates.
    return not (rel in {"past", "coming", "next"} and candidate.optional("the") and spanning)


def _edge(candidate: Candidate, context: Context) -> Resolved | None:
    # "the end of this year" keeps the precision of the unit it is the edge of.
    rel, unit = candidate.optional("rel").lower(), UNIT[candidate.group("unit").lower()]
    amount = {"last": -1, "next": 1}.get(rel, 0)
    base = context.article_date
    if candidate.optional("fiscal"):
        # "the beginning of the financial year": the article's fiscal year, numbered as fiscal_year does.
        return tx.fiscal_year_value(base.year + amount), DateSource.RELATIVE
    source = DateSource.RELATIVE
    if rel == "that" or (rel == "the" and _story_unit_told_in_past(candidate, context, unit)):
        base, source = story_anchor(context, unit)
    return shift(tx.day_value(base), unit, amount, base), source


def _story_unit_told_in_past(candidate: Candidate, context: Context, unit: Precision) -> bool:
    """Whether "the end of the decade" means the story's: a past clause after a date of that unit other than now's.

    "In the 1990s the town boomed; by the end of the decade ..." is the 1990s; "the end of the year" in a
    story of the present is the article's year.
    """
    anchor = context.latest_within(unit)
    if anchor is None or anchor.start is None or context.tense(candidate, deadline=False) != "past":
        return False
    return shift(anchor, unit, 0, anchor.start).value != shift(anchor, unit, 0, context.article_date).value


def _keep_earlier_this(candidate: Candidate, text: str) -> bool:
    # "earlier that day" is the story's day; "later in the day" is the anaphora family's.
    return candidate.group("unit").lower() != "day" or candidate.optional("rel").lower() == "that"


def _earlier_this(candidate: Candidate, context: Context) -> Resolved | None:
    unit = UNIT[candidate.group("unit").lower()]
    rel = candidate.optional("rel").lower()
    amount = {"last": -1, "next": 1}.get(rel, 0)
    if rel == "that":
        # "earlier that year": the story's year.
        base, source = story_anchor(context, unit)
        return shift(tx.day_value(base), unit, 0, base), source
    base = context.article_date
    return shift(tx.day_value(base), unit, amount, base), DateSource.RELATIVE


def _fiscal_year(candidate: Candidate, context: Context) -> Resolved | None:
    # Numbered by the calendar year of the article, the usual reading when the fiscal calendar is not told.
    offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(candidate.group("rel").lower(), 0)
    return tx.fiscal_year_value(context.article_date.year + offset), DateSource.RELATIVE


def _new_year(candidate: Candidate, context: Context) -> Resolved | None:
    # Late in a year, "the new year" is the one about to begin; early in it, the one just begun.
    base = context.article_date
    return tx.year_value(base.year + (1 if base.month >= 10 else 0)), DateSource.RELATIVE


def _ago(candidate: Candidate, context: Context) -> Resolved | None:
    number = candidate.group("n")
    count = _NUMBER_WORDS.get(number.lower()) or int(number)
    unit = UNIT[candidate.group("unit").lower()]
    direction = candidate.group("dir").lower()
    if direction == "ago":
        base, source = context.article_date, DateSource.RELATIVE
    else:
        base, source = story_anchor(context, unit)
    sign = 1 if direction == "later" else -1
    if unit is Precision.WEEK and count == 1:
        # "a week ago" names the day seven days back ("the quake hit a week ago"), as annotators read it.
        return tx.day_value(base + dt.timedelta(weeks=sign)), source
    # "six weeks ago" is a week, "a decade ago" a decade: the value keeps the unit counted in (TimeML).
    return shift(tx.day_value(base), unit, sign * count, base), source


def _deictic(candidate: Candidate, context: Context) -> Resolved | None:
    word = candidate.group("word").lower()
    if candidate.optional("possessive") and word == "today":
        # "today's GM", "today's world": the present era, not the day.
        return tx.reference_value("PRESENT_REF"), DateSource.RELATIVE
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    return tx.day_value(context.article_date + dt.timedelta(days=offset)), DateSource.RELATIVE


def _part_of_day(candidate: Candidate, context: Context) -> Resolved | None:
    day_word, part = " ".join(candidate.group("day").lower().split()), _PART_CODE[candidate.group("part").lower()]
    story = {"that": 0, "the same": 0, "the next": 1, "the following": 1, "the previous": -1}.get(day_word)
    if story is not None:
        # "the next morning": the morning after the story's day.
        anchor, source = story_anchor(context, Precision.DAY)
        return tx.part_of_day_value(anchor + dt.timedelta(days=story), part), source
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1}.get(day_word)
    if offset is not None:
        return tx.part_of_day_value(context.article_date + dt.timedelta(days=offset), part), DateSource.RELATIVE
    # "Monday night": the night of the day "Monday" alone would be.
    day, source = _weekday_day(day_word, "", candidate, context)
    return tx.part_of_day_value(day, part), source


def _weekday(candidate: Candidate, context: Context) -> Resolved | None:
    mod = " ".join(candidate.optional("mod").lower().split())
    day, source = _weekday_day(candidate.group("wd").lower(), mod, candidate, context)
    return tx.day_value(day), source


def _weekday_day(name: str, mod: str, candidate: Candidate, context: Context) -> tuple[dt.date, DateSource]:
    """The day a weekday ``name`` with modifier ``mod`` ("last", "the following", "") names, and its source."""
    target = _WEEKDAY_NUMBER[name]
    if mod in {"the following", "the next", "the previous"}:
        base, source = story_anchor(context, Precision.WEEK)
    else:
        base, source = context.article_date, DateSource.RELATIVE
    ahead = (target - base.weekday()) % 7
    behind = (base.weekday() - target) % 7
    if mod in {"next", "the following", "the next", "coming"}:
        return base + dt.timedelta(days=ahead or 7), source
    if mod in {"last", "the previous", "past"}:
        return base - dt.timedelta(days=behind or 7), source
    if mod == "this":
        return base + dt.timedelta(days=target - base.weekday()), source
    tense = context.tense(candidate)
    if ahead and tense == "future":
        return base + dt.timedelta(days=ahead), source
    if mod == "" and tense == "past" and (week := _story_week(context)) is not None:
        # A story about last week's events: "on Tuesday" told in the past is that week's Tuesday.
        return week + dt.timedelta(days=target), DateSource.CONTEXT
    # Past-tense news: the latest such day on or before the article date.
    return base - dt.timedelta(days=behind), source


def _story_week(context: Context) -> dt.date | None:
    """The Monday of the earlier week the story is telling of, or None when it tells of the article's week.

    The story tells of a week when its last date is that week ("last week"), or a day of a week it named.
    """
    last = context.last
    if last is None or last.start is None:
        return None
    if last.precision is Precision.WEEK:
        monday = last.start
    elif last.precision is Precision.DAY and any(
        v.precision is Precision.WEEK and v.start is not None and v.end is not None and v.start <= last.start <= v.end
        for v in context.history
    ):
        monday = last.start - dt.timedelta(days=last.start.weekday())
    else:
        return None
    article_monday = context.article_date - dt.timedelta(days=context.article_date.weekday())
    return monday if monday < article_monday else None


def _keep_weekday(candidate: Candidate, text: str) -> bool:
    if candidate.optional("mod") or word_before(text, candidate.start) not in _NAMED_DAY_LEAD:
        return True
    # "Black Monday" names a day; "a good Monday" does not.
    return not capitalised_before(text, candidate.start)


def _weekend(candidate: Candidate, context: Context) -> Resolved | None:
    mod = " ".join(candidate.group("mod").lower().split())
    base = context.article_date
    source = DateSource.RELATIVE
    if mod in {"that", "the following", "the previous"}:
        base, source = story_anchor(context, Precision.WEEK)
    saturday_this_week = base + dt.timedelta(days=5 - base.weekday())
    if mod in {"next", "the following"}:
        day = saturday_this_week + dt.timedelta(weeks=1 if base.weekday() >= 5 else 0)
    elif mod in {"last", "the previous", "the past"}:
        day = saturday_this_week - dt.timedelta(weeks=0 if base.weekday() >= 5 else 1)
    elif mod in {"this", "that"}:
        day = saturday_this_week
    elif base.weekday() < 5 and not context.future(candidate):
        day = saturday_this_week - dt.timedelta(weeks=1)
    else:
        day = saturday_this_week
    return tx.week_value(day, weekend=True), source


#: In priority order: on equal extent, the earlier family wins.
FAMILIES: tuple[DateFamily, ...] = (
    DateFamily(
        name="edge",
        pattern=rf"{B}(?:[Tt]he[^\S\n]+)?(?:very[^\S\n]+)?(?P<edge>{cap('end|beginning|start|middle|turn|rest')})"
        r"[^\S\n]+of[^\S\n]+(?:(?P<rel>this|last|next|the|that)[^\S\n]+)?"
        r"(?:(?P<fiscal>fiscal|financial)[^\S\n]+(?=year))?(?P<unit>year|month|week|decade|century|quarter)(?!\w)",
        triggers=("year", "month", "week", "decade", "century", "quarter"),
        groups=("rel", "fiscal", "unit"),
        resolve=_edge,
        examples=(
            "Work ends by [the end of the year].",
            "Sales rose at [the start of last month].",
            "Sales doubled at [the very beginning of the financial year].",
        ),
    ),
    DateFamily(
        name="earlier_this",
        pattern=rf"{B}(?P<edge>{cap('earlier|later|early|late')})[^\S\n]+(?:(?P<rel>this|last|next|that)|in[^\S\n]+the)"
        r"[^\S\n]+(?P<unit>year|month|week|decade|quarter|day)(?!\w)",
        triggers=("earl", "late"),
        groups=("rel", "unit"),
        resolve=_earlier_this,
        keep=_keep_earlier_this,
        examples=(
            "Prices rose [earlier this year].",
            "The firm was founded in 1998. [Earlier that year], he left.",
            "They marched on 21 August 2021. Police had closed the streets [earlier that day].",
        ),
    ),
    DateFamily(
        name="unit",
        pattern=rf"{B}(?:(?P<the>[Tt]he)[^\S\n]+)?"
        rf"(?P<rel>{cap('last|this|next|past|coming|current|previous|following|prior')})"
        r"[^\S\n]+(?P<unit>week|weekend|month|year|decade|century|quarter|day)(?![\w-])",
        triggers=("week", "month", "year", "decade", "century", "quarter", "day"),
        groups=("the", "rel", "unit"),
        resolve=_unit,
        keep=_keep_unit,
        examples=("It was decided [last week].", "The fire started on 5 May 2021. [The following week], crews left."),
    ),
    DateFamily(
        name="fiscal_year",
        pattern=rf"{B}(?:[Tt]he[^\S\n]+)?(?P<rel>{cap('this|last|next|current|previous|coming|past')})[^\S\n]+"
        r"(?:fiscal|financial)[^\S\n]+year(?![\w-])",
        triggers=("fiscal", "financial"),
        groups=("rel",),
        resolve=_fiscal_year,
        examples=("Profit will rise [this fiscal year].",),
    ),
    DateFamily(
        name="new_year",
        pattern=rf"{B}[Tt]he[^\S\n]+new[^\S\n]+year(?![\w'’-])",
        triggers=("new",),
        groups=(),
        resolve=_new_year,
        examples=("Work will start in [the new year].",),
    ),
    DateFamily(
        name="ago",
        pattern=rf"{B}(?P<n>{cap(_NUMBER)})[^\S\n]+(?P<unit>day|week|month|year|decade)s?[^\S\n]+"
        r"(?P<dir>ago|earlier|later|before)(?![\w-])",
        triggers=("ago", "earlier", "later", "before"),
        groups=("n", "unit", "dir"),
        resolve=_ago,
        examples=(
            "It happened [three years ago].",
            "Rebels took the city on 2 April 2016. [Two days later], they left.",
        ),
    ),
    DateFamily(
        name="deictic",
        pattern=rf"{B}(?:(?P<mod>{cap('earlier|later|until|as of')})[^\S\n]+)?"
        rf"(?P<word>{cap('today|yesterday|tomorrow')})"
        r"(?=(?P<possessive>['’]s\b))?(?![\w-])",
        triggers=("today", "yesterday", "tomorrow"),
        groups=("word", "possessive"),
        resolve=_deictic,
        examples=("The vote was held [yesterday].", "[Today]'s world is different."),
    ),
    DateFamily(
        name="part_of_day",
        pattern=rf"{B}(?P<day>{cap('this|yesterday|tomorrow|that')}|{WEEKDAYS}"
        rf"|{cap('the')}[^\S\n]+(?:next|following|previous|same))[^\S\n]+"
        r"(?P<part>morning|afternoon|evening|night)(?![\w-])",
        triggers=("morning", "afternoon", "evening", "night"),
        groups=("day", "part"),
        resolve=_part_of_day,
        examples=(
            "Apple announced the deal [this morning].",
            "Rebels attacked on [Monday night].",
            "Voting ended on 2 November 2010. Clerks counted ballots [the next morning].",
        ),
    ),
    DateFamily(
        name="weekday",
        pattern=rf"{B}(?:(?P<mod>{cap('last|next|this|the following|the previous|the next|coming|past')})[^\S\n]+)?"
        rf"(?P<wd>{WEEKDAYS})(?![\w-])",
        triggers=("day",),
        groups=("mod", "wd"),
        resolve=_weekday,
        keep=_keep_weekday,
        examples=(
            "Talks resumed on [Sunday].",
            "They met [last Friday].",
            "The council met last week. On [Tuesday] it voted.",
        ),
    ),
    DateFamily(
        name="weekend",
        pattern=rf"{B}(?P<mod>{cap('last|next|this|the|that|the following|the previous|the past')})[^\S\n]+weekend"
        r"(?![\w-])",
        triggers=("weekend",),
        groups=("mod",),
        resolve=_weekend,
        examples=("Forces have advanced since [the weekend].",),
    ),
)
