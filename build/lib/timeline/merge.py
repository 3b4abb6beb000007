"""One happening, many reports: merge the event rows that tell the same thing.

Two event rows (mentions) report the same happening when, coming from different
articles,

- their dates agree: the same value at the same precision, or, for spans of at most
  :data:`~timeline.defaults.MERGE_FINE_SPAN_DAYS` days (day, weekend, week), ranges
  that overlap ("Sunday" and "the weekend");
- they share an actor or a place (or neither names any);
- their sentences are alike: the mean of the sentences' word-set Jaccard similarity and
  the actors-and-places Jaccard similarity reaches
  :data:`~timeline.defaults.MERGE_MIN_SCORE`, with at least
  :data:`~timeline.defaults.MERGE_MIN_SENTENCE_SIMILARITY` from the words
  (the sentence's own date words are left out: reports word a date differently).

Identical reports (same words, names and date: syndicated copy, an article read twice)
are one happening outright. Merging is the transitive closure of that relation. Comparing every pair would be
quadratic, so candidates are blocked first: a mention is keyed by each day its date
covers (or by its value, for coarser dates) crossed with each actor and place it names
(or with word signatures, when it names none), and only mentions sharing a key are
compared, each with its :data:`~timeline.defaults.MERGE_WINDOW` nearest neighbours in
word-signature order. 100,000 events merge in seconds.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from timeline.defaults import (
    MERGE_FINE_SPAN_DAYS,
    MERGE_MIN_SCORE,
    MERGE_MIN_SENTENCE_SIMILARITY,
    MERGE_STOPWORDS,
    MERGE_WINDOW,
)
from timeline.schema import (
    COLUMN_NAMES,
    LIST_COLUMNS,
    MERGED_COLUMN_NAMES,
    MERGED_ID,
    check_event_frame,
    check_merged_frame,
    empty_merged_frame,
)

__all__ = ["MergedEvents", "merge_events"]

_WORD = re.compile(r"\w+")
#: Word signatures keying a mention that names no actor or place.
_SIGNATURES: Final = 3
#: Columns the merged table takes from each happening's representative mention: those
#: it shares with the event table, except the lists, which are unions of all mentions.
_REPRESENTATIVE_COLUMNS: Final = tuple(
    name for name in MERGED_COLUMN_NAMES if name in COLUMN_NAMES and name not in LIST_COLUMNS
)


@dataclass(frozen=True)
class MergedEvents:
    """Both views of one event table: happenings, and the mentions behind them.

    ``events`` follows :data:`timeline.schema.MERGED_COLUMNS`, in timeline order;
    ``mentions`` is the event table as given, with a ``merged_id`` column.
    """

    events: pd.DataFrame
    mentions: pd.DataFrame

    def mentions_of(self, merged_id: str) -> pd.DataFrame:
        """The mentions (event rows) behind one merged event."""
        return self.mentions[self.mentions[MERGED_ID] == merged_id]


@dataclass(frozen=True)
class MergeSettings:
    """The thresholds of :func:`merge_events`; the defaults live in :mod:`timeline.defaults`."""

    fine_span_days: int = MERGE_FINE_SPAN_DAYS
    min_score: float = MERGE_MIN_SCORE
    min_sentence_similarity: float = MERGE_MIN_SENTENCE_SIMILARITY
    window: int = MERGE_WINDOW


def merge_events(frame: pd.DataFrame, settings: MergeSettings | None = None) -> MergedEvents:
    """Group the rows of an event table that report the same happening (see module doc)."""
    check_event_frame(frame)
    options = settings if settings is not None else MergeSettings()
    mentions = frame.reset_index(drop=True)
    groups = _Groups.of(mentions, _cluster(mentions, options))
    merged_ids = groups.merged_ids(mentions)
    merged = MergedEvents(
        events=_merged_table(mentions, groups, merged_ids),
        mentions=frame.assign(**{MERGED_ID: merged_ids}),
    )
    check_merged_frame(merged.events)
    check_event_frame(merged.mentions)
    return merged


# --- Which rows belong together -------------------------------------------------------


@dataclass(frozen=True)
class _Features:
    """Per row: word-set id and name-set id; the distinct sets those ids stand for."""

    word_ids: np.ndarray
    words: list[frozenset[str]]
    name_ids: np.ndarray
    names: list[frozenset[str]]
    #: MinHash signatures of each distinct word set (one row per set).
    signatures: np.ndarray

    def subset(self, rows: np.ndarray) -> _Features:
        """The features of some rows only (the distinct sets stay shared)."""
        return _Features(self.word_ids[rows], self.words, self.name_ids[rows], self.names, self.signatures)


def _cluster(mentions: pd.DataFrame, options: MergeSettings) -> np.ndarray:
    """A component label per row: rows with the same label report the same happening."""
    count = len(mentions)
    if count < 2:
        return np.arange(count)
    features = _features(mentions)
    # Identical reports (same words, names and date: syndicated copy, an article read
    # twice) are one happening outright; compare one of each, which also keeps a story
    # copied a thousand times from filling its blocks.
    units, representatives = _identical_units(mentions, features)
    unique = mentions.iloc[representatives].reset_index(drop=True)
    unique_features = features.subset(representatives)
    left, right = _candidate_pairs(unique, unique_features, options)
    articles = pd.factorize(unique["article_id"])[0]
    keep = articles[left] != articles[right]
    left, right = left[keep], right[keep]
    accepted = _similar(left, right, unique_features, options)
    labels: np.ndarray = _components(len(unique), left[accepted], right[accepted])[units]
    return labels


def _identical_units(mentions: pd.DataFrame, features: _Features) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the number of its group of identical reports; and the first row of each group."""
    key = pd.DataFrame(
        {
            "words": features.word_ids,
            "names": features.name_ids,
            "start": mentions["date_start"].to_numpy(),
            "end": mentions["date_end"].to_numpy(),
            "value": mentions["date_value"].to_numpy(dtype=object),
        }
    )
    units = key.groupby(list(key.columns), sort=False, dropna=False).ngroup().to_numpy()
    _, representatives = np.unique(units, return_index=True)
    return units, representatives


def _features(mentions: pd.DataFrame) -> _Features:
    # Sentences and name sets repeat (syndicated copy, one actor list for many rows):
    # factorise first so each distinct one is tokenised once.
    texts = [
        _strip_date(sentence, date_text)
        for sentence, date_text in zip(mentions["sentence"].tolist(), mentions["date_text"].tolist(), strict=True)
    ]
    word_ids, unique_texts = pd.factorize(pd.Series(texts, dtype=object))
    words = [_words(text) for text in unique_texts]
    name_keys = [
        tuple(sorted({*actors, *places}))
        for actors, places in zip(mentions["actors"].tolist(), mentions["places"].tolist(), strict=True)
    ]
    name_ids, unique_names = pd.factorize(pd.Series(name_keys, dtype=object))
    names = [frozenset(key) for key in unique_names]
    return _Features(np.asarray(word_ids), words, np.asarray(name_ids), names, _signatures(words))


def _strip_date(sentence: str, date_text: str) -> str:
    # Two reports of one happening rarely word its date alike ("Sunday", "December 1").
    return sentence.replace(date_text, " ") if date_text else sentence


def _words(text: str) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall(text.lower()) if word not in MERGE_STOPWORDS)


def _candidate_pairs(
    mentions: pd.DataFrame, features: _Features, options: MergeSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of rows (left < right) that share a block key, each pair once."""
    date_rows, date_keys = _date_keys(mentions, options.fine_span_days)
    name_rows, name_keys = _name_keys(mentions, features)
    # Cross each row's date keys with its name keys (a join on the row number).
    dates = pd.DataFrame({"row": date_rows, "date": date_keys})
    names = pd.DataFrame({"row": name_rows, "name": name_keys})
    keyed = dates.merge(names, on="row", how="inner", sort=False)
    if keyed.empty:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    block = keyed.groupby(["date", "name"], sort=False).ngroup().to_numpy()
    rows = keyed["row"].to_numpy()
    order = np.lexsort((rows, _signature_order(features)[rows], block))
    block, rows = block[order], rows[order]
    lefts, rights = [], []
    for step in range(1, max(options.window, 0) + 1):
        same = block[:-step] == block[step:]
        if not same.any():
            break  # blocks are contiguous runs: none is longer than this step
        lefts.append(rows[:-step][same])
        rights.append(rows[step:][same])
    if not lefts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    left, right = np.concatenate(lefts), np.concatenate(rights)
    low, high = np.minimum(left, right), np.maximum(left, right)
    distinct = np.unique(low.astype(np.int64) * len(mentions) + high)
    return distinct // len(mentions), distinct % len(mentions)


def _date_keys(mentions: pd.DataFrame, fine_span_days: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, key) pairs: one per day covered by a short date, one per value for longer ones."""
    # Day numbers straight from the days: no era overflows, as nanoseconds would before 1677.
    first_day = mentions["date_start"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    last_day = mentions["date_end"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    known = ~(mentions["date_start"].isna().to_numpy() | mentions["date_end"].isna().to_numpy())
    span = last_day - first_day + 1
    fine = known & (span >= 1) & (span <= fine_span_days)
    coarse = known & ~fine
    fine_rows = np.flatnonzero(fine)
    repeats = span[fine_rows]
    day_rows = np.repeat(fine_rows, repeats)
    offsets = np.arange(len(day_rows)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    days = first_day[day_rows] + offsets
    coarse_rows = np.flatnonzero(coarse)
    values = mentions["date_precision"].astype(str) + "|" + mentions["date_value"].astype(str)
    codes = pd.factorize(values.to_numpy()[coarse_rows])[0]
    # Day numbers stay far below this offset, so the two kinds of key never collide.
    coarse_keys = np.int64(1) << np.int64(40)
    return (
        np.concatenate([day_rows, coarse_rows]),
        np.concatenate([days, coarse_keys + codes]),
    )


def _name_keys(mentions: pd.DataFrame, features: _Features) -> tuple[np.ndarray, np.ndarray]:
    """(row, key) pairs: each actor and place a row names, or word signatures if none."""
    name_sets = [sorted(names) for names in features.names]
    per_row_names = [name_sets[name_id] for name_id in features.name_ids.tolist()]
    named_rows = np.repeat(np.arange(len(per_row_names)), [len(names) for names in per_row_names])
    named_keys = ["n:" + name for names in per_row_names for name in names]
    unnamed = np.flatnonzero(np.asarray([not names for names in per_row_names], dtype=bool))
    signatures = features.signatures[features.word_ids[unnamed]]
    unnamed_rows = np.repeat(unnamed, signatures.shape[1])
    unnamed_keys = [f"w:{value}" for value in signatures.ravel().tolist()]
    keys = pd.factorize(pd.Series(named_keys + unnamed_keys, dtype=object))[0]
    return np.concatenate([named_rows, unnamed_rows]).astype(np.int64), np.asarray(keys)


def _signatures(words: list[frozenset[str]]) -> np.ndarray:
    """MinHash signatures, one row per word set: sets of Jaccard similarity J share each with chance J."""
    result = np.zeros((len(words), _SIGNATURES), dtype=np.int64)
    sizes = np.asarray([len(one) for one in words], dtype=np.int64)
    if not sizes.sum():
        return result
    flat = [word for one in words for word in one]
    codes, vocabulary = pd.factorize(pd.Series(flat, dtype=object))
    # crc32 rather than hash(): Python salts str hashes per process, and merging must not vary.
    word_hashes = np.fromiter((zlib.crc32(word.encode()) for word in vocabulary), dtype=np.uint64)
    hashes = word_hashes[codes]
    filled = np.flatnonzero(sizes)
    starts = (np.cumsum(sizes) - sizes)[filled]
    for column in range(_SIGNATURES):
        salt = np.uint64((column + 1) * 0x9E3779B1)
        mixed = (hashes * np.uint64(2654435761) + salt) % np.uint64(4294967311)
        result[filled, column] = np.minimum.reduceat(mixed, starts).astype(np.int64)
    return result


def _signature_order(features: _Features) -> np.ndarray:
    """A sort key per row that puts rows with alike words next to each other."""
    return np.asarray(features.signatures[features.word_ids, 0])


def _similar(left: np.ndarray, right: np.ndarray, features: _Features, options: MergeSettings) -> np.ndarray:
    """Which candidate pairs report the same happening."""
    if len(left) == 0:
        return np.zeros(0, dtype=bool)
    word_pairs = _pair_similarity(features.word_ids[left], features.word_ids[right], features.words)
    name_pairs = _pair_similarity(features.name_ids[left], features.name_ids[right], features.names)
    unnamed = np.asarray([not names for names in features.names], dtype=bool)
    both_unnamed = unnamed[features.name_ids[left]] & unnamed[features.name_ids[right]]
    score = np.where(both_unnamed, word_pairs, (word_pairs + name_pairs) / 2)
    share_names = both_unnamed | (name_pairs > 0)
    accepted: np.ndarray = share_names & (score >= options.min_score) & (word_pairs >= options.min_sentence_similarity)
    return accepted


def _pair_similarity(left_ids: np.ndarray, right_ids: np.ndarray, sets: list[frozenset[str]]) -> np.ndarray:
    """Jaccard similarity of each pair of sets, computed once per distinct pair of ids."""
    low, high = np.minimum(left_ids, right_ids), np.maximum(left_ids, right_ids)
    width = max(len(sets), 1)
    distinct, inverse = np.unique(low.astype(np.int64) * width + high, return_inverse=True)
    values = np.fromiter(
        (_jaccard(sets[key // width], sets[key % width]) for key in distinct.tolist()),
        dtype=np.float64,
        count=len(distinct),
    )
    return values[inverse]


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if first is second:
        return 1.0 if first else 0.0
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _components(count: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Connected components of the graph with these edges: a label per node (the smallest node of its part)."""
    labels = np.arange(count)
    while len(left):
        # Each edge pulls both ends down to the smaller label; pointer jumping then
        # shortens the chains, so long chains settle in a few rounds.
        low = np.minimum(labels[left], labels[right])
        np.minimum.at(labels, left, low)
        np.minimum.at(labels, right, low)
        while True:
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        unsettled = labels[left] != labels[right]
        left, right = left[unsettled], right[unsettled]
    return labels


# --- The merged table ------------------------------------------------------------------


@dataclass(frozen=True)
class _Groups:
    """Each row's happening as a number (0, 1, … in order of first report), and that order."""

    #: Per row, the number of its happening.
    codes: np.ndarray
    #: Row positions in reporting order: earliest article first, then text order.
    order: np.ndarray
    #: Per happening, the row of its first report.
    first_rows: np.ndarray

    @classmethod
    def of(cls, mentions: pd.DataFrame, labels: np.ndarray) -> _Groups:
        order = np.lexsort(
            (
                mentions["event_id"].to_numpy(dtype=object).astype(str),
                mentions["sentence_index"].to_numpy(),
                mentions["article_id"].to_numpy(dtype=object).astype(str),
                mentions["article_date"].to_numpy(dtype="datetime64[s]"),
            )
        )
        distinct, first_positions, inverse = np.unique(labels[order], return_index=True, return_inverse=True)
        rank = np.empty(len(distinct), dtype=np.int64)
        rank[np.argsort(first_positions, kind="stable")] = np.arange(len(distinct))
        codes = np.empty(len(labels), dtype=np.int64)
        codes[order] = rank[inverse]
        return cls(codes=codes, order=order, first_rows=order[np.sort(first_positions)])

    @property
    def count(self) -> int:
        return len(self.first_rows)

    def merged_ids(self, mentions: pd.DataFrame) -> np.ndarray:
        """Each row's merged id: the event id of the first report of its happening."""
        event_ids = mentions["event_id"].to_numpy(dtype=object)
        merged: np.ndarray = event_ids[self.first_rows][self.codes]
        return merged


def _merged_table(mentions: pd.DataFrame, groups: _Groups, merged_ids: np.ndarray) -> pd.DataFrame:
    if mentions.empty:
        return empty_merged_frame()
    codes_in_order = groups.codes[groups.order]
    span = (mentions["date_end"] - mentions["date_start"]).dt.days.to_numpy(dtype=float, na_value=np.inf)
    # The representative is the mention with the finest date; the earliest report breaks ties.
    by_finest = np.lexsort((np.arange(len(groups.order)), span[groups.order], codes_in_order))
    firsts = np.r_[True, codes_in_order[by_finest][1:] != codes_in_order[by_finest][:-1]]
    representative_rows = groups.order[by_finest[firsts]]
    table = mentions.iloc[representative_rows][list(_REPRESENTATIVE_COLUMNS)].reset_index(drop=True)
    table.insert(0, MERGED_ID, merged_ids[groups.first_rows])
    counts = np.bincount(groups.codes, minlength=groups.count)
    articles = pd.factorize(mentions["article_id"])[0]
    table["mention_count"] = counts.astype("int64")
    table["article_count"] = (
        pd.DataFrame({"g": groups.codes, "a": articles}).drop_duplicates().groupby("g")["a"].size().to_numpy()
    ).astype("int64")
    dates = mentions["article_date"].groupby(groups.codes)
    table["first_article_date"] = dates.min().to_numpy()
    table["last_article_date"] = dates.max().to_numpy()
    shared = counts > 1
    for column in LIST_COLUMNS:
        table[column] = _unions(mentions[column], groups, shared, representative_rows, listed=True)
    table["sources"] = _unions(mentions["source"], groups, shared, representative_rows, listed=False)
    table = table.sort_values(
        ["date_start", "date_end", "first_article_date", MERGED_ID], kind="stable", na_position="last"
    )
    return table[list(MERGED_COLUMN_NAMES)].reset_index(drop=True)


def _unions(
    column: pd.Series, groups: _Groups, shared: np.ndarray, representative_rows: np.ndarray, *, listed: bool
) -> list[tuple[str, ...]]:
    """Per happening, the distinct values of ``column`` (lists or scalars) in reporting order."""
    cells = column.tolist()
    # Most happenings have one mention: their union is that mention's own cell.
    result: list[tuple[str, ...]] = [
        tuple(cells[row]) if listed else (cells[row],) for row in representative_rows.tolist()
    ]
    rows = groups.order[shared[groups.codes[groups.order]]]
    if not len(rows):
        return result
    picked = [cells[row] if listed else (cells[row],) for row in rows.tolist()]
    owners = np.repeat(groups.codes[rows], [len(cell) for cell in picked])
    values = pd.DataFrame({"g": owners, "v": pd.Series([v for cell in picked for v in cell], dtype=object)})
    values = values.drop_duplicates()
    if values.empty:
        return result
    values = values.iloc[np.argsort(values["g"].to_numpy(), kind="stable")]
    owner_codes = values["g"].to_numpy()
    flat = values["v"].tolist()
    bounds = np.flatnonzero(np.r_[True, owner_codes[1:] != owner_codes[:-1], True])
    for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        result[int(owner_codes[start])] = tuple(flat[start:end])
    return result
