"""How names look: the shape of a person's name and how a surname compares.

Shared by the ruler, which decides what the model's spans are, by the people module,
which resolves surnames, and by the corpus stage, which unifies names across articles.
"""

from __future__ import annotations

from typing import Final

from timeline.entities import data
from timeline.names import straight_apostrophes

#: The most words a person's name has ("Mohammed bin Abdulrahman Al Thani").
_MAX_NAME_WORDS: Final = 5


def surname_key(word: str) -> str:
    """How a surname is compared: lower case, without name particles ("Al-Assad" -> "assad")."""
    key = straight_apostrophes(word.lower())
    for prefix in data.SURNAME_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def person_shaped(tokens: list[str]) -> bool:
    """Whether ``tokens`` look like a person's name: 1-5 capitalised words, none an organisation word.

    Name particles count as capitalised: joined to a name ("Ahmed al-Sharaa") or, inside it,
    standing alone ("Tamim bin Hamad Al Thani", "Ursula von der Leyen").
    """
    return 0 < len(tokens) <= _MAX_NAME_WORDS and all(
        _name_word(word, inner=0 < index < len(tokens) - 1) for index, word in enumerate(tokens)
    )


def _name_word(word: str, *, inner: bool) -> bool:
    if inner and word in data.NAME_PARTICLES:
        return True
    bare = word
    for prefix in data.SURNAME_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            bare = word[len(prefix) :]
            break
    return bare[:1].isupper() and bare.replace("-", "").replace(".", "").isalpha() and word not in data.NOT_NAME_WORDS


#: The longest word of a given name written after the family name, as in "Yoon Suk Yeol".
_SHORT_GIVEN_NAME = 4


def family_name_first(words: list[str]) -> bool:
    """Whether a name reads family name first, as East Asian names do: the given name after it is
    hyphenated ("Lee Jae-myung") or two short words ("Yoon Suk Yeol"). A Western first name alone
    is too often a word ("Will", "Mark") to be taken for the person."""
    given = words[1:]
    return (len(given) == 1 and "-" in given[0]) or (
        len(given) == 2 and all(len(word) <= _SHORT_GIVEN_NAME for word in given)
    )
