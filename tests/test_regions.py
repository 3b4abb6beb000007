"""The region scheme: every country in exactly one of the documented regions."""

from __future__ import annotations

import pytest

from timeline.places import gazetteer
from timeline.regions import REGIONS, region_of


@pytest.mark.parametrize(
    ("country", "region"),
    [
        ("Syria", "Middle East & North Africa"),
        ("Qatar", "Middle East & North Africa"),
        ("Iran", "Middle East & North Africa"),
        ("Palestine", "Middle East & North Africa"),
        ("Egypt", "Middle East & North Africa"),
        ("Türkiye", "Europe & Central Asia"),
        ("Turkey", "Europe & Central Asia"),
        ("Russia", "Europe & Central Asia"),
        ("Kazakhstan", "Europe & Central Asia"),
        ("United States", "North America"),
        ("Brazil", "Latin America & Caribbean"),
        ("Mexico", "Latin America & Caribbean"),
        ("Nigeria", "Sub-Saharan Africa"),
        ("India", "South Asia"),
        ("Japan", "East Asia & Pacific"),
        ("Australia", "East Asia & Pacific"),
    ],
)
def test_regions_region_of_country(country: str, region: str) -> None:
    """A country's common name (or an alias) gives its region."""
    assert region_of(country) == region


@pytest.mark.parametrize("name", ["", "Atlantis", "Aleppo"])
def test_regions_unknown_is_empty(name: str) -> None:
    """A name that is not a country has no region."""
    assert region_of(name) == ""


def test_regions_cover_every_country() -> None:
    """Every country's region is one of the listed regions."""
    regions = {region_of(country.name) for country in gazetteer().countries()}
    assert regions <= set(REGIONS)
    assert len(regions) == len(REGIONS)
