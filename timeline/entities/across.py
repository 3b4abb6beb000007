"""One name per person across articles: a surname alone, in an article that never gives the
full name, becomes the full name other articles use — when exactly one such name exists.

Within an article :func:`timeline.entities.tag_entities` already does this; across
articles it needs the whole table, so the corpus stage
(:func:`timeline.corpus.unify_actor_names`) calls :func:`full_names`, once, after extraction.
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.entities.ruler import surname_key


def full_names(names: Iterable[str]) -> dict[str, str]:
    """Map each one-word name to the only multi-word name ending in it ("Biden" -> "Joe Biden").

    Names with no full form, or with several ("Bush": George Bush, Jeb Bush), are left out.
    """
    unique = set(names)
    by_surname: dict[str, set[str]] = {}
    for name in unique:
        words = name.split()
        if len(words) > 1:
            by_surname.setdefault(surname_key(words[-1]), set()).add(name)
    mapping = {}
    for name in unique:
        if " " in name:
            continue
        candidates = by_surname.get(surname_key(name), set())
        if len(candidates) == 1:
            mapping[name] = next(iter(candidates))
    return mapping
