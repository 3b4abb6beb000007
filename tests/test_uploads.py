"""timeline.uploads: one dashboard submission (pasted text, files, a date) to articles, problems and undated inputs."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.uploads import NOTHING_GIVEN, PASTED_NAME, read_submission, read_undated, suggestion_sentence

D = dt.date
TEXT = "On Sunday, Syrian forces shelled Aleppo.\n"
HEADED = "---\ntitle: Headed\ndate: 2024-12-02\n---\n" + TEXT


def test_uploads_nothing_given():
    """An empty submission says so in one sentence, and is refused (nothing waits)."""
    submission = read_submission("  \n", [])
    assert submission.problems == submission.refused == (NOTHING_GIVEN,)


def test_uploads_paste_with_date_and_title():
    """Pasted text takes the date given and the title typed."""
    submission = read_submission(TEXT, [], title=" My title ", date=D(2024, 12, 2))
    (article,) = submission.articles
    assert (article.title, article.date, submission.problems) == ("My title", D(2024, 12, 2), ())


def test_uploads_bad_file_keeps_good_ones():
    """A bad file is one problem naming it; the good file and the paste are still read."""
    submission = read_submission(TEXT, [("bad.txt", b"\x00\x01"), ("good.md", HEADED.encode())], date=D(2024, 12, 1))
    assert [article.title for article in submission.articles] == [PASTED_NAME, "Headed"]
    (problem,) = submission.problems
    assert problem.startswith("bad.txt: ")


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        (TEXT, None),
        ("Talks began on November 30, 2024 in Doha.\n", D(2024, 11, 30)),
        ("Written on 2099-01-01 by a time traveller.\n", None),
    ],
)
def test_uploads_undated_paste_gets_a_suggestion_not_a_date(text, suggested):
    """Undated pasted text is refused and held for a date, with the date the text suggests offered (never used)."""
    submission = read_submission(text, [], title="Kept", latest=D(2026, 1, 1))
    assert submission.articles == ()
    (problem,) = submission.problems
    assert problem.startswith(PASTED_NAME)
    (undated,) = submission.undated
    assert (undated.name, undated.title, undated.suggested) == (PASTED_NAME, "Kept", suggested)
    sentence = suggestion_sentence(undated)
    assert (f"{suggested:%A %d %B %Y}" in sentence) if suggested else sentence == ""


@pytest.mark.parametrize(
    ("name", "data", "suggested"),
    [
        ("undated.txt", b"Talks began on November 30, 2024 in Doha.\n", D(2024, 11, 30)),
        ("undated.md", TEXT.encode(), None),
        ("feed.jsonl", b'{"id": "1", "title": "T", "text": "On Sunday, talks began."}\n', None),
        ("table.csv", b"id,title,text\n1,T,On Sunday talks began.\n", None),
    ],
)
def test_uploads_undated_file_is_held_and_read_with_confirmed_date(name, data, suggested):
    """A file without a date is held with its suggestion; read again with the confirmed date, it yields articles."""
    submission = read_submission("", [(name, data)], latest=D(2026, 1, 1))
    assert submission.articles == ()
    (undated,) = submission.undated
    assert (undated.name, undated.suggested) == (name, suggested)
    again = read_undated(undated, D(2024, 12, 2), latest=D(2026, 1, 1))
    assert again.problems == ()
    assert [article.date for article in again.articles] == [D(2024, 12, 2)]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("impossible.txt", b"---\ndate: 2024-02-30\n---\n" + TEXT.encode()),
        ("future.txt", b"---\ndate: 2099-01-01\n---\n" + TEXT.encode()),
        ("dated.txt", HEADED.encode()),
    ],
)
def test_uploads_wrong_or_present_date_is_not_held(name, data):
    """A file that states a date, even a wrong one, is never held for the user's date: a given date cannot fix it."""
    assert read_submission("", [(name, data)], latest=D(2026, 1, 1)).undated == ()


def test_uploads_given_date_holds_nothing():
    """With a date given for undated articles, nothing waits for one."""
    assert read_submission(TEXT, [], date=D(2024, 12, 2)).undated == ()


def test_uploads_date_after_latest_is_a_problem():
    """A publication date given after the latest accepted is one sentence, not an exception, and it is refused."""
    submission = read_submission(TEXT, [], date=D(2030, 1, 1), latest=D(2026, 1, 1))
    assert submission.articles == ()
    assert len(submission.problems) == 1
    assert submission.refused == submission.problems


def test_uploads_same_name_twice_is_held_once():
    """Two undated files of one name wait once (the first), so the dashboard's date box for that name is unique."""
    first, second = b"On Sunday, talks began.\n", b"On Monday, talks ended.\n"
    submission = read_submission("", [("a.txt", first), ("b.txt", first), ("a.txt", second)])
    assert [(undated.name, undated.data) for undated in submission.undated] == [("a.txt", first), ("b.txt", first)]


def test_uploads_unexpected_reader_error_is_that_uploads_sentence(monkeypatch, tmp_path):
    """A reader failing unexpectedly on one upload is its one sentence with a log reference and no server
    path; the paste and the other uploads are still read."""
    import re

    import timeline.ingest as ingest

    def broken(data, context):  # type: ignore[no-untyped-def]
        raise IndexError("a bug in a reader")
        yield  # a generator, like every reader

    monkeypatch.setitem(ingest._READERS, ".csv", broken)
    monkeypatch.setenv("TIMELINE_ERROR_LOG", str(tmp_path / "errors.log"))
    submission = read_submission(TEXT, [("feed.csv", b"x"), ("good.md", HEADED.encode())], date=D(2024, 12, 1))
    assert [article.title for article in submission.articles] == [PASTED_NAME, "Headed"]
    (problem,) = submission.problems
    match = re.fullmatch(
        r"feed\.csv: could not be read because of an internal error; details in the error log \(ref ([0-9a-f]{8})\)",
        problem,
    )
    assert match is not None, problem
    assert str(tmp_path) not in problem
    log = (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert f"ref {match.group(1)}" in log
    assert "IndexError: a bug in a reader" in log


def test_uploads_pasted_lone_surrogates_become_replacement_characters():
    """Pasted text holding half a surrogate pair (a browser may send one) is read, the half replaced."""
    submission = read_submission("On Sunday \ud800 talks began.", [], title="Half \udc00", date=D(2024, 12, 2))
    (article,) = submission.articles
    assert (article.text, article.title) == ("On Sunday \ufffd talks began.", "Half \ufffd")


def test_uploads_names_are_shown_escaped():
    """An upload's name with control characters is escaped in its problem and in the date suggestion."""
    name = "evil\x1b[31m\n.txt"
    submission = read_submission("", [(name, b"Talks began on November 30, 2024 in Doha.\n")])
    (problem,) = submission.problems
    (undated,) = submission.undated
    assert undated.name == name  # kept as given: the dashboard keys its date box by it
    assert problem.startswith("evil\\x1b[31m\\n.txt: ")
    assert "evil\\x1b[31m\\n.txt" in suggestion_sentence(undated)
    assert all(text.isprintable() for text in (problem, suggestion_sentence(undated)))


def test_uploads_expanding_parquet_is_refused_unread_and_the_paste_kept():
    """A few kilobytes of Parquet that decompress past the upload limit are one sentence; the paste is read."""
    from tests.test_ingest_battery import CASES

    case = next(case for case in CASES if case.name == "expanding.parquet")
    submission = read_submission(TEXT, [(case.name, case.data)], date=D(2024, 12, 2))
    assert len(case.data) < 100_000
    assert [article.text for article in submission.articles] == [TEXT.strip(), "Parquet story 1."]
    (problem,) = submission.problems
    assert "decompress to 211.0 MB, more than the 200.0 MB read from one file" in problem


@pytest.mark.parametrize(
    ("files", "refused"),
    [
        ([("undated.txt", TEXT.encode())], 0),
        ([("undated.txt", TEXT.encode()), ("bad.txt", b"\x00\x01")], 1),
        ([("dated.md", HEADED.encode())], 0),
    ],
)
def test_uploads_waiting_for_a_date_is_not_refused(files, refused):
    """An input waiting for its date is not among the refused problems; an unreadable one is."""
    submission = read_submission("", files, latest=D(2026, 1, 1))
    assert len(submission.refused) == refused
    assert all(problem.startswith("bad.txt") for problem in submission.refused)


@pytest.mark.parametrize(("name", "what"), [(PASTED_NAME, "The pasted text"), ("notes.md", "notes.md")])
def test_uploads_date_prompt_names_the_pickers_format(name, what):
    """The date prompt says what waits, that it states no date, and the date box's format."""
    from timeline.uploads import Undated, date_prompt

    prompt = date_prompt(Undated(name, b"x", suggested=D(2024, 11, 30)), "YYYY/MM/DD")
    assert prompt.startswith(f"{what} states no publication date.")
    assert "(YYYY/MM/DD)" in prompt
    assert "Saturday 30 November 2024" in prompt
    assert "YYYY-MM-DD" not in prompt
