"""Crash reports that survive the crash, shown at the next start.

Two kinds of crash are caught (the way qutebrowser's ``misc/crashsignal.py`` does it):
- an uncaught Python exception: ``sys.excepthook`` writes a report file;
- a hard crash (segfault in Qt, abort): ``faulthandler`` writes the Python stacks of every thread
  into a file kept open for the whole session. An empty file means the session ended cleanly.

Reports wait in ``<data>/crash/pending`` until the next start hands them over
(``take_pending_reports``) and moves them to ``<data>/crash/seen``. No Qt here: the GUI decides
how to show them.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from zairyu import __version__
from zairyu.errors import ZairyuError
from zairyu.private_paths import PRIVATE_FILE_MODE, ensure_private_dir, private_opener
from zairyu.redaction import redact_log_text

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]

FAULT_FILE = "faulthandler.log"


def _atomic_write_text(path: Path, text: str) -> None:
    # A report quotes the data folder's paths and the failing values: its owner's only.
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", opener=private_opener) as handle:
        os.chmod(tmp, PRIVATE_FILE_MODE)  # an old .tmp left by a killed process
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class CrashLog:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.pending = directory / "pending"
        self.seen = directory / "seen"
        self._fault_file: IO[str] | None = None
        self._previous_hook: ExceptHook | None = None
        # Called (with the report path and the exception) after a report is written; the GUI sets
        # it to show a dialog.
        self.on_exception: Callable[[Path, BaseException], None] | None = None
        # Called for a ZairyuError that reached the top (bad input, a malformed rules file): a
        # message for the user, not a crash.
        self.on_user_error: Callable[[ZairyuError], None] | None = None

    # -- start of a session ---------------------------------------------------------------------

    def install(self) -> None:
        """Collect a hard crash of the previous session, then arm both handlers for this one."""
        ensure_private_dir(self.pending, "the crash report folder")
        ensure_private_dir(self.directory, "the crash report folder")
        fault_path = self.directory / FAULT_FILE
        if fault_path.exists() and fault_path.stat().st_size > 0:
            stamp = dt.datetime.fromtimestamp(fault_path.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
            os.replace(fault_path, self.pending / f"crash-{stamp}-fatal.log")
        # Kept open for the whole session: faulthandler writes to its file descriptor on a crash.
        self._fault_file = open(fault_path, "w", encoding="utf-8", opener=private_opener)  # noqa: SIM115
        os.chmod(fault_path, PRIVATE_FILE_MODE)  # also a file an older version left readable
        faulthandler.enable(file=self._fault_file, all_threads=True)
        self._previous_hook = sys.excepthook
        sys.excepthook = self._excepthook

    def uninstall(self) -> None:
        """End of a clean session: restore the hooks and leave an empty fault file."""
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    def take_pending_reports(self) -> list[Path]:
        """Reports from earlier sessions, moved to ``seen`` so each is shown once."""
        if not self.pending.is_dir():
            return []
        ensure_private_dir(self.seen, "the crash report folder")
        taken: list[Path] = []
        for report in sorted(self.pending.glob("crash-*.log")):
            target = self.seen / report.name
            os.replace(report, target)
            taken.append(target)
        return taken

    # -- during a session -----------------------------------------------------------------------

    def write_report(self, exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> Path:
        now = dt.datetime.now()
        ensure_private_dir(self.pending, "the crash report folder")
        path = self.pending / f"crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}.log"
        text = (
            f"Zairyu {__version__} crashed at {now.isoformat(timespec='seconds')}\n"
            f"Python {sys.version.split()[0]} on {sys.platform}\n\n"
            + "".join(traceback.format_exception(exc_type, exc, tb))
        )
        text = redact_log_text(text)  # a report is meant to be sent: no identity numbers in it
        _atomic_write_text(path, text)
        return path

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            if self._previous_hook is not None:
                self._previous_hook(exc_type, exc, tb)
            return
        if isinstance(exc, ZairyuError):
            log.warning("%s", exc)
            if self.on_user_error is not None:
                self.on_user_error(exc)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        try:
            path = self.write_report(exc_type, exc, tb)
        except OSError:
            log.exception("could not write the crash report")
            return
        if self.on_exception is not None:
            try:
                self.on_exception(path, exc)
            except Exception:  # the dialog must never turn one crash into a loop of them
                log.exception("could not show the crash report")
