"""The dashboard's index of an event store: the columns it filters and counts on, as small integers, in DuckDB.

A filter change over ten million events must take well under a second, and DuckDB scans
integers far faster than lists of text. So the index keeps, for each finalized dataset
(``merged/`` and ``mentions/``, see :mod:`timeline.store`), one row per event in evidence
order (``rid``) with:

- its days (``ds``, ``de``) and publication day (``pub``), as DuckDB dates (any era);
- its reach (``reach``: the reports behind a happening, 1 for a report);
- for each list column filtered or laned on (countries, actors, regions), the code of its
  *cell*: a news table repeats few distinct lists, so each distinct list is stored once
  (``cells_countries`` …) and a row holds its number, as :mod:`timeline.cells` does in memory;
- its evidence sentence, for the text search;
- in ``q_events``, its article (``art``) and its happening's row (``mrid``).

``q_merged_articles`` has one row per (happening, article reporting it), with the
happening's filter columns, so "how many articles are behind these happenings" is one
scan. The rows themselves (every column a reader sees) stay in the Parquet datasets and
are read by ``rid``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from timeline.schema import MERGED_ID
from timeline.store import ROW_ID

__all__ = ["CELL_TABLES", "CODED_COLUMNS", "build_index"]

#: The list columns the index codes, and the table of each one's distinct cells.
CODED_COLUMNS: Final = ("countries", "actors", "regions")
CELL_TABLES: Final = {column: f"cells_{column}" for column in CODED_COLUMNS}


def build_index(con: Any, path: Path, *, merged: Path, mentions: Path) -> None:
    """Write the index of the finalized Parquet files ``merged`` and ``mentions`` to the DuckDB file ``path``."""
    con.execute(f"ATTACH {_literal(str(path))} AS ix")
    try:
        con.execute(f"CREATE TEMP VIEW m AS SELECT * FROM read_parquet({_literal(str(merged))})")
        con.execute(f"CREATE TEMP VIEW e AS SELECT * FROM read_parquet({_literal(str(mentions))})")
        for column, table in CELL_TABLES.items():
            con.execute(
                f"CREATE TABLE ix.{table} AS SELECT (row_number() OVER (ORDER BY cell) - 1)::INTEGER AS code, cell "
                f"FROM (SELECT DISTINCT {column} AS cell FROM m UNION SELECT DISTINCT {column} FROM e)"
            )
        con.execute(
            "CREATE TEMP TABLE articles AS SELECT (row_number() OVER (ORDER BY article_id) - 1)::INTEGER AS art, "
            "article_id FROM (SELECT DISTINCT article_id FROM e)"
        )
        con.execute(
            f"CREATE TABLE ix.q_merged AS SELECT m.{ROW_ID}::INTEGER AS rid, date_start::DATE AS ds, "
            f"date_end::DATE AS de, first_article_date::DATE AS pub, mention_count::INTEGER AS reach, {_cell_codes()}, "
            f"m.{MERGED_ID} AS merged_id, sentence FROM m {_cell_joins('m')} ORDER BY rid"
        )
        con.execute(
            f"CREATE TABLE ix.q_events AS SELECT e.{ROW_ID}::INTEGER AS rid, e.date_start::DATE AS ds, "
            f"e.date_end::DATE AS de, e.article_date::DATE AS pub, 1 AS reach, {_cell_codes()}, a.art, "
            f"q.rid AS mrid, e.sentence FROM e {_cell_joins('e')} JOIN articles a USING (article_id) "
            f"JOIN ix.q_merged q ON q.merged_id = e.{MERGED_ID} ORDER BY rid"
        )
        con.execute(
            "CREATE TABLE ix.q_merged_articles AS SELECT DISTINCT q.rid, e.art, q.ds, q.de, "
            + ", ".join(f"q.{column}_cell" for column in CODED_COLUMNS)
            + " FROM ix.q_events e JOIN ix.q_merged q ON q.rid = e.mrid ORDER BY q.rid"
        )
    finally:
        con.execute("DETACH ix")


def _cell_codes() -> str:
    return ", ".join(f"{column}_c.code AS {column}_cell" for column in CODED_COLUMNS)


def _cell_joins(alias: str) -> str:
    return " ".join(
        f"JOIN ix.{table} {column}_c ON {column}_c.cell = {alias}.{column}" for column, table in CELL_TABLES.items()
    )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
