"""Cutting a corpus into shares (partitions) of whole articles."""

from __future__ import annotations

import math
from collections.abc import Sequence

from timeline.defaults import DASK_PARTITION_ARTICLES
from timeline.types import Article


def shares(articles: Sequence[Article], parallelism: int = 1) -> list[Sequence[Article]]:
    """Consecutive shares of at most ``DASK_PARTITION_ARTICLES`` articles, and at least
    four per worker when the corpus allows, so no worker idles while another finishes."""
    if not articles:
        return []
    size = max(1, min(DASK_PARTITION_ARTICLES, math.ceil(len(articles) / (4 * max(parallelism, 1)))))
    return [articles[start : start + size] for start in range(0, len(articles), size)]
