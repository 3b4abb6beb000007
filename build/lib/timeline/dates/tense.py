"""Whether the words around a date expression speak of the future."""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|going\s+to|is\s+to|are\s+to|scheduled|schedules|expected|expects|expect|plans?\s+to|"
    r"planned|planning|intends?|set\s+(?:to|for)|(?:is|are)\s+due|due\s+(?:on|in|by)|upcoming|until|till|would|could|might|"
    r"hopes?\s+to|aims?\s+to|slated|"
    # "was due to take effect in March"; "due to" before a noun gives a cause, not a time.
    r"due\s+to\s+(?:be|take|start|begin|open|close|end|expire|arrive|launch|resume|return|meet|vote|sign|finish|run"
    r"|report|appear|leave|retire)|"
    r"proposed|next|should|must|deadline|soon|to\s+be|(?-i:may)(?!\s+(?:have|not\s+have)\b)|"
    # A verb of intent or agreement points its infinitive forward, even in the past ("agreed to raise output in May").
    r"(?:agreed|agrees|decided|decides|voted|votes|promised|promises|pledged|pledges|vowed|vows|wants|wanted|hoped|aimed"
    r"|intended|prepared|prepares|threatened|threatens|offered|offers|asked|ordered)\s+to"
    # A scheduled event told in the present tense ("voting ends on Friday", "the trial begins Monday").
    r"|begins|starts|ends|opens|closes|resumes|expires|arrives|departs|returns|reopens|kicks\s+off|takes\s+place"
    r"|goes\s+on\s+sale|meets|convenes|leaves|visits|travels|takes\s+office|steps\s+down|hosts|faces"
    # A call for an event points to the event, not to the call ("have called for a rally on 15 February").
    r"|call(?:s|ed|ing)?\s+for\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:rally|rallies|strikes?|protests?|marche?s?|votes?|elections?|referendum|boycotts?|demonstrations?|talks)"
    r")\b|'ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    # A participle after "be" ("to be held", "should be completed") takes its tense from the modal, not its form.
    r"\b(?<!\bbe\s)(?:(?i:said|says|was|were|had|did|told|fell|rose|lost|made|took|came|went|began|held|spoke|met|won|left|"
    r"sold|bought|paid|led|ran|sent|saw|gave|got|became|fought|struck|broke|stood|kept|hit|killed|won|"
    r"beat|drew|threw|wrote|chose|drove|flew|grew|knew|shook|stole|tore|wore|fled|shot|caught|taught|brought|"
    r"thought|sought|felt|dealt|meant|slept|swept|built|spent|found|hung|rang|sang|swam|sat|understood|"
    r"upheld|overcame|overtook|forgave|froze|arose|stuck|slid|swore|bore|woke|bit|hid|fed|lent|bent)"
    # Any other lower-case word in -ed is most often a past verb ("announced", "submitted").
    r"|[a-z]+ed)\b",
)
_SENTENCE_END = re.compile(r"[.!?\n]")
#: Where a new clause starts after the date: its verbs tell of another event ("won on Saturday and will play ...",
#: "told supporters on Saturday that he would ...").
_CLAUSE_START = re.compile(r"[;]|\b(?:and|but|while|whereas|that|who|which)\b")
#: A participle used as an adjective ("the planned vote"): it tells the tense of its noun, so of a date only
#: a few words after it ("the planned vote on Sunday"), not of one further on ("called the planned vote
#: 'a sham' in a statement on Wednesday").
_ADJECTIVE = re.compile(r"\b(?:the|a|an|its|his|her|their|our)\s+(?:planned|proposed|expected|scheduled|upcoming)$")
_ADJECTIVE_REACH = re.compile(r"^\W*(?:[\w'’-]+\W+){0,3}$")
#: "has announced", "have risen": a present perfect tells of no past day, so it is no date's verb ("Ford has
#: announced cuts ..., resulting in closures during the fourth quarter").
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:not|already|also|now|just|since|long)\s+)?$", re.IGNORECASE)
#: A deadline word just before the date ("by June", "until Friday", "postponed to Saturday") looks forward on its own.
_DEADLINE = re.compile(
    r"\b(?:by|until|till|before|(?:postponed|delayed|moved|deferred|adjourned|rescheduled|pushed\s+back|put\s+off)"
    r"\s+(?:to|until|till|for))\s+(?:early\s+|late\s+|mid-?)?$",
    re.IGNORECASE,
)
#: Words on each side of a date that decide its tense.
_WINDOW = 60
#: How far back the verb a date attaches to may be, within its sentence ("told supporters at his party's
#: headquarters in Prague's Chodov district late on Saturday").
_GOVERNOR_WINDOW = 150


def speaks_of_future(text: str, start: int, end: int) -> bool:
    """True when the clause around ``text[start:end]`` looks forward (``will meet on Tuesday``).

    The nearest tense marker wins: in "said on Monday it will", "said" is nearer.
    """
    return clause_tense(text, start, end) == "future"


def clause_tense(text: str, start: int, end: int, deadline: bool = True) -> str | None:
    """ "future", "past", or None when no marker near ``text[start:end]`` tells.

    The date attaches to the verb before it, as far back as its sentence goes; words after a comma or a
    new clause ("that he would ...") are another verb's.
    With ``deadline`` false, a deadline word before the date ("by the end of the decade, it had ...") does
    not decide alone: the verbs do.
    """
    if deadline and _DEADLINE.search(text, max(0, start - 20), start):
        return "future"
    left_limit = max(0, start - _GOVERNOR_WINDOW)
    for found in _SENTENCE_END.finditer(text, left_limit, start):
        left_limit = found.end()
    right_limit = min(len(text), end + _WINDOW)
    stop = _SENTENCE_END.search(text, end, right_limit)
    if stop:
        right_limit = stop.start()
    clause = _CLAUSE_START.search(text, end, right_limit)
    if clause:
        right_limit = clause.start()
    best: tuple[int, bool] | None = None
    for pattern, future in ((_FUTURE, True), (_PAST, False)):
        for found in pattern.finditer(text, left_limit, start):
            if not _governs(text, found, future, start):
                continue
            distance = start - found.end()
            if best is None or distance < best[0]:
                best = (distance, future)
    if best is not None:
        # The date attaches to the verb before it: after a comma, the words belong to another clause
        # ("Biden, who leaves office on Monday, said ..."), an attribution ("..., officials said") included.
        comma = text.find(",", end, right_limit)
        if comma != -1:
            right_limit = comma
    for pattern, future in ((_FUTURE, True), (_PAST, False)):
        for found in pattern.finditer(text, end, right_limit):
            # Words after the date weigh less: it usually modifies the verb before it.
            distance = (found.start() - end) * 2
            if best is None or distance < best[0]:
                best = (distance, future)
    if best is None:
        return None
    return "future" if best[1] else "past"


def _governs(text: str, found: re.Match[str], future: bool, start: int) -> bool:
    """Whether a tense marker before the date at ``start`` can be the verb it attaches to."""
    if future and _ADJECTIVE.search(text, max(0, found.start() - 8), found.end()):
        return _ADJECTIVE_REACH.match(text[found.end() : start]) is not None
    return future or _PERFECT.search(text, max(0, found.start() - 20), found.start()) is None
