"""The dashboard in a real browser: Debian's chromium driven by Playwright (never a downloaded browser).

Skips with a reason where /usr/bin/chromium is missing, except when the CI environment
variable is set: there the browser tests must run, so a missing chromium fails them.
Screenshots go to test-artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.app_server import AppServerError, running_dashboard
from tests.conftest import PROJECT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = PROJECT / "test-artifacts"
START_TIMEOUT_S = 180
#: The first page load reads the seeds with spaCy; later ones hit the cache.
PAGE_TIMEOUT_MS = 180_000

HOSTILE_TITLE = "<img src=x onerror=alert(1)> headline"
HOSTILE_ARTICLE = (
    "---\n"
    f"title: {HOSTILE_TITLE}\n"
    "date: 2024-12-02\n"
    'source: <a href="javascript:alert(1)">x</a>\n'
    "---\n"
    "On Sunday, <script>alert(1)</script> Qatar's envoy met <img src=x onerror=alert(1)> officials "
    'in Damascus and <a href="javascript:alert(1)">x</a> Syrian ministers.\n'
)


#: Two reports of one happening, by two outlets (our own text, not from any corpus).
_REPORT = "On Sunday, Syrian forces shelled Aleppo while Qatar's envoy visited Damascus."
TWO_REPORTS = "\n".join(
    json.dumps({"id": ident, "title": title, "date": date, "source": source, "url": "", "text": _REPORT + tail})
    for ident, title, date, source, tail in (
        ("wire-1", "Wire: shelling in Aleppo", "2024-12-02", "Wire", ""),
        ("paper-1", "Paper: Aleppo shelled", "2024-12-03", "Paper", " Officials said so."),
    )
)


@pytest.fixture(scope="module")
def chromium_path() -> Path:
    """Debian's chromium; skips (or fails under CI) when it is not installed."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is not installed (apt-get install chromium); the browser tests need it"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and {reason}")
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="module")
def app_url(chromium_path) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free localhost port, healthy before the tests start."""
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / "streamlit-browser-test.log"
    with log_path.open("wb") as log:
        try:
            with running_dashboard(START_TIMEOUT_S, log) as url:
                yield url
        except AppServerError as error:
            pytest.fail(f"{error}; see {log_path}")


@pytest.fixture(scope="module")
def browser(chromium_path) -> Iterator[object]:
    """A headless Debian chromium under Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, app_url) -> Iterator[object]:
    """A fresh browser session on the dashboard, with its timeline drawn; records any dialog."""
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(app_url)
    page.wait_for_selector(".js-plotly-plot .ytick", timeout=PAGE_TIMEOUT_MS)
    yield page
    context.close()


def _idle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has finished its rerun."""
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_timeout(300)


def _metric(page, label: str) -> int:  # type: ignore[no-untyped-def]
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return int(metric.locator('[data-testid="stMetricValue"]').inner_text().strip())


def _lanes(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [text.strip() for text in page.locator(".js-plotly-plot .ytick text").all_text_contents()]


def _hover_labels(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Hover every drawn point and bar in view; return the label text each shows."""
    from playwright.sync_api import Error as PlaywrightError

    labels = []
    shapes = page.locator(".js-plotly-plot .scatterlayer .point, .js-plotly-plot .barlayer .point")
    for index in range(shapes.count()):
        try:
            shapes.nth(index).hover(force=True, timeout=2000)
        except PlaywrightError:
            # A point outside the zoomed axis range is kept in the page but cannot be hovered.
            continue
        page.wait_for_timeout(80)
        labels.append(page.locator(".js-plotly-plot .hoverlayer").text_content() or "")
    return labels


def test_browser_shows_seed_timeline(page):
    """The page loads and shows the seed's events on lanes labelled by region, with evidence on hover."""
    lanes = _lanes(page)
    assert "Middle East" in " ".join(lanes)
    assert _metric(page, "Events") > 5
    page.screenshot(path=str(ARTIFACTS / "timeline-seeds.png"), full_page=True)
    labels = [label for label in _hover_labels(page) if label]
    assert labels
    assert any("(day)" in label for label in labels)
    assert any("(year)" in label or "(month)" in label for label in labels)
    page.locator(".js-plotly-plot .scatterlayer .point").first.hover(force=True)
    page.wait_for_timeout(200)
    page.locator(".js-plotly-plot").first.screenshot(path=str(ARTIFACTS / "timeline-hover.png"))


def test_browser_country_filter_and_csv_download(page):
    """Picking a country narrows the chart, and the CSV received holds exactly that country's events."""
    total = _metric(page, "Events")
    countries = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Countries")
    countries.locator("input").click()
    page.keyboard.type("Syria")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    _idle(page)
    shown = _metric(page, "Events")
    assert 0 < shown < total
    page.screenshot(path=str(ARTIFACTS / "timeline-syria.png"), full_page=True)
    with page.expect_download() as download_info:
        page.locator('[data-testid="stDownloadButton"] button').click()
    path = download_info.value.path()
    rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == shown
    assert all("Syria" in row["countries"].split("; ") for row in rows)


def test_browser_article_text_is_never_run(page):
    """A crafted article pasted into the app opens no dialog, injects no element, and shows its tags as text."""
    page.get_by_label("Paste an article's text").fill(HOSTILE_ARTICLE)
    page.get_by_role("button", name="Add to the timeline").click()
    page.get_by_text("Added in this session").wait_for()
    _idle(page)
    page.wait_for_selector(".js-plotly-plot .ytick")
    page.wait_for_timeout(1000)
    assert page.dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("[...document.scripts].some(s => s.textContent.includes('alert(1)'))") is False
    added = page.locator('[data-testid="stSidebar"] [data-testid="stText"]').all_text_contents()
    assert any(HOSTILE_TITLE in line for line in added), added
    # Every report, in article order: the crafted article's markers are drawn last, on top of
    # the seed's markers of the next day, which share their pixels on an axis spanning years.
    page.get_by_text("Show every report separately").click()
    _idle(page)
    labels = _hover_labels(page)
    hostile = [label for label in labels if "alert(1)" in label]
    assert hostile, labels
    assert any("<script>alert(1)</script>" in label for label in hostile)
    assert any("<img src=x onerror=alert(1)>" in label for label in hostile)
    page.screenshot(path=str(ARTIFACTS / "timeline-hostile.png"), full_page=True)
    assert page.dialogs == []


def test_browser_merged_view_with_reports_one_click_away(page):
    """Two outlets' reports of one happening show as one event; picking it lists both reports."""
    events, reports = _metric(page, "Events"), _metric(page, "Reports")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": "reports.jsonl", "mimeType": "application/jsonl", "buffer": TWO_REPORTS.encode()}
    )
    page.get_by_role("button", name="Add to the timeline").click()
    page.get_by_text("Added in this session").wait_for()
    _idle(page)
    assert _metric(page, "Events") == events + 1
    assert _metric(page, "Reports") == reports + 2
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Reports of the event")
    picker.click()
    page.get_by_role("option").filter(has_text="reported 2×").first.click()
    _idle(page)
    expander = page.locator('[data-testid="stExpander"]').filter(has_text="Every report of this event (2)")
    expander.wait_for()
    page.screenshot(path=str(ARTIFACTS / "timeline-merged.png"), full_page=True)
    expander.screenshot(path=str(ARTIFACTS / "timeline-merged-reports.png"))


FORMULA_ARTICLE = (
    "---\n"
    'title: =HYPERLINK("http://example.invalid","open me")\n'
    "date: 2024-12-02\n"
    "source: +cmd|' /C calc'!A0\n"
    "---\n"
    "@SUM(1+1) On Sunday, Qatar's envoy met Syrian ministers in Damascus.\n"
)


def test_browser_csv_download_is_spreadsheet_safe(page):
    """The CSV a browser receives neutralises every cell a spreadsheet would run as a formula."""
    page.get_by_label("Paste an article's text").fill(FORMULA_ARTICLE)
    page.get_by_role("button", name="Add to the timeline").click()
    page.get_by_text("Added in this session").wait_for()
    _idle(page)
    page.get_by_text("Show every report separately").click()
    _idle(page)
    with page.expect_download() as download_info:
        page.locator('[data-testid="stDownloadButton"] button').click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    crafted = [row for row in rows if "HYPERLINK" in row["article_title"]]
    assert crafted
    for row in crafted:
        assert row["article_title"].startswith("'=")
        assert row["source"].startswith("'+")
        assert row["sentence"].startswith("'@")
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row.values())
