"""One name per entity across articles, where each article alone may name it differently.

Within an article :func:`timeline.entities.tag_entities` already gives one name to each
entity; across articles it needs the whole table, so the corpus stage
(:func:`timeline.corpus.unify_actor_names`) calls :func:`unified_names`, once, after
extraction. Each rule renames only when exactly one name fits, never on a guess between
several:

1. spellings of one name ("Volodymyr Zelenskyy" and "Volodymyr Zelensky", "Andrej Babiš"
   and "Andrej Babis"): the plainest is kept (see :func:`_plainest`);
2. a name without its legal form, when the corpus also writes it ("General Motors
   Corporation" and "General Motors" are General Motors);
3. names the table of well-known organisations gives one organisation ("JNIM" and
   "Jama'at Nusrat al-Islam wal-Muslimin"): the fullest one written;
4. a name that is the tail of one longer name ("Tayyip Erdogan" -> "Recep Tayyip
   Erdogan"), a lone surname ("Biden" -> "Joe Biden", but "Bush" with George and Jeb Bush
   stays) or family name written first ("Yoon" -> "Yoon Suk Yeol"), an organisation cut
   short of its organisation words ("Royal Jordanian" -> "Royal Jordanian Airlines"). A
   name of generic words only ("Parliament", "Health Ministry") is whichever body its
   article means, and is renamed by none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable

from timeline.entities import data
from timeline.entities.organisations import without_legal_form
from timeline.entities.shapes import family_name_first, surname_key
from timeline.names import follow_renamings, straight_apostrophes


def unified_names(names: Iterable[str], places: Collection[str] = ()) -> dict[str, str]:
    """Map names to the one name of their entity across the corpus (the rules of the module docstring).

    ``places`` are names the gazetteer knows: a state ("Jordan", "Türkiye") is renamed by none
    of the rules, and no name becomes one by them either.
    """
    unique = {name for name in names if name not in places}
    renamed: dict[str, str] = {}
    for group in _by_key(unique, _spelling_key).values():
        plainest = _plainest(group)
        renamed.update((name, plainest) for name in group if name != plainest)
    current = {follow_renamings(renamed, name) for name in unique}
    for name in current:
        plain = without_legal_form(name)
        if plain != name and plain in current:
            renamed[name] = plain
    current = {follow_renamings(renamed, name) for name in unique}
    for group in _by_key(current, _known_organisation).values():
        fullest = max(group, key=lambda name: (len(name.split()), len(name), name))
        renamed.update((name, fullest) for name in group if name != fullest)
    current = {follow_renamings(renamed, name) for name in unique}
    longer = _longer_names(current)
    for name in current:
        candidates = longer.get(name, set())
        if len(candidates) == 1:
            renamed[name] = next(iter(candidates))
    return {name: follow_renamings(renamed, name) for name in unique if follow_renamings(renamed, name) != name}


def _longer_names(names: set[str]) -> dict[str, set[str]]:
    """For each name, the longer names it may be short for (rule 4 of the module docstring).

    Every name is indexed by its tails, its first word and its shortened forms, so the corpus's
    names are read a few times each, never compared pairwise.
    """
    tails: dict[tuple[str, ...], set[str]] = {}
    firsts: dict[str, set[str]] = {}
    shortened: dict[tuple[str, ...], set[str]] = {}
    for name in names:
        words = name.split()
        key = tuple(_word_key(word) for word in words)
        for size in range(1, len(words)):
            tails.setdefault(key[-size:], set()).add(name)
            if _cut_short(words[:size], words):
                shortened.setdefault(tuple(words[:size]), set()).add(name)
        if len(words) > 1 and family_name_first(words):
            firsts.setdefault(key[0], set()).add(name)
    longer: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if all(word in _GENERIC_WORDS for word in words):
            # "Parliament" or "Health Ministry" alone is whichever the article means, not another's.
            continue
        key = tuple(_word_key(word) for word in words)
        candidates = set(tails.get(key, set()))
        if not candidates and len(words) == 1:
            candidates = set(firsts.get(key[0], set()))
        candidates |= shortened.get(tuple(words), set())
        if candidates:
            longer[name] = candidates
    return longer


def _cut_short(words: list[str], longer: list[str]) -> bool:
    extra = longer[len(words) :]
    return (
        len(longer) > len(words)
        and longer[: len(words)] == words
        and all(word in data.ORG_WORDS for word in extra)
        and not all(word in data.LEGAL_FORMS for word in extra)
    )


def _known_organisation(name: str) -> str:
    """The table's canonical name of the organisation ``name`` is one of the names of, or ""."""
    known = data.KNOWN_ORGANISATIONS.get(straight_apostrophes(name).lower())
    if known is not None:
        return known[0]
    return name if name in _KNOWN_CANONICALS else ""


_KNOWN_CANONICALS = frozenset(canonical for canonical, _, _ in data.KNOWN_ORGANISATIONS.values())
#: Words that name a kind of body, not one body: a name of only these is no short form.
_GENERIC_WORDS = data.ORG_WORDS | data.ROLE_WORDS | frozenset(word.title() for word in data.STATE_HEADS)


def _spelling_key(name: str) -> str:
    """How two spellings of one name compare: several words, folded ("Zelenskyy" = "Zelensky")."""
    words = name.split()
    return " ".join(_word_key(word) for word in words) if len(words) > 1 else ""


def _word_key(word: str) -> str:
    """A word without case, diacritics, name particle or doubled letters: "Babiš" = "babis", "al-Sharaa" = "sharaa"."""
    decomposed = unicodedata.normalize("NFKD", straight_apostrophes(word))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _DOUBLED.sub(r"\1", surname_key(plain))


_DOUBLED = re.compile(r"(.)\1+")


def _plainest(names: set[str]) -> str:
    """The name to keep of several spellings: the fewest letters outside ASCII ("Babis" over "Babiš",
    as the project's held-out names are written), then the shortest ("Zelensky" over "Zelenskyy")."""
    return min(names, key=lambda name: (sum(not char.isascii() for char in name), len(name), name))


def _by_key(names: Iterable[str], key_of: Callable[[str], str]) -> dict[str, set[str]]:
    """Names grouped by ``key_of``, for the groups of two or more (an empty key groups nothing)."""
    groups: dict[str, set[str]] = {}
    for name in names:
        key = key_of(name)
        if key:
            groups.setdefault(key, set()).add(name)
    return {key: group for key, group in groups.items() if len(group) > 1}

