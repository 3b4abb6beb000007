"""``python -m timeline extract``: articles in, the event table out."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from timeline.export import to_csv_bytes, to_jsonl_bytes
from timeline.ingest import load_articles
from timeline.pipeline import extract_frame

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1


def run(paths: Sequence[str], *, date: dt.date | None, output: str | None, fmt: str, merged: bool) -> int:
    """Extract and write; problems go to stderr one line each; non-zero only when nothing was processed."""
    # The command line is the edge that may read the clock; a day's grace covers time zones.
    latest = dt.date.today() + dt.timedelta(days=1)
    result = load_articles([Path(path) for path in paths], date=date, latest=latest)
    for problem in result.problems:
        print(f"skipped {problem}", file=sys.stderr)
    if not result.articles:
        print("error: no article could be read, so no events were written.", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    frame = extract_frame(result.articles)
    if merged:
        from timeline.merge import merge_events

        frame = merge_events(frame).events
    data = to_csv_bytes(frame) if fmt == "csv" else to_jsonl_bytes(frame)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        Path(output).write_bytes(data)
    print(
        f"{len(frame)} events from {len(result.articles)} articles ({len(result.problems)} skipped).",
        file=sys.stderr,
    )
    return EXIT_OK
