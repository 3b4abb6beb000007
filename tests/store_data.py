"""Synthetic event tables for the store tests: many events, no spaCy (our own sentences, fixed seeds)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pandas as pd

from tests.conftest import _event_from_row
from timeline.table import events_frame

_REGION = {
    "Syria": "Middle East",
    "Qatar": "Middle East",
    "Türkiye": "Europe",
    "Russia": "Europe",
    "Ukraine": "Europe",
    "United States": "North America",
}
_ACTORS = ("Hakan Fidan", "Fidan", "Joe Biden", "Biden", "NATO", "Hamas", "Ursula von der Leyen")
_SENTENCES = (
    "Talks on {place} resumed in Doha.",
    "Forces shelled {place} on Sunday.",
    "Ministers met about {place} in Ankara.",
    "Aid convoys reached {place} after the ceasefire.",
)
_PLACES = ("Aleppo", "Kyiv", "Gaza", "Idlib", "Kharkiv")


def synthetic_events(count: int, shard: int, seed: int = 3) -> pd.DataFrame:
    """``count`` events of about ``count / 5`` articles: days, months and years in 2024-2025, repeated sentences
    (so reports merge), lone surnames (so names unify) and rows with no country or actor."""
    rng = random.Random(seed * 1000 + shard)
    rows = []
    for number in range(count):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(420))
        roll = rng.random()
        if roll < 0.55:
            start, end, value, precision = day, day, day.isoformat(), "day"
        elif roll < 0.65:
            monday = day - dt.timedelta(days=day.weekday())
            start, end, precision = monday, monday + dt.timedelta(days=6), "week"
            value = f"{monday.isocalendar()[0]}-W{monday.isocalendar()[1]:02d}"
        elif roll < 0.85:
            start = day.replace(day=1)
            end = (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()
            value, precision = start.isoformat()[:7], "month"
        else:
            start, end, value, precision = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), str(day.year), "year"
        countries = tuple(rng.sample(sorted(_REGION), rng.randrange(3)))
        rows.append(
            {
                "event_id": f"s{shard}-e{number}",
                "article_id": f"s{shard}-a{number // 5}",
                "title": f"Report {shard}-{number // 5}",
                "sentence": rng.choice(_SENTENCES).format(place=rng.choice(_PLACES)),
                "date_text": "on Sunday",
                "start": start,
                "end": end,
                "value": value,
                "precision": precision,
                "countries": countries,
                "regions": tuple(dict.fromkeys(_REGION[country] for country in countries)),
                "actors": tuple(rng.sample(_ACTORS, rng.randrange(3))),
                "places": (rng.choice(_PLACES),),
                "article_date": day + dt.timedelta(days=rng.randrange(4)),
                "source": f"outlet-{rng.randrange(4)}",
            }
        )
    return events_frame(_event_from_row(index, row) for index, row in enumerate(rows))


def build_store(folder: Path, shards: int, events: int, *, part_rows: int = 1000) -> Path:
    """A finalized store of ``shards`` synthetic shards of ``events`` events each, in ``folder``."""
    from timeline.store import write_shard
    from timeline.store_finalize import finalize_store

    for shard in range(shards):
        write_shard(folder, f"/feeds/shard-{shard:02d}.jsonl", synthetic_events(events, shard))
    finalize_store(folder, part_rows=part_rows)
    return folder
