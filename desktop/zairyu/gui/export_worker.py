"""Run an export off the GUI thread, with progress and a way to cancel it.

The export itself is any callable taking the reports' ``ExportControl``: it reports progress
through ``control.step`` and stops when ``control.cancel`` is set, writing nothing (the reports
write atomically). The task's signals arrive on the GUI thread (queued connections).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from zairyu.errors import ZairyuError
from zairyu.reports.atomic import ExportCancelled, ExportControl

log = logging.getLogger(__name__)

Export = Callable[[ExportControl], None]


class ExportTask(QObject):
    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(str)  # the file written
    failed = Signal(str)  # a message fit for the user
    cancelled = Signal()

    def __init__(self, export: Export, output: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self._export = export
        self.output = output
        self.control = ExportControl(progress=self.progress.emit)

    def cancel(self) -> None:
        self.control.cancel.set()

    def run(self) -> None:
        """Runs on a pool thread."""
        try:
            self._export(self.control)
        except ExportCancelled:
            self.cancelled.emit()
        except ZairyuError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: log it whole, tell the user in one line
            log.exception("export to %s failed", self.output)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(str(self.output))

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))


class _Runner(QRunnable):
    def __init__(self, task: ExportTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run()
