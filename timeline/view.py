"""Stacking event tables: the corpus's and a session's own articles become one table.

The rest of what the dashboard shows lives in modules of their own: :mod:`timeline.filters`
(filter options and filtered rows), :mod:`timeline.lanes` (lanes and their counts) and
:mod:`timeline.display` (the evidence and report tables, and the counts).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from timeline.schema import empty_event_frame
from timeline.table import unify_actor_names


def combine_frames(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Stack event tables into one, keeping the first row of each ``event_id``.

    Adding the same article twice therefore adds its events once.
    """
    parts = [frame for frame in frames if not frame.empty]
    if not parts:
        return empty_event_frame()
    combined = pd.concat(parts, ignore_index=True)
    return unify_actor_names(combined.drop_duplicates(subset="event_id", keep="first").reset_index(drop=True))


__all__ = ["combine_frames"]
