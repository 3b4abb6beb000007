"""timeline.cli: every command is documented, parses its options, and answers bad input in one sentence."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from tests.conftest import PROJECT
from timeline.cli import ExitCode, build_parser, extract, main

COMMANDS = ["extract", "store", "evaluate", "dates", "entities"]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_command_documented_in_readme(command):
    """README documents every command the CLI has."""
    assert f"python -m timeline {command}" in (PROJECT / "README.md").read_text(encoding="utf-8")


def test_cli_commands_are_the_documented_ones():
    """The CLI has exactly the commands README lists, no undocumented extra."""
    parser = build_parser()
    subparsers = next(action for action in parser._actions if action.dest == "command")
    assert sorted(subparsers.choices) == sorted(COMMANDS)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "x.txt", "--date", "2024-02-30"], "'2024-02-30' is not a date in the form YYYY-MM-DD"),
        (["extract", "x.txt", "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
        (["extract", "x.txt", "--workers", "0"], "'0' is not a whole number of at least 1"),
        (["extract", "x.txt", "--engine", "spark"], "invalid choice"),
    ],
    ids=["impossible-date", "unknown-format", "unknown-command", "zero-workers", "unknown-engine"],
)
def test_cli_bad_options_get_one_sentence(argv, message, capsys):
    """A bad option exits with usage status and says what is wrong, with no traceback."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_cli_module_help_runs():
    """`python -m timeline --help` starts and lists the commands."""
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "--help"], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert all(command in result.stdout for command in COMMANDS)


def test_cli_extract_takes_the_latest_date_from_its_caller(tmp_path, capsys):
    """`extract` judges publication dates against the date it is given; only the entry point reads the clock."""
    (tmp_path / "a.md").write_text("---\ntitle: T\ndate: 2024-12-02\n---\nOn Sunday it rained.\n", encoding="utf-8")
    options = extract.ExtractOptions(paths=(str(tmp_path),))
    assert extract.run(options, latest=dt.date(2024, 1, 1)) == ExitCode.NOTHING_PROCESSED
    assert "is dated 2024-12-02, later than 2024-01-01" in capsys.readouterr().err
