"""Rules that turn a found expression into a TIMEX3 value.

Each family of expressions has one rule: weekday names by tense, months near
the article date, "last/this/next" units, quarters, halves, seasons, decades,
references ("now", "recently") and anaphora ("at the time", "the day before")
against the story's last date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from timeline.dates import timex as tx
from timeline.dates.dateparser_adapter import parse_explicit
from timeline.dates.finder import Candidate
from timeline.dates.tense import clause_tense, speaks_of_future
from timeline.types import DateSource, Precision, TimexValue

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
_WEEKDAY_NUMBER = {
    name: number
    for number, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_ORDINAL = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "latter": 2, "last": 4,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PRESENT = frozenset({"now", "currently", "nowadays", "presently", "at present", "the present", "the time being"})
_FUTURE = frozenset({"the future", "the near future", "the distant future", "near future", "distant future"})

Resolved = tuple[TimexValue, DateSource]

#: Precisions from the finest to the coarsest.
_FINENESS = {
    precision: rank
    for rank, precision in enumerate(
        (
            Precision.DAY,
            Precision.WEEKEND,
            Precision.WEEK,
            Precision.MONTH,
            Precision.QUARTER,
            Precision.SEASON,
            Precision.HALF,
            Precision.YEAR,
            Precision.DECADE,
            Precision.CENTURY,
        )
    )
}

_OF_RELATIVE_YEAR = re.compile(r",?[^\S\n]+(?:of[^\S\n]+)?(this|next|last)[^\S\n]+year\b", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the text, the article date and the story's last date so far."""

    text: str
    article_date: dt.date
    last: TimexValue | None
    #: The story's last date of day precision, which "the day" and "that day" refer back to.
    last_day: TimexValue | None = None
    #: Every date of the story so far, oldest first.
    history: Sequence[TimexValue] = ()

    def latest_within(self, precision: Precision) -> TimexValue | None:
        """The story's latest date at least as fine as ``precision`` ("that month" needs a month or a day)."""
        rank = _FINENESS.get(precision, len(_FINENESS))
        for value in reversed(self.history):
            if _FINENESS.get(value.precision, len(_FINENESS)) <= rank:
                return value
        return None

    def future(self, candidate: Candidate) -> bool:
        """Whether the expression's clause speaks of the future."""
        return speaks_of_future(self.text, candidate.start, candidate.end)

    def tense(self, candidate: Candidate) -> str | None:
        """ "future", "past", or None when the clause does not tell."""
        return clause_tense(self.text, candidate.start, candidate.end)


def resolve(candidate: Candidate, context: Context) -> Resolved | None:
    """The value of ``candidate`` in ``context``, or None when it names no date."""
    rule = _RULES.get(candidate.kind)
    if rule is None:
        return None
    try:
        return rule(candidate, context)
    except (ValueError, OverflowError):
        # A day that does not exist ("February 30") or a year outside the calendar: no date.
        return None


def _lower(candidate: Candidate, name: str) -> str:
    return (candidate.group(name) or "").lower()


def _month_of(candidate: Candidate) -> int:
    return _MONTH_NUMBER[_lower(candidate, "mon").rstrip(".")]


def _full_date(candidate: Candidate, context: Context) -> Resolved | None:
    expression = candidate.match.group(0)
    if candidate.group("wd"):
        expression = expression[expression.index(candidate.group("wd") or "") + len(candidate.group("wd") or "") :]
    # A date written with its year means the same whatever the article date: parse it against the
    # start of that year, so one parse serves every article that writes it.
    parsed = parse_explicit(expression.strip(" ,"), dt.date(int(candidate.group("year") or "2000"), 1, 1))
    if parsed is None:
        return None
    return tx.day_value(parsed[0]), DateSource.EXPLICIT


def _numeric(candidate: Candidate, context: Context) -> Resolved | None:
    year = int(candidate.group("y") or "0")
    if year < 100:
        # Two-digit years belong to the century that puts them nearest the article.
        year += (context.article_date.year // 100) * 100
        if year > context.article_date.year + 20:
            year -= 100
    day = dt.date(year, int(candidate.group("m") or "0"), int(candidate.group("d") or "0"))
    return tx.day_value(day), DateSource.EXPLICIT


def _month_day(candidate: Candidate, context: Context) -> Resolved | None:
    month, day = _month_of(candidate), int(candidate.group("day") or "0")
    base = context.article_date
    # A day without a year is the one nearest the article date, which is what news means by it.
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    future = context.future(candidate)
    nearest = min(options, key=lambda d: (abs((d - base).days), (d < base) == future))
    return tx.day_value(nearest), DateSource.RELATIVE


def _month_year(candidate: Candidate, context: Context) -> Resolved | None:
    return tx.month_value(int(candidate.group("year") or "0"), _month_of(candidate)), DateSource.EXPLICIT


def _month(candidate: Candidate, context: Context) -> Resolved | None:
    month, base = _month_of(candidate), context.article_date
    # "late last July" is placed like "last July".
    mod = (_lower(candidate, "mod").split() or [""])[-1]
    following = _OF_RELATIVE_YEAR.match(context.text, candidate.end)
    if following:
        # "October of next year": the year is written just after, as its own expression.
        offset = {"last": -1, "next": 1}.get(following.group(1).lower(), 0)
        return tx.month_value(base.year + offset, month), DateSource.RELATIVE
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


def _week_of_month(candidate: Candidate, context: Context) -> Resolved | None:
    month = _month_of(candidate)
    year = int(candidate.group("year") or context.article_date.year)
    ordinal = _lower(candidate, "ord")
    if ordinal in {"last", "final"}:
        day = tx.add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=4)
    else:
        day = dt.date(year, month, 1) + dt.timedelta(days=7 * (_ORDINAL.get(ordinal, 1) - 1) + 3)
    source = DateSource.EXPLICIT if candidate.group("year") else DateSource.RELATIVE
    return tx.week_value(day), source


def _relative_year(candidate: Candidate, context: Context) -> int:
    rel = " ".join(_lower(candidate, "rel").split())
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
    ordinal = _lower(candidate, "ord")
    if candidate.group("year"):
        return tx.quarter_value(int(candidate.group("year") or "0"), _ORDINAL[ordinal]), DateSource.EXPLICIT
    if candidate.group("rel"):
        return tx.quarter_value(_relative_year(candidate, context), _ORDINAL[ordinal]), DateSource.RELATIVE
    if ordinal == "last":
        # "the last quarter": the one before the article's.
        previous = tx.add_months(dt.date(base.year, 3 * current - 2, 1), -3)
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


def _quarter_code(candidate: Candidate, context: Context) -> Resolved | None:
    code = candidate.group("q") or "Q1"
    if code.startswith("H"):
        return _half_code(int(code[1]), candidate, context)
    quarter = int(code[1])
    if candidate.group("year"):
        return tx.quarter_value(int(candidate.group("year") or "0"), quarter), DateSource.EXPLICIT
    if candidate.group("yy"):
        year = 2000 + int((candidate.group("yy") or "'00")[1:])
        return tx.quarter_value(year if year <= context.article_date.year + 20 else year - 100, quarter), (
            DateSource.EXPLICIT
        )
    return tx.quarter_value(_quarter_year(quarter, candidate, context), quarter), DateSource.RELATIVE


def _half_code(half: int, candidate: Candidate, context: Context) -> Resolved | None:
    if candidate.group("year"):
        return tx.half_value(int(candidate.group("year") or "0"), half), DateSource.EXPLICIT
    base = context.article_date
    year = base.year - (1 if half == 2 and base.month <= 6 and not context.future(candidate) else 0)
    return tx.half_value(year, half), DateSource.RELATIVE


def _half(candidate: Candidate, context: Context) -> Resolved | None:
    half = 1 if _lower(candidate, "ord") in {"first", "1st"} else 2
    if candidate.group("year"):
        return tx.half_value(int(candidate.group("year") or "0"), half), DateSource.EXPLICIT
    if candidate.group("rel"):
        return tx.half_value(_relative_year(candidate, context), half), DateSource.RELATIVE
    base = context.article_date
    year = base.year
    if half == 2 and base.month <= 6 and not context.future(candidate):
        year -= 1
    return tx.half_value(year, half), DateSource.RELATIVE


def _season(candidate: Candidate, context: Context) -> Resolved | None:
    code = _SEASON_CODE[_lower(candidate, "season")]
    if candidate.group("year"):
        return tx.season_value(int(candidate.group("year") or "0"), code), DateSource.EXPLICIT
    base = context.article_date
    mod = " ".join(_lower(candidate, "mod").split())
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


def _decade(candidate: Candidate, context: Context) -> Resolved | None:
    if candidate.group("full"):
        return tx.decade_value(int(candidate.group("full") or "0")), DateSource.EXPLICIT
    tens = int(candidate.group("short") or "0")
    century = context.article_date.year // 100 * 100
    year = century + tens
    if year > context.article_date.year:
        year -= 100
    return tx.decade_value(year), DateSource.RELATIVE


def _century(candidate: Candidate, context: Context) -> Resolved | None:
    number = int(candidate.group("n") or "1")
    return tx.century_value((number - 1) * 100), DateSource.EXPLICIT


def _year(candidate: Candidate, context: Context) -> Resolved | None:
    return tx.year_value(int(candidate.group("year") or "0")), DateSource.EXPLICIT


def _year_short(candidate: Candidate, context: Context) -> Resolved | None:
    year = context.article_date.year // 100 * 100 + int(candidate.group("yy") or "0")
    if year > context.article_date.year:
        year -= 100
    return tx.year_value(year), DateSource.RELATIVE


def _shift(value: TimexValue, unit: Precision, amount: int, base: dt.date) -> TimexValue:
    """The stretch of ``unit`` precision ``amount`` units after the one holding ``base``."""
    if unit is Precision.DAY:
        return tx.day_value(base + dt.timedelta(days=amount))
    if unit is Precision.WEEK:
        return tx.week_value(base + dt.timedelta(weeks=amount))
    if unit is Precision.WEEKEND:
        return tx.week_value(base + dt.timedelta(weeks=amount), weekend=True)
    if unit is Precision.MONTH:
        moved = tx.add_months(base.replace(day=1), amount)
        return tx.month_value(moved.year, moved.month)
    if unit is Precision.QUARTER:
        moved = tx.add_months(base.replace(day=1), 3 * amount)
        return tx.quarter_value(moved.year, (moved.month - 1) // 3 + 1)
    if unit is Precision.YEAR:
        return tx.year_value(base.year + amount)
    if unit is Precision.DECADE:
        return tx.decade_value((base.year // 10 + amount) * 10)
    if unit is Precision.CENTURY:
        return tx.century_value((base.year // 100 + amount) * 100)
    return value


_UNIT = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "weekend": Precision.WEEKEND,
    "month": Precision.MONTH,
    "quarter": Precision.QUARTER,
    "year": Precision.YEAR,
    "decade": Precision.DECADE,
    "century": Precision.CENTURY,
    "period": Precision.YEAR,
    "time": Precision.DAY,
}


def _anchor(context: Context, unit: Precision) -> tuple[dt.date, DateSource]:
    """The day anaphora count from: the story's latest date fine enough for ``unit``, else the article date.

    "A day later" cannot count from a year, so it skips back to the last day-precise date.
    """
    anchor = context.latest_within(unit)
    if anchor is not None and anchor.start is not None:
        return anchor.start, DateSource.CONTEXT
    return context.article_date, DateSource.RELATIVE


def _unit(candidate: Candidate, context: Context) -> Resolved | None:
    rel, unit = _lower(candidate, "rel"), _UNIT[_lower(candidate, "unit")]
    base = context.article_date
    anaphoric = rel in {"following", "previous", "prior"}
    if anaphoric or (rel == "next" and candidate.group("the") and unit is Precision.DAY):
        anchor, source = _anchor(context, unit)
        return _shift(tx.day_value(anchor), unit, 1 if rel in {"following", "next"} else -1, anchor), source
    if rel in {"last", "past"}:
        amount = -1
    elif rel in {"next", "coming"}:
        amount = 1
    else:
        amount = 0
    if unit is Precision.WEEKEND and amount == -1:
        # The weekend just gone: for a Sunday article, that is the same day's weekend.
        amount = 0 if base.weekday() >= 5 else -1
    return _shift(tx.day_value(base), unit, amount, base), DateSource.RELATIVE


def _year_previous(candidate: Candidate, context: Context) -> Resolved | None:
    unit = _UNIT[_lower(candidate, "unit")]
    anchor, source = _anchor(context, unit)
    amount = 1 if _lower(candidate, "rel") == "after" else -1
    return _shift(tx.day_value(anchor), unit, amount, anchor), source


def _edge(candidate: Candidate, context: Context) -> Resolved | None:
    # "the end of this year" keeps the precision of the unit it is the edge of.
    rel, unit = _lower(candidate, "rel"), _UNIT[_lower(candidate, "unit")]
    amount = {"last": -1, "next": 1}.get(rel, 0)
    base = context.article_date
    source = DateSource.RELATIVE
    if rel == "that":
        base, source = _anchor(context, unit)
    return _shift(tx.day_value(base), unit, amount, base), source


def _same_period(candidate: Candidate, context: Context) -> Resolved | None:
    unit = _lower(candidate, "unit")
    last = context.last
    if last is None or last.start is None:
        precision = _UNIT.get(unit, Precision.YEAR)
        current = _shift(tx.day_value(context.article_date), precision, 0, context.article_date)
        before = _one_year_before(current)
        return (before, DateSource.RELATIVE) if before is not None else None
    shifted = _one_year_before(last)
    return (shifted, DateSource.CONTEXT) if shifted is not None else None


def _one_year_before(value: TimexValue) -> TimexValue | None:
    if value.start is None:
        return None
    if value.precision is Precision.DAY:
        try:
            return tx.day_value(value.start.replace(year=value.start.year - 1))
        except ValueError:
            return tx.day_value(value.start - dt.timedelta(days=365))
    if value.precision is Precision.MONTH:
        return tx.month_value(value.start.year - 1, value.start.month)
    if value.precision is Precision.QUARTER:
        return tx.quarter_value(value.start.year - 1, (value.start.month - 1) // 3 + 1)
    if value.precision is Precision.WEEK:
        return tx.week_value(value.start - dt.timedelta(weeks=52))
    return tx.year_value(value.start.year - 1)


def _ago(candidate: Candidate, context: Context) -> Resolved | None:
    count = _NUMBER_WORDS.get(_lower(candidate, "n")) or int(candidate.group("n") or "1")
    unit = _UNIT[_lower(candidate, "unit")]
    direction = _lower(candidate, "dir")
    if direction == "ago":
        base, source = context.article_date, DateSource.RELATIVE
    else:
        base, source = _anchor(context, unit)
    sign = 1 if direction == "later" else -1
    if unit is Precision.WEEK:
        return tx.day_value(base + dt.timedelta(weeks=sign * count)), source
    return _shift(tx.day_value(base), unit, sign * count, base), source


def _deictic(candidate: Candidate, context: Context) -> Resolved | None:
    if candidate.group("possessive") and _lower(candidate, "word") == "today":
        # "today's GM", "today's world": the present era, not the day.
        return tx.reference_value("PRESENT_REF"), DateSource.RELATIVE
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[_lower(candidate, "word")]
    return tx.day_value(context.article_date + dt.timedelta(days=offset)), DateSource.RELATIVE


_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _part_of_day(candidate: Candidate, context: Context) -> Resolved | None:
    day_word = _lower(candidate, "day")
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1}.get(day_word)
    if offset is not None:
        day = context.article_date + dt.timedelta(days=offset)
        return tx.part_of_day_value(day, _PART_CODE[_lower(candidate, "part")]), DateSource.RELATIVE
    resolved = _weekday(candidate, context)
    if resolved is None or resolved[0].start is None:
        return None
    return tx.part_of_day_value(resolved[0].start, _PART_CODE[_lower(candidate, "part")]), resolved[1]


def _weekday(candidate: Candidate, context: Context) -> Resolved | None:
    target = _WEEKDAY_NUMBER[_lower(candidate, "wd") or _lower(candidate, "day")]
    mod = " ".join(_lower(candidate, "mod").split())
    if mod in {"the following", "the next", "the previous"}:
        base, source = _anchor(context, Precision.WEEK)
    else:
        base, source = context.article_date, DateSource.RELATIVE
    ahead = (target - base.weekday()) % 7
    behind = (base.weekday() - target) % 7
    if mod in {"next", "the following", "the next", "coming"}:
        day = base + dt.timedelta(days=ahead or 7)
    elif mod in {"last", "the previous", "past"}:
        day = base - dt.timedelta(days=behind or 7)
    elif mod == "this":
        day = base + dt.timedelta(days=target - base.weekday())
    elif ahead and context.future(candidate):
        day = base + dt.timedelta(days=ahead)
    else:
        # Past-tense news: the latest such day on or before the article date.
        day = base - dt.timedelta(days=behind)
    return tx.day_value(day), source


def _weekend(candidate: Candidate, context: Context) -> Resolved | None:
    mod = " ".join(_lower(candidate, "mod").split())
    base = context.article_date
    source = DateSource.RELATIVE
    if mod in {"that", "the following", "the previous"}:
        base, source = _anchor(context, Precision.WEEK)
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


def _earlier_this(candidate: Candidate, context: Context) -> Resolved | None:
    unit = _UNIT[_lower(candidate, "unit")]
    amount = {"last": -1, "next": 1}.get(_lower(candidate, "rel"), 0)
    base = context.article_date
    return _shift(tx.day_value(base), unit, amount, base), DateSource.RELATIVE


def _reference(candidate: Candidate, context: Context) -> Resolved | None:
    phrase = " ".join(_lower(candidate, "ref").split())
    if phrase in _PRESENT:
        name = "PRESENT_REF"
    elif phrase in _FUTURE or phrase.endswith("term"):
        name = "FUTURE_REF"
    else:
        name = "PAST_REF"
    return tx.reference_value(name), DateSource.RELATIVE


def _anaphora(candidate: Candidate, context: Context) -> Resolved | None:
    phrase = " ".join(_lower(candidate, "ana").split())
    last = context.last
    if phrase.endswith("day"):
        if context.last_day is not None:
            return context.last_day, DateSource.CONTEXT
        return tx.day_value(context.article_date), DateSource.RELATIVE
    if last is None or last.start is None:
        return tx.reference_value("PAST_REF"), DateSource.RELATIVE
    # "that month", "the same year": the story's last date, at the precision the phrase names.
    wanted = {"week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}.get(phrase.split()[-1])
    if wanted is None:
        return last, DateSource.CONTEXT
    anchor = context.latest_within(wanted)
    if anchor is None or anchor.start is None:
        return None
    if anchor.precision is wanted:
        return anchor, DateSource.CONTEXT
    return _shift(anchor, wanted, 0, anchor.start), DateSource.CONTEXT


_RULES: dict[str, Callable[[Candidate, Context], Resolved | None]] = {
    "full_mdy": _full_date,
    "full_dmy": _full_date,
    "numeric": _numeric,
    "iso": _numeric,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "week_of_month": _week_of_month,
    "month": _month,
    "quarter": _quarter,
    "quarter_code": _quarter_code,
    "half": _half,
    "season": _season,
    "decade": _decade,
    "century": _century,
    "year": _year,
    "year_short": _year_short,
    "edge": _edge,
    "earlier_this": _earlier_this,
    "same_period": _same_period,
    "unit": _unit,
    "year_previous": _year_previous,
    "ago": _ago,
    "deictic": _deictic,
    "part_of_day": _part_of_day,
    "weekday": _weekday,
    "weekend": _weekend,
    "reference": _reference,
    "anaphora": _anaphora,
}
