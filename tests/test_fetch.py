"""timeline.fetch: add by URL within a size and a time limit, public addresses only (a local server, no internet)."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from timeline.errors import FetchError
from timeline.fetch import FetchSettings, check_address, fetch_page
from timeline.uploads import read_page

ARTICLE = (
    '<html><head><meta property="article:published_time" content="2024-12-02"><title>Local one</title>'
    '<meta property="og:site_name" content="Local News"></head><body><article><h1>Local one</h1>'
    "<p>On Sunday, Syrian forces shelled Aleppo while Qatar's envoy visited Damascus.</p>"
    "<p>Officials in Doha said the talks would go on.</p></article></body></html>"
)
UNDATED = ARTICLE.replace('<meta property="article:published_time" content="2024-12-02">', "")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/article": lambda: self._page(ARTICLE),
            "/undated": lambda: self._page(UNDATED),
            "/big": lambda: self._page("<p>" + "x" * 200_000 + "</p>"),
            "/redirect": lambda: self._redirect("/article"),
            "/loop": lambda: self._redirect("/loop"),
            "/to-ftp": lambda: self._redirect("ftp://127.0.0.1/file"),
            "/to-password": lambda: self._redirect(f"http://user:secret@127.0.0.1:{self.server.server_port}/article"),
            "/slow": self._slow,
        }
        routes.get(self.path, lambda: self.send_error(404))()

    def _page(self, body: str) -> None:
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.end_headers()

    def _slow(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(200):
                self.wfile.write(b"<p>x</p>")
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            return

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 (the tests never reach the internet)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = FetchSettings(allow_private=True)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1",
     "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1"],
)  # fmt: skip
def test_fetch_refuses_addresses_off_the_public_internet(address):
    """Loopback, private, link-local, shared, unspecified and multicast addresses are refused by default."""
    with pytest.raises(FetchError, match="refused"):
        check_address("example.test", [address])


@pytest.mark.parametrize("addresses", [["93.184.216.34"], ["2606:2800:220:1:248:1893:25c8:1946"]])
def test_fetch_takes_public_addresses(addresses):
    """A public address is taken (no connection is made here)."""
    assert check_address("example.test", addresses) == addresses[0]


def test_fetch_refuses_a_host_with_any_private_address():
    """A name answering with a public and a private address is refused: the private one could be the one used."""
    with pytest.raises(FetchError, match=r"10\.0\.0\.1"):
        check_address("example.test", ["93.184.216.34", "10.0.0.1"])


def test_fetch_operator_may_allow_private_but_not_multicast():
    """With private addresses allowed (an intranet, the tests), loopback is taken; multicast never is."""
    assert check_address("local.test", ["127.0.0.1"], allow_private=True) == "127.0.0.1"
    with pytest.raises(FetchError, match="not one a page can come from"):
        check_address("local.test", ["224.0.0.1"], allow_private=True)


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,hi", "http://", "no url",
     "http://user:secret@example.org/"],
)  # fmt: skip
def test_fetch_refuses_what_is_not_an_http_page(url):
    """Only http(s) addresses with a host and no user name or password are fetched; nothing is looked up first."""

    def no_lookup(host: str, port: int) -> list[str]:
        raise AssertionError("a refused URL must not be looked up")

    with pytest.raises(FetchError):
        fetch_page(url, resolve=no_lookup)


def test_fetch_refuses_the_local_server_by_default(server):
    """The app's own machine is not fetched unless the operator allows it."""
    with pytest.raises(FetchError, match="not on the public internet"):
        fetch_page(f"{server}/article")


def test_fetch_reads_a_page_and_follows_a_redirect(server):
    """With private addresses allowed, the page is read, through its redirect."""
    page = fetch_page(f"{server}/redirect", LOCAL)
    assert page.final_url == f"{server}/article"
    assert page.body == ARTICLE.encode()
    assert page.content_type.startswith("text/html")


@pytest.mark.parametrize(
    ("path", "words"),
    [("/to-ftp", "only http"), ("/to-password", "user name or password"), ("/loop", "redirects more than"),
     ("/missing", "HTTP 404")],
)  # fmt: skip
def test_fetch_checks_every_redirect(server, path, words):
    """Each redirect is checked like the first address; a loop or an error page is one sentence."""
    with pytest.raises(FetchError, match=words):
        fetch_page(f"{server}{path}", LOCAL)


def test_fetch_size_limit(server):
    """A page larger than the limit is refused, not read whole."""
    with pytest.raises(FetchError, match="larger than"):
        fetch_page(f"{server}/big", FetchSettings(allow_private=True, max_bytes=50_000))


def test_fetch_time_limit_holds_against_a_trickling_server(server):
    """A server sending a byte now and then cannot hold the fetch past its time limit."""
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"in time|within"):
        fetch_page(f"{server}/slow", FetchSettings(allow_private=True, timeout_s=0.5))
    assert time.monotonic() - started < 3


def test_fetch_page_becomes_an_article(server):
    """A fetched page is read like an uploaded HTML file: its title, outlet, date and the URL it came from."""
    submission = read_page(fetch_page(f"{server}/article", LOCAL))
    (article,) = submission.articles
    assert (article.title, article.source, article.date) == ("Local one", "Local News", dt.date(2024, 12, 2))
    assert article.url == f"{server}/article"
    assert submission.refused == ()


def test_fetch_undated_page_waits_for_its_date(server):
    """A page stating no date waits for one (it is not refused), and reads with the date confirmed."""
    from timeline.uploads import read_undated

    submission = read_page(fetch_page(f"{server}/undated", LOCAL))
    assert (submission.articles, submission.refused) == ((), ())
    (undated,) = submission.undated
    assert (undated.name, undated.page) == (f"{server}/undated", True)
    again = read_undated(undated, dt.date(2024, 12, 2))
    assert [article.date for article in again.articles] == [dt.date(2024, 12, 2)]
