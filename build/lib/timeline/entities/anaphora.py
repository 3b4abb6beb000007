"""Who "he", "she", "the group" and "the airline" are: the actor a sentence names without its name.

News tells a story over several sentences and names its actors once: "Duterte, 79, was
detained on Tuesday … He was put on a chartered jet", "The M23 pulled out … The group
blamed sanctions". An event told in the later sentence has the named actor all the same.

The rules, plain and local (no model runs; the parse of the doc is read):

- a personal pronoun (he, she, him, her, his) is the person the sentence before names as
  its subject, or else the first person it names; a person named earlier in the pronoun's
  own sentence already tells who it is, and then nothing is added;
- "the group", "the rebels", "the court", "the airline" … (:data:`NOUNS`), written in
  lower case, are the latest actor of their kind named in the last few sentences, whose
  name fits the noun; "the strikes" or "the drones" as a subject are the state whose arms
  an earlier sentence named ("Israeli jets struck …").

"it" is left alone: in news it stands for a plane, a phone or an index as often as for a
company.

Each answer is a mention of its own, over the pronoun or noun, with the antecedent's name,
kind and country; it is not a name in the text, so scoring and the batch output skip it
(``standalone=False``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from spacy.tokens import Doc, Span, Token

from timeline.types import ActorKind, EntityMention, EntityType

#: Personal pronouns that stand for a person.
_PERSONAL: Final = frozenset({"he", "she", "him", "her", "his"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class _Noun:
    """What a definite noun ("the group") may stand for: actor kinds, and words one of which its name holds."""

    kinds: frozenset[ActorKind]
    #: Words one of which the antecedent's name must hold; empty: any name of those kinds.
    names: frozenset[str] = frozenset()
    #: The noun stands for the state whose arms an earlier sentence named ("Russian drones
    #: struck … the drones set fire"), and only as the subject of its clause.
    arms: bool = False


_ARMED: Final = _Noun(frozenset({ActorKind.ARMED_GROUP}))
_ARMS: Final = _Noun(frozenset({ActorKind.STATE}), arms=True)

#: Definite nouns that stand for an actor the story has named: "the group" for an armed group,
#: "the airline" for an organisation with "Airlines" or "Airways" in its name.
NOUNS: Final[dict[str, _Noun]] = {
    "group": _ARMED,
    "rebels": _ARMED,
    "militants": _ARMED,
    "militia": _ARMED,
    "insurgents": _ARMED,
    "jihadists": _ARMED,
    "airline": _Noun(frozenset({ActorKind.ORGANISATION}), frozenset({"Airlines", "Airways", "Air", "Airline"})),
    "carrier": _Noun(frozenset({ActorKind.ORGANISATION}), frozenset({"Airlines", "Airways", "Air", "Airline"})),
    "court": _Noun(frozenset({ActorKind.ORGANISATION}), frozenset({"Court", "Tribunal"})),
    "bank": _Noun(frozenset({ActorKind.ORGANISATION}), frozenset({"Bank"})),
    "party": _Noun(frozenset({ActorKind.ORGANISATION}), frozenset({"Party"})),
    "bloc": _Noun(frozenset({ActorKind.ORGANISATION}), frozenset({"Union"})),
    "strikes": _ARMS,
    "airstrikes": _ARMS,
    "drones": _ARMS,
    "jets": _ARMS,
    "warplanes": _ARMS,
    "missiles": _ARMS,
}
#: How many sentences back a definite noun may look for what it stands for.
_NOUN_REACH: Final = 3


def resolve_anaphora(doc: Doc, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The mentions the pronouns and definite nouns of ``doc`` make, given its named ``mentions`` (see the module)."""
    # A nationality acts only as a state's arms ("Israeli jets"): the antecedent of "the strikes".
    actors = [m for m in mentions if m.actor_kind is not None]
    if not actors or not doc.has_annotation("SENT_START"):
        # Without sentences (a doc no parser read) there is no "sentence before".
        return []
    sentences = list(doc.sents)
    named: list[list[tuple[EntityMention, Token]]] = [[] for _ in sentences]
    index_of = {sentence.start: number for number, sentence in enumerate(sentences)}
    for mention in actors:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            named[index_of[span.sent.start]].append((mention, span.root))
    found: list[EntityMention] = []
    for number, sentence in enumerate(sentences):
        for token in sentence:
            antecedent = _antecedent(token, number, sentence, named)
            if antecedent is None:
                continue
            mention = replace(
                antecedent,
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                role="",
                place=None,
                standalone=False,
            )
            found.append(mention)
            named[number].append((mention, token))
    return found


def _antecedent(
    token: Token, number: int, sentence: Span, named: list[list[tuple[EntityMention, Token]]]
) -> EntityMention | None:
    word = token.lower_
    if word in _PERSONAL:
        if any(m.type is EntityType.PERSON and root.i < token.i for m, root in named[number]):
            return None
        return _person_before(number, named)
    noun = NOUNS.get(word) if token.is_lower and not token.ent_type_ else None
    if noun is None or token.i == sentence.start or token.doc[token.i - 1].lower_ != "the":
        return None
    if noun.arms and token.dep_ not in _SUBJECTS:
        return None
    return _latest_of(noun, token, number, named)


def _person_before(number: int, named: list[list[tuple[EntityMention, Token]]]) -> EntityMention | None:
    """The subject person of the sentence before, else the first person it names, else None."""
    if number == 0:
        return None
    people = [(m, root) for m, root in named[number - 1] if m.type is EntityType.PERSON]
    subjects = [m for m, root in people if root.dep_ in _SUBJECTS]
    if subjects:
        return subjects[0]
    return people[0][0] if people else None


def _latest_of(
    noun: _Noun, token: Token, number: int, named: list[list[tuple[EntityMention, Token]]]
) -> EntityMention | None:
    """The latest actor before ``token``, within reach, of the noun's kinds and with a fitting name."""
    for back in range(number, max(-1, number - _NOUN_REACH - 1), -1):
        for mention, root in reversed(named[back]):
            if back == number and root.i >= token.i:
                continue
            if mention.actor_kind not in noun.kinds or (mention.type is EntityType.NATIONALITY) != noun.arms:
                continue
            if noun.names and not noun.names & set(mention.canonical.split()):
                continue
            return mention
    return None
