"""timeline.uploads: one dashboard submission (pasted text, files, a date) to articles, problems and a date hint."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.uploads import NOTHING_GIVEN, PASTED_NAME, read_submission

D = dt.date
TEXT = "On Sunday, Syrian forces shelled Aleppo.\n"
HEADED = "---\ntitle: Headed\ndate: 2024-12-02\n---\n" + TEXT


def test_uploads_nothing_given():
    """An empty submission says so in one sentence."""
    assert read_submission("  \n", []).problems == (NOTHING_GIVEN,)


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
    ("text", "hint"),
    [
        (TEXT, ""),
        ("Talks began on November 30, 2024 in Doha.\n", "Saturday 30 November 2024"),
        ("Written on 2099-01-01 by a time traveller.\n", ""),
    ],
)
def test_uploads_undated_paste_gets_a_hint_not_a_date(text, hint):
    """Undated pasted text is refused, with the date the text suggests offered (never used) when it has one."""
    submission = read_submission(text, [], latest=D(2026, 1, 1))
    assert submission.articles == ()
    (problem,) = submission.problems
    assert problem.startswith(PASTED_NAME)
    assert (hint in submission.hint) if hint else submission.hint == ""


def test_uploads_date_after_latest_is_a_problem():
    """A publication date given after the latest accepted is one sentence, not an exception."""
    submission = read_submission(TEXT, [], date=D(2030, 1, 1), latest=D(2026, 1, 1))
    assert submission.articles == ()
    assert len(submission.problems) == 1
