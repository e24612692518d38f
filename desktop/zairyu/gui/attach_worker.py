"""Attaching files off the GUI thread: checking, hashing and copying a large scan into the vault
must never freeze the window.

The task opens its own store on the pool thread (an SQLite connection belongs to its thread) and
works in two steps: it first copies and checks every file into the vault, reporting the bytes of
the current file and of all files as they are copied; then it records them, and the session makes
each recorded file an undoable step on the GUI thread. Cancel stops the copy at the next chunk and
leaves nothing attached: the partial copy is removed, and so are the files of this batch already
in the vault that nothing else uses. A refused file (not a PDF/JPEG/PNG, a PDF locked with a
password, too large) is reported by name and attaches nothing; the other files go on.
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
from zairyu.store import Attachment, Store
from zairyu.store.vault import CopyProgress, VaultFile

log = logging.getLogger(__name__)


class AttachCancelled(ZairyuError):
    """Raised inside the copy when the user cancels, to stop it at the next chunk."""


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0  # reported by name when its turn comes


class AttachTask(QObject):
    progress = Signal(int, int, str)  # files done, files in all, the file being attached
    # Bytes copied of the current file, its size, bytes copied of all files, their size (Python
    # ints: a batch of large scans passes the 2 GiB of a Qt int).
    bytes_progress = Signal(object, object, object, object)
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
        """Stop at the next chunk copied; nothing of this batch is attached."""
        self._cancel.set()

    @property
    def was_cancelled(self) -> bool:
        return self._cancel.is_set()

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
            stored = self._copy_all(store)
            if self._cancel.is_set():
                store.discard_stored_files(vault_file for vault_file, _name in stored)
            else:
                count = self._record_all(store, stored)
                self.progress.emit(len(self.files), len(self.files), "")
        finally:
            store.close()
            self.finished.emit(count)

    def _copy_all(self, store: Store) -> list[tuple[VaultFile, str]]:
        """Copy and check each file into the vault; stops early when cancelled."""
        sizes = [_size(file) for file in self.files]
        total = sum(sizes)
        stored: list[tuple[VaultFile, str]] = []
        for index, file in enumerate(self.files):
            if self._cancel.is_set():
                break
            self.progress.emit(index, len(self.files), file.name)
            try:
                stored.append((store.store_file(self.case_id, self.code, file,
                                                progress=self._reporter(sum(sizes[:index]), total)), file.name))
            except AttachCancelled:
                break
            except ZairyuError as exc:
                self.refused.emit(file.name, error_text(exc))
            except Exception as exc:  # a bug: log it whole, tell the user in one line
                log.exception("attaching %s failed", file)
                self.refused.emit(file.name, f"{type(exc).__name__}: {exc}")
        return stored

    def _reporter(self, before: int, total: int) -> CopyProgress:
        def report(copied: int, size: int) -> None:
            self.bytes_progress.emit(copied, size, before + copied, max(total, before + copied))
            if self._cancel.is_set():
                raise AttachCancelled("attaching was cancelled", kind="cancelled")

        return report

    def _record_all(self, store: Store, stored: list[tuple[VaultFile, str]]) -> int:
        count = 0
        for vault_file, name in stored:
            try:
                attachment = store.record_stored_file(self.case_id, self.code, vault_file, name)
            except ZairyuError as exc:
                store.discard_stored_files([vault_file])
                self.refused.emit(name, error_text(exc))
                continue
            count += 1
            self.attached.emit(attachment)
        return count

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))


class _Runner(QRunnable):
    def __init__(self, task: AttachTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run()
