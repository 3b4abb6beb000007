"""`python -m timeline extract` on the whole bad-input battery: every bad file (and line) named on
stderr with its reason, every good article's events written, non-zero exit only when nothing is read."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import PROJECT
from tests.test_ingest_battery import CASES
from timeline.ingest import load_articles

pytestmark = pytest.mark.slow

GOOD = "---\ntitle: Good\ndate: 2024-12-02\n---\nOn Sunday, Turkish Foreign Minister Hakan Fidan visited Damascus.\n"


def _extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", "extract", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_cli_extract_battery_names_each_bad_input(tmp_path):
    """Every expected problem is one 'skipped FILE[:LINE]: reason' line; the good articles' events are written."""
    folder = tmp_path / "battery"
    folder.mkdir()
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "events.csv"
    run = _extract(str(folder), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    skipped = [line for line in run.stderr.splitlines() if line.startswith("skipped ")]
    for case in CASES:
        if case.name == "slides.pdf":  # not an article suffix, so a folder search leaves it alone
            continue
        for where, reason in case.problems:
            # The battery's "latest" is a fixed day; the command line passes the real tomorrow.
            fragment = reason.split("later than")[0]
            assert any(line.startswith(f"skipped {folder}/{where}: ") and fragment in line for line in skipped), where
    good = load_articles([folder], latest=dt.date.today() + dt.timedelta(days=1))
    assert len(skipped) == len(good.problems)
    assert f"from {len(good.articles)} articles" in run.stderr
    frame = pd.read_csv(out)
    assert (frame["date_value"] == "2024-12-01").any()


@pytest.mark.parametrize("name", ["empty.txt", "renamed.txt", "no_text.csv", "no_text.html", "huge.txt"])
def test_cli_extract_battery_nothing_readable_exits_non_zero(tmp_path, name):
    """A run where no article can be read exits non-zero, naming the file and why, without a traceback."""
    case = next(case for case in CASES if case.name == name)
    (tmp_path / name).write_bytes(case.data)
    run = _extract(str(tmp_path / name))
    assert run.returncode == 1
    assert f"skipped {tmp_path / name}" in run.stderr
    assert case.problems[0][1] in run.stderr
    assert "Traceback" not in run.stderr


def test_cli_extract_battery_future_date_option_refused(tmp_path):
    """A --date in the future is refused in one sentence before anything is read."""
    (tmp_path / "plain.txt").write_text("On Sunday, Hakan Fidan visited Damascus.", encoding="utf-8")
    run = _extract(str(tmp_path / "plain.txt"), "--date", "2099-01-01")
    assert run.returncode != 0
    assert "2099-01-01" in run.stderr
    assert "Traceback" not in run.stderr
