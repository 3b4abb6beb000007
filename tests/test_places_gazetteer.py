"""The offline gazetteer: places, aliases, demonyms, compass words and ambiguous names."""

from __future__ import annotations

import pytest

from timeline.places import gazetteer


@pytest.mark.parametrize(
    ("name", "place", "country"),
    [
        ("Aleppo", "Aleppo", "Syria"),
        ("Hama", "Hama", "Syria"),
        ("Istanbul", "Istanbul", "Türkiye"),
        ("the Gaza Strip", "Gaza Strip", "Palestine"),
        ("West Bank", "West Bank", "Palestine"),
        ("Occupied Palestinian territories", "Occupied Palestinian territories", "Palestine"),
        ("the White House", "White House", "United States"),
        ("Washington", "Washington", "United States"),
        ("Kremlin", "Kremlin", "Russia"),
        ("northwestern Syria", "Syria", "Syria"),
        ("Toulouse", "Toulouse", "France"),
        ("Texas", "Texas", "United States"),
        ("el-Fasher", "El Fasher", "Sudan"),
        ("al-Hasakah", "Al Hasakah", "Syria"),
        ("the Sahel", "Sahel", ""),
    ],
)
def test_places_gazetteer_resolves_place_to_country(name: str, place: str, country: str) -> None:
    """A known place name resolves to its canonical place and common country name."""
    resolved = gazetteer().resolve(name)
    assert resolved is not None
    assert (resolved.name, resolved.country) == (place, country)


@pytest.mark.parametrize(
    ("alias", "country", "code"),
    [
        ("Turkey", "Türkiye", "TUR"),
        ("Türkiye", "Türkiye", "TUR"),
        ("Syrian Arab Republic", "Syria", "SYR"),
        ("U.S.", "United States", "USA"),
        ("US", "United States", "USA"),
        ("Britain", "United Kingdom", "GBR"),
        ("Russian Federation", "Russia", "RUS"),
        ("Palestinian Territory", "Palestine", "PSE"),
        ("Burma", "Myanmar", "MMR"),
        ("Democratic Republic of Congo", "Democratic Republic of the Congo", "COD"),
        ("DR Congo", "Democratic Republic of the Congo", "COD"),
    ],
)
def test_places_gazetteer_aliases_give_one_common_name(alias: str, country: str, code: str) -> None:
    """Aliases, official and former names all give the one common English name and its ISO alpha-3 code."""
    found = gazetteer().country(alias)
    assert found is not None
    assert (found.name, found.code) == (country, code)


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Turkish", "Türkiye"),
        ("Syrian", "Syria"),
        ("Israeli", "Israel"),
        ("Israelis", "Israel"),
        ("Qatari", "Qatar"),
        ("Iranian", "Iran"),
        ("Russian", "Russia"),
        ("Palestinians", "Palestine"),
        ("American", "United States"),
        ("Egyptian", "Egypt"),
        ("Britons", "United Kingdom"),
    ],
)
def test_places_gazetteer_demonyms(word: str, country: str) -> None:
    """Demonyms and nationality adjectives, singular or plural, give their country."""
    found = gazetteer().demonym(word)
    assert found is not None
    assert found.name == country


@pytest.mark.parametrize("name", ["Jordan", "Georgia", "Turkey", "Chad", "Reading", "Mobile"])
def test_places_gazetteer_flags_ambiguous_names(name: str) -> None:
    """Names that are also ordinary words or people's names are flagged, so they need evidence."""
    entry = gazetteer().lookup(name)
    assert entry is not None
    assert entry.ambiguous


@pytest.mark.parametrize("name", ["Narnia", "the company", "Tuesday", ""])
def test_places_gazetteer_unknown_names(name: str) -> None:
    """What is not a place resolves to nothing."""
    assert gazetteer().resolve(name) is None


def test_places_gazetteer_every_country_has_a_region() -> None:
    """Every country the gazetteer knows belongs to a region (Antarctica included)."""
    places = gazetteer()
    regions = {country.name: getattr(places.resolve(country.name), "region", "") for country in places.countries()}
    missing = [name for name, region in regions.items() if not region]
    assert len(regions) > 200
    assert missing == []


@pytest.mark.parametrize(
    ("context", "country"),
    [
        ("Protests spread across Georgia and Armenia.", "Georgia"),
        ("Voters in Atlanta, Georgia, went to the polls.", "United States"),
        ("The state of Georgia certified the count.", "United States"),
    ],
)
def test_places_gazetteer_georgia_needs_us_evidence(context: str, country: str) -> None:
    """Georgia is the country unless the article shows it is the US state."""
    place = gazetteer().resolve("Georgia", context)
    assert place is not None
    assert place.country == country


@pytest.mark.parametrize(
    ("name", "place"),
    [("NEW DELHI", "New Delhi"), ("KYIV", "Kyiv"), ("MOGADISHU", "Mogadishu"), ("USA", "United States")],
)
def test_places_gazetteer_reads_dateline_capitals(name: str, place: str) -> None:
    """Names in capitals (datelines) are looked up title-cased; short capitals stay acronyms."""
    found = gazetteer().resolve(name)
    assert found is not None
    assert found.name == place


@pytest.mark.parametrize("name", ["NATO", "GDP", "CEO"])
def test_places_gazetteer_acronyms_are_not_places(name: str) -> None:
    """Acronyms in capitals do not turn into places by title-casing."""
    assert gazetteer().resolve(name) is None


@pytest.mark.parametrize(
    ("name", "country"),
    [("Moscow", "Russia"), ("Kyiv", "Ukraine"), ("Washington", "United States"), ("Kremlin", "Russia"),
     ("White House", "United States"), ("Kinshasa", "Democratic Republic of the Congo"), ("Aleppo", None),
     ("Istanbul", None)],
)
def test_places_gazetteer_seat_of(name: str, country: str | None) -> None:
    """A capital or a seat of power stands for its country's state; any other city stands for none."""
    place = gazetteer().resolve(name)
    assert place is not None
    seat = gazetteer().seat_of(place)
    assert (seat.name if seat is not None else None) == country
