"""Rules for calendar expressions: written dates, months, quarters, halves, seasons, decades, years.

A day or month without a year is placed near the article date by the tense of its clause.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.dates import timex as tx
from timeline.dates.context import Context, Resolved, lower
from timeline.dates.dateparser_adapter import parse_explicit
from timeline.dates.finder import Candidate
from timeline.dates.rule import Rule
from timeline.types import DateSource

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
_OF_RELATIVE_YEAR = re.compile(r",?[^\S\n]+(?:of[^\S\n]+)?(this|next|last)[^\S\n]+year\b", re.IGNORECASE)


def _month_of(candidate: Candidate) -> int:
    return _MONTH_NUMBER[lower(candidate, "mon").rstrip(".")]


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
    "bastille day": (7, 14), "guy fawkes night": (11, 5),
}  # fmt: skip
#: Days from Easter Sunday.
_EASTER_OFFSETS = {"easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2}


def _easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` (1-based; -1 for the last) ``weekday`` (Monday 0) of a month."""
    if nth < 0:
        last = tx.add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def holiday_day(name: str, year: int) -> dt.date | None:
    """The day of a holiday (lower-case, single-spaced, straight apostrophe) in ``year``, or None if unknown."""
    if name in _FIXED_HOLIDAYS:
        return dt.date(year, *_FIXED_HOLIDAYS[name])
    if name in _EASTER_OFFSETS:
        return _easter(year) + dt.timedelta(days=_EASTER_OFFSETS[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name in {"labor day", "labour day"}:
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    return None


def _holiday(candidate: Candidate, context: Context) -> Resolved | None:
    name = " ".join(lower(candidate, "holiday").replace("’", "'").split())
    if candidate.group("year"):
        day = holiday_day(name, int(candidate.group("year") or "0"))
        return (tx.day_value(day), DateSource.EXPLICIT) if day else None
    base = context.article_date
    options = [d for year in (base.year - 1, base.year, base.year + 1) if (d := holiday_day(name, year))]
    if not options:
        return None
    mod = lower(candidate, "mod")
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
    return tx.day_value(chosen), DateSource.RELATIVE


def _month_year(candidate: Candidate, context: Context) -> Resolved | None:
    return tx.month_value(int(candidate.group("year") or "0"), _month_of(candidate)), DateSource.EXPLICIT


def _month(candidate: Candidate, context: Context) -> Resolved | None:
    month, base = _month_of(candidate), context.article_date
    # "late last July" is placed like "last July".
    mod = (lower(candidate, "mod").split() or [""])[-1]
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
    ordinal = lower(candidate, "ord")
    if ordinal in {"last", "final"}:
        day = tx.add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=4)
    else:
        day = dt.date(year, month, 1) + dt.timedelta(days=7 * (_ORDINAL.get(ordinal, 1) - 1) + 3)
    source = DateSource.EXPLICIT if candidate.group("year") else DateSource.RELATIVE
    return tx.week_value(day), source


def _relative_year(candidate: Candidate, context: Context) -> int:
    rel = " ".join(lower(candidate, "rel").split())
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
    ordinal = lower(candidate, "ord")
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
    half = 1 if lower(candidate, "ord") in {"first", "1st"} else 2
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
    code = _SEASON_CODE[lower(candidate, "season")]
    if candidate.group("year"):
        return tx.season_value(int(candidate.group("year") or "0"), code), DateSource.EXPLICIT
    base = context.article_date
    mod = " ".join(lower(candidate, "mod").split())
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
    year = int(candidate.group("year") or "0")
    if candidate.group("fy") or "fiscal" in lower(candidate, "mod"):
        return tx.fiscal_year_value(year), DateSource.EXPLICIT
    return tx.year_value(year), DateSource.EXPLICIT


def _year_short(candidate: Candidate, context: Context) -> Resolved | None:
    year = context.article_date.year // 100 * 100 + int(candidate.group("yy") or "0")
    if year > context.article_date.year:
        year -= 100
    return tx.year_value(year), DateSource.RELATIVE


RULES: dict[str, Rule] = {
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
    "holiday": _holiday,
    "year": _year,
    "year_short": _year_short,
}
