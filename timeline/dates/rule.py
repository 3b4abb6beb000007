"""The shape every date rule has."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from timeline.dates.context import Context, Resolved
from timeline.dates.finder import Candidate

#: A rule reads a candidate in its context and gives its value and source, or None for no date.
Rule: TypeAlias = Callable[[Candidate, Context], Resolved | None]
