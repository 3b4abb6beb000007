"""``python -m timeline store finalize DIR``: the corpus stages on an event store, once its shards are in.

``timeline extract SHARDS... --store DIR`` finalizes the store itself; this command is for
a store filled in several runs with ``--no-finalize``, or written by another cluster.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline.cli.exit_codes import ExitCode


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare the command and its options."""
    store = commands.add_parser("store", help="work on an event store written by `extract --store`")
    actions = store.add_subparsers(dest="action", required=True, metavar="ACTION")
    finalize = actions.add_parser(
        "finalize", help="unify names, merge reports and index the store for the dashboard (TIMELINE_STORE)"
    )
    finalize.add_argument("store_dir", metavar="DIR", help="the event store")


def run(args: argparse.Namespace) -> ExitCode:
    """Finalize the store; raises :class:`~timeline.store.StoreError` (shown by :func:`timeline.cli.main`)."""
    from timeline.store_finalize import finalize_store

    done = finalize_store(Path(args.store_dir))
    print(
        f"finalized: {done.events} events, {done.happenings} happenings from {done.files} shard files "
        f"({done.parts} merge parts).",
        file=sys.stderr,
    )
    return ExitCode.OK
