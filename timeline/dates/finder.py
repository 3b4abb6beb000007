"""Find date expressions in text and decide their extent.

Each pattern names a family of English date expressions; candidates from all
families are collected and the longest wins where they overlap. Prepositions
("on", "since", "in", "at") stay outside the extent, as in TIMEX3 annotation.
Nothing here says what date an expression means: that is :mod:`resolve`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_B = r"(?<![\w/$£€#'’.-])"
_MON = rf"(?P<mon>{_MONTHS})(?![\w-])"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
#: A year; a hyphen may follow only as a range ("1990-95", "1990-1995"), not as a date ("2008-09-17").
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\w%/]|[.,]\d|-(?!(?:\d\d){1,2}(?![\d-])))"
_NUMBER = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}"


def _cap(words: str) -> str:
    """``words`` with each alternative's first letter allowed in capitals (sentence starts)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" if w[0].isalpha() else w for w in words.split("|"))


_MONTH_MODS = _cap(
    "late last|early last|late this|early this|late next|early next|"
    "early|mid|late|earlier|later|last|next|this|the end of|the beginning of|the start of|the middle of|"
    "end|the first half of|the second half of"
)
_YEAR_MODS = _cap(
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
)

#: (kind, pattern) in priority order: on equal extent, the earlier kind wins.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("full_mdy", rf"{_B}(?:(?P<wd>{_WEEKDAYS}),?[^\S\n]+)?{_MON}[^\S\n]+{_DAY},?[^\S\n]+{_YEAR}"),
    ("full_dmy", rf"{_B}(?:(?P<wd>{_WEEKDAYS}),?[^\S\n]+)?{_DAY}[^\S\n]+(?:of[^\S\n]+)?{_MON},?[^\S\n]+{_YEAR}"),
    ("numeric", r"(?<![\w/.-])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d{2})(?![\w/])"),
    ("iso", r"(?<![\w/.-])(?P<y>1[6-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])"),
    ("month_day", rf"{_B}(?:(?P<wd>{_WEEKDAYS}),?[^\S\n]+)?{_MON}[^\S\n]+{_DAY}(?![\w/]|[,.]?\d|,[^\S\n]*\d)"),
    ("day_month", rf"{_B}(?:(?P<wd>{_WEEKDAYS}),?[^\S\n]+)?(?:[Tt]he[^\S\n]+)?{_DAY}[^\S\n]+(?:of[^\S\n]+)?{_MON}"),
    ("month_year", rf"{_B}(?:(?P<mod>{_MONTH_MODS})(?:[^\S\n]|-)+)?{_MON},?[^\S\n]+(?:of[^\S\n]+)?{_YEAR}"),
    (
        "week_of_month",
        rf"{_B}(?:[Tt]he[^\S\n]+)?(?P<ord>{_ORDINALS})[^\S\n]+week[^\S\n]+of[^\S\n]+{_MON}(?:,?[^\S\n]+{_YEAR})?",
    ),
    ("month", rf"{_B}(?:(?P<mod>{_MONTH_MODS})(?:[^\S\n]|-)+)?{_MON}"),
    (
        "quarter",
        rf"{_B}(?:(?P<the>[Tt]he|[Tt]his|[Ii]ts)[^\S\n]+)?(?P<ord>{_cap(_ORDINALS)})(?:[^\S\n]|-)+quarter(?![\w-]|[^\S\n]+century)"
        rf"(?:,?[^\S\n]+(?:of[^\S\n]+)?(?:(?:fiscal[^\S\n]+)?{_YEAR}|{_RELATIVE_YEAR}))?",
    ),
    ("quarter_code", rf"{_B}(?P<q>Q[1-4]|H[12])(?:[^\S\n]+(?:of[^\S\n]+)?{_YEAR}|(?P<yy>'\d\d))?(?!\w)"),
    (
        "half",
        rf"{_B}(?:(?P<the>[Tt]he)[^\S\n]+)?(?P<ord>{_cap('first|second|1st|2nd|latter|last')})(?:[^\S\n]|-)+half(?![\w-])"
        rf"(?:[^\S\n]+of[^\S\n]+(?:(?:fiscal[^\S\n]+)?{_YEAR}|{_RELATIVE_YEAR}))?",
    ),
    (
        "season",
        rf"{_B}(?:(?P<mod>{_cap('this|last|next|the|early|late|earlier this|later this|mid|the end of|the coming')})"
        rf"(?:[^\S\n]|-)+)?(?P<season>{_cap('spring|summer|autumn|fall|winter')})(?![\w-])(?:[^\S\n]+(?:of[^\S\n]+)?{_YEAR})?",
    ),
    (
        "decade",
        rf"{_B}(?:[Tt]he[^\S\n]+)?(?:(?P<mod>{_cap('early|mid|late')})(?:[^\S\n]|-)+)?"
        r"(?:(?P<full>1[6-9]\d0|20\d0)|['’]?(?P<short>\d0))['’]?s(?!\w)",
    ),
    (
        "holiday",
        rf"{_B}(?:(?P<mod>{_cap('last|next|this')})[^\S\n]+)?(?P<holiday>{_HOLIDAYS})(?![\w-])"
        rf"(?:,?[^\S\n]+{_YEAR})?",
    ),
    (
        "century",
        rf"{_B}(?:[Tt]he[^\S\n]+)?(?:(?P<mod>{_cap('early|mid|late')})(?:[^\S\n]|-)+)?"
        r"(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)(?:[^\S\n]|-)+century(?!\w)",
    ),
    # The second year of a range ("1990-1995") follows a hyphen.
    ("year", rf"(?:{_B}|(?<=\d{{4}}[-–]))(?:(?P<mod>{_YEAR_MODS})(?:[^\S\n]|-)+|(?P<fy>FY\s?))?{_YEAR}"),
    ("year_short", r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])"),
    (
        "edge",
        rf"{_B}(?:[Tt]he[^\S\n]+)?(?P<edge>{_cap('end|beginning|start|middle|turn|rest')})[^\S\n]+of[^\S\n]+"
        r"(?:(?P<rel>this|last|next|the|that)[^\S\n]+)?(?P<unit>year|month|week|decade|century|quarter)(?!\w)",
    ),
    (
        "earlier_this",
        rf"{_B}(?P<edge>{_cap('earlier|later|early|late')})[^\S\n]+(?:(?P<rel>this|last|next|that)|in[^\S\n]+the)[^\S\n]+"
        r"(?P<unit>year|month|week|decade|quarter)(?!\w)",
    ),
    (
        "same_period",
        rf"{_B}(?:[Tt]he[^\S\n]+)?same[^\S\n]+(?P<unit>period|month|quarter|week|time|day)[^\S\n]+"
        r"(?:(?:of[^\S\n]+)?(?:a|one|the[^\S\n]+previous|the[^\S\n]+last|last)[^\S\n]+year(?:[^\S\n]+(?:ago|earlier|before))?|in[^\S\n]+\d{4})",
    ),
    (
        "unit",
        rf"{_B}(?:(?P<the>[Tt]he)[^\S\n]+)?(?P<rel>{_cap('last|this|next|past|coming|current|previous|following|prior')})"
        r"[^\S\n]+(?P<unit>week|weekend|month|year|decade|century|quarter|day)(?![\w-])",
    ),
    (
        "fiscal_year",
        rf"{_B}(?:[Tt]he[^\S\n]+)?(?P<rel>{_cap('this|last|next|current|previous|coming|past')})[^\S\n]+"
        r"(?:fiscal|financial)[^\S\n]+year(?![\w-])",
    ),
    ("new_year", rf"{_B}[Tt]he[^\S\n]+new[^\S\n]+year(?![\w'’-])"),
    (
        "year_previous",
        rf"{_B}(?P<the>[Tt]he)[^\S\n]+(?P<unit>year|month|week|day)[^\S\n]+(?P<rel>previous|before|after)"
        r"(?!\w|[^\S\n]+[a-z])",
    ),
    (
        "ago",
        rf"{_B}(?P<n>{_cap(_NUMBER)})[^\S\n]+(?P<unit>day|week|month|year|decade)s?[^\S\n]+(?P<dir>ago|earlier|later|before)"
        r"(?![\w-])",
    ),
    (
        "deictic",
        rf"{_B}(?:(?P<mod>{_cap('earlier|later|until|as of')})[^\S\n]+)?(?P<word>{_cap('today|yesterday|tomorrow')})"
        r"(?=(?P<possessive>['’]s\b))?(?![\w-])",
    ),
    (
        "part_of_day",
        rf"{_B}(?P<day>{_cap('this|yesterday|tomorrow')}|{_WEEKDAYS})[^\S\n]+(?P<part>morning|afternoon|evening|night)"
        r"(?![\w-])",
    ),
    (
        "weekday",
        rf"{_B}(?:(?P<mod>{_cap('last|next|this|the following|the previous|the next|coming|past')})[^\S\n]+)?"
        rf"(?P<wd>{_WEEKDAYS})(?![\w-])",
    ),
    (
        "weekend",
        rf"{_B}(?P<mod>{_cap('last|next|this|the|that|the following|the previous|the past')})[^\S\n]+weekend(?![\w-])",
    ),
    (
        "reference",
        rf"{_B}(?P<ref>{_cap('now|currently|recently|nowadays|presently|at present|more recently|until recently')}"
        rf"|(?:{_cap('the')}[^\S\n]+)?(?:near|distant|recent)[^\S\n]+(?:future|past|term)"
        r"|[Tt]he[^\S\n]+(?:long|short|medium)[^\S\n]+term|[Tt]he[^\S\n]+(?:future|present|time[^\S\n]+being)|recent[^\S\n]+years|recent"
        r"|(?:[Vv]ery[^\S\n]+)?soon"
        r"|[Tt]he[^\S\n]+past(?![^\S\n]+(?:\w+[^\S\n]+)?(?:days?|weeks?|months?|years?|decades?|centur\w+|quarters?|week\w*)\b))"
        r"(?![\w-])",
    ),
    (
        "anaphora",
        rf"{_B}(?P<ana>(?<=[Aa]t\s)the[^\S\n]+time"
        r"|(?:(?<=[Aa]t\s)|(?<=[Bb]y\s)|(?<=[Ss]ince\s)|(?<=[Uu]ntil\s))that[^\S\n]+(?:time|point)"
        rf"|{_cap('that')}[^\S\n]+(?:day|week|month|year)"
        r"|(?:[Tt]he[^\S\n]+)?same[^\S\n]+(?:day|week|month|year)"
        r"|[Tt]he[^\S\n]+day(?![^\S\n]+(?:before|after|of|when|that|which|in|on|to|and|the|a|an|he|she|it|they"
        r"|we|his|her|its|their)\b)"
        r"|(?:[Ll]ater?|[Ee]arl(?:y|ier))[^\S\n]+in[^\S\n]+the[^\S\n]+day"
        # "a loss of $8.6 billion for the entire year": the year the story is about.
        r"|(?:[Tt]he[^\S\n]+)?(?:[Ee]ntire|[Ww]hole|[Ff]ull)(?:[^\S\n]|-)year)(?![\w-])",
    ),
)

#: What a text must contain (lower-cased) for each family to have a chance: any one of these words,
#: where "#digit" stands for any digit and "#month" for a month name. Skipping hopeless patterns is
#: most of the finder's speed.
_DIGIT, _MONTH = "#digit", "#month"
_NEEDS: dict[str, tuple[str, ...]] = {
    "full_mdy": (_DIGIT,),
    "full_dmy": (_DIGIT,),
    "numeric": (_DIGIT,),
    "iso": (_DIGIT,),
    "month_day": (_DIGIT,),
    "day_month": (_DIGIT,),
    "month_year": (_DIGIT,),
    "week_of_month": ("week",),
    "month": (_MONTH,),
    "quarter": ("quarter",),
    "quarter_code": (_DIGIT,),
    "half": ("half",),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "decade": (_DIGIT,),
    "holiday": (
        *("christmas", "new year", "boxing", "valentine", "halloween", "thanksgiving", "easter", "good friday"),
        *("labor day", "labour day", "memorial day", "bastille", "fawkes"),
    ),
    "century": ("century",),
    "year": (_DIGIT,),
    "year_short": (_DIGIT,),
    "edge": (" of ",),
    "earlier_this": ("earl", "late"),
    "same_period": ("same",),
    "unit": ("week", "month", "year", "decade", "century", "quarter", "day"),
    "new_year": ("new year",),
    "fiscal_year": ("fiscal", "financial"),
    "year_previous": ("previous", "before", "after"),
    "ago": ("ago", "earlier", "later", "before"),
    "deictic": ("today", "yesterday", "tomorrow"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "weekday": ("day",),
    "weekend": ("weekend",),
    "reference": ("now", "current", "recent", "present", "past", "future", "term", "time", "soon"),
    "anaphora": ("time", "point", "day", "week", "month", "year"),
}
_COMPILED = tuple((kind, re.compile(pattern), _NEEDS[kind]) for kind, pattern in _PATTERNS)
_ANY_DIGIT = re.compile(r"\d")
_MONTH_NAME = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_PRIORITY = {kind: rank for rank, (kind, _) in enumerate(_PATTERNS)}

#: Cheap test that a text can hold a date at all: a digit, a capital month/day name or a time word.
_PREFILTER = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day|week|month|year|quarter|half|now|current|recent"
    r"|today|tomorrow|time|past|future|term|spring|summer|autumn|fall|winter|centur|morning|evening|night|'|’"
    r"|soon|christmas|easter|halloween|thanksgiving",
    re.IGNORECASE,
)

#: Words before a bare month that make it a date rather than a name or a verb ("in May", "since March").
_MONTH_LEAD = frozenset(
    {
        *("in", "since", "until", "till", "by", "from", "through", "throughout", "during", "of", "before", "after"),
        *("between", "to", "and", "or", "early", "late", "mid", "last", "next", "this", "each", "every", "on"),
        *("around", "about", "for", "their", "its", "his", "her", "our", "the", "as"),
    }
)
#: Capitalised words that turn a weekday into the name of a holiday or an event ("Black Monday").
_NAMED_DAY_LEAD = frozenset(
    {"black", "cyber", "super", "easter", "good", "ash", "palm", "bloody", "holy", "maundy", "shrove", "fat", "blue"}
)
#: Words after a date that make it the name of an event ("the September 11 attacks"), not a date of the story.
_EVENT_NAME_AFTER = re.compile(r",?[^\S\n]+(?:terrorist[^\S\n]+|terror[^\S\n]+)?(?:attacks?|bombings?)\b")
#: Function words that may start a sentence before a year ("In 2008 Boeing ...").
_DAY_KINDS = frozenset({"full_mdy", "full_dmy", "month_day", "day_month", "numeric"})
_FUNCTION_WORDS = frozenset(
    {"in", "by", "since", "until", "from", "of", "before", "after", "during", "and", "the", "for", "through", "to"}
)
_CAPITALISED_AFTER = re.compile(r"[^\S\n]+[A-Z][a-z]")
_MONTH_AFTER = re.compile(rf"[^\S\n]+(?:{_MONTHS})\b")
_AMBIGUOUS_MONTHS = frozenset({"May", "March", "Mar", "Jan", "Jun", "Aug", "Sept", "Sep", "Dec"})
#: Words before a number that make it a quantity, a model or a name, not a year.
_NOT_YEAR_LEAD = frozenset(
    {
        *("no", "no.", "number", "flight", "route", "model", "boeing", "airbus", "room", "page", "section"),
        *("chapter", "code", "version", "vol", "interstate", "highway"),
    }
)
#: Words after "the March" that make it the noun, a procession ("the March for Jobs", "the March on Rome").
_MARCH_NOUN_AFTER = re.compile(r"[^\S\n]+(?:for|on|against|of|to|through|from)\b")
#: Words of a game in a sentence: a bare "second half" or "fourth quarter" is then a part of the match.
_GAME_WORDS = re.compile(
    r"\b(?:scor(?:ed|es?|ing)|goal|equali[sz]\w*|match(?:es)?|penalt(?:y|ies)|strikers?|touchdowns?|innings|half-?time"
    r"|extra[^\S\n]+time|stoppage[^\S\n]+time|referees?|quarterbacks?|wickets?|rebounds?|fouls?|free[^\S\n]+kicks?)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
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
#: Words around "soon" that make it part of another phrase ("as soon as", "soon after").
_SOON_AFTER = re.compile(r"[^\S\n]+(?:after|afterwards|as|thereafter|enough|to)\b")
#: Words before a number that count things ("has 1999 rooms", "nearly 2000 homes").
_COUNT_LEAD = frozenset(
    {
        *("has", "have", "had", "with", "about", "some", "nearly", "almost", "roughly", "approximately", "than"),
        *("only", "just", "employs", "employ", "hired", "cut", "sold", "killed", "built", "added", "lost"),
    }
)
_LOWER_WORD_AFTER = re.compile(r"[^\S\n]+[a-z]")
_OF_AFTER = re.compile(r"[^\S\n]+of\b")
_WORD_BEFORE = re.compile(r"([\w.]+)(?:[^\S\n]|-)*$")
_QUANTITY_AFTER = re.compile(
    r"[^\S\n]*(?:%|percent|per[^\S\n]+cent|people|persons|jobs|workers|employees|staff|cars|vehicles|units|shares|dealers"
    r"|dealerships|planes|aircraft|seats|passengers|troops|soldiers|homes|tonnes|tons|miles|km|kilometres|feet|metres"
    r"|meters|pounds|dollars|euros|hours|minutes|points|to[^\S\n]+\d|-[^\S\n]*\d)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """A date expression found in a text: its kind (pattern family), extent and matched parts."""

    kind: str
    start: int
    end: int
    match: re.Match[str]

    def group(self, name: str) -> str | None:
        """The text of a named part of the match, or None when absent."""
        try:
            return self.match.group(name)
        except IndexError:
            return None


def find_candidates(text: str) -> list[Candidate]:
    """Non-overlapping date expressions in ``text``, in text order."""
    if not _PREFILTER.search(text):
        return []
    found: list[Candidate] = []
    names: list[tuple[int, int]] = []
    lower = text.lower()
    present = {_DIGIT: _ANY_DIGIT.search(text) is not None, _MONTH: _MONTH_NAME.search(lower) is not None}
    for kind, pattern, needs in _COMPILED:
        if not any(present.get(need, need in lower) for need in needs):
            continue
        for match in pattern.finditer(text):
            if match.end() <= match.start():
                continue
            if kind in _DAY_KINDS and _EVENT_NAME_AFTER.match(text, match.end()):
                # "the September 11 attacks" names an event; no part of it is a date of the story.
                names.append((match.start(), match.end()))
            elif _keep(kind, match, text):
                found.append(Candidate(kind, match.start(), match.end(), match))
    if names:
        found = [c for c in found if all(c.end <= start or c.start >= end for start, end in names)]
    found.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.kind], c.start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in found:
        if all(candidate.end <= start or candidate.start >= end for start, end in taken):
            chosen.append(candidate)
            taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: c.start)


def _word_before(text: str, position: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, position - 40), position)
    return match.group(1).lower() if match else ""


def _capitalised_before(text: str, position: int) -> bool:
    """Whether the word just before ``position`` starts with a capital letter."""
    match = _WORD_BEFORE.search(text, max(0, position - 40), position)
    return match is not None and match.group(1)[:1].isupper()


def _inside_name(text: str, match: re.Match[str], before: str) -> bool:
    """Whether a number sits between two capitalised words of a name ("the Russell 2000 Index")."""
    if not _capitalised_before(text, match.start()) or before in _FUNCTION_WORDS:
        return False
    after = _CAPITALISED_AFTER.match(text, match.end())
    return after is not None and not _MONTH_AFTER.match(text, match.end())


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, looking no further than 300 characters each way."""
    left = max(0, start - 300)
    for found in _SENTENCE_BREAK.finditer(text, left, start):
        left = found.end()
    stop = _SENTENCE_BREAK.search(text, end, min(len(text), end + 300))
    return text[left : stop.start() if stop else min(len(text), end + 300)]


def _keep(kind: str, match: re.Match[str], text: str) -> bool:
    """Drop matches that look like dates but are names, verbs, quantities or durations."""
    if kind == "month" and match.group("mod") is None:
        month = match.group("mon").rstrip(".")
        before = _word_before(text, match.start())
        if before not in _MONTH_LEAD:
            return False
        if month in _AMBIGUOUS_MONTHS and before in {"and", "or", "to", "for", "on", "about", "around"}:
            return False
        if month == "March" and before == "the" and _MARCH_NOUN_AFTER.match(text, match.end()):
            return False
        # "May Day", "June Carter": a capitalised word after a bare month makes it a name.
        after = text[match.end() : match.end() + 2]
        return not (len(after) == 2 and after[0] == " " and after[1].isupper())
    if kind == "weekday" and match.group("mod") is None and _word_before(text, match.start()) in _NAMED_DAY_LEAD:
        return not _capitalised_before(text, match.start())
    if kind == "year" and match.group("mod") is None and match.group("fy") is None:
        before = _word_before(text, match.start())
        if before in _NOT_YEAR_LEAD:
            return False
        if _inside_name(text, match, before):
            return False
        if before in _COUNT_LEAD and _LOWER_WORD_AFTER.match(text, match.end()):
            # "has 1999 rooms", "nearly 2000 homes": a count of things.
            return False
        return not _QUANTITY_AFTER.match(text, match.end())
    if kind in {"half", "quarter"} and match.group("year") is None and match.group("rel") is None:
        if _OF_AFTER.match(text, match.end()):
            # "the first half of the 20th century", "the last quarter of the match": a part of something else.
            return False
        # "equalised in the second half": with no year said, a half or quarter in a sentence about a game is the game's.
        return not _GAME_WORDS.search(_sentence_of(text, match.start(), match.end()))
    if kind == "season" and match.group("season").lower() == "fall":
        # "fall" alone is mostly the verb; it is the season with a modifier or a year.
        return match.group("mod") is not None or match.group("year") is not None
    if kind == "holiday" and match.group("mod") is None and match.group("year") is None:
        # A bare holiday is a date after a preposition ("before Christmas"); otherwise mostly a modifier or a name.
        if _word_before(text, match.start()) not in _HOLIDAY_LEAD:
            return False
        return not _HOLIDAY_MODIFIES.match(text, match.end())
    if kind == "reference" and match.group("ref").lower().endswith("soon"):
        lead_in = _word_before(text, match.start()) in {"as", "too", "how"}
        return not lead_in and not _SOON_AFTER.match(text, match.end())
    if kind == "reference" and match.group("ref") == "recent":
        # "the most recent model": an ordering of things, not a time.
        return _word_before(text, match.start()) not in {"most", "more", "least"}
    if kind == "year_short":
        # "'82" stands for a year only after a month, a season or "class of" style lead-ins.
        return _word_before(text, match.start()) in {"in", "since", "of", "until", "by", "from", "summer", "spring"}
    if kind == "unit":
        rel = match.group("rel").lower()
        if match.group("unit") == "day" and rel not in {"next", "following", "previous", "prior"}:
            return False
        spanning = _word_before(text, match.start()) in {"over", "within", "for", "throughout", "during"}
        if rel in {"past", "coming", "next"} and match.group("the") and spanning:
            # "over the past year", "within the next month": spans of time, not dates.
            return False
    return True
