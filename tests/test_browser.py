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
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.app_server import CHROMIUM, CHROMIUM_ARGS, AppServerError, running_dashboard
from tests.conftest import FORMULA_ARTICLE, PROJECT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

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
        # A different text (so a different article), but no event of its own: a byline with no verb.
        ("paper-1", "Paper: Aleppo shelled", "2024-12-03", "Paper", " (Paper staff)"),
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
    """A headless Debian chromium under Playwright; expectations wait as long as a page may take."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=PAGE_TIMEOUT_MS)

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
    _settled(page)
    yield page
    context.close()


#: The app's root says whether its script is running; "notRunning" once a run has finished.
_RUN_FINISHED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
#: Whether a drawn chart's figure holds as many events as the metric counts (the figure's meta says).
_CHART_SHOWS = """(events) => [...document.querySelectorAll('.js-plotly-plot')].some(
    (plot) => plot.layout && plot.layout.meta && plot.layout.meta.events === events)"""
#: A Plotly hover label on screen.
_HOVER_LABEL = ".js-plotly-plot .hoverlayer .hovertext"
#: Hovering a point Plotly does not draw (outside the axis range) gives no label within this time.
_HOVER_TIMEOUT_MS = 2000


def _settled(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app's run has finished and the chart is drawn from what the metrics count.

    Call it after the page shows a sign of the run an action started (a new line, a new
    label): until then the previous run's "finished" state still stands.
    """
    page.wait_for_selector(_RUN_FINISHED)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached")
    page.wait_for_selector(".js-plotly-plot .ytick")
    page.wait_for_function(_CHART_SHOWS, arg=_metric(page, "Events"))


def _metric_value(page, label: str):  # type: ignore[no-untyped-def]
    """The value shown by the metric called ``label``, as a locator to wait on."""
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]')


def _pick_country(page, country: str, total: int) -> None:  # type: ignore[no-untyped-def]
    """Pick ``country`` in the Countries filter and wait until the Events metric (``total`` before) has changed."""
    from playwright.sync_api import expect

    countries = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Countries")
    countries.locator("input").click()
    page.keyboard.type(country)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(_metric_value(page, "Events")).not_to_have_text(str(total))
    _settled(page)


def _metric(page, label: str) -> int:  # type: ignore[no-untyped-def]
    return int(_metric_value(page, label).inner_text().strip())


def _add_article(page, fill, articles: int = 1) -> None:  # type: ignore[no-untyped-def]
    """Submit the sidebar form once ``fill`` has filled it; return when the app lists the ``articles`` added."""
    from playwright.sync_api import expect

    added = page.locator('[data-testid="stSidebar"] [data-testid="stText"]')
    before = added.count()
    fill()
    page.get_by_role("button", name="Add to the timeline").click()
    expect(added).to_have_count(before + articles)
    _settled(page)


def _show_every_report(page) -> None:  # type: ignore[no-untyped-def]
    """Switch to one row per report; return once the app shows the reports (the download button says so)."""
    from playwright.sync_api import expect

    page.get_by_text("Show every report separately").click()
    expect(page.get_by_role("button", name="Download these reports as CSV")).to_be_visible()
    _settled(page)


def _lanes(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [text.strip() for text in page.locator(".js-plotly-plot .ytick text").all_text_contents()]


def _hover_labels(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Hover every drawn point and bar in view; return the label text each shows."""
    from playwright.sync_api import Error as PlaywrightError

    labels = []
    shapes = page.locator(".js-plotly-plot .scatterlayer .point, .js-plotly-plot .barlayer .point")
    count = shapes.count()
    assert count, "the chart draws no point or bar to hover"
    for index in range(count):
        # Off the chart first, so the label read next is this point's, not the last one's.
        page.mouse.move(0, 0)
        page.locator(_HOVER_LABEL).first.wait_for(state="detached", timeout=_HOVER_TIMEOUT_MS)
        try:
            shapes.nth(index).hover(force=True, timeout=_HOVER_TIMEOUT_MS)
            page.locator(_HOVER_LABEL).first.wait_for(state="attached", timeout=_HOVER_TIMEOUT_MS)
        except PlaywrightError:
            # A point outside the zoomed axis range is kept in the page but shows no label.
            continue
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
    page.locator(_HOVER_LABEL).first.wait_for()
    page.locator(".js-plotly-plot").first.screenshot(path=str(ARTIFACTS / "timeline-hover.png"))


def test_browser_country_filter_and_csv_download(page):
    """Picking a country narrows the chart, and the CSV received holds exactly that country's events."""

    total = _metric(page, "Events")
    _pick_country(page, "Syria", total)
    shown = _metric(page, "Events")
    assert 0 < shown < total
    page.screenshot(path=str(ARTIFACTS / "timeline-syria.png"), full_page=True)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download these events as CSV").click()
    path = download_info.value.path()
    rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"), newline="")))
    assert rows
    assert len(rows) == shown
    assert all("Syria" in row["countries"].split("; ") for row in rows)


def test_browser_article_text_is_never_run(page):
    """A crafted article pasted into the app opens no dialog, injects no element, and shows its tags as text."""
    _add_article(page, lambda: page.get_by_label("Paste an article's text").fill(HOSTILE_ARTICLE))
    assert page.dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("[...document.scripts].some(s => s.textContent.includes('alert(1)'))") is False
    added = page.locator('[data-testid="stSidebar"] [data-testid="stText"]').all_text_contents()
    assert any(HOSTILE_TITLE in line for line in added), added
    # Every report, in article order: the crafted article's markers are drawn last, on top of
    # the seed's markers of the next day, which share their pixels on an axis spanning years.
    _show_every_report(page)
    labels = _hover_labels(page)
    hostile = [label for label in labels if "alert(1)" in label]
    assert hostile, labels
    assert any("<script>alert(1)</script>" in label for label in hostile)
    assert any("<img src=x onerror=alert(1)>" in label for label in hostile)
    page.screenshot(path=str(ARTIFACTS / "timeline-hostile.png"), full_page=True)
    assert page.dialogs == []


def test_browser_merged_view_with_reports_one_click_away(page):
    """Two outlets' reports of one happening show as one event; picking it lists both reports."""
    from playwright.sync_api import expect

    events, reports = _metric(page, "Events"), _metric(page, "Reports")
    upload = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    _add_article(
        page,
        lambda: upload.set_input_files(
            {"name": "reports.jsonl", "mimeType": "application/jsonl", "buffer": TWO_REPORTS.encode()}
        ),
        articles=2,
    )
    assert _metric(page, "Events") == events + 1
    assert _metric(page, "Reports") == reports + 2
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Reports of the event")
    picker.click()
    # Typing filters the options: a long list shows only its first ones.
    page.keyboard.type("reported by 2 sources")
    page.get_by_role("option").filter(has_text="reported by 2 sources").first.click()
    expander = page.locator('[data-testid="stExpander"]').filter(has_text="Every report of this event (2)")
    expect(expander).to_be_visible()
    _settled(page)
    page.screenshot(path=str(ARTIFACTS / "timeline-merged.png"), full_page=True)
    expander.screenshot(path=str(ARTIFACTS / "timeline-merged-reports.png"))




def test_browser_csv_download_is_spreadsheet_safe(page):
    """The CSV a browser receives neutralises every cell a spreadsheet would run as a formula."""
    _add_article(page, lambda: page.get_by_label("Paste an article's text").fill(FORMULA_ARTICLE))
    _show_every_report(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download these reports as CSV").click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    crafted = [row for row in rows if "HYPERLINK" in row["article_title"]]
    assert crafted
    for row in crafted:
        assert row["article_title"].startswith("'=")
        assert row["source"].startswith("'+")
        assert row["sentence"].startswith("'@")
    # A number is not a formula: a spreadsheet reads "-1" (an offset the sentence lacks) as minus one.
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not re.fullmatch(r"-\d+", cell)
        for row in rows
        for cell in row.values()
    )
