"""Date families that refer back to the story ("at the time", "the day before", "the same
period last year") and TIMEX3 references ("now", "recently", "the future").
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from timeline.dates import timex as tx
from timeline.dates.around import word_before
from timeline.dates.context import UNIT, Context, Resolved, shift, story_anchor
from timeline.dates.family import Candidate, DateFamily
from timeline.dates.patterns import B, cap
from timeline.types import DateSource, Precision, TimexValue

_PRESENT = frozenset({"now", "currently", "nowadays", "presently", "at present", "the present", "the time being"})
_FUTURE = frozenset({"the future", "the near future", "the distant future", "near future", "distant future"})
#: Words around "soon" that make it part of another phrase ("as soon as", "soon after").
_SOON_AFTER = re.compile(r"[^\S\n]+(?:after|afterwards|as|thereafter|enough|to)\b")


def _year_previous(candidate: Candidate, context: Context) -> Resolved | None:
    unit = UNIT[candidate.group("unit").lower()]
    anchor, source = story_anchor(context, unit)
    amount = 1 if candidate.group("rel").lower() == "after" else -1
    return shift(tx.day_value(anchor), unit, amount, anchor), source


def _same_period(candidate: Candidate, context: Context) -> Resolved | None:
    unit = candidate.group("unit").lower()
    last = context.last
    if last is None or last.start is None:
        precision = UNIT.get(unit, Precision.YEAR)
        current = shift(tx.day_value(context.article_date), precision, 0, context.article_date)
        before = _one_year_before(current)
        return (before, DateSource.RELATIVE) if before is not None else None
    shifted = _one_year_before(last)
    return (shifted, DateSource.CONTEXT) if shifted is not None else None


def _one_year_before(value: TimexValue) -> TimexValue | None:
    if value.start is None:
        return None
    if value.precision is Precision.DAY:
        # relativedelta stops at the month's end: a year before 29 February is 28 February.
        return tx.day_value(value.start - relativedelta(years=1))
    if value.precision is Precision.MONTH:
        return tx.month_value(value.start.year - 1, value.start.month)
    if value.precision is Precision.QUARTER:
        return tx.quarter_value(value.start.year - 1, (value.start.month - 1) // 3 + 1)
    if value.precision is Precision.WEEK:
        return tx.week_value(value.start - dt.timedelta(weeks=52))
    return tx.year_value(value.start.year - 1)


def _reference(candidate: Candidate, context: Context) -> Resolved | None:
    phrase = " ".join(candidate.group("ref").lower().split())
    if phrase.endswith("soon"):
        # "soon" looks forward from the moment told; in a past narrative it is no reference to now.
        return (tx.reference_value("FUTURE_REF"), DateSource.RELATIVE) if context.tense(candidate) != "past" else None
    if phrase in _PRESENT:
        name = "PRESENT_REF"
    elif phrase in _FUTURE or phrase.endswith("term"):
        name = "FUTURE_REF"
    else:
        name = "PAST_REF"
    return tx.reference_value(name), DateSource.RELATIVE


#: A relative clause or a participle phrase before "currently" ("the stake that the state currently owns",
#: "a design currently under development"): it says what a thing is now, not when the story happens, and
#: annotators leave it untagged.
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|whom)(?:[^\S\n]+[\w’'-]+){1,4}[^\S\n]+$")
_PHRASE_AFTER = re.compile(r"[^\S\n]+(?:under|being|in[^\S\n]+(?:development|production|service|use))\b")
_CLAUSE_WORDS_BEFORE = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "and"})


def _keep_reference(candidate: Candidate, text: str) -> bool:
    ref = candidate.group("ref")
    if ref.lower() in {"currently", "presently"}:
        window = text[max(0, candidate.start - 60) : candidate.start]
        if _RELATIVE_BEFORE.search(window):
            return False
        if word_before(text, candidate.start) not in _CLAUSE_WORDS_BEFORE and _PHRASE_AFTER.match(
            text, candidate.end
        ):
            return False
    if ref.lower().endswith("soon"):
        lead_in = word_before(text, candidate.start) in {"as", "too", "how"}
        return not lead_in and not _SOON_AFTER.match(text, candidate.end)
    if ref == "recent":
        # "the most recent model": an ordering of things, not a time.
        return word_before(text, candidate.start) not in {"most", "more", "least"}
    return True


def _anaphora(candidate: Candidate, context: Context) -> Resolved | None:
    phrase = " ".join(candidate.group("ana").lower().split())
    last = context.last
    if phrase.endswith("day"):
        if context.last_day is not None:
            return context.last_day, DateSource.CONTEXT
        return tx.day_value(context.article_date), DateSource.RELATIVE
    phrase = phrase.replace("full-year", "full year")
    if phrase.split()[-2:-1] in (["entire"], ["whole"], ["full"]) and context.latest_within(Precision.YEAR) is None:
        return tx.year_value(context.article_date.year), DateSource.RELATIVE
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
    return shift(anchor, wanted, 0, anchor.start), DateSource.CONTEXT


#: In priority order: on equal extent, the earlier family wins.
FAMILIES: tuple[DateFamily, ...] = (
    DateFamily(
        name="same_period",
        pattern=rf"{B}(?:[Tt]he[^\S\n]+)?same[^\S\n]+(?P<unit>period|month|quarter|week|time|day)[^\S\n]+"
        r"(?:(?:of[^\S\n]+)?(?:a|one|the[^\S\n]+previous|the[^\S\n]+last|last)[^\S\n]+year(?:[^\S\n]+(?:ago|earlier|before))?"
        r"|in[^\S\n]+\d{4})",
        triggers=("same",),
        groups=("unit",),
        resolve=_same_period,
        examples=("Sales rose from [the same period last year].",),
    ),
    DateFamily(
        name="year_previous",
        pattern=rf"{B}(?P<the>[Tt]he)[^\S\n]+(?P<unit>year|month|week|day)[^\S\n]+(?P<rel>previous|before|after)"
        r"(?!\w|[^\S\n]+[a-z])",
        triggers=("previous", "before", "after"),
        groups=("unit", "rel"),
        resolve=_year_previous,
        examples=("Talks began on March 3, 2020. [The day before], troops moved.",),
    ),
    DateFamily(
        name="reference",
        pattern=rf"{B}(?P<ref>{cap('now|currently|recently|nowadays|presently|at present|more recently')}"
        rf"|{cap('until recently')}"
        rf"|(?:{cap('the')}[^\S\n]+)?(?:near|distant|recent)[^\S\n]+(?:future|past|term)"
        r"|[Tt]he[^\S\n]+(?:long|short|medium)[^\S\n]+term|[Tt]he[^\S\n]+(?:future|present|time[^\S\n]+being)"
        r"|recent[^\S\n]+years|recent|(?:[Vv]ery[^\S\n]+)?soon"
        r"|[Tt]he[^\S\n]+past(?![^\S\n]+(?:\w+[^\S\n]+)?(?:days?|weeks?|months?|years?|decades?|centur\w+|quarters?|week\w*)\b))"
        r"(?![\w-])",
        triggers=("now", "current", "recent", "present", "past", "future", "term", "time", "soon"),
        groups=("ref",),
        resolve=_reference,
        keep=_keep_reference,
        examples=(
            "Prices are [now] higher.",
            "Prices should fall [soon], analysts said.",
            "It rose in [recent] weeks.",
        ),
    ),
    DateFamily(
        name="anaphora",
        pattern=rf"{B}(?P<ana>(?<=[Aa]t\s)the[^\S\n]+time"
        r"|(?:(?<=[Aa]t\s)|(?<=[Bb]y\s)|(?<=[Ss]ince\s)|(?<=[Uu]ntil\s))that[^\S\n]+(?:time|point)"
        rf"|{cap('that')}[^\S\n]+(?:day|week|month|year)"
        r"|(?:[Tt]he[^\S\n]+)?same[^\S\n]+(?:day|week|month|year)"
        r"|[Tt]he[^\S\n]+day(?![^\S\n]+(?:before|after|of|when|that|which|in|on|to|and|the|a|an|he|she|it|they"
        r"|we|his|her|its|their)\b)"
        r"|(?:[Ll]ater?|[Ee]arl(?:y|ier))[^\S\n]+in[^\S\n]+the[^\S\n]+day"
        # "a loss of $8.6 billion for the entire year": the year the story is about.
        r"|(?:[Tt]he[^\S\n]+)?(?:[Ee]ntire|[Ww]hole|[Ff]ull)(?:[^\S\n]|-)year)(?![\w-])",
        triggers=("time", "point", "day", "week", "month", "year"),
        groups=("ana",),
        resolve=_anaphora,
        examples=(
            "The deal was signed in 2019. At [the time], prices were low.",
            "At [that point], prices fell.",
            "GM lost $8 billion for [the entire year].",
        ),
    ),
)
