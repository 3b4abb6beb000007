"""The dashboard in a real browser (Debian chromium under Playwright): the seed's first view tells its story, the
table toolbar's own download is formula-safe, a workspace survives reload and restart and stays private, a
permalink restores its view, and the page is usable at 800 pixels.

Screenshots go to $TIMELINE_SHOTS (else test-artifacts/) for a person to look at.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.app_server import free_port, running_dashboard
from tests import test_browser as browser_tests
from tests.conftest import FORMULA_ARTICLE as CRAFTED_FORMULAS
from tests.test_browser import (
    ARTIFACTS,
    PAGE_TIMEOUT_MS,
    START_TIMEOUT_S,
    _add_article,
    _hover_labels,
    _lanes,
    _metric,
    _pick_country,
    _settled,
    _show_every_report,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The browser and the module's server, as tests/test_browser.py makes them.
chromium_path = browser_tests.chromium_path
browser = browser_tests.browser
app_url = browser_tests.app_url
page = browser_tests.page

SHOTS = Path(os.environ.get("TIMELINE_SHOTS", str(ARTIFACTS)))
#: The crafted article, and a full-width equals sign a spreadsheet would read as one too.
FORMULA_ARTICLE = CRAFTED_FORMULAS + "\uff1dcmd on Monday, Qatar's envoy met Turkish ministers in Ankara.\n"
OWN_ARTICLE = (
    "---\ntitle: A browser's own article\ndate: 2024-12-02\nsource: Test Wire\nurl: https://news.example.org/own\n---\n"
    "On Saturday, Qatar's envoy met Hakan Fidan in Doha to discuss Aleppo.\n"
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: The script of the page's plots: each drawn point's and bar's box on screen.
_SHAPES = """() => [...document.querySelectorAll(
    '.js-plotly-plot .scatterlayer .point, .js-plotly-plot .barlayer .point')].map((shape) => {
    const box = shape.getBoundingClientRect();
    return {x: box.x, y: box.y, width: box.width, height: box.height, bar: !!shape.closest('.barlayer')};
})"""


def _shot(target, name: str) -> Path:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    target.screenshot(path=str(path))
    return path


def _first_plot(page):  # type: ignore[no-untyped-def]
    return page.evaluate("() => { const plot = document.querySelector('.js-plotly-plot'); "
                         "return {range: plot.layout.xaxis.range, meta: plot.layout.meta}; }")  # fmt: skip


def test_browser_first_view_tells_the_seed_story(browser, app_url):
    """Without any click the axis shows late November 2024, each marker and span can be told apart and hovered,
    spans are several pixels wide, and the labels write dates out."""
    context = browser.new_context(viewport={"width": 1440, "height": 1200})
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(app_url)
    _settled(page)
    plot = _first_plot(page)
    assert plot["range"][0].startswith("2024-11-0")
    assert plot["range"][1].startswith("2024-12-0")
    assert "Middle East" in " ".join(_lanes(page))
    shapes = page.evaluate(_SHAPES)
    assert len(shapes) >= _metric(page, "Events")
    assert min(shape["width"] for shape in shapes if shape["bar"]) >= 5
    centres = [(round(s["x"] + s["width"] / 2), round(s["y"] + s["height"] / 2)) for s in shapes if not s["bar"]]
    assert len(set(centres)) == len(centres), "two day markers share one spot"
    _shot(page, "story-first-view-1440.png")
    labels = [label for label in _hover_labels(page) if label]
    assert len(labels) == len(shapes), "every marker and span shows its label"
    assert any("Sunday 1 December 2024" in label for label in labels)
    assert any("the weekend of 30 Nov – 1 Dec 2024" in label for label in labels)
    assert all("TIMEX3" in label for label in labels)
    page.locator(".js-plotly-plot .barlayer .point").first.hover(force=True)
    page.locator(".js-plotly-plot .hoverlayer .hovertext").first.wait_for()
    _shot(page.locator(".js-plotly-plot").first, "story-hover-span.png")
    context.close()


def test_browser_toolbar_download_is_formula_safe(browser, app_url):
    """The evidence table's own toolbar download (Streamlit's) of a crafted article writes no cell a spreadsheet
    would run: the cells are neutralised where they are shown."""
    context = browser.new_context(viewport={"width": 1440, "height": 1600}, accept_downloads=True)
    # Without the File System Access API the toolbar saves through an ordinary download, which Playwright sees.
    context.add_init_script("delete window.showSaveFilePicker;")
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(app_url)
    _settled(page)
    _add_article(page, lambda: page.get_by_label("Paste an article's text").fill(FORMULA_ARTICLE))
    _show_every_report(page)
    table = page.locator('[data-testid="stDataFrame"]').first
    table.scroll_into_view_if_needed()
    table.hover()
    button = table.locator('[data-testid="stElementToolbarButton"]').filter(
        has=page.locator('[aria-label="Download as CSV"]')
    )
    if not button.count():
        button = page.get_by_role("button", name="Download as CSV").first
    _shot(page, "story-toolbar.png")
    with page.expect_download() as download_info:
        button.first.click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    crafted = [row for row in body if any("HYPERLINK" in cell for cell in row)]
    assert len(crafted) >= 2, text[:2000]
    assert not [cell for row in body for cell in row if cell.startswith(FORMULA_START)]
    sentences = [row[header.index("sentence")] for row in crafted]
    assert any(sentence.startswith("'@SUM") for sentence in sentences)
    assert any(sentence.startswith("'\uff1dcmd") for sentence in sentences)
    context.close()


@pytest.fixture
def own_server(tmp_path, chromium_path) -> Iterator[tuple[str, dict[str, str]]]:
    """A dashboard of its own, with a workspace folder and cache the test can restart it on."""
    env = {"TIMELINE_WORKSPACE_DIR": str(tmp_path / "workspaces"), "TIMELINE_CACHE_DIR": str(ARTIFACTS / "cache")}
    port = free_port()
    with (tmp_path / "server.log").open("wb") as log, running_dashboard(START_TIMEOUT_S, log, env, port) as url:
        yield url, env | {"port": str(port)}


def _csv_rows(page) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download these events as CSV").click()
    return list(csv.DictReader(io.StringIO(Path(download_info.value.path()).read_text(encoding="utf-8-sig"))))


def _open(browser, url: str, width: int = 1440):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 1600}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(url)
    _settled(page)
    return context, page


def _correct_first_date(page, value: str) -> None:  # type: ignore[no-untyped-def]
    """Type a new TIMEX3 value into the first row of the correction editor, as a user does."""
    from playwright.sync_api import expect

    section = page.locator('[data-testid="stExpander"]').filter(has_text="Correct or hide events")
    section.get_by_text("Correct or hide events").click()
    editor = section.locator('[data-testid="stDataFrame"]')
    editor.scroll_into_view_if_needed()
    # The first data row's first cell (the date, read-only), one cell right (its TIMEX3), Enter to edit it.
    editor.click(position={"x": 40, "y": 35 + 17})
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    cell = page.locator("#portal textarea").first
    cell.fill(value)
    page.keyboard.press("Enter")
    expect(section.get_by_text("1 correction(s) kept", exact=False)).to_be_visible()
    _settled(page)


def test_browser_workspace_survives_reload_and_restart_privately(browser, own_server, tmp_path):
    """An added article and a correction are there after a reload and a server restart, on the workspace's link;
    a second browser context without the link sees neither."""
    from playwright.sync_api import expect

    url, env = own_server
    context, page = _open(browser, url)
    seeds = _metric(page, "Events")
    _add_article(page, lambda: page.get_by_label("Paste an article's text").fill(OWN_ARTICLE))
    _correct_first_date(page, "2024-11-10")
    link = page.url
    assert "ws=" in link
    corrected = [row for row in _csv_rows(page) if row["date_rule"] == "corrected"]
    assert [row["date_value"] for row in corrected] == ["2024-11-10"]
    page.reload()
    _settled(page)
    expect(page.locator('[data-testid="stSidebar"]').get_by_text("A browser's own article")).to_be_visible()
    assert [row["date_value"] for row in _csv_rows(page) if row["date_rule"] == "corrected"] == ["2024-11-10"]
    _shot(page, "story-workspace-reloaded.png")
    stranger_context, stranger = _open(browser, url)
    assert _metric(stranger, "Events") == seeds
    assert not stranger.locator('[data-testid="stSidebar"]').get_by_text("A browser's own article").count()
    assert not [row for row in _csv_rows(stranger) if row["date_rule"] == "corrected"]
    _shot(stranger, "story-workspace-stranger.png")
    stranger_context.close()
    context.close()
    # A restart: the server stops, and a new one on the same folders answers the same link.
    own_server_env = {key: value for key, value in env.items() if key != "port"}
    with (
        (tmp_path / "restart.log").open("wb") as log,
        running_dashboard(START_TIMEOUT_S, log, own_server_env, int(env["port"])) as again,
    ):
        assert again == url
        context, page = _open(browser, link)
        expect(page.locator('[data-testid="stSidebar"]').get_by_text("A browser's own article")).to_be_visible()
        assert [row["date_value"] for row in _csv_rows(page) if row["date_rule"] == "corrected"] == ["2024-11-10"]
        _shot(page, "story-workspace-restarted.png")
        context.close()


def test_browser_permalink_restores_the_view(browser, app_url):
    """Filters and grouping chosen in one browser are in its URL; another context opening it sees the same view."""
    from playwright.sync_api import expect

    context, page = _open(browser, app_url)
    total = _metric(page, "Events")
    _pick_country(page, "Syria", total)
    page.get_by_text("country", exact=True).click()
    expect(page.locator(".js-plotly-plot .ytick text").first).not_to_have_text("Europe &")
    _settled(page)
    page.wait_for_function("() => window.location.search.includes('lanes=country')")
    link = page.url
    assert "country=Syria" in link
    shown, lanes = _metric(page, "Events"), _lanes(page)
    other_context, other = _open(browser, link)
    assert _metric(other, "Events") == shown < total
    assert _lanes(other) == lanes
    expect(other.locator('[data-testid="stMultiSelect"]').filter(has_text="Countries")).to_contain_text("Syria")
    _shot(other, "story-permalink.png")
    other_context.close()
    context.close()


def test_browser_800_pixels_is_usable(browser, app_url):
    """At 800 pixels the sidebar takes under a third of the width, no label wraps a letter a line, the date box
    shows its whole range, and the chart is drawn."""
    context, page = _open(browser, app_url, width=800)
    sidebar = page.locator('[data-testid="stSidebar"]').bounding_box()
    assert sidebar is not None
    assert sidebar["width"] <= 800 / 3
    labels = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stWidgetLabel"]')]
            .filter((label) => label.offsetParent !== null)
            .map((label) => ({text: label.innerText, width: label.getBoundingClientRect().width,
                              height: label.getBoundingClientRect().height}))"""
    )
    assert labels
    narrow = [label for label in labels if label["text"].strip() and label["width"] < 60 and len(label["text"]) > 8]
    assert not narrow, narrow
    dates = page.locator('[data-testid="stDateInput"]').filter(has_text="Dates")
    fields = dates.locator('[data-testid="stDateInputFieldsScroller"]')
    assert fields.evaluate("(box) => box.scrollWidth <= box.clientWidth + 1"), "the date range is cut"
    shown, main = fields.bounding_box(), page.locator('[data-testid="stMain"]').bounding_box()
    assert shown is not None
    assert main is not None
    parts = dates.get_by_role("spinbutton")
    assert parts.count() == 6
    for index in range(parts.count()):
        part = parts.nth(index).bounding_box()
        assert part is not None
        assert shown["x"] <= part["x"]
        assert part["x"] + part["width"] <= min(shown["x"] + shown["width"], main["x"] + main["width"]) + 1
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    assert chart is not None
    assert chart["width"] >= 400
    _shot(page, "story-800.png")
    context.close()
