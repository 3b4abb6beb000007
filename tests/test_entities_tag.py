"""tag_entities on small blank-pipeline docs: canonical names, countries, kinds, places."""

from __future__ import annotations

import pytest

from tests.conftest import doc_with_entities
from timeline.entities import tag_entities
from timeline.types import ActorKind, EntityType


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Turkish Foreign Minister Hakan Fidan visited Aleppo. Then Fidan left.",
            [("Turkish", "NORP"), ("Hakan Fidan", "PERSON"), ("Aleppo", "GPE"), ("Fidan", "PERSON")],
            [
                ("Turkish", EntityType.NATIONALITY, "Türkiye", "Türkiye", None),
                ("Hakan Fidan", EntityType.PERSON, "Hakan Fidan", "Türkiye", ActorKind.PERSON),
                ("Aleppo", EntityType.LOCATION, "Aleppo", "Syria", None),
                ("Fidan", EntityType.PERSON, "Hakan Fidan", "Türkiye", ActorKind.PERSON),
            ],
        ),
        (
            "Fighters of the Syrian National Army and Hayat Tahrir al-Sham advanced.",
            [("the Syrian National Army", "ORG"), ("Hayat Tahrir al-Sham", "ORG")],
            [
                (
                    "the Syrian National Army",
                    EntityType.ORGANISATION,
                    "Syrian National Army",
                    "Syria",
                    ActorKind.ARMED_GROUP,
                ),
                (
                    "Hayat Tahrir al-Sham",
                    EntityType.ORGANISATION,
                    "Hayat Tahrir Al-Sham",
                    "Syria",
                    ActorKind.ARMED_GROUP,
                ),
            ],
        ),
        (
            "Talks in Turkey and the Occupied Palestinian territories went on.",
            [("Turkey", "GPE"), ("the Occupied Palestinian territories", "GPE")],
            [
                ("Turkey", EntityType.LOCATION, "Türkiye", "Türkiye", None),
                (
                    "the Occupied Palestinian territories",
                    EntityType.LOCATION,
                    "Occupied Palestinian territories",
                    "Palestine",
                    None,
                ),
            ],
        ),
    ],
)
def test_entities_tag_resolves_mentions(
    text: str, ents: list[tuple[str, str]], expected: list[tuple[str, EntityType, str, str, ActorKind | None]]
) -> None:
    """Each mention gets its type, one canonical name, its country and its actor kind."""
    mentions = tag_entities(doc_with_entities(text, ents))
    assert [(m.text, m.type, m.canonical, m.country, m.actor_kind) for m in mentions] == expected


def test_entities_tag_nominal_organisation_takes_its_country() -> None:
    """ "Qatar’s foreign ministry" is an organisation of Qatar, not counted as a name of its own."""
    mentions = tag_entities(doc_with_entities("Qatar’s foreign ministry said so.", [("Qatar", "GPE")]))
    ministry = next(m for m in mentions if m.type is EntityType.ORGANISATION)
    assert (ministry.canonical, ministry.country, ministry.standalone) == ("Qatar Foreign Ministry", "Qatar", False)


def test_entities_tag_emptydoc_with_entities() -> None:
    """A doc with no entities gives no mentions."""
    assert tag_entities(doc_with_entities("", [])) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "written", "canonical", "country"),
    [
        ("Head\nSANTA CLARA, California — Chips sold well.", "SANTA CLARA", "Santa Clara", "United States"),
        ("Rain fell in Kyiv, Ukraine's capital, as sirens sounded.", "Kyiv", "Kyiv", "Ukraine"),
        ("President Luiz Inacio Lula da Silva spoke. Lula said the fires were bad.", "Lula",
         "Luiz Inacio Lula da Silva", ""),
        ("Officials reported deaths in Kunar province on Monday.", "Kunar", "Kunar", ""),
        ("EU ministers met on Monday. Brussels would also target ships.", "Brussels", "European Union", ""),
        ("Fog closed the airport. Brussels would also target ships.", "Brussels", "Brussels", "Belgium"),
    ],
)
def test_entities_tag_datelines_qualifiers_and_middle_names(
    nlp, text: str, written: str, canonical: str, country: str  # type: ignore[no-untyped-def]
) -> None:
    """Dateline "City, State" gives the state's country; unique middle names resolve; Brussels is the EU if named."""
    # The place itself, not the state a capital that acts stands for (a mention with no place).
    found = [
        m
        for m in tag_entities(nlp(text))
        if m.text.startswith(written) and not (m.type is EntityType.LOCATION and m.place is None)
    ]
    assert found, [(m.text, m.type) for m in tag_entities(nlp(text))]
    assert (found[-1].canonical, found[-1].country) == (canonical, country)



def _actors(nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The canonical names of the mentions of ``text`` that act."""
    return {m.canonical for m in tag_entities(nlp(text)) if m.actor_kind is not None}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Islamist militants killed dozens in an attack on the northern town of Sebba on Sunday.", "Sebba"),
        ("Ms Mahmood, 44, grew up in Small Heath and has represented Ladywood since 2010.", "Small Heath"),
        ("A satellite image shows homes on fire in Zamzam camp on 12 April.", "Zamzam"),
        ("Berri handed the response to the ambassador at the embassy in Awkar on Monday.", "Awkar"),
        ("In Russia, the Defense Ministry said its forces had captured the village of Dachne.", "Dachne"),
        ("Speaking at a ceremony at the People's Palace in Damascus, al-Sharaa said so.", "People's Palace"),
        ("Older voters in Ostrava, a former mining city, backed ANO strongly.", "Ostrava"),
        ("Head\nOUAGADOUGOU (Reuters) - Islamist militants killed dozens of soldiers on Sunday.", "Reuters"),
    ],
)
def test_entities_tag_places_and_credits_do_not_act(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """Towns, camps, neighbourhoods, buildings and a dateline's agency are named, but they do not act."""
    mentions = [m for m in tag_entities(nlp(text)) if m.canonical == name]
    assert mentions, [(m.text, m.type) for m in tag_entities(nlp(text))]
    assert all(m.actor_kind is None for m in mentions)


@pytest.mark.slow
def test_entities_tag_a_word_of_a_post_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Justice Secretary" is a post: its first word is no organisation, and the person still acts."""
    mentions = tag_entities(nlp("Prime Minister Keir Starmer promoted her from Justice Secretary on Friday."))
    assert [m.canonical for m in mentions] == ["Keir Starmer"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "written", "canonical"),
    [
        ("Ladywood MP Shabana Mahmood has been appointed Home Secretary. Keir Starmer promoted Ms Mahmood on Friday.",
         "Mahmood", "Shabana Mahmood"),
        ("President Yoon Suk Yeol was removed from office. Yoon declared martial law on Dec. 3.", "Yoon",
         "Yoon Suk Yeol"),
        ("Interim President Ahmed al-Sharaa has announced a government. Sharaa was declared president on January 29.",
         "Sharaa", "Ahmed Al-Sharaa"),
        ("Commission President Ursula von der Leyen joined them. Von der Leyen announced 3.5 billion euros in aid.",
         "Von der Leyen", "Ursula von der Leyen"),
        ("Prime Minister Han Duck-soo, the acting president, said the vote would be held.", "Han Duck-soo",
         "Han Duck-soo"),
    ],
)
def test_entities_tag_name_variants_take_the_full_name(  # type: ignore[no-untyped-def]
    nlp, text: str, written: str, canonical: str
) -> None:
    """ "Ms Mahmood", a family name first, a surname without its "al-", a name the model cut: one person."""
    found = [m for m in tag_entities(nlp(text)) if m.text == written]
    assert found, [(m.text, m.type) for m in tag_entities(nlp(text))]
    assert {m.canonical for m in found} == {canonical}
