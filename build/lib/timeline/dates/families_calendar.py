"""Calendar date families: written dates, months, quarters, halves, seasons, decades, holidays, years.

A day or month without a year is placed near the article date by the tense of its clause.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter
from dateutil.relativedelta import MO, TH, relativedelta, weekday

from timeline.dates import timex as tx
from timeline.dates.around import capitalised_before, sentence_of, word_before
from timeline.dates.context import Context, Resolved
from timeline.dates.dateparser_adapter import parse_explicit
from timeline.dates.family import DIGIT, MONTH, Candidate, DateFamily
from timeline.dates.patterns import WEEKDAYS, B, cap
from timeline.types import DateSource, Precision

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?"
)
_MON = rf"(?P<mon>{_MONTHS})(?![\w-])"
#: The gap between the parts of a written date: spaces, or one line break where a line was wrapped
#: ("Sept. 12,\n2001"), never a blank line.
_GAP = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+)"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
#: A year; a hyphen may follow only as a range ("1990-95", "1990-1995"), not as a date ("2008-09-17").
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\w%/]|[.,]\d|-(?!(?:\d\d){1,2}(?![\d-])))"
#: A year of any era, where a month and day before it leave no doubt it is a year ("October 14, 1066").
_ANY_YEAR = r"(?P<year>[1-9]\d\d\d)(?![\w%/]|[.,]\d|-(?!(?:\d\d){1,2}(?![\d-])))"
_MONTH_MODS = cap(
    "late last|early last|late this|early this|late next|early next|"
    "early|mid|late|earlier|later|last|next|this|the end of|the beginning of|the start of|the middle of|"
    "end|the first half of|the second half of"
)
_YEAR_MODS = cap(
    "early|mid|late|the end of|the beginning of|the start of|the middle of|the turn of|end|fiscal year|fiscal|"
    "the fiscal year|calendar year|the year"
)
_ORDINALS = "first|second|third|fourth|final|last|1st|2nd|3rd|4th"
_RELATIVE_YEAR = (
    r"(?P<rel>this|last|next|the[^\S\n]+current|the[^\S\n]+previous|the[^\S\n]+same|the|that)"
    r"[^\S\n]+(?:fiscal[^\S\n]+)?year"
)
#: Holidays whose day a rule can compute, by the calendar or from Easter.
_HOLIDAYS = (
    r"Christmas(?:[^\S\n]+(?:Day|Eve))?|New[^\S\n]+Year['’]s[^\S\n]+(?:Day|Eve)|Boxing[^\S\n]+Day|Valentine['’]s[^\S\n]+Day"
    r"|Halloween|Thanksgiving(?:[^\S\n]+Day)?|Easter(?:[^\S\n]+(?:Sunday|Monday|Day))?|Good[^\S\n]+Friday"
    r"|Labou?r[^\S\n]+Day|Memorial[^\S\n]+Day|Bastille[^\S\n]+Day|Guy[^\S\n]+Fawkes[^\S\n]+Night"
    r"|Election[^\S\n]+Day|Holy[^\S\n]+Week|Palm[^\S\n]+Sunday|Ash[^\S\n]+Wednesday|Maundy[^\S\n]+Thursday"
    r"|Black[^\S\n]+Friday|Veterans['’]?[^\S\n]+Day|Presidents['’]?[^\S\n]+Day"
    r"|Martin[^\S\n]+Luther[^\S\n]+King(?:[^\S\n]+Jr\.?)?[^\S\n]+Day"
)

_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_ORDINAL = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "latter": 2, "last": 4,
}  # fmt: skip
_SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_OF_RELATIVE_YEAR = re.compile(
    r",?[^\S\n]+(?:of[^\S\n]+)?(this|next|last|that|the[^\S\n]+same)[^\S\n]+year\b", re.IGNORECASE
)

#: Words before a bare month that make it a date rather than a name or a verb ("in May", "since March").
_MONTH_LEAD = frozenset(
    {
        *("in", "since", "until", "till", "by", "from", "through", "throughout", "during", "of", "before", "after"),
        *("between", "to", "and", "or", "early", "late", "mid", "last", "next", "this", "each", "every", "on"),
        *("around", "about", "for", "their", "its", "his", "her", "our", "the", "as"),
    }
)
_AMBIGUOUS_MONTHS = frozenset({"May", "March", "Mar", "Jan", "Jun", "Aug", "Sept", "Sep", "Dec"})
#: Words after "the March" that make it the noun, a procession ("the March for Jobs", "the March on Rome").
_MARCH_NOUN_AFTER = re.compile(r"[^\S\n]+(?:for|on|against|of|to|through|from)\b")
#: Function words that may start a sentence before a year ("In 2008 Boeing ...").
_FUNCTION_WORDS = frozenset(
    {"in", "by", "since", "until", "from", "of", "before", "after", "during", "and", "the", "for", "through", "to"}
)
_CAPITALISED_AFTER = re.compile(r"[^\S\n]+[A-Z][a-z]")
_MONTH_AFTER = re.compile(rf"[^\S\n]+(?:{_MONTHS})\b")
#: Words before a number that make it a quantity, a model or a name, not a year.
_NOT_YEAR_LEAD = frozenset(
    {
        *("no", "no.", "number", "flight", "route", "model", "boeing", "airbus", "room", "page", "section"),
        *("chapter", "code", "version", "vol", "interstate", "highway"),
    }
)
#: Words before a number that count things ("has 1999 rooms", "nearly 2000 homes").
_COUNT_LEAD = frozenset(
    {
        *("has", "have", "had", "with", "about", "some", "nearly", "almost", "roughly", "approximately", "than"),
        *("only", "just", "employs", "employ", "hired", "cut", "sold", "killed", "built", "added", "lost"),
    }
)
_LOWER_WORD_AFTER = re.compile(r"[^\S\n]+[a-z]")
_QUANTITY_AFTER = re.compile(
    r"[^\S\n]*(?:%|percent|per[^\S\n]+cent|people|persons|jobs|workers|employees|staff|cars|vehicles|units|shares|dealers"
    r"|dealerships|planes|aircraft|seats|passengers|troops|soldiers|homes|tonnes|tons|miles|km|kilometres|feet|metres"
    r"|meters|pounds|dollars|euros|hours|minutes|points|to[^\S\n]+\d|-[^\S\n]*\d)(?!\w)",
    re.IGNORECASE,
)
_OF_AFTER = re.compile(r"[^\S\n]+of\b")
#: A capitalised word just before, in the same sentence ("Arab Spring"), not one ending the sentence before.
_NAME_BEFORE = re.compile(r"(?<![.!?][^\S\n])\b[A-Z][\w’'-]*[^\S\n]+$")
#: A time zone or the word "hours" after a four-digit number makes it a clock time ("at 1900 GMT").
_ZONE_AFTER = re.compile(
    r"[^\S\n]*(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|AEST|AEDT|Z"
    r"|local[^\S\n]+time|hours|hrs|h)\b"
)
#: Words of a game in a sentence: a bare "second half" or "fourth quarter" is then a part of the match.
_GAME_WORDS = re.compile(
    r"\b(?:scor(?:ed|es?|ing)|goal|equali[sz]\w*|match(?:es)?|penalt(?:y|ies)|strikers?|touchdowns?|innings|half-?time"
    r"|extra[^\S\n]+time|stoppage[^\S\n]+time|referees?|quarterbacks?|wickets?|rebounds?|fouls?|free[^\S\n]+kicks?)\b",
    re.IGNORECASE,
)
#: Nouns after a bare holiday that make it a modifier ("Christmas sales"), or a name ("Easter Island").
_HOLIDAY_MODIFIES = re.compile(
    r"[^\S\n]+(?:[A-Z]|sales|shopping|shoppers|season|holidays?|period|trees?|lights|cards?|presents?|gifts?|markets?"
    r"|part(?:y|ies)|dinners?|lunch|music|carols?|decorations|spending|trading|rush|eggs?|bunny|parades?|specials?)"
)
_HOLIDAY_LEAD = frozenset(
    {
        *("on", "at", "before", "after", "since", "until", "till", "by"),
        *("for", "over", "around", "during", "from", "through"),
    }
)
#: Words before "'82" that make it a year ("class of '82", "since '82").
_SHORT_YEAR_LEAD = frozenset({"in", "since", "of", "until", "by", "from", "summer", "spring"})

#: Spelled-out numbers, as broadcast transcripts write years ("nineteen eighty-four", "two thousand and one").
_UNIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEEN_WORDS = (
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"),
    *("sixteen", "seventeen", "eighteen", "nineteen"),
)
_TEN_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SPELLED_VALUE = {
    **{word: n for n, word in enumerate(_UNIT_WORDS, start=1)},
    **{word: n for n, word in enumerate(_TEEN_WORDS, start=10)},
    **{word: 10 * n for n, word in enumerate(_TEN_WORDS, start=2)},
}
_HYPHEN_OR_SPACE = r"(?:[^\S\n]+|-)"
#: 1 to 99 in words: "seven", "fourteen", "eighty-four".
_SPELLED_TWO = rf"(?:{'|'.join(_TEN_WORDS)})(?:{_HYPHEN_OR_SPACE}(?:{'|'.join(_UNIT_WORDS)}))?|{'|'.join(_TEEN_WORDS)}"
_CENTURY_WORDS = "sixteen|seventeen|eighteen|nineteen|twenty"
#: The two spoken forms: "nineteen eighty-four" (hundreds and the rest) and "two thousand (and) one".
_SPELLED_YEAR = (
    rf"(?P<hi>{cap(_CENTURY_WORDS)}){_HYPHEN_OR_SPACE}"
    rf"(?P<lo>hundred|oh{_HYPHEN_OR_SPACE}(?:{'|'.join(_UNIT_WORDS)})|{_SPELLED_TWO})"
    rf"|(?P<thousand>{cap('two')}{_HYPHEN_OR_SPACE}thousand)"
    rf"(?:,?[^\S\n]+(?:and[^\S\n]+)?(?P<rest>{_SPELLED_TWO}|{'|'.join(_UNIT_WORDS)}))?"
)
_BIGGER_NUMBER_AFTER = re.compile(r"(?:[^\S\n]+|-)(?:hundred|thousand|million|billion)\b", re.IGNORECASE)
_SPELLED_DECADES = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
#: Words before "two thousand" that make it a year rather than a count ("in two thousand and one").
_SPELLED_YEAR_LEAD = frozenset({"in", "since", "until", "till", "by", "from", "before", "after", "during", "around"})


def _month_of(candidate: Candidate) -> int:
    return _MONTH_NUMBER[candidate.group("mon").lower().rstrip(".")]


def _full_date(candidate: Candidate, context: Context) -> Resolved | None:
    expression = candidate.match.group(0)
    if weekday := candidate.optional("wd"):
        expression = expression[expression.index(weekday) + len(weekday) :]
    # A date written with its year means the same whatever the article date: parse it against the
    # start of that year, so one parse serves every article that writes it.
    # One spelling of the gaps, so that a date wrapped over two lines parses (and caches) as on one.
    written = " ".join(expression.split()).strip(" ,")
    parsed = parse_explicit(written, dt.date(int(candidate.group("year")), 1, 1))
    if parsed is None:
        return None
    return tx.day_value(parsed[0]), DateSource.EXPLICIT


def _numeric(candidate: Candidate, context: Context) -> Resolved | None:
    year = int(candidate.group("y"))
    if year < 100:
        # Two-digit years belong to the century that puts them nearest the article.
        year += (context.article_date.year // 100) * 100
        if year > context.article_date.year + 20:
            year -= 100
    day = dt.date(year, int(candidate.group("m")), int(candidate.group("d")))
    return tx.day_value(day), DateSource.EXPLICIT


def _year_said_after(candidate: Candidate, context: Context) -> int | None:
    """The year "of this year", "next year" or "of that year" right after a day or month names, or None.

    "That year" and "the same year" refer back to the story's last year ("in March 2022, weeks after the
    invasion on February 24 of that year"); the year phrase stays its own expression, as MEANTIME annotates it.
    """
    following = _OF_RELATIVE_YEAR.match(context.text, candidate.end)
    if following is None:
        return None
    word = following.group(1).lower()
    if word in {"this", "next", "last"}:
        return context.article_date.year + {"last": -1, "next": 1}.get(word, 0)
    story = context.latest_within(Precision.YEAR)
    return story.start.year if story is not None and story.start is not None else context.article_date.year


def _month_day(candidate: Candidate, context: Context) -> Resolved | None:
    month, day = _month_of(candidate), int(candidate.group("day"))
    base = context.article_date
    if (said := _year_said_after(candidate, context)) is not None:
        return tx.day_value(dt.date(said, month, day)), DateSource.RELATIVE
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    # Told in the past, it is the latest such day on or before the article; in the future, the next one;
    # untold, the nearest.
    tense = context.tense(candidate)
    if tense == "past" and (before := [d for d in options if d <= base]):
        return tx.day_value(max(before)), DateSource.RELATIVE
    if tense == "future" and (after := [d for d in options if d >= base]):
        return tx.day_value(min(after)), DateSource.RELATIVE
    nearest = min(options, key=lambda d: (abs((d - base).days), d < base))
    return tx.day_value(nearest), DateSource.RELATIVE


#: Holidays on the same day every year: (month, day).
_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31),
    "bastille day": (7, 14), "guy fawkes night": (11, 5), "veterans day": (11, 11), "veterans' day": (11, 11),
}  # fmt: skip
#: Days from Easter Sunday (Western, Gregorian). Holy Week is the week of Good Friday.
_EASTER_OFFSETS = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2, "holy week": -2,
    "palm sunday": -7, "ash wednesday": -46, "maundy thursday": -3,
}  # fmt: skip
#: Holidays named for a week, not a day: the value is the ISO week holding the day the tables give.
_WEEK_HOLIDAYS = frozenset({"holy week"})
#: Holidays on a weekday of a month, and days after it: TH(+4) is its fourth Thursday, MO(-1) its last
#: Monday; US Election Day is the Tuesday after the first Monday of November, Black Friday the day after
#: Thanksgiving.
_WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, TH(+4), 0), "thanksgiving day": (11, TH(+4), 0), "labor day": (9, MO(+1), 0),
    "labour day": (9, MO(+1), 0), "memorial day": (5, MO(-1), 0), "election day": (11, MO(+1), 1),
    "black friday": (11, TH(+4), 1), "presidents day": (2, MO(+3), 0), "presidents' day": (2, MO(+3), 0),
    "martin luther king day": (1, MO(+3), 0), "martin luther king jr day": (1, MO(+3), 0),
    "martin luther king jr. day": (1, MO(+3), 0),
}  # fmt: skip


def _holiday_day(name: str, year: int) -> dt.date | None:
    """The day of a holiday (lower-case, single-spaced, straight apostrophe) in ``year``, or None if unknown."""
    if name in _FIXED_HOLIDAYS:
        return dt.date(year, *_FIXED_HOLIDAYS[name])
    if name in _EASTER_OFFSETS:
        return easter(year) + dt.timedelta(days=_EASTER_OFFSETS[name])
    if name in _WEEKDAY_HOLIDAYS:
        month, day, after = _WEEKDAY_HOLIDAYS[name]
        return _weekday_of_month(year, month, day) + dt.timedelta(days=after)
    return None


def _weekday_of_month(year: int, month: int, day: weekday) -> dt.date:
    """The day ``day`` names in a month, counting from its first day (TH(+4)) or back from its last (MO(-1))."""
    counted_from = 1 if day.n is None or day.n > 0 else 31
    return dt.date(year, month, 1) + relativedelta(day=counted_from, weekday=day)


def _holiday(candidate: Candidate, context: Context) -> Resolved | None:
    name = " ".join(candidate.group("holiday").lower().replace("’", "'").split())
    stretch = tx.week_value if name in _WEEK_HOLIDAYS else tx.day_value
    if written := candidate.optional("year"):
        day = _holiday_day(name, int(written))
        return (stretch(day), DateSource.EXPLICIT) if day else None
    base = context.article_date
    options = [d for year in (base.year - 1, base.year, base.year + 1) if (d := _holiday_day(name, year))]
    if not options:
        return None
    mod = candidate.optional("mod").lower()
    if mod == "last":
        chosen = max(d for d in options if d < base)
    elif mod == "next":
        chosen = min(d for d in options if d > base)
    elif mod == "this":
        chosen = next(d for d in options if d.year == base.year)
    else:
        # Like a day written without a year: by tense, else the nearest.
        tense = context.tense(candidate)
        before, after = [d for d in options if d <= base], [d for d in options if d >= base]
        if tense == "past" and before:
            chosen = max(before)
        elif tense == "future" and after:
            chosen = min(after)
        else:
            chosen = min(options, key=lambda d: (abs((d - base).days), d < base))
    return stretch(chosen), DateSource.RELATIVE


def _keep_holiday(candidate: Candidate, text: str) -> bool:
    if candidate.optional("mod") or candidate.optional("year"):
        return True
    # A bare holiday is a date after a preposition ("before Christmas"); otherwise mostly a modifier or a name.
    if word_before(text, candidate.start) not in _HOLIDAY_LEAD:
        return False
    return not _HOLIDAY_MODIFIES.match(text, candidate.end)


def _month_year(candidate: Candidate, context: Context) -> Resolved | None:
    return tx.month_value(int(candidate.group("year")), _month_of(candidate)), DateSource.EXPLICIT


def _month(candidate: Candidate, context: Context) -> Resolved | None:
    month, base = _month_of(candidate), context.article_date
    # "late last July" is placed like "last July".
    modifiers = candidate.optional("mod").lower().split()
    mod = modifiers[-1] if modifiers else ""
    if (said := _year_said_after(candidate, context)) is not None:
        # "January this year", "October of next year": the month of that year. The year is its own expression,
        # as MEANTIME annotates it ("October" and "next year").
        return tx.month_value(said, month), DateSource.RELATIVE
    if mod == "last":
        year = base.year if month < base.month else base.year - 1
    elif mod == "next":
        year = base.year if month > base.month else base.year + 1
    elif mod == "this" or month == base.month:
        year = base.year
    elif context.future(candidate):
        year = base.year if month > base.month else base.year + 1
    else:
        year = base.year if month < base.month else base.year - 1
    return tx.month_value(year, month), DateSource.RELATIVE


def _keep_month(candidate: Candidate, text: str) -> bool:
    if candidate.optional("mod") or _OF_RELATIVE_YEAR.match(text, candidate.end):
        return True
    month = candidate.group("mon").rstrip(".")
    before = word_before(text, candidate.start)
    if before not in _MONTH_LEAD:
        return False
    if month in _AMBIGUOUS_MONTHS and before in {"and", "or", "to", "for", "on", "about", "around"}:
        return False
    if month == "March" and before == "the" and _MARCH_NOUN_AFTER.match(text, candidate.end):
        return False
    # "May Day", "June Carter": a capitalised word after a bare month makes it a name.
    after = text[candidate.end : candidate.end + 2]
    return not (len(after) == 2 and after[0] == " " and after[1].isupper())


def _week_of_month(candidate: Candidate, context: Context) -> Resolved | None:
    month = _month_of(candidate)
    written = candidate.optional("year")
    year = int(written) if written else context.article_date.year
    ordinal = candidate.group("ord").lower()
    if ordinal in {"last", "final"}:
        # The month's last week with at least four of its days in the month holds its fourth-last day.
        day = dt.date(year, month, 1) + relativedelta(day=31, days=-3)
    else:
        day = dt.date(year, month, 1) + dt.timedelta(days=7 * (_ORDINAL.get(ordinal, 1) - 1) + 3)
    return tx.week_value(day), DateSource.EXPLICIT if written else DateSource.RELATIVE


def _relative_year(candidate: Candidate, context: Context) -> int:
    rel = " ".join(candidate.group("rel").lower().split())
    base = context.article_date.year
    if rel in {"last", "the previous"}:
        return base - 1
    if rel == "next":
        return base + 1
    if rel in {"the same", "that", "the"} and context.last is not None and context.last.start is not None:
        return context.last.start.year
    return base


def _quarter(candidate: Candidate, context: Context) -> Resolved | None:
    base = context.article_date
    current = (base.month - 1) // 3 + 1
    ordinal = candidate.group("ord").lower()
    if written := candidate.optional("year"):
        return tx.quarter_value(int(written), _ORDINAL[ordinal]), DateSource.EXPLICIT
    if candidate.optional("rel"):
        return tx.quarter_value(_relative_year(candidate, context), _ORDINAL[ordinal]), DateSource.RELATIVE
    if ordinal == "last":
        # "the last quarter": the one before the article's.
        previous = dt.date(base.year, 3 * current - 2, 1) + relativedelta(months=-3)
        return tx.quarter_value(previous.year, (previous.month - 1) // 3 + 1), DateSource.RELATIVE
    quarter = _ORDINAL[ordinal]
    return tx.quarter_value(_quarter_year(quarter, candidate, context), quarter), DateSource.RELATIVE


def _quarter_year(quarter: int, candidate: Candidate, context: Context) -> int:
    """The year of a quarter written without one.

    A quarter not yet begun is last year's when told in the past tense (results just
    reported) and this year's when told in the future; untold, the next quarter is
    this year's and a later one last year's.
    """
    base = context.article_date
    current = (base.month - 1) // 3 + 1
    if quarter <= current:
        return base.year
    tense = context.tense(candidate)
    if tense == "past" or (tense is None and quarter > current + 1):
        return base.year - 1
    return base.year


def _keep_part_of_year(candidate: Candidate, text: str) -> bool:
    """A half or quarter with no year said is a part of something else after "of", or of a game in its sentence."""
    if candidate.optional("year") or candidate.optional("rel"):
        return True
    if _OF_AFTER.match(text, candidate.end):
        # "the first half of the 20th century", "the last quarter of the match": a part of something else.
        return False
    # "equalised in the second half": with no year said, a half or quarter in a sentence about a game is the game's.
    return not _GAME_WORDS.search(sentence_of(text, candidate.start, candidate.end))


def _quarter_code(candidate: Candidate, context: Context) -> Resolved | None:
    code = candidate.group("q")
    if code.startswith("H"):
        return _half_code(int(code[1]), candidate, context)
    quarter = int(code[1])
    if written := candidate.optional("year"):
        return tx.quarter_value(int(written), quarter), DateSource.EXPLICIT
    if short := candidate.optional("yy"):
        year = 2000 + int(short[1:])
        return tx.quarter_value(year if year <= context.article_date.year + 20 else year - 100, quarter), (
            DateSource.EXPLICIT
        )
    return tx.quarter_value(_quarter_year(quarter, candidate, context), quarter), DateSource.RELATIVE


def _half_code(half: int, candidate: Candidate, context: Context) -> Resolved | None:
    if written := candidate.optional("year"):
        return tx.half_value(int(written), half), DateSource.EXPLICIT
    base = context.article_date
    year = base.year - (1 if half == 2 and base.month <= 6 and not context.future(candidate) else 0)
    return tx.half_value(year, half), DateSource.RELATIVE


def _half(candidate: Candidate, context: Context) -> Resolved | None:
    half = 1 if candidate.group("ord").lower() in {"first", "1st"} else 2
    if written := candidate.optional("year"):
        return tx.half_value(int(written), half), DateSource.EXPLICIT
    if candidate.optional("rel"):
        return tx.half_value(_relative_year(candidate, context), half), DateSource.RELATIVE
    base = context.article_date
    year = base.year
    if half == 2 and base.month <= 6 and not context.future(candidate):
        year -= 1
    return tx.half_value(year, half), DateSource.RELATIVE


def _season(candidate: Candidate, context: Context) -> Resolved | None:
    code = _SEASON_CODE[candidate.group("season").lower()]
    if written := candidate.optional("year"):
        return tx.season_value(int(written), code), DateSource.EXPLICIT
    base = context.article_date
    mod = " ".join(candidate.optional("mod").lower().split())
    value = tx.season_value(base.year, code)
    starts, ends = value.start or base, value.end or base
    upcoming = mod in {"this", "next", "the coming"}
    if mod == "last" or (not upcoming and starts > base and not context.future(candidate)):
        year = base.year - 1
    elif mod in {"next", "the coming"} or (ends < base and context.future(candidate)):
        year = base.year + 1
    else:
        year = base.year
    return tx.season_value(year, code), DateSource.RELATIVE


def _keep_season(candidate: Candidate, text: str) -> bool:
    if candidate.optional("year"):
        return True
    season, mod = candidate.group("season"), candidate.optional("mod")
    named = _NAME_BEFORE.search(text, max(0, candidate.start - 40), candidate.start)
    if not mod and season[0].isupper() and named and word_before(text, candidate.start) not in _MONTH_LEAD:
        # "the Prague Spring", "the Arab Spring": an era or a movement named after a season.
        return False
    if season.lower() != "fall":
        return True
    # "fall" alone is mostly the verb; it is the season with a modifier or a year, but "the fall of Kabul" is
    # a collapse.
    return bool(mod) and not (mod.lower() == "the" and _OF_AFTER.match(text, candidate.end))


def _decade(candidate: Candidate, context: Context) -> Resolved | None:
    if full := candidate.optional("full"):
        return tx.decade_value(int(full)), DateSource.EXPLICIT
    tens = int(candidate.group("short"))
    century = context.article_date.year // 100 * 100
    year = century + tens
    if year > context.article_date.year:
        year -= 100
    return tx.decade_value(year), DateSource.RELATIVE


def _century(candidate: Candidate, context: Context) -> Resolved | None:
    number = int(candidate.group("n"))
    return tx.century_value((number - 1) * 100), DateSource.EXPLICIT


def _year(candidate: Candidate, context: Context) -> Resolved | None:
    year = int(candidate.group("year"))
    if candidate.optional("fy") or "fiscal" in candidate.optional("mod").lower():
        return tx.fiscal_year_value(year), DateSource.EXPLICIT
    return tx.year_value(year), DateSource.EXPLICIT


#: A year outside the modern range (1000-1599, 2100-9999) is a date only after one of these:
#: "in 1066", "since 1500", "by 2300"; bare, such a number is far more often a count.
_DISTANT_YEAR_LEAD = frozenset({"in", "since", "by", "until", "till", "from", "before", "after", "around", "circa"})
#: Words that may follow a distant year that is a date ("in 1066 the Normans…", "by 2300 and…").
_DISTANT_YEAR_FOLLOWERS = frozenset(
    {
        *("the", "a", "an", "and", "or", "but", "when", "as", "to", "until", "after", "before", "by", "in", "at"),
        *("on", "with", "under", "during", "which", "that", "was", "were", "is", "had", "have", "has"),
    }
)
_WORD_AFTER = re.compile(r"[^\S\n]+([A-Za-z]+)")


def _distant_year(candidate: Candidate, context: Context) -> Resolved | None:
    return tx.year_value(int(candidate.group("year"))), DateSource.EXPLICIT


def _keep_distant_year(candidate: Candidate, text: str) -> bool:
    if word_before(text, candidate.start) not in _DISTANT_YEAR_LEAD or _ZONE_AFTER.match(text, candidate.end):
        # "at around 2100 GMT" is a time of day.
        return False
    following = _WORD_AFTER.match(text, candidate.end)
    if following is None:
        return True
    word = following.group(1)
    # "in 1500 homes" counts homes; "in 1500 the city fell" and "in 1066, …" are years.
    return word[0].isupper() or word in _DISTANT_YEAR_FOLLOWERS


def _keep_year(candidate: Candidate, text: str) -> bool:
    if candidate.optional("mod") or candidate.optional("fy"):
        return True
    before = word_before(text, candidate.start)
    if before in _NOT_YEAR_LEAD:
        return False
    if _inside_name(text, candidate, before):
        return False
    if before in _COUNT_LEAD and _LOWER_WORD_AFTER.match(text, candidate.end):
        # "has 1999 rooms", "nearly 2000 homes": a count of things.
        return False
    if _ZONE_AFTER.match(text, candidate.end):
        # "at 1900 GMT": a time of day, not a year.
        return False
    return not _QUANTITY_AFTER.match(text, candidate.end)


def _inside_name(text: str, candidate: Candidate, before: str) -> bool:
    """Whether a number sits between two capitalised words of a name ("the Russell 2000 Index")."""
    if not capitalised_before(text, candidate.start) or before in _FUNCTION_WORDS:
        return False
    after = _CAPITALISED_AFTER.match(text, candidate.end)
    return after is not None and not _MONTH_AFTER.match(text, candidate.end)


def _year_short(candidate: Candidate, context: Context) -> Resolved | None:
    year = context.article_date.year // 100 * 100 + int(candidate.group("yy"))
    if year > context.article_date.year:
        year -= 100
    return tx.year_value(year), DateSource.RELATIVE


def _keep_year_short(candidate: Candidate, text: str) -> bool:
    # "'82" stands for a year only after a month, a season or "class of" style lead-ins.
    return word_before(text, candidate.start) in _SHORT_YEAR_LEAD


def _spelled_number(words: str) -> int:
    """ "eighty-four" -> 84, "oh five" -> 5, "hundred" -> 0."""
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        total += _SPELLED_VALUE.get(word, 0)
    return total


def _spelled_year_number(candidate: Candidate) -> int:
    if candidate.optional("thousand"):
        return 2000 + _spelled_number(candidate.optional("rest"))
    return 100 * _SPELLED_VALUE[candidate.group("hi").lower()] + _spelled_number(candidate.group("lo"))


def _spelled_year(candidate: Candidate, context: Context) -> Resolved | None:
    year = _spelled_year_number(candidate)
    if candidate.optional("mon"):
        return tx.month_value(year, _month_of(candidate)), DateSource.EXPLICIT
    return tx.year_value(year), DateSource.EXPLICIT


def _keep_spelled_year(candidate: Candidate, text: str) -> bool:
    if candidate.optional("mon") or candidate.optional("theyear"):
        return True
    # "nineteen hundred people", "two thousand five hundred": counts, not years.
    if _QUANTITY_AFTER.match(text, candidate.end) or _BIGGER_NUMBER_AFTER.match(text, candidate.end):
        return False
    before = word_before(text, candidate.start)
    bare = candidate.optional("lo").lower() == "hundred" or (
        candidate.optional("thousand") and not candidate.optional("rest")
    )
    if candidate.optional("thousand") or bare:
        # Said alone, "two thousand" and "nineteen hundred" are mostly numbers; a year needs its lead-in,
        # and a bare one no noun after ("in two thousand homes").
        return before in _SPELLED_YEAR_LEAD and not (bare and _LOWER_WORD_AFTER.match(text, candidate.end))
    return not (before in _COUNT_LEAD and _LOWER_WORD_AFTER.match(text, candidate.end))


def _spelled_decade(candidate: Candidate, context: Context) -> Resolved | None:
    tens = _SPELLED_VALUE[candidate.group("tens").lower()[:-3] + "y"]
    return tx.decade_value(100 * _SPELLED_VALUE[candidate.group("hi").lower()] + tens), DateSource.EXPLICIT


_OPTIONAL_WEEKDAY = rf"(?:(?P<wd>{WEEKDAYS}),?[^\S\n]+)?"

#: In priority order: on equal extent, the earlier family wins.
FAMILIES: tuple[DateFamily, ...] = (
    DateFamily(
        name="full_mdy",
        pattern=rf"{B}{_OPTIONAL_WEEKDAY}{_MON}{_GAP}{_DAY},?{_GAP}{_ANY_YEAR}",
        triggers=(DIGIT,),
        groups=("wd", "year"),
        resolve=_full_date,
        may_name_event=True,
        examples=("It has ruled since [October 7, 2023].", "It happened on [Tuesday, June 3, 2008] at noon."),
    ),
    DateFamily(
        name="full_dmy",
        pattern=rf"{B}{_OPTIONAL_WEEKDAY}{_DAY}{_GAP}(?:of[^\S\n]+)?{_MON},?{_GAP}{_ANY_YEAR}",
        triggers=(DIGIT,),
        groups=("wd", "year"),
        resolve=_full_date,
        may_name_event=True,
        examples=("The talks ended on [11 December 2009].",),
    ),
    DateFamily(
        name="numeric",
        pattern=r"(?<![\w/.-])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d{2})(?![\w/])",
        triggers=(DIGIT,),
        groups=("y", "m", "d"),
        resolve=_numeric,
        may_name_event=True,
        examples=("The deal was signed on [7/8/07].",),
    ),
    DateFamily(
        name="iso",
        pattern=r"(?<![\w/.-])(?P<y>1[6-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])",
        triggers=(DIGIT,),
        groups=("y", "m", "d"),
        resolve=_numeric,
        examples=("The index fell on [2008-09-17].",),
    ),
    DateFamily(
        name="month_day",
        pattern=rf"{B}{_OPTIONAL_WEEKDAY}{_MON}{_GAP}{_DAY}(?![\w/]|[,.]?\d|,{_GAP}?\d)",
        triggers=(DIGIT,),
        groups=("mon", "day"),
        resolve=_month_day,
        may_name_event=True,
        examples=("The vote took place on [November 28].",),
    ),
    DateFamily(
        name="day_month",
        pattern=rf"{B}{_OPTIONAL_WEEKDAY}(?:[Tt]he[^\S\n]+)?{_DAY}[^\S\n]+(?:of[^\S\n]+)?{_MON}",
        triggers=(DIGIT,),
        groups=("mon", "day"),
        resolve=_month_day,
        may_name_event=True,
        examples=("The court ruled on [3 March].",),
    ),
    DateFamily(
        name="month_year",
        pattern=rf"{B}(?:(?P<mod>{_MONTH_MODS})(?:[^\S\n]|-)+)?{_MON},?{_GAP}(?:of[^\S\n]+)?{_YEAR}",
        triggers=(DIGIT,),
        groups=("mon", "year"),
        resolve=_month_year,
        examples=("Sales fell in [September 2006].",),
    ),
    DateFamily(
        name="week_of_month",
        pattern=rf"{B}(?:[Tt]he[^\S\n]+)?(?P<ord>{_ORDINALS})[^\S\n]+week[^\S\n]+of[^\S\n]+{_MON}(?:,?[^\S\n]+{_YEAR})?",
        triggers=("week",),
        groups=("ord", "mon", "year"),
        resolve=_week_of_month,
        examples=("Talks resume in [the first week of March].", "Prices fell in [the last week of May, 2009]."),
    ),
    DateFamily(
        name="month",
        pattern=rf"{B}(?:(?P<mod>{_MONTH_MODS})(?:[^\S\n]|-)+)?{_MON}",
        triggers=(MONTH,),
        groups=("mod", "mon"),
        resolve=_month,
        keep=_keep_month,
        examples=(
            "Talks resumed in [March].",
            "The strike began in [late last July].",
            "Sales in [January] this year rose.",
        ),
    ),
    DateFamily(
        name="quarter",
        pattern=rf"{B}(?:(?P<the>[Tt]he|[Tt]his|[Ii]ts)[^\S\n]+)?(?P<ord>{cap(_ORDINALS)})(?:[^\S\n]|-)+quarter"
        rf"(?![\w-]|[^\S\n]+century)(?:,?[^\S\n]+(?:of[^\S\n]+)?(?:(?:fiscal[^\S\n]+)?{_YEAR}|{_RELATIVE_YEAR}))?",
        triggers=("quarter",),
        groups=("ord", "year", "rel"),
        resolve=_quarter,
        keep=_keep_part_of_year,
        examples=(
            "Profit fell in [the fourth quarter of 2005].",
            "Profit rose in [the first quarter of this year].",
            "Profit fell in [the third quarter].",
            "Sales fell in [the last quarter].",
        ),
    ),
    DateFamily(
        name="quarter_code",
        pattern=rf"{B}(?P<q>Q[1-4]|H[12])(?:[^\S\n]+(?:of[^\S\n]+)?{_YEAR}|(?P<yy>'\d\d))?(?!\w)",
        triggers=(DIGIT,),
        groups=("q", "year", "yy"),
        resolve=_quarter_code,
        examples=(
            "Output rose in [Q3 2010].",
            "Results for [Q4] were weak.",
            "Sales fell in [Q2'09].",
            "In [H1], sales rose.",
        ),
    ),
    DateFamily(
        name="half",
        pattern=rf"{B}(?:(?P<the>[Tt]he)[^\S\n]+)?(?P<ord>{cap('first|second|1st|2nd|latter|last')})(?:[^\S\n]|-)+half"
        rf"(?![\w-])(?:[^\S\n]+of[^\S\n]+(?:(?:fiscal[^\S\n]+)?{_YEAR}|{_RELATIVE_YEAR}))?",
        triggers=("half",),
        groups=("ord", "year", "rel"),
        resolve=_half,
        keep=_keep_part_of_year,
        examples=(
            "Sales rose in [the first half of 2009].",
            "Sales rose in [the second half of last year].",
            "Sales should recover in [the second half].",
        ),
    ),
    DateFamily(
        name="season",
        pattern=rf"{B}(?:(?P<mod>{cap('this|last|next|the|early|late|earlier this|later this|mid|the end of')}"
        rf"|{cap('the coming')})(?:[^\S\n]|-)+)?(?P<season>{cap('spring|summer|autumn|fall|winter')})(?![\w-])"
        rf"(?:[^\S\n]+(?:of[^\S\n]+)?{_YEAR})?",
        triggers=("spring", "summer", "autumn", "fall", "winter"),
        groups=("mod", "season", "year"),
        resolve=_season,
        keep=_keep_season,
        examples=(
            "Prices rose in [summer 2006].",
            "Prices rose [last summer].",
            "Talks resume [this fall].",
            "It crushed the Prague Spring in [the spring of 1968].",
        ),
    ),
    DateFamily(
        name="decade",
        pattern=rf"{B}(?:[Tt]he[^\S\n]+)?(?:(?P<mod>{cap('early|mid|late')})(?:[^\S\n]|-)+)?"
        r"(?:(?P<full>1[6-9]\d0|20\d0)|['’]?(?P<short>\d0))['’]?s(?!\w)",
        triggers=(DIGIT,),
        groups=("full", "short"),
        resolve=_decade,
        examples=("The town boomed in [the 1990s].", "It was a hit in [the '80s]."),
    ),
    DateFamily(
        name="spelled_year",
        pattern=rf"{B}(?:(?P<theyear>[Tt]he[^\S\n]+year)[^\S\n]+|{_MON},?[^\S\n]+(?:of[^\S\n]+)?)?"
        rf"(?:{_SPELLED_YEAR})(?![\w-])",
        triggers=("sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thousand"),
        groups=("theyear", "mon", "hi", "lo", "thousand", "rest"),
        resolve=_spelled_year,
        keep=_keep_spelled_year,
        examples=(
            "The archive was started in [nineteen forty-six].",
            "We first played them in [March nineteen ninety-one].",
            "The newest dates from [the year two thousand and one].",
            "It was rebuilt in [the year nineteen hundred].",
            "[Nineteen eighty-four] was a hard year.",
        ),
    ),
    DateFamily(
        name="spelled_decade",
        pattern=rf"{B}(?:[Tt]he[^\S\n]+)?(?P<hi>{cap(_CENTURY_WORDS)}){_HYPHEN_OR_SPACE}(?P<tens>{_SPELLED_DECADES})"
        r"(?![\w-])",
        triggers=("sixteen", "seventeen", "eighteen", "nineteen"),
        groups=("hi", "tens"),
        resolve=_spelled_decade,
        examples=("The town boomed in [the nineteen-eighties].",),
    ),
    DateFamily(
        name="holiday",
        pattern=rf"{B}(?:(?P<mod>{cap('last|next|this')})[^\S\n]+)?(?P<holiday>{_HOLIDAYS})(?![\w-])"
        rf"(?:,?[^\S\n]+{_YEAR})?",
        triggers=(
            *("christmas", "year", "boxing", "valentine", "halloween", "thanksgiving", "easter", "friday"),
            *("labor", "labour", "memorial", "bastille", "fawkes", "election", "holy", "palm", "ash", "maundy"),
            *("black", "veterans", "presidents", "king"),
        ),
        groups=("mod", "holiday", "year"),
        resolve=_holiday,
        keep=_keep_holiday,
        examples=(
            "Shops were busy before [Christmas].",
            "He was arrested on [Christmas Eve 2018].",
            "Prices rose [last Thanksgiving].",
            "The rebels attacked on [Good Friday].",
            "Stores will open on [Memorial Day].",
            "Lines formed early on [Election Day].",
            "The museum stays open late during [Holy Week].",
            "Shops opened at dawn on [Black Friday].",
        ),
    ),
    DateFamily(
        name="century",
        pattern=rf"{B}(?:[Tt]he[^\S\n]+)?(?:(?P<mod>{cap('early|mid|late')})(?:[^\S\n]|-)+)?"
        r"(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)(?:[^\S\n]|-)+century(?!\w)",
        triggers=("century",),
        groups=("n",),
        resolve=_century,
        examples=("It was founded in [the late 19th century].",),
    ),
    DateFamily(
        name="year",
        # The second year of a range ("1990-1995") follows a hyphen.
        pattern=rf"(?:{B}|(?<=\d{{4}}[-–]))(?:(?P<mod>{_YEAR_MODS})(?:[^\S\n]|-)+|(?P<fy>FY\s?))?{_YEAR}",
        triggers=(DIGIT,),
        groups=("mod", "fy", "year"),
        resolve=_year,
        keep=_keep_year,
        examples=("The law passed in [2012].", "Sales fell in [early 2011].", "It reported revenue for [FY2014]."),
    ),
    DateFamily(
        name="distant_year",
        # Years the modern pattern leaves out, kept only after a temporal preposition (see the keep-test).
        pattern=r"(?<![\w/$£€#'’.,-])(?P<year>1[0-5]\d\d|2[1-9]\d\d|[3-9]\d\d\d)(?![\w%/]|[.,]\d|-\d)",
        triggers=(DIGIT,),
        groups=("year",),
        resolve=_distant_year,
        keep=_keep_distant_year,
        examples=("The abbey was founded in [1066].", "The vault stays sealed until [2300]."),
    ),
    DateFamily(
        name="year_short",
        pattern=r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])",
        triggers=(DIGIT,),
        groups=("yy",),
        resolve=_year_short,
        keep=_keep_year_short,
        examples=("He has served since ['82].",),
    ),
)
