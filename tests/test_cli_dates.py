"""`python -m timeline dates`: one JSON line per date expression, bad lines named and skipped, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli.dates import run
from timeline.cli.exit_codes import ExitCode

_GOOD = {"id": "a1", "date": "2024-12-02", "text": "Talks began on Sunday. Last month, aid stopped.", "extra": 1}


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_dates_writes_one_line_per_expression(tmp_path: Path) -> None:
    """Each date expression becomes one line with offsets into its article's text."""
    source, out = _write(tmp_path, [json.dumps(_GOOD)]), tmp_path / "out.jsonl"
    assert run(str(source), str(out)) == ExitCode.OK
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"id": "a1", "start": 15, "end": 21, "text": "Sunday", "value": "2024-12-01", "precision": "day",
         "start_date": "2024-12-01", "end_date": "2024-12-01"},
        {"id": "a1", "start": 23, "end": 33, "text": "Last month", "value": "2024-11", "precision": "month",
         "start_date": "2024-11-01", "end_date": "2024-11-30"},
    ]  # fmt: skip
    assert all(_GOOD["text"][x["start"] : x["end"]] == x["text"] for x in lines)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a"]', "expected a JSON object"),
        ('{"id": "b", "text": "x"}', "missing 'date'"),
        ('{"id": "b", "date": "2024-02-30", "text": "x"}', "not a date"),
        ('{"id": "b", "date": "2024-02-03", "text": 5}', "'text' must be a string"),
        ('{"id": null, "date": "2024-02-03", "text": "x"}', "'id' must be"),
    ],
)
def test_cli_dates_skips_bad_lines_with_one_sentence(tmp_path: Path, capsys, bad: str, message: str) -> None:  # type: ignore[no-untyped-def]
    """A malformed line is named on stderr in one sentence and skipped; the other lines are still processed."""
    source = _write(tmp_path, [bad, json.dumps(_GOOD)])
    assert run(str(source), None) == ExitCode.OK
    captured = capsys.readouterr()
    assert f"{source}:1:" in captured.err
    assert message in captured.err
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    assert len(captured.out.splitlines()) == 2


def test_cli_dates_nothing_processed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """When every line is bad, or the file is missing, the exit code says nothing was processed."""
    assert run(str(_write(tmp_path, ["oops"])), None) == ExitCode.NOTHING_PROCESSED
    assert run(str(tmp_path / "absent.jsonl"), None) == ExitCode.NOTHING_PROCESSED
    assert "absent.jsonl: does not exist." in capsys.readouterr().err
