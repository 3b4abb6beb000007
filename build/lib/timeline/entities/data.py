"""Word lists the entity rules use. Plain data, no logic."""

from __future__ import annotations

from typing import Final

#: Words that make a name an organisation ("Saturn Corporation", "Douglas Aircraft").
ORG_WORDS: Final = frozenset({
    "Corporation", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "PLC", "plc", "Co.", "Company",
    "Airways", "Airlines", "Aircraft", "Motors", "Group", "Bank", "University", "Ministry", "Party",
    "Army", "Council", "Agency", "Association", "Commission", "Committee", "Authority", "Institute",
    "Foundation", "Forces", "Front", "Brigade", "Brigades", "Movement", "Organization", "Organisation",
    "Union", "Federation", "Court", "Parliament", "Assembly", "Senate", "Congress", "Department",
    "Office", "Board", "Fund", "Holdings", "Industries", "Systems", "Technologies", "News",
})

#: Words that never end a person's name: organisation words and the nouns of places
#: and things named after people ("Queen Elizabeth Hospital", "Prince Edward Island").
NOT_NAME_WORDS: Final = ORG_WORDS | frozenset({
    "Hospital", "School", "College", "Airport", "Stadium", "Station", "Centre", "Center", "Museum", "Hotel",
    "Bridge", "Street", "Road", "Avenue", "Square", "Park", "Island", "Islands", "Prize", "Award", "Memorial",
    "Hall", "Tower", "Palace", "Library", "Cathedral", "Mosque", "Church", "Dam", "Canal", "Lake", "River",
})

#: Of these, the ones that make an organisation an armed group.
ARMED_WORDS: Final = frozenset({"Army", "Forces", "Front", "Brigade", "Brigades", "Militia", "Guard", "Guards"})

#: Things the model calls organisations or places that are neither: time zones,
#: currency codes and market indices.
NON_ENTITIES: Final = frozenset({
    "UTC", "GMT", "EST", "EDT", "PST", "PDT", "CET", "CEST", "BST",
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF",
    "FTSE", "FTSE 100", "Dow", "Dow Jones", "Dow Jones Industrial Average", "Nasdaq", "NASDAQ",
    "S&P", "S&P 500", "Nikkei", "Nikkei 225", "DAX", "CAC 40", "Hang Seng", "KOSPI", "Kospi",
})

#: Last words that make a name an event, not an organisation or place ("Paris Air Show").
EVENT_WORDS: Final = frozenset({
    "Conference", "Show", "Summit", "Expo", "Festival", "Games", "Olympics", "Cup", "Championship", "Forum",
})

#: Well-known organisations and armed groups: the names they go by -> (canonical name,
#: ISO alpha-3 country or "", armed group?). Keys are matched case-insensitively.
KNOWN_ORGANISATIONS: Final[dict[str, tuple[str, str, bool]]] = {
    "hamas": ("Hamas", "PSE", True),
    "hezbollah": ("Hezbollah", "LBN", True),
    "hizbollah": ("Hezbollah", "LBN", True),
    "hayat tahrir al-sham": ("Hayat Tahrir Al-Sham", "SYR", True),
    "hayat tahrir al sham": ("Hayat Tahrir Al-Sham", "SYR", True),
    "hts": ("Hayat Tahrir Al-Sham", "SYR", True),
    "syrian national army": ("Syrian National Army", "SYR", True),
    "sna": ("Syrian National Army", "SYR", True),
    "syrian democratic forces": ("Syrian Democratic Forces", "SYR", True),
    "sdf": ("Syrian Democratic Forces", "SYR", True),
    "free syrian army": ("Free Syrian Army", "SYR", True),
    "ypg": ("YPG", "SYR", True),
    "pkk": ("PKK", "TUR", True),
    "islamic state": ("Islamic State", "", True),
    "isis": ("Islamic State", "", True),
    "isil": ("Islamic State", "", True),
    "daesh": ("Islamic State", "", True),
    "al-qaeda": ("Al-Qaeda", "", True),
    "al qaeda": ("Al-Qaeda", "", True),
    "taliban": ("Taliban", "AFG", True),
    "houthis": ("Houthis", "YEM", True),
    "houthi": ("Houthis", "YEM", True),
    "ansar allah": ("Houthis", "YEM", True),
    "wagner group": ("Wagner Group", "RUS", True),
    "wagner": ("Wagner Group", "RUS", True),
    "al-shabaab": ("Al-Shabaab", "SOM", True),
    "boko haram": ("Boko Haram", "NGA", True),
    "rapid support forces": ("Rapid Support Forces", "SDN", True),
    "rsf": ("Rapid Support Forces", "SDN", True),
    "islamic jihad": ("Islamic Jihad", "PSE", True),
    "palestinian islamic jihad": ("Islamic Jihad", "PSE", True),
    "idf": ("Israel Defense Forces", "ISR", True),
    "israel defense forces": ("Israel Defense Forces", "ISR", True),
    "israel defence forces": ("Israel Defense Forces", "ISR", True),
    "israeli army": ("Israel Defense Forces", "ISR", True),
    "un": ("United Nations", "", False),
    "u.n.": ("United Nations", "", False),
    "united nations": ("United Nations", "", False),
    "nato": ("NATO", "", False),
    "european commission": ("European Commission", "", False),
    "who": ("World Health Organization", "", False),
    "world health organization": ("World Health Organization", "", False),
    "unrwa": ("UNRWA", "", False),
    "red cross": ("Red Cross", "", False),
    "jnim": ("JNIM", "MLI", True),
    "jama'at nusrat al-islam wal-muslimin": ("JNIM", "MLI", True),
    "m23": ("M23", "COD", True),
    "africa corps": ("Africa Corps", "RUS", True),
    "al-shabab": ("Al-Shabaab", "SOM", True),
    "african union": ("African Union", "", False),
    "ap": ("Associated Press", "USA", False),
    "associated press": ("Associated Press", "USA", False),
    "the associated press": ("Associated Press", "USA", False),
    "reuters": ("Reuters", "", False),
    "afp": ("Agence France-Presse", "FRA", False),
    "agence france-presse": ("Agence France-Presse", "FRA", False),
    "international criminal court": ("International Criminal Court", "", False),
    "icc": ("International Criminal Court", "", False),
    "international court of justice": ("International Court of Justice", "", False),
    "icj": ("International Court of Justice", "", False),
    "human rights watch": ("Human Rights Watch", "", False),
    "amnesty international": ("Amnesty International", "", False),
    "doctors without borders": ("Doctors Without Borders", "", False),
    "médecins sans frontières": ("Doctors Without Borders", "", False),
    "medecins sans frontieres": ("Doctors Without Borders", "", False),
    "msf": ("Doctors Without Borders", "", False),
    "international committee of the red cross": ("International Committee of the Red Cross", "", False),
    "icrc": ("International Committee of the Red Cross", "", False),
    "international monetary fund": ("International Monetary Fund", "", False),
    "imf": ("International Monetary Fund", "", False),
    "world food programme": ("World Food Programme", "", False),
    "wfp": ("World Food Programme", "", False),
    "unicef": ("UNICEF", "", False),
    "unhcr": ("UNHCR", "", False),
    "ocha": ("OCHA", "", False),
    "international atomic energy agency": ("International Atomic Energy Agency", "", False),
    "iaea": ("International Atomic Energy Agency", "", False),
    "economic community of west african states": ("Economic Community of West African States", "", False),
    "ecowas": ("Economic Community of West African States", "", False),
    "interpol": ("Interpol", "", False),
    "jama'at nusrat al-islam wal muslimin": ("JNIM", "MLI", True),
    "jamaat nusrat al-islam wal-muslimin": ("JNIM", "MLI", True),
}

#: One-word names of the table above that are also people's names ("Richard Wagner"): the
#: ruler does not add them where the model tagged nothing.
ALSO_PEOPLE: Final = frozenset({"wagner"})

#: Legal forms that end a company's name ("Apple Inc.", "Aer Lingus Group PLC"): a name
#: written with and without one is one company, named without it.
LEGAL_FORMS: Final = frozenset({
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.", "LLC", "PLC",
    "plc", "N.V.", "NV", "S.A.", "SA", "AG", "SE", "Group", "Holdings", "Limited",
})

#: Lower-case nouns after an organisation's name that say what it is, not which ("the ANO
#: party", "Yemen's Houthi movement"): dropped from its canonical name.
GENERIC_ORG_NOUNS: Final = frozenset({
    "party", "alliance", "movement", "group", "coalition", "bloc", "militia", "rebels", "agency",
})

#: Heads of an organisation's name that make it the state itself ("Israel's Cabinet",
#: "the Turkish government"), compared in lower case.
STATE_HEADS: Final = frozenset({"government", "presidency", "administration", "cabinet", "regime"})

#: Countries whose armed forces go by a name of their own; others are "<country> Armed Forces".
NATIONAL_MILITARIES: Final[dict[str, str]] = {"Israel": "Israel Defense Forces"}

#: Words of a person's role written before the name ("Foreign Minister", "Prime Minister").
ROLE_WORDS: Final = frozenset({
    "President", "Vice", "Prime", "Minister", "Ministers", "Foreign", "Defence", "Defense", "Interior",
    "Finance", "Secretary", "Secretary-General", "General", "State", "Chief", "Executive", "Officer",
    "CEO", "CFO", "COO", "Chairman", "Chairwoman", "Chair", "Director", "Spokesman", "Spokeswoman",
    "Spokesperson", "Ambassador", "Envoy", "Senator", "Representative", "Governor", "Mayor", "King",
    "Queen", "Prince", "Princess", "Emir", "Crown", "Supreme", "Leader", "Commander", "Deputy", "Acting",
    "President-elect", "Pope", "Ayatollah", "Chancellor", "Premier", "Speaker", "Attorney", "Judge",
    "Justice", "Affairs", "Economy", "Trade", "Health", "Energy", "Education", "Labour", "Labor",
    "Treasury", "Special", "Senior", "Founder", "Co-founder", "Head", "Minister-President", "Sultan",
    "Councillor", "Councilor", "MP", "MEP", "Striker", "Midfielder", "Defender", "Goalkeeper", "Coach",
    "spokesman", "spokeswoman", "spokesperson", "chief", "executive", "officer", "president", "minister",
    "chairman", "director", "founder", "head", "analyst", "senior", "vice", "co-founder", "leader",
})

#: Nouns of a government post: a word the model calls an organisation before one is part
#: of the post's name ("Home Secretary", "Justice Secretary"), not an organisation.
OFFICE_NOUNS: Final = frozenset({"Secretary", "Minister", "Secretaries", "Ministers", "Secretary-General"})

#: Courtesy titles: stripped from the name, not part of the role.
HONORIFICS: Final = frozenset({
    "Sheikh", "Shaikh", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady",
    "Madam", "Sen.", "Rep.", "Gen.", "Col.", "Lt.", "Gov.", "Pres.", "Prof.", "Professor", "H.E.",
    # Military ranks as British style writes them, without a dot.
    "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Brig", "Cllr", "Rev",
})

#: Words that may join role words ("Minister of Foreign Affairs", "Prime Minister and Foreign Minister").
ROLE_JOINERS: Final = frozenset({"of", "and", "for", "the"})

#: Words before a role that qualify it but are not part of it.
ROLE_QUALIFIERS: Final = frozenset({"outgoing", "former", "incoming", "then", "acting", "new", "late"})

#: Arabic and other name particles ignored when comparing surnames ("Al-Assad" = "Assad").
SURNAME_PREFIXES: Final = ("al-", "el-", "ал-")

#: Particles written as words of their own inside a person's name, in lower case or
#: capitalised: "Tamim bin Hamad Al Thani", "Ursula von der Leyen", "Luiz Inacio Lula da Silva".
NAME_PARTICLES: Final = frozenset({
    "bin", "bint", "ibn", "al", "el", "Al", "El", "von", "van", "der", "den", "de", "da", "das", "dos", "du",
    "di", "del", "della", "la", "le", "Abu", "abu",
})

#: Nouns heading a phrase built around a country that names an organisation of it
#: ("Qatar's foreign ministry", "Turkish defence ministry").
ORG_HEAD_NOUNS: Final = frozenset({
    "ministry", "government", "army", "military", "parliament", "embassy", "navy", "police", "cabinet",
    "presidency", "administration", "regime", "forces", "bank",
})

#: Prepositions after which a capitalised city name is a place ("in Hama", "into Aleppo").
LOCATIVE_WORDS: Final = frozenset({
    "in", "into", "at", "near", "from", "to", "towards", "toward", "outside", "around", "across", "via",
    "through", "inside", "within", "throughout", "In", "At", "From", "Near", "Outside",
})

#: Nouns that make "the city of X" a place.
SETTLEMENT_NOUNS: Final = frozenset({"city", "town", "village", "capital", "province", "region", "port", "governorate"})

#: Possessive endings, as the tokenizer splits them off a name ("Israel's", "Hamas'").
POSSESSIVES: Final = frozenset({"'s", "’s", "'", "’", "'S", "’S"})

#: Nouns whose "of" makes the name after them a place, whatever the model called it:
#: "the town of Sebba", "the village of Dachne", "south of el-Fasher".
PLACE_OF_NOUNS: Final = SETTLEMENT_NOUNS | frozenset({
    "neighbourhood", "neighborhood", "district", "suburb",
    # "nine miles south of el-Fasher": only a place lies south of something.
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
})

#: ...and, before a name the gazetteer knows as a city, these too ("the fall of Mariupol"); a
#: regime or a person falls as well ("the fall of Assad"), so they say nothing of other names.
CITY_OF_NOUNS: Final = PLACE_OF_NOUNS | frozenset({"fall", "siege", "outskirts", "streets", "residents"})

#: Words after which a name the model called a person is a place ("grew up in Small Heath").
#: Narrower than :data:`LOCATIVE_WORDS`: "from" and "to" take organisations as often as places.
INSIDE_WORDS: Final = frozenset({"in", "near", "inside", "outside", "In", "Near", "Inside", "Outside"})

#: Lower-case nouns after a name that make it a place ("Zamzam camp", "the Mezzeh neighbourhood",
#: "the Ras Kanatib power station").
PLACE_NOUNS_AFTER: Final = frozenset({
    "camp", "neighbourhood", "neighborhood", "district", "suburb", "quarter", "village", "town", "city",
    "province", "governorate", "region", "port", "ports", "station", "crossing", "square", "airport",
})

#: Last words that make a name a facility, a place and never an actor ("People's Palace",
#: "Queen Alia International Airport"). Courts and hospitals stay organisations: they act.
FACILITY_WORDS: Final = frozenset({
    "Airport", "Airfield", "Palace", "Station", "Camp", "Square", "Stadium", "Bridge", "Street", "Road",
    "Avenue", "Crossing", "Mosque", "Cathedral", "Church", "Museum", "Hotel",
})
