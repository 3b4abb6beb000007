"""A dashboard view as URL query parameters and back, so a link reopens exactly that view.

The view is what a reader chose: the countries, actors and regions filtered on, the words
searched, the date window, the lanes and their order, merged or every report, and
whether the background is shown; the workspace (:mod:`timeline.workspace`) rides along.
:func:`to_query` writes only what differs from the default view, so the default view's
link is the bare address; :func:`from_query` reads a link back, leaving out (and naming)
whatever is not a value the view can take: a link typed or cut by hand never breaks the
page. Days are ISO dates of any era (``1066-10-14``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, get_args

from timeline.filters import DateRange
from timeline.lanes import GroupBy

__all__ = ["PARAMS", "ReadView", "ViewState", "from_query", "to_query"]

#: The query parameter of each part of the view.
PARAMS: Final = {
    "countries": "country",
    "actors": "actor",
    "regions": "region",
    "search": "q",
    "first": "from",
    "last": "to",
    "group_by": "lanes",
    "by_reach": "order",
    "every_report": "view",
    "background": "background",
    "workspace": "ws",
}
#: The longest value and the most values read from one parameter: a link is not a data store.
_MAX_VALUE_CHARS: Final = 300
_MAX_VALUES: Final = 100
_GROUPINGS: Final = get_args(GroupBy)


@dataclass(frozen=True)
class ViewState:
    """What a reader chose to see. ``date_range`` None is the default window (the story period)."""

    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    search: str = ""
    date_range: DateRange | None = None
    group_by: GroupBy = "region"
    by_reach: bool = False
    every_report: bool = False
    background: bool = False
    workspace: str = ""


@dataclass(frozen=True)
class ReadView:
    """A view read from a link, and one sentence for each part of the link that was left out."""

    view: ViewState
    ignored: tuple[str, ...] = field(default_factory=tuple)


def to_query(view: ViewState) -> dict[str, list[str]]:
    """The query parameters of ``view``: only the parts that differ from the default view, in a fixed order."""
    query: dict[str, list[str]] = {}
    if view.workspace:
        query[PARAMS["workspace"]] = [view.workspace]
    for name in ("countries", "actors", "regions"):
        values: tuple[str, ...] = getattr(view, name)
        if values:
            query[PARAMS[name]] = list(values)
    if view.search.strip():
        query[PARAMS["search"]] = [view.search.strip()]
    if view.date_range is not None:
        first, last = sorted(view.date_range)
        query[PARAMS["first"]] = [first.isoformat()]
        query[PARAMS["last"]] = [last.isoformat()]
    if view.group_by != "region":
        query[PARAMS["group_by"]] = [view.group_by]
    if view.by_reach:
        query[PARAMS["by_reach"]] = ["reach"]
    if view.every_report:
        query[PARAMS["every_report"]] = ["reports"]
    if view.background:
        query[PARAMS["background"]] = ["shown"]
    return query


def from_query(query: Mapping[str, Sequence[str] | str]) -> ReadView:
    """The view a link names; what is not a value the view can take is left out and named in ``ignored``."""
    ignored: list[str] = []

    def values(name: str) -> list[str]:
        raw = query.get(PARAMS[name], [])
        listed = [raw] if isinstance(raw, str) else list(raw)
        kept = [value for value in listed[:_MAX_VALUES] if 0 < len(value) <= _MAX_VALUE_CHARS]
        if len(kept) < len(listed):
            ignored.append(f"Some values of “{PARAMS[name]}” in the link were too long or too many and are left out.")
        return list(dict.fromkeys(kept))

    def one(name: str, allowed: Iterable[str]) -> str | None:
        found = values(name)
        if not found:
            return None
        if found[-1] not in allowed:
            ignored.append(f"The link's “{PARAMS[name]}={found[-1]}” is not one of {', '.join(allowed)}.")
            return None
        return found[-1]

    group_by = one("group_by", _GROUPINGS)
    view = ViewState(
        countries=tuple(values("countries")),
        actors=tuple(values("actors")),
        regions=tuple(values("regions")),
        search=" ".join(values("search")),
        date_range=_date_range(values("first"), values("last"), ignored),
        group_by=group_by if group_by is not None else "region",  # type: ignore[arg-type]
        by_reach=one("by_reach", ("reach",)) is not None,
        every_report=one("every_report", ("reports",)) is not None,
        background=one("background", ("shown",)) is not None,
        workspace=(values("workspace") or [""])[-1],
    )
    return ReadView(view, tuple(ignored))


def _date_range(firsts: list[str], lasts: list[str], ignored: list[str]) -> DateRange | None:
    if not firsts and not lasts:
        return None
    try:
        first, last = dt.date.fromisoformat(firsts[-1]), dt.date.fromisoformat(lasts[-1])
    except (IndexError, ValueError):
        ignored.append("The link's dates are not two days written YYYY-MM-DD; the story period is shown instead.")
        return None
    return (first, last) if first <= last else (last, first)
