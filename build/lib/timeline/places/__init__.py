"""Places: an offline gazetteer of countries, cities and well-known places, with demonyms."""

from __future__ import annotations

from timeline.countries import Country
from timeline.places.gazetteer import Entry, Gazetteer, gazetteer

__all__ = ["Country", "Entry", "Gazetteer", "gazetteer"]
