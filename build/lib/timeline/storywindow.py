"""The period a corpus is about, and the background kept off its axis.

News is about the days before it was published: the first view opens on the dated
happenings of the weeks before the newest article (:func:`story_window`), not on the
whole span from the oldest year a sentence mentions. Everything else is *background*
(:func:`split_background`): dates coarser than a month ("2015", "the 1990s") and dates
outside the window. The dashboard keeps background one click away, so it never stretches
the main axis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.defaults import (
    BACKGROUND_COARSER_THAN,
    STORY_LOOKAHEAD_DAYS,
    STORY_LOOKBACK_DAYS,
    STORY_PAD_DAYS,
)
from timeline.filters import DateRange, date_bounds, overlaps
from timeline.kinds import TableKind
from timeline.types import Precision, precision_rank

__all__ = ["Split", "background_precision", "newest_published", "split_background", "story_window"]

#: Precisions fine enough to place a story's days: a day, a weekend, a week.
_STORY_RANK = precision_rank(Precision.WEEK)
_MONTH_RANK = precision_rank(Precision.MONTH)


def newest_published(frame: pd.DataFrame, *, kind: TableKind) -> dt.date | None:
    """The publication day of the newest article behind ``frame``'s rows, or None when it has none."""
    column = "last_article_date" if kind.merged else kind.published
    days = frame[column].dropna()
    return None if days.empty else days.max().date()


def story_window(frame: pd.DataFrame, *, kind: TableKind) -> DateRange | None:
    """The days the corpus is about: its fine-dated happenings of the weeks around the newest article.

    The happenings dated to a day, weekend or week from
    :data:`~timeline.defaults.STORY_LOOKBACK_DAYS` before the newest article to
    :data:`~timeline.defaults.STORY_LOOKAHEAD_DAYS` after it give the window, with the
    newest article's day, and :data:`~timeline.defaults.STORY_PAD_DAYS` on each side;
    without any, the months there do; without those, the whole range of the table.
    None for a table with no dated rows.
    """
    newest = newest_published(frame, kind=kind)
    bounds = date_bounds(frame)
    if newest is None or bounds is None:
        return bounds
    near = (newest - dt.timedelta(days=STORY_LOOKBACK_DAYS), newest + dt.timedelta(days=STORY_LOOKAHEAD_DAYS))
    ranks = _ranks(frame)
    close = overlaps(frame, near)
    for finest in (_STORY_RANK, _MONTH_RANK):
        picked = close & (ranks <= finest)
        if picked.any():
            first = max(frame["date_start"].to_numpy()[picked].min().astype("datetime64[D]").item(), near[0])
            last = min(frame["date_end"].to_numpy()[picked].max().astype("datetime64[D]").item(), near[1])
            pad = dt.timedelta(days=STORY_PAD_DAYS)
            return (_clamped(min(first, newest) - pad, bounds), _clamped(max(last, newest) + pad, bounds))
    return bounds


def background_precision(frame: pd.DataFrame) -> np.ndarray:
    """For each row, whether its date is coarser than :data:`~timeline.defaults.BACKGROUND_COARSER_THAN`."""
    coarse: np.ndarray = _ranks(frame) > precision_rank(BACKGROUND_COARSER_THAN)
    return coarse


@dataclass(frozen=True)
class Split:
    """A table cut in two: what the main axis shows, and the background kept one click away."""

    main: pd.DataFrame
    background: pd.DataFrame


def split_background(frame: pd.DataFrame, date_range: DateRange | None) -> Split:
    """``frame``'s rows within ``date_range`` dated finer than a year or so, and the others (the background)."""
    inside = overlaps(frame, date_range) if date_range is not None else np.ones(len(frame), dtype=bool)
    main = inside & ~background_precision(frame)
    return Split(frame.loc[main].reset_index(drop=True), frame.loc[~main].reset_index(drop=True))


def _ranks(frame: pd.DataFrame) -> np.ndarray:
    codes, precisions = pd.factorize(frame["date_precision"].astype(object).fillna(""))
    ranks = np.asarray([precision_rank(str(precision)) for precision in precisions], dtype=np.int64)
    ranked: np.ndarray = ranks[codes] if len(codes) else np.zeros(0, dtype=np.int64)
    return ranked


def _clamped(day: dt.date, bounds: DateRange) -> dt.date:
    return min(max(day, bounds[0]), bounds[1])
