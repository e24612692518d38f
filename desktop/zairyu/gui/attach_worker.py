"""Attaching files off the GUI thread: checking, hashing and copying a large scan into the vault
must never freeze the window.

The task opens its own store on the pool thread (an SQLite connection belongs to its thread),
attaches the files one by one and reports each result; the session then records every attached
file as an undoable step on the GUI thread. A refused file (not a PDF/JPEG/PNG, a PDF locked with
a password, too large) is reported by name and attaches nothing; the other files go on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from zairyu.errors import ZairyuError
from zairyu.gui.case_session import CaseSession
from zairyu.gui.error_text import error_text
from zairyu.store import Attachment

log = logging.getLogger(__name__)


class AttachTask(QObject):
    progress = Signal(int, int, str)  # files done, files in all, the file being attached
    attached = Signal(object)  # Attachment
    refused = Signal(str, str)  # file name, message
    finished = Signal(int)  # how many were attached

    def __init__(self, session: CaseSession, case_id: int, code: str, files: Sequence[Path],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self.code = code
        self.files = list(files)
        self._session = session
        self._cancel = threading.Event()
        # A bound slot of this object (which lives on the GUI thread): the pool thread's signal is
        # queued, so the session records the attachment on the GUI thread.
        self.attached.connect(self._record)

    @Slot(object)
    def _record(self, attachment: Attachment) -> None:
        self._session.record_attachment(self.case_id, self.code, attachment)

    def cancel(self) -> None:
        """Stop before the next file (a file being copied finishes or is left out whole)."""
        self._cancel.set()

    def run(self) -> None:
        """Runs on a pool thread."""
        count = 0
        try:
            store = self._session.open_worker_store()
        except ZairyuError as exc:
            for file in self.files:
                self.refused.emit(file.name, error_text(exc))
            self.finished.emit(0)
            return
        try:
            for done, file in enumerate(self.files):
                if self._cancel.is_set():
                    break
                self.progress.emit(done, len(self.files), file.name)
                try:
                    attachment: Attachment = store.attach(self.case_id, self.code, file)
                except ZairyuError as exc:
                    self.refused.emit(file.name, error_text(exc))
                    continue
                except Exception as exc:  # a bug: log it whole, tell the user in one line
                    log.exception("attaching %s failed", file)
                    self.refused.emit(file.name, f"{type(exc).__name__}: {exc}")
                    continue
                count += 1
                self.attached.emit(attachment)
            self.progress.emit(len(self.files), len(self.files), "")
        finally:
            store.close()
            self.finished.emit(count)

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))


class _Runner(QRunnable):
    def __init__(self, task: AttachTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run()
