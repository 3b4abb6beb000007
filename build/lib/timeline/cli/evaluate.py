"""``python -m timeline evaluate [--entities | --events] PATH...``: score dates, entities or whole events."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Final

from timeline.cli.exit_codes import ExitCode
from timeline.opening import check_regular

#: What evaluate reads: MEANTIME CAT XML, TimeML, held-out entity JSON.
_SCORED_SUFFIXES: Final = (".xml", ".tml", ".json")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare the command and its options."""
    evaluate = commands.add_parser("evaluate", help="score dates (or --entities) against MEANTIME or TimeML")
    evaluate.add_argument("paths", nargs="+", metavar="PATH", help="annotated files or folders (.xml CAT, .tml TimeML)")
    scored = evaluate.add_mutually_exclusive_group()
    scored.add_argument("--entities", action="store_true", help="score named people, organisations and places")
    scored.add_argument(
        "--events", action="store_true", help="score whole events (row, date, actors, countries): MEANTIME or .json"
    )
    evaluate.add_argument("--predictions", metavar="FILE", help="write the predicted dates here (JSONL)")
    evaluate.add_argument("--errors", metavar="FILE", help="write the missed and wrong dates (or events) here (JSONL)")


def run(args: argparse.Namespace) -> ExitCode:
    """Print the report the library writes.

    Raises :class:`~timeline.errors.EvaluationInputError` when a corpus file cannot be read, and
    :class:`~timeline.errors.InputFileError` when one is not a regular file.
    """
    _check_inputs(args.paths)
    # Imported here: scoring loads the date engine (and spaCy for entities), which `--help` need not wait for.
    if args.entities:
        from timeline.evaluation import entities as entity_scoring

        print(entity_scoring.run(args.paths))
    elif args.events:
        from timeline.evaluation import events as event_scoring

        print(event_scoring.run(args.paths, args.errors))
    else:
        from timeline.evaluation import dates as date_scoring

        print(date_scoring.run(args.paths, args.predictions, args.errors))
    return ExitCode.OK


def _check_inputs(paths: list[str]) -> None:
    """Refuse, before any is read, a named pipe, a device or a socket among the files to be scored."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.suffix in _SCORED_SUFFIXES and not file.is_dir():
                    check_regular(file)
        elif path.exists():
            check_regular(path)
