"""Fixtures shared by every test: paths, the seed article, the spaCy pipeline, the seed table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SEED_FILE = SEEDS / "000_5a3daf5ba3e2a772.txt"
SEED_DATE = dt.date(2024, 12, 2)
MEANTIME = PROJECT.parent / "shared" / "corpora" / "meantime"


@pytest.fixture(scope="session")
def seed_article():  # type: ignore[no-untyped-def]
    """The seed article as the library reads it."""
    from timeline.articles import article_from_content

    return article_from_content(SEED_FILE.read_text(encoding="utf-8"), str(SEED_FILE))


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The project's spaCy pipeline, loaded once for the whole run."""
    from timeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_frame(seed_article, nlp) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    """The event table of the seed article."""
    from timeline.pipeline import extract_frame

    return extract_frame([seed_article], nlp=nlp)


@pytest.fixture
def meantime_path() -> Path:
    """The MEANTIME corpus beside the project; the test skips when it is absent."""
    if not MEANTIME.is_dir():
        pytest.skip(f"MEANTIME corpus not found at {MEANTIME}")
    return MEANTIME
