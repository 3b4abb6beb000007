"""Acceptance: the seed article (published Monday 2024-12-02) gives the events issue 2 and 4 ask for."""

from __future__ import annotations

import pandas as pd
import pytest

from timeline.schema import check_event_frame

pytestmark = pytest.mark.slow

# (start of the evidence sentence, date as written contains, TIMEX3 value, precision, source, start, end)
SEED_DATES = [
    ("Syria has been witnessing", "weekend", "2024-W48-WE", "weekend", "relative", "2024-11-30", "2024-12-01"),
    ("Qatar and Türkiye have discussed", "weekend", "2024-W48-WE", "weekend", "relative", "2024-11-30", "2024-12-01"),
    ("The discussions took place", "Sunday", "2024-12-01", "day", "relative", "2024-12-01", "2024-12-01"),
    ("Israel has persisted", "October 7, 2023", "2023-10-07", "day", "explicit", "2023-10-07", "2023-10-07"),
    ("Mediation efforts stalled", "December 1, 2023", "2023-12-01", "day", "explicit", "2023-12-01", "2023-12-01"),
    ("The Gulf state has also hosted", "2012", "2012", "year", "explicit", "2012-01-01", "2012-12-31"),
    ("On November 9", "November 9", "2024-11-09", "day", "relative", "2024-11-09", "2024-11-09"),
    ("Last month", "Last month", "2024-11", "month", "relative", "2024-11-01", "2024-11-30"),
    ("“Over the coming days", "November 26", "2024-11-26", "day", "relative", "2024-11-26", "2024-11-26"),
    ("Meanwhile, Syria has been", "weekend", "2024-W48-WE", "weekend", "relative", "2024-11-30", "2024-12-01"),
    ("On Sunday, Syrian forces", "Sunday", "2024-12-01", "day", "relative", "2024-12-01", "2024-12-01"),
    ("Russia had intervened", "2015", "2015", "year", "explicit", "2015-01-01", "2015-12-31"),
    ("Russia had intervened", "2011", "2011", "year", "explicit", "2011-01-01", "2011-12-31"),
    ("The latest events in Syria", "2020", "2020", "year", "explicit", "2020-01-01", "2020-12-31"),
    ("At the time", "", "2020", "year", "context", "2020-01-01", "2020-12-31"),
    ("On Monday", "Monday", "2024-12-02", "day", "relative", "2024-12-02", "2024-12-02"),
    ("In a press conference in Istanbul", "", "2024-12-02", "day", "context", "2024-12-02", "2024-12-02"),
]

# (start of the evidence sentence, TIMEX3 value, actors that must be there, countries that must be there)
SEED_WHO = [
    (
        "The discussions took place",
        "2024-12-01",
        {"Mohammed bin Abdulrahman Al-Thani", "Hakan Fidan"},
        {"Qatar", "Türkiye"},
    ),
    ("Israel has persisted", "2023-10-07", {"Israel"}, {"Israel", "Palestine"}),
    ("Last month", "2024-11", {"Joe Biden"}, {"United States", "Qatar", "Egypt", "Türkiye"}),
    ("“Over the coming days", "2024-11-26", {"Joe Biden"}, {"United States"}),
    ("Syria has been witnessing", "2024-W48-WE", set(), {"Syria"}),
    ("On Sunday, Syrian forces", "2024-12-01", set(), {"Syria", "Russia"}),
    ("Russia had intervened", "2015", {"Russia"}, {"Russia", "Syria"}),
    ("The latest events in Syria", "2020", set(), {"Syria"}),
    ("At the time", "2020", set(), {"Türkiye", "Russia"}),
    ("On Monday", "2024-12-02", {"Abbas Araghchi"}, {"Iran", "Türkiye"}),
    ("In a press conference in Istanbul", "2024-12-02", {"Hakan Fidan"}, {"Türkiye"}),
]

NOT_DATES = ["Within more than a year", "over the past 13 years", "Over the coming days", "week-long"]


def _rows(frame: pd.DataFrame, sentence_start: str, value: str) -> pd.DataFrame:
    return frame[frame["sentence"].str.startswith(sentence_start) & (frame["date_value"] == value)]


@pytest.mark.parametrize(("sentence_start", "written", "value", "precision", "source", "start", "end"), SEED_DATES)
def test_seed_date_resolved(seed_frame, sentence_start, written, value, precision, source, start, end):
    """Each dated happening of the seed has one event with the value, span, precision and source issue 2 gives."""
    rows = _rows(seed_frame, sentence_start, value)
    assert len(rows) == 1, seed_frame[["sentence", "date_text", "date_value"]].to_string()
    row = rows.iloc[0]
    assert written in row["date_text"]
    assert row["date_precision"] == precision
    assert row["date_source"] == source
    assert row["date_start"] == pd.Timestamp(start)
    assert row["date_end"] == pd.Timestamp(end)


@pytest.mark.parametrize(("sentence_start", "value", "actors", "countries"), SEED_WHO)
def test_seed_event_actors_and_countries(seed_frame, sentence_start, value, actors, countries):
    """Each seed event carries the canonical actors and countries issue 4 lists."""
    row = _rows(seed_frame, sentence_start, value).iloc[0]
    assert actors <= set(row["actors"]), row["actors"]
    assert countries <= set(row["countries"]), row["countries"]


@pytest.mark.parametrize("phrase", NOT_DATES)
def test_seed_durations_are_not_dates(seed_frame, seed_article, phrase):
    """Durations and vague spans never become an event's date."""
    assert phrase.casefold() in seed_article.text.casefold()
    assert not seed_frame.empty
    assert not seed_frame["date_text"].str.contains(phrase, case=False, regex=False).any()


def test_seed_table_follows_schema(seed_frame):
    """The seed's table has every documented column with its type."""
    check_event_frame(seed_frame)


def test_seed_evidence_is_verbatim(seed_frame, seed_article):
    """Every evidence sentence stands in the article exactly as written."""
    assert not seed_frame.empty
    assert all(sentence in seed_article.text for sentence in seed_frame["sentence"])


@pytest.mark.parametrize("column", ["actors", "countries"])
def test_seed_names_are_canonical(seed_frame, column):
    """No entity appears under two names: no 'Turkey' beside 'Türkiye', no 'Fidan' beside 'Hakan Fidan'."""
    names = {name for cell in seed_frame[column] for name in cell}
    assert names & {"Türkiye", "Hakan Fidan"}
    assert "Turkey" not in names
    assert "Fidan" not in names
    assert "Biden" not in names
