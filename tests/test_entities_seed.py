"""The seed article's actors and countries, from the real pipeline (article date 2024-12-02)."""

from __future__ import annotations

import pytest

from timeline.entities import tag_entities
from timeline.types import ActorKind, EntityType

pytestmark = pytest.mark.slow


def _who(nlp, text: str) -> tuple[set[str], set[str], set[str]]:  # type: ignore[no-untyped-def]
    mentions = tag_entities(nlp(text))
    actors = {m.canonical for m in mentions if m.actor_kind is not None}
    places = {m.place.name for m in mentions if m.place is not None}
    countries = {m.country for m in mentions if m.country}
    return actors, places, countries


@pytest.mark.parametrize(
    ("sentence", "actors", "places", "countries"),
    [
        (
            "The discussions took place over the phone on Sunday between Qatar’s Prime Minister and Minister of "
            "Foreign Affairs Sheikh Mohammed bin Abdulrahman Al-Thani and Turkish Foreign Minister Hakan Fidan.",
            {"Mohammed bin Abdulrahman Al-Thani", "Hakan Fidan"},
            set(),
            {"Qatar", "Türkiye"},
        ),
        (
            "Israel has persisted in its genocide on the Gaza Strip since October 7, 2023.",
            {"Israel"},
            {"Gaza Strip"},
            {"Israel", "Palestine"},
        ),
        (
            "Last month, outgoing U.S. President Joe Biden said that he was making “another push” with Qatar, "
            "Egypt and Türkiye for a captives release and a ceasefire deal in the Gaza Strip.",
            {"Joe Biden"},
            set(),
            {"United States", "Qatar", "Egypt", "Türkiye"},
        ),
        (
            "On Sunday, Syrian forces, controlled by the Bashar Al-Assad regime, with Russia’s backing launched "
            "counterattacks on Aleppo and the opposition-controlled city of Idlib.",
            set(),
            {"Aleppo", "Idlib"},
            {"Syria", "Russia"},
        ),
        (
            "Russia had intervened militarily in Syria in 2015.",
            {"Russia"},
            {"Syria"},
            {"Russia", "Syria"},
        ),
        (
            "At the time, Türkiye and Russia agreed to a ceasefire deal.",
            {"Türkiye", "Russia"},
            set(),
            {"Türkiye", "Russia"},
        ),
        (
            "On Monday, Iran’s Foreign Minister Abbas Araghchi visited Türkiye where he met his Turkish counterpart.",
            {"Abbas Araghchi"},
            {"Türkiye"},
            {"Iran", "Türkiye"},
        ),
    ],
)
def test_entities_seed_sentences(nlp, sentence: str, actors: set[str], places: set[str], countries: set[str]) -> None:  # type: ignore[no-untyped-def]
    """Each seed sentence carries at least the actors, places and countries a reader would name."""
    found_actors, found_places, found_countries = _who(nlp, sentence)
    assert actors <= found_actors
    assert places <= found_places
    assert countries <= found_countries


def test_entities_seed_canonical_names_only(nlp, seed_article) -> None:  # type: ignore[no-untyped-def]
    """The whole seed gives canonical names only: no "Turkey" or "Fidan" beside "Türkiye" and "Hakan Fidan"."""
    mentions = tag_entities(nlp(seed_article.text))
    canonical = {m.canonical for m in mentions}
    assert {"Türkiye", "Hakan Fidan", "Joe Biden", "Hayat Tahrir Al-Sham", "Bashar Al-Assad"} <= canonical
    assert not canonical & {"Turkey", "Fidan", "Biden", "Assad", "Syrian Arab Republic"}
    people = {m.canonical: m for m in mentions if m.type is EntityType.PERSON}
    assert people["Hakan Fidan"].country == "Türkiye"
    assert people["Joe Biden"].country == "United States"
    fidan = [m for m in mentions if m.text == "Fidan"]
    assert fidan
    assert all(m.canonical == "Hakan Fidan" and m.actor_kind is ActorKind.PERSON for m in fidan)
    groups = {m.canonical: m for m in mentions if m.actor_kind is ActorKind.ARMED_GROUP}
    assert groups["Syrian National Army"].country == "Syria"
    assert "Qatar Foreign Ministry" in {m.canonical for m in mentions if m.country == "Qatar"}
    assert not [m for m in mentions if m.text.endswith(("’s", "'s")) or m.text == "Hama."]
    assert "Hama" in {m.text for m in mentions}
    white_house = next(m for m in mentions if m.canonical == "White House")
    assert white_house.country == "United States"
