"""Unexpected errors: one sentence for the user, the details in a log file, a reference joining them.

Each front-end boundary (the command line's ``main``, each input file, each batch line,
each upload the dashboard reads) catches what the library did not raise on purpose and
calls :func:`log_incident`; the user sees :meth:`Incident.sentence`, never a traceback.
The log is ``$TIMELINE_ERROR_LOG``, or :data:`~timeline.defaults.ERROR_LOG_NAME` in the
temporary folder. An entry holds the reference, what was being done and the stack; no
time (the library never reads the clock: the file's modification time says when).
"""

from __future__ import annotations

import os
import secrets
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from timeline.defaults import ERROR_LOG_ENV, ERROR_LOG_NAME
from timeline.errors import shown

__all__ = ["Incident", "error_log_path", "log_incident"]

#: The longest entry written: an exception's message may quote a whole input.
_MAX_ENTRY_CHARS: Final = 100_000


@dataclass(frozen=True)
class Incident:
    """One unexpected error, logged (or not, when the log cannot be written) under ``ref``."""

    #: What was being done, as the end of "internal error while …" ("reading x.jsonl").
    doing: str
    #: A short random reference, quoted in the sentence and at the top of the log entry.
    ref: str
    #: The log file holding the entry, or None when it could not be written.
    log: Path | None

    def sentence(self, *, with_path: bool = True) -> str:
        """"internal error while …; details in LOG (ref XXXX)", without a final full stop."""
        return f"internal error while {self.doing}; {self.details(with_path=with_path)}"

    def details(self, *, with_path: bool = True) -> str:
        """"details in LOG (ref XXXX)": where the stack is.

        ``with_path=False`` says "the error log" instead of its path, for a page shown to
        other people than the machine's owner (the dashboard).
        """
        if self.log is None:
            return f"its details could not be logged (ref {self.ref})"
        where = shown(self.log) if with_path else "the error log"
        return f"details in {where} (ref {self.ref})"


def error_log_path() -> Path:
    """Where incidents are logged: ``$TIMELINE_ERROR_LOG``, else a per-user file in the temporary folder."""
    configured = os.environ.get(ERROR_LOG_ENV)
    if configured:
        return Path(configured)
    return Path(tempfile.gettempdir()) / ERROR_LOG_NAME.format(user=_user())


def log_incident(error: BaseException, doing: str) -> Incident:
    """Append ``error``'s stack to the error log under a fresh reference; never raises."""
    ref = secrets.token_hex(4)
    path = error_log_path()
    try:
        entry = f"=== ref {ref}: internal error while {doing} (process {os.getpid()})\n"
        entry += "".join(traceback.format_exception(error))
        if len(entry) > _MAX_ENTRY_CHARS:
            entry = entry[:_MAX_ENTRY_CHARS] + "\n[… entry cut]\n"
        _append(path, entry, private=ERROR_LOG_ENV not in os.environ)
    # The boundary that calls this must never fail itself: a log that cannot be written is said so.
    except Exception:
        return Incident(doing, ref, None)
    return Incident(doing, ref, path)


def _append(path: Path, entry: str, *, private: bool) -> None:
    # O_NOFOLLOW: in a shared temporary folder another user may have planted a link by that name.
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o600)
    try:
        if private and hasattr(os, "geteuid") and os.fstat(descriptor).st_uid != os.geteuid():
            raise PermissionError(f"{path} belongs to another user")
        os.write(descriptor, entry.encode("utf-8", "backslashreplace"))
    finally:
        os.close(descriptor)


def _user() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    # Windows: the temporary folder is the user's own already.
    return "".join(character for character in os.environ.get("USERNAME", "user") if character.isalnum()) or "user"
