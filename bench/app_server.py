"""Start the dashboard on a free localhost port for a browser test or the load test."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Final

PROJECT = Path(__file__).resolve().parent.parent


#: Debian's chromium, which the browser tests and benchmarks drive (never a downloaded browser).
CHROMIUM: Final = Path("/usr/bin/chromium")
#: Its flags on this machine: headless as root, and no background connections to a network it lacks.
CHROMIUM_ARGS: Final = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class AppServerError(RuntimeError):
    """Raised when ``streamlit run dashboard.py`` exits or stays unhealthy past its time."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def healthy(url: str) -> bool:
    """Whether Streamlit at ``url`` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextmanager
def running_dashboard(
    start_timeout_s: float,
    log: IO[bytes] | None = None,
    env: Mapping[str, str] | None = None,
    port: int | None = None,
    *,
    cache_dir: Path | None = None,
) -> Iterator[str]:
    """Run ``streamlit run dashboard.py`` on a free localhost port; yield its URL once healthy, stop it after.

    The server's output goes to ``log`` (discarded when None). With ``cache_dir`` the
    server keeps its event cache there (``TIMELINE_CACHE_DIR``) instead of the usual one;
    ``env`` adds to its environment (a corpus, a workspace folder); ``port`` reuses a port,
    as a restarted server would.
    """
    port = port if port is not None else free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
    ]  # fmt: skip
    output = log if log is not None else subprocess.DEVNULL
    cache = {"TIMELINE_CACHE_DIR": str(cache_dir)} if cache_dir is not None else {}
    environment = {**os.environ, **cache, **(env or {})}
    server = subprocess.Popen(command, cwd=PROJECT, stdout=output, stderr=subprocess.STDOUT, env=environment)
    try:
        deadline = time.monotonic() + start_timeout_s
        while not healthy(url):
            if server.poll() is not None:
                raise AppServerError(f"streamlit exited with status {server.returncode} before it was healthy")
            if time.monotonic() > deadline:
                raise AppServerError(f"streamlit was not healthy on {url} within {start_timeout_s:.0f} s")
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
