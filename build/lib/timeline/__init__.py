"""Timeline: news events on a timeline you can trust.

Articles with their publication dates go in (:mod:`timeline.ingest`); every dated
happening comes out as a row of the event table (:mod:`timeline.schema`), grounded in
its sentence, with its date as written, its resolved value and honest precision
(:mod:`timeline.dates`), its actors, places, countries and regions
(:mod:`timeline.entities`, :mod:`timeline.places`, :mod:`timeline.regions`).
:func:`build_timeline` (:mod:`timeline.corpus`) is the front door that does it all for a corpus.

The heavy entry points are imported lazily so that ``python -m timeline --help`` and
the date engine stay fast to start.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_timeline", "extract_frame", "find_dates", "load_articles", "load_nlp"]

_LAZY = {
    "build_timeline": "timeline.corpus",
    "extract_frame": "timeline.pipeline",
    "find_dates": "timeline.dates",
    "load_articles": "timeline.ingest",
    "load_nlp": "timeline.nlp",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
