"""The dashboard over an event store written by a Dask run, in a real browser (Debian's chromium under Playwright)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.app_server import AppServerError, running_dashboard
from tests.test_browser import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    PAGE_TIMEOUT_MS,
    START_TIMEOUT_S,
    _metric,
    _pick_country,
    _settled,
    chromium_path,  # noqa: F401  (a fixture this module's fixtures use)
)
from timeline.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Where screenshots also go for a person to look at, outside the project.
SHOTS = Path("/tmp/shots")

#: Shards of our own text (not from any corpus): each a line or two of news about a few countries.
_SHARDS = {
    "2024-12-a.jsonl": [
        ("On Sunday, Syrian forces shelled Aleppo while Qatar's envoy visited Damascus.", "2024-12-02"),
        ("On Monday, Turkish Foreign Minister Hakan Fidan met Qatar's envoy in Doha.", "2024-12-03"),
    ],
    "2024-12-b.jsonl": [
        ("Ukraine said on Tuesday that Russian drones struck Kharkiv overnight.", "2024-12-04"),
        ("On December 1, 2024, ministers from Egypt and Jordan met in Cairo.", "2024-12-02"),
    ],
    "2024-11-a.jsonl": [
        ("In 2015, Russia intervened in Syria.", "2024-11-20"),
        ("Last month, Kenya's president visited Nairobi's port.", "2024-11-21"),
    ],
    "2024-11-b.jsonl": [("On Friday, Brazil and Argentina signed a trade deal in Buenos Aires.", "2024-11-23")],
}


@pytest.fixture(scope="module")
def store_url(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # noqa: F811
    """A store written by `extract --engine dask --workers 2 --store`, and the dashboard serving it."""
    folder = tmp_path_factory.mktemp("feeds")
    for name, articles in _SHARDS.items():
        lines = [
            json.dumps({"id": f"{name}-{number}", "date": date, "title": f"{name} {number}", "text": text})
            for number, (text, date) in enumerate(articles)
        ]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path_factory.mktemp("store")
    argv = ["extract", str(folder), "--engine", "dask", "--workers", "2", "--store", str(store), "--no-cache"]
    assert main(argv) == 0
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / "streamlit-browser-store-test.log"
    with pytest.MonkeyPatch.context() as patch, log_path.open("wb") as log:
        patch.setenv("TIMELINE_STORE", str(store))
        try:
            with running_dashboard(START_TIMEOUT_S, log) as url:
                yield url
        except AppServerError as error:
            pytest.fail(f"{error}; see {log_path}")


@pytest.fixture
def page(chromium_path: Path, store_url: str) -> Iterator[object]:  # noqa: F811
    """A headless chromium page on the store-backed dashboard, its first run finished."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=PAGE_TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1800})
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(store_url)
        _settled(page)
        yield page
        browser.close()


def test_browser_store_page_renders_and_a_country_filter_narrows_it(page) -> None:  # type: ignore[no-untyped-def]
    """The store-backed page draws its timeline; picking Syria changes the count to fewer events."""

    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.get_by_text("Read from an event store").count() == 1
    total = _metric(page, "Events")
    assert total > 3
    page.screenshot(path=str(SHOTS / "store-all.png"), full_page=True)
    _pick_country(page, "Syria", total)
    shown = _metric(page, "Events")
    assert 0 < shown < total
    page.screenshot(path=str(SHOTS / "store-syria.png"), full_page=True)
    page.screenshot(path=str(ARTIFACTS / "store-syria.png"), full_page=True)
