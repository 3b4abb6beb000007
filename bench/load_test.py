"""Load test: many concurrent browser sessions against the dashboard, on this machine only.

    python bench/load_test.py [--sessions 20] [--time-limit 300] [--no-warm-up] [--url http://127.0.0.1:PORT]

Without ``--url`` it starts ``streamlit run dashboard.py`` on a free localhost port and
stops it afterwards. Each session speaks the browser's own protocol over Streamlit's
WebSocket (the page's protobuf messages): it asks for a run of the page and waits
until the run finishes, having received the timeline chart. One warm-up session
runs first so that the seeds are read once; then all sessions start together.

With ``--no-warm-up`` every session is a first visitor of a cold server: the server it
starts keeps its event cache in a new, empty folder, so all sessions arrive while the
corpus is still being extracted (one extraction, which the others wait for).

Reports every error and the response times (first chart, whole page), and the errors and
warnings the page showed; exits non-zero when any session failed (an error on the page
counts) or the server stopped answering. Bounded: at most :data:`MAX_SESSIONS` sessions
and :data:`MAX_TIME_S` seconds, localhost only.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench import app_server  # noqa: E402  (the project root is on the path only from here)

MAX_SESSIONS = 200
MAX_TIME_S = 600
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass
class SessionResult:
    """What one session saw: times in seconds from connecting, and what went wrong."""

    index: int
    chart_s: float | None = None
    finished_s: float | None = None
    elements: int = 0
    errors: list[str] = field(default_factory=list)
    #: Warnings the page showed (not failures: a corpus file skipped, a cache mended).
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the session got its timeline and a finished page without error."""
        return not self.errors and self.chart_s is not None and self.finished_s is not None


@contextmanager
def running_dashboard(start_timeout_s: float, cold: bool) -> Iterator[str]:
    """The dashboard on a free localhost port (``cold``: with an empty event cache); a failed start ends the test."""
    with tempfile.TemporaryDirectory(prefix="load-test-cache-") as empty:
        try:
            with app_server.running_dashboard(start_timeout_s, cache_dir=Path(empty) if cold else None) as url:
                yield url
        except app_server.AppServerError as error:
            raise SystemExit(str(error)) from None


async def one_session(url: str, index: int, timeout_s: float) -> SessionResult:
    """Open a session as a browser would, run the page once, and time it."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ClientState_pb2 import ClientState
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.typing import Origin, Subprotocol

    result = SessionResult(index)
    parsed = urlparse(url)
    stream = f"ws://{parsed.netloc}/_stcore/stream"
    started = time.perf_counter()
    try:
        async with asyncio.timeout(timeout_s):
            async with websockets.connect(
                stream,
                subprotocols=[Subprotocol("streamlit")],
                origin=Origin(url),
                max_size=256 * 1024 * 1024,
            ) as socket_:
                rerun = BackMsg(rerun_script=ClientState(query_string="", page_script_hash=""))
                await socket_.send(rerun.SerializeToString())
                async for raw in socket_:
                    message = ForwardMsg()
                    message.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
                    kind = message.WhichOneof("type")
                    if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                        result.elements += 1
                        element = message.delta.new_element.WhichOneof("type")
                        if element == "plotly_chart" and result.chart_s is None:
                            result.chart_s = time.perf_counter() - started
                        if element == "exception":
                            result.errors.append(f"exception: {message.delta.new_element.exception.message}")
                        if element == "alert":
                            _note_alert(result, message.delta.new_element.alert)
                    elif kind == "script_finished":
                        result.finished_s = time.perf_counter() - started
                        break
    except TimeoutError:
        result.errors.append(f"no finished page within {timeout_s:.0f} s")
    except (OSError, websockets.WebSocketException) as error:
        result.errors.append(f"connection failed: {error}")
    if result.finished_s is not None and result.chart_s is None:
        result.errors.append("the page finished without a timeline chart")
    return result


def _note_alert(result: SessionResult, alert: Any) -> None:
    """An error shown on the page fails the session; a warning is reported beside it."""
    from streamlit.proto.Alert_pb2 import Alert

    if alert.format == Alert.ERROR:
        result.errors.append(f"error shown: {alert.body}")
    elif alert.format == Alert.WARNING:
        result.warnings.append(alert.body)


async def run_sessions(url: str, sessions: int, timeout_s: float) -> list[SessionResult]:
    """All sessions at once."""
    return list(await asyncio.gather(*(one_session(url, index, timeout_s) for index in range(sessions))))


def _summary(label: str, values: Sequence[float]) -> str:
    if not values:
        return f"{label}: none"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"{label}: min {ordered[0] * 1000:.0f} ms, median {statistics.median(ordered) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
    )


def report(warm: SessionResult | None, results: list[SessionResult], wall_s: float, healthy_after: bool) -> str:
    """The load test's findings as plain lines."""
    failed = [result for result in results if not result.ok]
    lines = []
    if warm is not None:
        lines.append(
            f"warm-up session: {'ok' if warm.ok else 'FAILED'}, page in {(warm.finished_s or 0) * 1000:.0f} ms"
        )
    lines += [
        f"sessions: {len(results)} concurrent, {len(results) - len(failed)} got their timeline, {len(failed)} failed",
        _summary("first chart", [result.chart_s for result in results if result.chart_s is not None]),
        _summary("whole page", [result.finished_s for result in results if result.finished_s is not None]),
        f"wall time for all sessions: {wall_s * 1000:.0f} ms",
        f"server healthy afterwards: {'yes' if healthy_after else 'NO'}",
    ]
    for result in failed:
        lines.append(f"session {result.index}: {'; '.join(result.errors) or 'incomplete'}")
    warnings = sorted({warning for result in results for warning in result.warnings})
    for warning in warnings:
        shown = sum(warning in result.warnings for result in results)
        lines.append(f"warning shown to {shown} session(s): {warning}")
    lines.append(f"errors: {sum(len(result.errors) or (not result.ok) for result in results)}")
    return "\n".join(lines)


def _check_local(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "http" or parsed.hostname not in LOCAL_HOSTS:
        raise SystemExit(f"--url must be an http URL on this machine (one of {sorted(LOCAL_HOSTS)}), not {url!r}")
    return url.rstrip("/")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load test; return 0 when every session got its timeline and the server stayed up."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sessions", type=int, default=20, help=f"concurrent sessions (1–{MAX_SESSIONS}, default 20)")
    parser.add_argument(
        "--time-limit", type=float, default=300, help=f"seconds for the whole test (at most {MAX_TIME_S}, default 300)"
    )
    parser.add_argument("--url", help="a dashboard already running on this machine (default: start one)")
    parser.add_argument(
        "--no-warm-up",
        action="store_true",
        help="no warm-up session: every session is a first visitor, together, of a server with an empty event cache",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be between 1 and {MAX_SESSIONS}")
    if not 0 < args.time_limit <= MAX_TIME_S:
        parser.error(f"--time-limit must be between 0 and {MAX_TIME_S} seconds")

    deadline = time.monotonic() + args.time_limit

    def remaining() -> float:
        return float(max(deadline - time.monotonic(), 1.0))

    def measure(url: str) -> int:
        warm = None if args.no_warm_up else asyncio.run(one_session(url, -1, remaining()))
        started = time.perf_counter()
        results = asyncio.run(run_sessions(url, args.sessions, remaining()))
        wall_s = time.perf_counter() - started
        healthy_after = app_server.healthy(url)
        print(report(warm, results, wall_s, healthy_after))
        return 0 if healthy_after and all(result.ok for result in results) else 1

    if args.url:
        if args.no_warm_up:
            print("note: a server given by --url keeps its own event cache, which may not be empty")
        return measure(_check_local(args.url))
    with running_dashboard(remaining(), cold=args.no_warm_up) as url:
        return measure(url)


if __name__ == "__main__":
    sys.exit(main())
