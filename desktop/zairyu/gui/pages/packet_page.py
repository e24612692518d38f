"""The packet page: a case's documents in the order they go out, with their files and page counts,
included or left out, reordered by dragging; a preview of the chosen file; and the two outputs —
the online upload set (one PDF per document, within the online system's total size) or one
printable PDF (cover, contents, bookmarks, page numbers) — with the expected size before
exporting, and the export itself on a worker thread with a progress bar and Cancel.

A file the export refuses (a PDF locked with a password, a broken scan) selects its document, so
the user sees at once what to fix. The order and the documents left out are kept per case in the
settings; the documents and files are the store's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zairyu.domain.online_system import BYTES_PER_MB, load_online_system, size_text
from zairyu.errors import ZairyuError
from zairyu.gui.error_text import error_text
from zairyu.gui.export_worker import ExportTask
from zairyu.gui.packet_model import PacketColumn, PacketDocumentsModel, plan_entries
from zairyu.gui.pages.base import Page, PageId
from zairyu.gui.print_jobs import start_print
from zairyu.reports.atomic import ExportControl
from zairyu.reports.case_exports import packet_for_case
from zairyu.reports.online_set import build_online_set, estimate_online_set
from zairyu.reports.packet import PacketCover, build_packet
from zairyu.store.models import Attachment, CaseView

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession

ONLINE, PRINTABLE = "online", "printable"
SETTINGS_DEFAULT_FOLDER = "packet/default_folder"
# What a printable packet adds to its files (cover, contents, page stamps, fonts), before measuring.
FRONT_MATTER_BYTES = 200 * 1024


class PacketPage(Page):
    page_id = PageId.PACKET
    # "finished", "cancelled" or "failed", and the output path (emitted on the GUI thread).
    export_ended = Signal(str, str)
    # Emitted on the GUI thread for each step of a running export: (done, total).
    export_progressed = Signal(int, int)

    def __init__(self, session: CaseSession, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(session, parent)
        self._settings = settings  # the packet plan (order, left out) per case, and the default folder
        self._case: CaseView | None = None
        self._cover: PacketCover | None = None
        self._task: ExportTask | None = None
        self._errors: list[ZairyuError] = []
        self._jobs: list[Any] = []
        self.error_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        top = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("routeTitle")
        top.addWidget(self.title_label)
        top.addStretch(1)
        layout.addLayout(top)
        self.case_label = QLabel(self)
        self.case_label.setObjectName("countsLabel")
        layout.addWidget(self.case_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = PacketDocumentsModel(self)
        self.view = QTableView(left)
        self.view.setObjectName("packetDocuments")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setSectionResizeMode(PacketColumn.DOCUMENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((PacketColumn.INCLUDE, 44), (PacketColumn.FILES, 170), (PacketColumn.PAGES, 56),
                              (PacketColumn.SIZE, 76)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._show_preview)
        left_layout.addWidget(self.view, 1)
        moves = QHBoxLayout()
        self.up_button = QPushButton(left)
        self.up_button.setObjectName("moveUp")
        self.up_button.clicked.connect(lambda: self._move_current(-1))
        self.down_button = QPushButton(left)
        self.down_button.setObjectName("moveDown")
        self.down_button.clicked.connect(lambda: self._move_current(+1))
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        left_layout.addLayout(moves)
        splitter.addWidget(left)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        self.file_combo = QComboBox(right)
        self.file_combo.setObjectName("previewFile")
        self.file_combo.currentIndexChanged.connect(self._show_file)
        right_layout.addWidget(self.file_combo)
        self.preview_stack = QStackedWidget(right)
        self.preview_message = QLabel(self.preview_stack)
        self.preview_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_message.setWordWrap(True)
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView(self.preview_stack)
        self.pdf_view.setObjectName("pdfPreview")
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image_preview = QLabel(self.preview_stack)
        self.image_preview.setObjectName("imagePreview")
        self.image_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.preview_message, self.pdf_view, self.image_preview):
            self.preview_stack.addWidget(widget)
        right_layout.addWidget(self.preview_stack, 1)
        splitter.addWidget(right)
        splitter.setSizes([640, 560])
        layout.addWidget(splitter, 1)

        output = QHBoxLayout()
        self.online_radio = QRadioButton(self)
        self.online_radio.setObjectName("outputOnline")
        self.printable_radio = QRadioButton(self)
        self.printable_radio.setObjectName("outputPrintable")
        self.output_group = QButtonGroup(self)
        self.output_group.addButton(self.online_radio)
        self.output_group.addButton(self.printable_radio)
        self.online_radio.setChecked(True)
        self.output_group.buttonToggled.connect(lambda _button, _on: self.update_estimate())
        output.addWidget(self.online_radio)
        output.addWidget(self.printable_radio)
        output.addStretch(1)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportPacket")
        self.export_button.clicked.connect(self._choose_output)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printPacket")
        self.print_button.clicked.connect(self.print_packet)
        output.addWidget(self.export_button)
        output.addWidget(self.print_button)
        layout.addLayout(output)
        self.estimate_label = QLabel(self)
        self.estimate_label.setObjectName("packetEstimate")
        self.estimate_label.setWordWrap(True)
        layout.addWidget(self.estimate_label)
        progress_row = QHBoxLayout()
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("packetProgress")
        self.progress_bar.setVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelExport")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("packetStatus")
        self.status_label.setWordWrap(True)
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.status_label)

        self.model.dataChanged.connect(self._plan_changed)
        self.model.rowsMoved.connect(self._plan_changed)
        session.case_changed.connect(self._case_changed)
        session.document_changed.connect(lambda case_id, _code: self._case_changed(case_id))
        self.retranslate()
        self.set_case(session.current_case_id)

    # -- data in --------------------------------------------------------------------------------

    def set_case(self, case_id: int | None) -> None:
        self._case = self.fetch_case(case_id)
        self._show_case()

    def _case_changed(self, case_id: int) -> None:
        if self._case is not None and case_id == self._case.id and self._task is None:
            self.set_case(case_id)

    def _plan_key(self, name: str) -> str:
        assert self._case is not None
        return f"packet/case-{self._case.id}/{name}"

    def _saved_list(self, name: str) -> list[str]:
        if self._settings is None or self._case is None:
            return []
        value = self._settings.value(self._plan_key(name))
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value] if isinstance(value, list) else []

    def _show_case(self) -> None:
        case = self._case
        if case is None:
            self._cover = None
            self.model.set_entries([])
        else:
            self._cover, _documents = packet_for_case(case, self.session.catalog.get(case.route))
            self.model.set_entries(plan_entries(case.documents, self._saved_list("order"),
                                                self._saved_list("excluded")))
        self._update_case_label()
        self.update_estimate()
        if self.model.rowCount():
            self.view.selectRow(0)
        self._show_preview(self.view.currentIndex(), QModelIndex())

    def _update_case_label(self) -> None:
        case = self._case
        if case is None:
            self.case_label.setText(self.tr("Choose a case on the My case page to build its packet."))
            return
        included = self.model.included()
        self.case_label.setText(self.tr("Case {id}: {title} — {included} of {total} documents in the packet, "
                                        "{pages} pages").format(
            id=case.id, title=case.title or self.tr("(untitled)"), included=len(included),
            total=self.model.rowCount(), pages=sum(e.pages for e in included)))

    def _plan_changed(self, *_args: Any) -> None:
        if self._settings is not None and self._case is not None:
            entries = self.model.entries()
            self._settings.setValue(self._plan_key("order"), [e.code for e in entries])
            self._settings.setValue(self._plan_key("excluded"), [e.code for e in entries if not e.included])
        self._update_case_label()
        self.update_estimate()

    def _move_current(self, step: int) -> None:
        row = self.view.currentIndex().row()
        if row < 0:
            return
        target = row + step
        if self.model.move_row(row, target if step < 0 else target + 1):
            self.view.selectRow(target)

    # -- size -----------------------------------------------------------------------------------

    def output_kind(self) -> str:
        return ONLINE if self.online_radio.isChecked() else PRINTABLE

    def update_estimate(self) -> None:
        documents = self.model.packet_documents()
        has_files = any(d.files for d in documents)
        self.export_button.setEnabled(has_files and self._task is None)
        self.print_button.setEnabled(has_files and self._task is None and self.output_kind() == PRINTABLE)
        if not has_files:
            self.estimate_label.setText(self.tr("Attach files to the documents to build a packet."))
            return
        if self.output_kind() == PRINTABLE:
            size = sum(e.size_bytes for e in self.model.included()) + FRONT_MATTER_BYTES
            self.estimate_label.setText(self.tr("Expected size: about {size} in one PDF.").format(
                size=size_text(size)))
            return
        try:
            estimate = estimate_online_set(documents)
        except ZairyuError as exc:
            self.estimate_label.setText(str(exc))
            return
        limit = f"{estimate.limit_bytes / BYTES_PER_MB:g} MB"
        if estimate.fits_as_attached:
            text = self.tr("Expected size: {size} in {count} files, within the online system's {limit}.").format(
                size=size_text(estimate.as_attached_bytes), count=estimate.documents, limit=limit)
        elif estimate.may_fit:
            text = self.tr("Expected size: {size} as attached, over the online system's {limit}; photos will be "
                           "reduced (to about {smallest} at the least).").format(
                size=size_text(estimate.as_attached_bytes), limit=limit, smallest=size_text(estimate.smallest_bytes))
        else:
            text = self.tr("Too large: at least {smallest}, over the online system's {limit}; attach smaller "
                           "scans or leave documents out.").format(smallest=size_text(estimate.smallest_bytes),
                                                                  limit=limit)
        self.estimate_label.setText(text)

    # -- preview --------------------------------------------------------------------------------

    def _show_preview(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.file_combo.blockSignals(True)
        self.file_combo.clear()
        if current.isValid():
            for attachment in self.model.entry(current.row()).attachments:
                self.file_combo.addItem(attachment.original_name, attachment)
        self.file_combo.blockSignals(False)
        self._show_file()

    def current_attachment(self) -> Attachment | None:
        value = self.file_combo.currentData()
        return value if isinstance(value, Attachment) else None

    def _show_file(self) -> None:
        attachment = self.current_attachment()
        self.pdf_document.close()
        if attachment is None:
            self.preview_message.setText(self.tr("No file to show: attach a scan to this document."))
            self.preview_stack.setCurrentWidget(self.preview_message)
            return
        if attachment.media_type == "application/pdf":
            if self.pdf_document.load(str(attachment.path)) == QPdfDocument.Error.None_:
                self.preview_stack.setCurrentWidget(self.pdf_view)
                return
            self.preview_message.setText(self.tr("This PDF cannot be shown (it may need a password)."))
            self.preview_stack.setCurrentWidget(self.preview_message)
            return
        pixmap = QPixmap(str(attachment.path))
        if pixmap.isNull():
            self.preview_message.setText(self.tr("This image cannot be shown."))
            self.preview_stack.setCurrentWidget(self.preview_message)
            return
        self.image_preview.setPixmap(pixmap.scaled(520, 640, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
        self.preview_stack.setCurrentWidget(self.image_preview)

    # -- export ---------------------------------------------------------------------------------

    def _default_folder(self) -> str:
        value = self._settings.value(SETTINGS_DEFAULT_FOLDER) if self._settings is not None else None
        return value if isinstance(value, str) and Path(value).is_dir() else str(Path.home())

    def _choose_output(self) -> None:
        if self._case is None:
            return
        folder = Path(self._default_folder())
        if self.output_kind() == ONLINE:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Folder for the online upload set"), str(folder / f"zairyu-online-case-{self._case.id}"),
                self.tr("A new folder (*)"))
        else:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export printable packet"), str(folder / f"zairyu-packet-case-{self._case.id}.pdf"),
                self.tr("PDF files (*.pdf)"))
            name = str(Path(name).with_suffix(".pdf")) if name else name
        if name:
            self.export(Path(name))

    def export(self, output: Path) -> ExportTask | None:
        """Build the chosen output at ``output`` (a folder for the online set, a file otherwise)."""
        if self._task is not None or self._cover is None:
            return None
        documents = self.model.packet_documents()
        cover, kind = self._cover, self.output_kind()
        errors: list[ZairyuError] = []
        self._errors = errors

        def run(control: ExportControl) -> None:
            try:
                if kind == ONLINE:
                    build_online_set(documents, output, control=control)
                else:
                    build_packet(cover, documents, output, control=control)
            except ZairyuError as exc:
                errors.append(exc)  # kept whole, to select the document it names
                raise

        task = ExportTask(run, output, self)
        task.progress.connect(self._progress)
        task.finished.connect(lambda path: self._ended("finished", path))
        task.cancelled.connect(lambda: self._ended("cancelled", str(output)))
        task.failed.connect(lambda message: self._ended("failed", str(output), message))
        self._task = task
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.status_label.setText(self.tr("Exporting…"))
        self.update_estimate()
        task.start()
        return task

    def cancel_export(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling…"))

    def export_running(self) -> bool:
        return self._task is not None

    def stop_work(self) -> None:
        """The window closes: cancel a running export and wait for its thread (it writes nothing)."""
        if self._task is not None:
            self._task.cancel()
            QThreadPool.globalInstance().waitForDone(30_000)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.export_progressed.emit(done, total)
        if message and self.cancel_button.isEnabled():
            self.status_label.setText(message)

    def _ended(self, outcome: str, path: str, message: str = "") -> None:
        self._task = None
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        if outcome == "finished":
            self.status_label.setText(self.tr("Saved to {path}").format(path=path))
        elif outcome == "cancelled":
            self.status_label.setText(self.tr("Export cancelled; nothing was written."))
        else:
            if self._errors:
                message = error_text(self._errors[0])
            self.status_label.setText(message)
            code = self._errors[0].details.get("document") if self._errors else None
            row = self.model.row_of(code) if isinstance(code, str) else None
            if row is not None:
                self.view.selectRow(row)  # the document to fix
            # Not modal to the application: the user can look at the selected document while it shows.
            self.error_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export packet"), message,
                                         QMessageBox.StandardButton.Ok, self)
            self.error_box.open()
        self.update_estimate()
        self.export_ended.emit(outcome, path)

    def print_packet(self) -> None:
        cover, documents = self._cover, self.model.packet_documents()
        if cover is None or not documents or self._case is None:
            return
        self._jobs.append(start_print(
            self, lambda out, control: build_packet(cover, documents, out, control=control),
            f"packet-case-{self._case.id}.pdf", self.tr("Print packet")))

    # -- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Packet"))
        self.up_button.setText(self.tr("Move &up"))
        self.up_button.setToolTip(self.tr("Move the selected document one place earlier (or drag it)."))
        self.down_button.setText(self.tr("Move &down"))
        self.down_button.setToolTip(self.tr("Move the selected document one place later (or drag it)."))
        self.view.setToolTip(self.tr("Tick the documents to include; drag a row to change the order."))
        self.file_combo.setToolTip(self.tr("The file of this document to preview."))
        limit_mb = load_online_system().limit_bytes / BYTES_PER_MB
        self.online_radio.setText(self.tr("Online upload set (one PDF per document, {limit} MB in all)").format(
            limit=f"{limit_mb:g}"))
        self.online_radio.setToolTip(self.tr("For the online application system: a folder with one PDF per "
                                             "document, numbered in order."))
        self.printable_radio.setText(self.tr("One printable PDF"))
        self.printable_radio.setToolTip(self.tr("Cover, contents, bookmarks and page numbers, to print and hand in."))
        self.export_button.setText(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Build the chosen output; you can cancel while it runs."))
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print the printable packet (Ctrl+P)."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.model.retranslate()
        self._update_case_label()
        self.update_estimate()
        if self.preview_stack.currentWidget() is self.preview_message:
            self._show_file()
