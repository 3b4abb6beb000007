"""The command line on the bad-input battery: `extract` on every crafted file (each bad file and line
named on stderr with its reason, every good article's events written, non-zero exit only when nothing
is read), the batch commands on hostile lines, inputs that are not regular files, limits at and past
them, and the one boundary: no traceback ever, an unexpected error one sentence and a logged stack.

Only the tests that load spaCy are marked slow; the rest run in the quick suite.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import PROJECT
from tests.test_ingest_battery import CASES, SPECIAL, special_files
from timeline.cli import ExitCode, main
from timeline.cli import extract as extract_command
from timeline.defaults import MAX_ARTICLE_CHARS, MAX_LINE_CHARS
from timeline.engines import max_workers
from timeline.errors import shown
from timeline.ingest import load_articles

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


@pytest.mark.slow
def test_cli_extract_battery_names_each_bad_input(tmp_path):
    """Every expected problem is one 'skipped FILE[:LINE]: reason' line; the good articles' events are written."""
    folder = tmp_path / "battery"
    folder.mkdir()
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "events.csv"
    with special_files(folder):
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
            shown_where = shown(f"{folder}/{where}")
            assert any(line.startswith(f"skipped {shown_where}: ") and fragment in line for line in skipped), where
    for name, kind in SPECIAL:
        assert f"skipped {folder}/{name}: is {kind}, not a regular file, so it is not read" in skipped
    assert all(line.isprintable() for line in run.stderr.splitlines())
    with special_files(folder):
        good = load_articles([folder], latest=dt.date.today() + dt.timedelta(days=1))
    assert len(skipped) == len(good.problems)
    assert f"from {len(good.articles)} articles" in run.stderr
    frame = pd.read_csv(out)
    assert (frame["date_value"] == "2024-12-01").any()


@pytest.mark.slow
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


@pytest.mark.slow
def test_cli_extract_battery_future_date_option_refused(tmp_path):
    """A --date in the future is refused in one sentence before anything is read."""
    (tmp_path / "plain.txt").write_text("On Sunday, Hakan Fidan visited Damascus.", encoding="utf-8")
    run = _extract(str(tmp_path / "plain.txt"), "--date", "2099-01-01")
    assert run.returncode != 0
    assert "2099-01-01" in run.stderr
    assert "Traceback" not in run.stderr


# --- The batch commands on hostile lines (no spaCy: `dates`) ------------------------------------

GOOD_LINE = json.dumps({"id": "good", "date": "2024-12-02", "text": "Talks began on Sunday."})


def _line(text: str, **extra: object) -> str:
    return json.dumps({"id": "x", "date": "2024-12-02", "text": text, **extra})


#: (name, a hostile line, a fragment of its sentence on stderr, or None when the line is read).
HOSTILE_LINES = [
    ("nested", '{"id": "n", "date": "2024-12-02", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "nested more than 64 levels deep"),
    ("huge-integer", '{"id": ' + "9" * 5_000 + ', "date": "2024-12-02", "text": "On Monday."}',
     "holds an integer of 5,000 digits, more than the 4,300"),
    ("text-at-limit", _line("a" * MAX_ARTICLE_CHARS), None),
    ("text-past-limit", _line("a" * (MAX_ARTICLE_CHARS + 1)), f"its 'text' is {MAX_ARTICLE_CHARS + 1:,} characters"),
    ("line-at-limit", _line("On Monday.", pad="p" * (MAX_LINE_CHARS - len(_line("On Monday.", pad="")))), None),
    ("line-past-limit", _line("On Monday.", pad="p" * (MAX_LINE_CHARS + 1 - len(_line("On Monday.", pad="")))),
     f"the line is longer than the {MAX_LINE_CHARS:,} characters"),
    ("line-50mb", _line("word " * 10_000_000), "the line is longer than"),
    ("not-json", "{not json", "is not valid JSON"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "fragment"), [case[1:] for case in HOSTILE_LINES], ids=[c[0] for c in HOSTILE_LINES])
def test_cli_battery_dates_hostile_line(tmp_path, capsys, line, fragment):
    """A hostile line is one sentence naming it (or is read, at a limit); the good line beside it is processed."""
    source = tmp_path / "in.jsonl"
    source.write_text(f"{line}\n{GOOD_LINE}\n", encoding="utf-8")
    assert main(["dates", str(source)]) == ExitCode.OK
    captured = capsys.readouterr()
    ids = [json.loads(output)["id"] for output in captured.out.splitlines()]
    assert "good" in ids
    if fragment is None:
        assert captured.err == ""
    else:
        (sentence,) = captured.err.splitlines()
        assert sentence.startswith(f"{source}:1: skipped, ")
        assert fragment in sentence
        assert not {"x", "n"} & set(ids)


def test_cli_battery_dates_lone_surrogates_become_replacement_characters(tmp_path, capsys):
    """An id or text holding half a surrogate pair is written out with U+FFFD, offsets unchanged."""
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a\\ud800", "date": "2024-12-02", "text": "\\udc00 On Sunday."}\n', encoding="utf-8")
    assert main(["dates", str(source), "-o", str(tmp_path / "out.jsonl")]) == ExitCode.OK
    (record,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (record["id"], record["text"], record["start"]) == ("a\ufffd", "Sunday", 5)


def test_cli_battery_dates_article_the_engine_fails_on_is_skipped(tmp_path, capsys, monkeypatch):
    """An article the date engine fails on is one sentence with a log reference; the others are processed."""
    import timeline.mentions.dates as mention_dates

    real = mention_dates.find_dates

    def fragile(text, date):  # type: ignore[no-untyped-def]
        if "poison" in text:
            raise ZeroDivisionError("a bug in a date rule")
        return real(text, date)

    monkeypatch.setattr(mention_dates, "find_dates", fragile)
    monkeypatch.setenv("TIMELINE_ERROR_LOG", str(tmp_path / "errors.log"))
    source = tmp_path / "in.jsonl"
    source.write_text(f"{_line('poison on Monday')}\n{GOOD_LINE}\n", encoding="utf-8")
    assert main(["dates", str(source)]) == ExitCode.OK
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["good"]
    (sentence,) = captured.err.splitlines()
    ref = re.fullmatch(
        rf"{re.escape(str(source))}:1: skipped, internal error while finding its dates; "
        rf"details in {re.escape(str(tmp_path / 'errors.log'))} \(ref ([0-9a-f]{{8}})\)\.",
        sentence,
    )
    assert ref is not None, sentence
    log = (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert f"ref {ref.group(1)}" in log
    assert "ZeroDivisionError: a bug in a date rule" in log


# --- Inputs that are not regular files -------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), SPECIAL, ids=[name for name, _ in SPECIAL])
@pytest.mark.parametrize("command", ["dates", "extract", "evaluate-file", "evaluate-folder"])
def test_cli_battery_non_regular_input_refused(tmp_path, capsys, command, name, kind):
    """A named pipe, a socket or a device given to any command is one sentence, at once, with no traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    with special_files(folder):
        path = folder / name
        if command.startswith("evaluate"):
            # Under a corpus suffix, as evaluate reads it; named back afterwards for the clean-up.
            path = path.rename(folder / "doc.xml")
        argv = {"evaluate-file": ["evaluate", str(path)], "evaluate-folder": ["evaluate", str(folder)]}
        try:
            code = main(argv.get(command, [command, str(path)]))
        finally:
            path.rename(folder / name)
        expected = f"{path}: is {kind}, not a regular file, so it is not read"
    assert code == ExitCode.NOTHING_PROCESSED
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err


def test_cli_battery_evaluate_deeply_nested_file_is_named(tmp_path, capsys):
    """A TimeML file nested 100,000 deep is named in one sentence, not a RecursionError."""
    path = tmp_path / "deep.tml"
    path.write_text("<TimeML><TEXT>" + "<a>" * 100_000 + "x" + "</a>" * 100_000 + "</TEXT></TimeML>")
    assert main(["evaluate", str(path)]) == ExitCode.NOTHING_PROCESSED
    err = capsys.readouterr().err
    assert err == (
        f"error: {path}: its elements are nested too deeply to read, so it is not an annotated news document.\n"
    )


# --- Names, output files, workers -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["ansi\x1b[2J\x1b]0;owned\x07.jsonl", "new\nline.jsonl", "bytes\udcff.jsonl"])
def test_cli_battery_names_reach_the_terminal_escaped(tmp_path, capsys, name):
    """A file name with control characters, or bytes that are not UTF-8, is written escaped, on one line."""
    (tmp_path / name).write_text("{broken\n", encoding="utf-8")
    assert main(["dates", str(tmp_path / name)]) == ExitCode.NOTHING_PROCESSED
    assert main(["dates", str(tmp_path / f"missing-{name}")]) == ExitCode.NOTHING_PROCESSED
    assert main(["extract", str(tmp_path / name)]) == ExitCode.NOTHING_PROCESSED
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 4  # dates: the bad line; dates: the missing file; extract: the file, then "no article"
    assert all(line.isprintable() for line in lines)
    assert shown(tmp_path / name) in lines[0]


def test_cli_battery_unwritable_output_is_one_sentence(tmp_path, capsys):
    """An output file that cannot be created is named with the reason, and nothing is processed."""
    source = tmp_path / "in.jsonl"
    source.write_text(GOOD_LINE + "\n", encoding="utf-8")
    out = tmp_path / "no-such-folder" / "out.jsonl"
    assert main(["dates", str(source), "-o", str(out)]) == ExitCode.NOTHING_PROCESSED
    assert capsys.readouterr().err == f"{out}: cannot write it (No such file or directory).\n"


@pytest.mark.parametrize("over", [0, 1, 100_000], ids=["at-limit", "past-limit", "far-past-limit"])
def test_cli_battery_workers_clamped_to_the_machine(capsys, over):
    """--workers up to the machine's cores is used as given; more is clamped, and a note says so."""
    asked = max_workers() + over
    options = extract_command.ExtractOptions(paths=("x.txt",), workers=asked)
    assert extract_command._workers(options) == min(asked, max_workers())
    err = capsys.readouterr().err
    if over:
        assert err == f"note: --workers {asked:,} is more than this machine's cores allow; using {max_workers()}.\n"
    else:
        assert err == ""


def test_cli_battery_workers_of_an_existing_cluster_are_not_clamped(capsys):
    """With a scheduler address the cluster has its own workers: nothing is clamped or said."""
    options = extract_command.ExtractOptions(paths=("x.txt",), engine="dask", scheduler="tcp://h:1", workers=10_000)
    assert extract_command._workers(options) == 10_000
    assert capsys.readouterr().err == ""


# --- The one boundary: an unexpected error ---------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "evaluate", "dates", "entities"])
def test_cli_battery_unexpected_error_is_one_sentence_and_a_logged_stack(tmp_path, capsys, monkeypatch, command):
    """Whatever a command did not expect is one sentence naming the log and a reference; the stack is in the log."""
    from timeline import cli

    def broken(*args: object, **kwargs: object) -> ExitCode:
        raise KeyError("a bug deep in the library")

    monkeypatch.setattr(getattr(cli, command), "run", broken)
    log = tmp_path / "errors.log"
    monkeypatch.setenv("TIMELINE_ERROR_LOG", str(log))
    argv = [command, str(tmp_path / "in.jsonl")]
    assert main(argv) == ExitCode.INTERNAL_ERROR
    captured = capsys.readouterr()
    match = re.fullmatch(
        rf"error: internal error while running `timeline {command}`; "
        rf"details in {re.escape(str(log))} \(ref ([0-9a-f]{{8}})\)\.\n",
        captured.err,
    )
    assert match is not None, captured.err
    text = log.read_text(encoding="utf-8")
    assert f"=== ref {match.group(1)}: internal error while running `timeline {command}`" in text
    assert "Traceback (most recent call last)" in text
    assert "KeyError: 'a bug deep in the library'" in text
    assert captured.out == ""


def test_cli_battery_unexpected_error_without_a_log_still_one_sentence(tmp_path, capsys, monkeypatch):
    """When the error log cannot be written the sentence says so, with its reference, and still no stack."""
    from timeline import cli

    monkeypatch.setattr(cli.dates, "run", lambda *args: 1 / 0)
    monkeypatch.setenv("TIMELINE_ERROR_LOG", str(tmp_path / "no-such-folder" / "errors.log"))
    assert main(["dates", "in.jsonl"]) == ExitCode.INTERNAL_ERROR
    err = capsys.readouterr().err
    assert re.fullmatch(
        r"error: internal error while running `timeline dates`; "
        r"its details could not be logged \(ref [0-9a-f]{8}\)\.\n",
        err,
    ), err


# --- Through a real process: pipes and encodings -----------------------------------------------------


def _timeline(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        cwd=PROJECT,
        capture_output=True,
        check=False,
        timeout=300,
        env={**os.environ, **env},
    )


def test_cli_battery_output_closed_early_is_quiet(tmp_path):
    """`timeline dates … | head -1`: the reader going away ends the command quietly, with 141."""
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([GOOD_LINE] * 20_000) + "\n", encoding="utf-8")
    pipeline = subprocess.run(
        f"{sys.executable} -m timeline dates {source} | head -1",
        shell=True,
        cwd=PROJECT,
        capture_output=True,
        check=False,
        timeout=300,
        executable="/bin/bash",
        env={**os.environ},
    )
    assert pipeline.stdout.count(b"\n") == 1
    assert pipeline.stderr == b""


def test_cli_battery_output_is_utf8_whatever_the_locale(tmp_path):
    """On a terminal that claims ASCII, the JSON lines are still UTF-8 and the messages still print."""
    source = tmp_path / "Zürich “in”.jsonl"
    source.write_text(
        json.dumps({"id": "ü", "date": "2024-12-02", "text": "In Zürich on Sunday."}, ensure_ascii=False)
        + "\n{bad\n",
        encoding="utf-8",
    )
    run = _timeline("dates", str(source), PYTHONIOENCODING="ascii")
    assert run.returncode == 0
    assert json.loads(run.stdout.decode("utf-8"))["id"] == "ü"
    assert b"Traceback" not in run.stderr
    assert b"skipped" in run.stderr


# --- The batch command that loads spaCy --------------------------------------------------------------


@pytest.mark.slow
def test_cli_battery_entities_hostile_lines(tmp_path):
    """`entities` skips deep, huge and over-long lines with one sentence each, and reads lone surrogates."""
    lines = [
        '{"id": "n", "date": "2024-12-02", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": ' + "9" * 5_000 + ', "date": "2024-12-02", "text": "Hakan Fidan."}',
        _line("Fidan " * (MAX_ARTICLE_CHARS // 6 + 1)),
        '{"id": "s\\ud800", "date": "2024-12-02", "text": "Hakan Fidan visited Damascus.\\udc00"}',
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = _timeline("entities", str(source))
    assert run.returncode == 0, run.stderr
    err = run.stderr.decode("utf-8").splitlines()
    assert [line.split(": skipped")[0] for line in err] == [f"{source}:1", f"{source}:2", f"{source}:3"]
    records = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
    assert {record["id"] for record in records} == {"s\ufffd"}
    assert "Damascus" in {record["text"] for record in records}


@pytest.mark.slow
def test_cli_battery_extract_with_far_too_many_workers(tmp_path):
    """`--workers 100000` runs on the machine's cores, says so, and writes the events."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    run = _extract(str(tmp_path / "good.txt"), "--workers", "100000", "--no-cache")
    assert run.returncode == 0, run.stderr
    assert f"note: --workers 100,000 is more than this machine's cores allow; using {max_workers()}." in run.stderr
    assert "Too many open files" not in run.stderr
    assert "Damascus" in run.stdout
