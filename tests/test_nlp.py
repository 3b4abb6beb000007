"""The spaCy loader: line breaks start sentences, a missing model is one clear sentence, one load per name."""

from __future__ import annotations

import pytest
import spacy

from timeline.errors import ModelNotInstalledError
from timeline.nlp import LINE_BREAKS, load_nlp


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Developments in Syria\nMeanwhile, Syria has been witnessing", ["Developments", "Meanwhile"]),
        ("A heading\n\nThe body text", ["A", "The"]),
    ],
)
def test_nlp_line_break_starts_a_sentence(text: str, starts: list[str]) -> None:
    """The token after a line break is a sentence start, set before any parser runs."""
    nlp = spacy.blank("en")
    nlp.add_pipe(LINE_BREAKS)
    doc = nlp(text)
    assert [token.text for token in doc if token.is_sent_start] == starts


def test_nlp_missing_model_is_one_sentence() -> None:
    """A model that is not installed raises ModelNotInstalledError naming what to pip install."""
    with pytest.raises(ModelNotInstalledError, match=r"pip install no-such-model-xyz") as raised:
        load_nlp("no_such_model_xyz")
    assert str(raised.value).count(". ") == 0


@pytest.mark.slow
def test_nlp_loaded_once_and_heading_kept_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    """load_nlp returns the same cached pipeline; a heading is its own sentence; the lemmatizer is off."""
    assert load_nlp() is nlp
    assert "lemmatizer" not in nlp.pipe_names
    doc = nlp("Developments in Syria\nMeanwhile, Syria has been witnessing significant developments.")
    assert next(sentence.text.strip() for sentence in doc.sents) == "Developments in Syria"


def test_nlp_model_name_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model named by TIMELINE_SPACY_MODEL is the one loaded (here: a missing one, named in the error)."""
    monkeypatch.setenv("TIMELINE_SPACY_MODEL", "other_missing_model")
    with pytest.raises(ModelNotInstalledError, match="other_missing_model"):
        load_nlp()
