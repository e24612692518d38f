"""Exporting or printing one of a case's PDFs from a page, off the GUI thread.

``start_export`` runs any report export (a callable taking the reports' ``ExportControl``) on a
worker thread with a progress dialog that can cancel it; ``start_print`` does the same into a
private temporary folder and then opens the print preview of the result. Errors are shown in a
dialog worded by kind; a cancelled export leaves no file (the reports write atomically).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from zairyu.domain.routes import RouteCatalog
from zairyu.errors import ZairyuError
from zairyu.gui.export_worker import Export, ExportTask
from zairyu.gui.printing import preview_dialog
from zairyu.reports.case_exports import export_checklist
from zairyu.store.models import CaseView


def start_export(parent: QWidget, export: Export, output: Path, title: str, *,
                 on_done: Callable[[str], None] | None = None) -> ExportTask:
    """Run ``export`` (writing ``output``) on a pool thread with a cancellable progress dialog.

    ``on_done(outcome)`` is called on the GUI thread with "finished", "cancelled" or "failed"."""
    task = ExportTask(export, output, parent)
    progress = QProgressDialog(QCoreApplication.translate("print_jobs", "Writing {name}…").format(name=output.name),
                               QCoreApplication.translate("print_jobs", "Cancel"), 0, 0, parent)
    progress.setObjectName("exportProgress")
    progress.setWindowTitle(title)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.canceled.connect(task.cancel)

    def show_progress(done: int, total: int, message: str) -> None:
        progress.setMaximum(total)
        progress.setValue(done)
        if message:
            progress.setLabelText(message)

    def finish(outcome: str) -> None:
        progress.reset()
        progress.deleteLater()
        if on_done is not None:
            on_done(outcome)

    task.progress.connect(show_progress)
    task.failed.connect(lambda message: QMessageBox.warning(parent, title, message))
    task.finished.connect(lambda _path: finish("finished"))
    task.cancelled.connect(lambda: finish("cancelled"))
    task.failed.connect(lambda _message: finish("failed"))
    task.start()
    return task


class PrintJob(QObject):
    """Writes a PDF into a temporary folder, then opens its print preview; the folder goes with the job."""

    def __init__(self, parent: QWidget, export: Callable[[Path, Any], object], name: str, title: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self._folder = tempfile.TemporaryDirectory(prefix="zairyu-print-")
        self.output = Path(self._folder.name) / name
        self.title = title

        def run(control: Any) -> None:
            export(self.output, control)

        self.task = start_export(parent, run, self.output, title, on_done=self._done)
        self.dialog: Any = None

    def _done(self, outcome: str) -> None:
        if outcome != "finished":
            self._cleanup()
            return
        try:
            self.dialog = preview_dialog(self.output, self._parent)
        except ZairyuError as exc:
            QMessageBox.warning(self._parent, self.title, str(exc))
            self._cleanup()
            return
        self.dialog.finished.connect(lambda _result: self._cleanup())
        self.dialog.open()

    def _cleanup(self) -> None:
        self._folder.cleanup()
        self.deleteLater()


def start_print(parent: QWidget, export: Callable[[Path, Any], object], name: str, title: str) -> PrintJob:
    """Export with ``export(output, control)`` to a temporary file, then show its print preview."""
    return PrintJob(parent, export, name, title)


def print_case_checklist(parent: QWidget, case: CaseView, catalog: RouteCatalog) -> PrintJob:
    """The case's checklist with its statuses and dates (not the route's blank list), printed."""
    return start_print(parent, lambda out, control: export_checklist(case, catalog, out, control=control),
                       f"checklist-case-{case.id}.pdf",
                       QCoreApplication.translate("print_jobs", "Print case checklist"))


def export_case_checklist(parent: QWidget, case: CaseView, catalog: RouteCatalog, output: Path) -> ExportTask:
    """The case's checklist with its statuses and dates, written to ``output`` off the GUI thread."""
    return start_export(parent, lambda control: export_checklist(case, catalog, output, control=control), output,
                        QCoreApplication.translate("print_jobs", "Export case checklist"))
