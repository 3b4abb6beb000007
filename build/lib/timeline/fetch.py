"""Add by URL: fetch one article page, within a size and a time limit, from public addresses only.

A web app that fetches what a stranger names can be turned against the network it runs
in (server-side request forgery): "http://127.0.0.1:8080/admin", a cloud's metadata
address 169.254.169.254, a router on 192.168.0.1. So :func:`fetch_page`

- takes ``http`` and ``https`` URLs only, without user names or passwords in them;
- resolves the host itself and refuses it when any of its addresses is loopback,
  private, link-local, multicast, reserved or unspecified (IPv4 and IPv6, IPv4-mapped
  included), unless the operator allows private addresses (``allow_private``, from
  :data:`~timeline.defaults.FETCH_ALLOW_PRIVATE_ENV`);
- connects to the very address it checked (a second lookup could answer otherwise), and
  checks every redirect like the first URL, at most
  :data:`~timeline.defaults.FETCH_MAX_REDIRECTS` of them;
- reads at most :data:`~timeline.defaults.FETCH_MAX_BYTES` and gives up after
  :data:`~timeline.defaults.FETCH_TIMEOUT_S` seconds in all, however slowly the server
  trickles its bytes.

Every refusal is a :class:`~timeline.errors.FetchError` whose message is one sentence.
The page's text is then read like an uploaded HTML file (:mod:`timeline.ingest`).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final
from urllib.parse import urljoin, urlsplit

from timeline.defaults import FETCH_MAX_BYTES, FETCH_MAX_REDIRECTS, FETCH_TIMEOUT_S
from timeline.errors import FetchError

__all__ = ["FetchSettings", "FetchedPage", "check_address", "fetch_page"]

_SCHEMES: Final = {"http": 80, "https": 443}
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_CHUNK: Final = 64 * 1024
#: Who is asking, so a site's logs can tell.
USER_AGENT: Final = "timeline-dashboard/1 (add by URL)"

#: Looks up a host's addresses: ``socket.getaddrinfo`` unless a test gives another.
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True)
class FetchSettings:
    """The limits of one fetch; the defaults live in :mod:`timeline.defaults`."""

    max_bytes: int = FETCH_MAX_BYTES
    timeout_s: float = FETCH_TIMEOUT_S
    max_redirects: int = FETCH_MAX_REDIRECTS
    #: Whether loopback, private and link-local addresses may be fetched (an operator's choice).
    allow_private: bool = False


@dataclass(frozen=True)
class FetchedPage:
    """A page fetched for add-by-URL: the URL asked for, the URL finally read (after redirects), and its bytes."""

    url: str
    final_url: str
    body: bytes
    content_type: str


def fetch_page(url: str, settings: FetchSettings | None = None, *, resolve: Resolver | None = None) -> FetchedPage:
    """Fetch ``url`` (see the module's rules); :class:`~timeline.errors.FetchError` when it cannot or may not be."""
    options = settings if settings is not None else FetchSettings()
    lookup = resolve if resolve is not None else _resolve
    # A deadline for the whole fetch, redirects included: a socket timeout alone restarts
    # with every byte a slow server sends. (A duration, not a date: the clock's day is not read.)
    deadline = time.monotonic() + options.timeout_s
    current = url.strip()
    for _ in range(options.max_redirects + 1):
        parts = _checked_url(current)
        host = parts.hostname or ""
        port = parts.port or _SCHEMES[parts.scheme]
        address = check_address(host, lookup(host, port), allow_private=options.allow_private)
        status, location, content_type, body = _get(
            parts.scheme, host, address, port, _target(current), options, deadline
        )
        if status in _REDIRECTS and location:
            current = urljoin(current, location)
            continue
        if status != 200:
            raise FetchError(f"{url} could not be added: the site answered HTTP {status}, not the page.")
        return FetchedPage(url=url.strip(), final_url=current, body=body, content_type=content_type)
    raise FetchError(f"{url} could not be added: it redirects more than {options.max_redirects} times.")


def check_address(host: str, addresses: list[str], *, allow_private: bool = False) -> str:
    """The first of ``host``'s ``addresses`` to connect to, once every one is public (or private ones are allowed)."""
    if not addresses:
        raise FetchError(f"{host} could not be found: no address answers to that name.")
    for text in addresses:
        try:
            address = ipaddress.ip_address(text.split("%", 1)[0])
        except ValueError:
            raise FetchError(f"{host} could not be checked: it gave the address {text!r}, which is not one.") from None
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if not allow_private and not address.is_global:
            raise FetchError(
                f"{host} is refused: its address {address} is not on the public internet (loopback, private, "
                "link-local or reserved), and this app does not fetch such addresses."
            )
        if address.is_multicast or address.is_unspecified:
            raise FetchError(f"{host} is refused: its address {address} is not one a page can come from.")
    return addresses[0].split("%", 1)[0]


def _checked_url(url: str) -> _Parts:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(f"{url!r} is not a web address that can be read.") from None
    if parts.scheme.lower() not in _SCHEMES:
        raise FetchError(f"{url!r} is refused: only http:// and https:// addresses are fetched.")
    if not parts.hostname:
        raise FetchError(f"{url!r} names no site to fetch from.")
    if parts.username or parts.password:
        raise FetchError(f"{url!r} is refused: an address with a user name or password in it is not fetched.")
    return _Parts(parts.scheme.lower(), parts.hostname, port)


@dataclass(frozen=True)
class _Parts:
    scheme: str
    hostname: str
    port: int | None


def _target(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"{host} could not be found: no address answers to that name.") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _get(
    scheme: str,
    host: str,
    address: str,
    port: int,
    target: str,
    options: FetchSettings,
    deadline: float,
) -> tuple[int, str, str, bytes]:
    """One GET to ``address`` for ``host``: status, redirect location, content type and at most max_bytes of body."""
    connection: _PinnedHTTP | _PinnedHTTPS = (
        _PinnedHTTPS(host, address, port, timeout=_left(host, deadline))
        if scheme == "https"
        else _PinnedHTTP(host, address, port, timeout=_left(host, deadline))
    )
    try:
        connection.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
        response = connection.getresponse()
        length = response.getheader("Content-Length")
        if length and length.isdigit() and int(length) > options.max_bytes:
            raise _too_large(host, options)
        body = bytearray()
        while response.status == 200:
            # read1: at most one read of the socket, so the deadline is checked between any two.
            chunk = response.read1(min(_CHUNK, options.max_bytes + 1 - len(body)))
            if not chunk:
                break
            body.extend(chunk)
            if len(body) > options.max_bytes:
                raise _too_large(host, options)
            # The connection forgets its socket once the response owns it (HTTP/1.0, "close"),
            # so the socket is kept here to shorten its timeout to what is left.
            if connection.pinned is not None:
                connection.pinned.settimeout(_left(host, deadline))
        location = response.getheader("Location") or ""
        return response.status, location, response.getheader("Content-Type") or "", bytes(body)
    except TimeoutError:
        raise FetchError(f"{host} did not send its page within {options.timeout_s:g} seconds.") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(f"{host} could not be read ({type(error).__name__}: {error}).") from None
    finally:
        connection.close()
        if connection.pinned is not None:
            connection.pinned.close()


def _left(host: str, deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(f"{host} did not send its page in time.")
    return left


def _too_large(host: str, options: FetchSettings) -> FetchError:
    return FetchError(f"{host} sent a page larger than the {options.max_bytes / 2**20:g} MB read.")


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to an address already checked, with the Host header of the name asked for."""

    def __init__(self, host: str, address: str, port: int, *, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address
        self.pinned: socket.socket | None = None

    def connect(self) -> None:
        self.pinned = self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to an address already checked; the certificate is verified for the name asked for."""

    def __init__(self, host: str, address: str, port: int, *, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address
        self.pinned: socket.socket | None = None

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.pinned = self.sock = self._context.wrap_socket(raw, server_hostname=self.host)  # type: ignore[attr-defined]
