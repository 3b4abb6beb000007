"""Places: an offline gazetteer of countries, cities and well-known places, with demonyms."""

from __future__ import annotations

from timeline.places.gazetteer import Country, Entry, Gazetteer, gazetteer

__all__ = ["Country", "Entry", "Gazetteer", "gazetteer"]
