"""The code base stays clean: ruff's lint and mypy's strict types pass on the library and tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

pytestmark = pytest.mark.slow


def _tool(name: str) -> str:
    found = Path(sys.executable).parent / name
    if found.exists():
        return str(found)
    located = shutil.which(name)
    if located is None:
        pytest.skip(f"{name} is not installed; install requirements-dev.txt")
    return located


@pytest.mark.parametrize(
    "command",
    [["ruff", "check", "timeline", "tests", "bench", "dashboard.py"], ["mypy"]],
    ids=["ruff", "mypy"],
)
def test_quality_tool_passes(command):
    """The linter and the type checker report nothing, with the settings in pyproject.toml."""
    result = subprocess.run([_tool(command[0]), *command[1:]], cwd=PROJECT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
