"""The route checklists page: the routes on the left, the chosen route's checklist on the right.

The page only arranges views over the domain: the route catalog comes from the session, the
checklist from ``zairyu.domain.checklist.required_documents`` (the same service as
``zairyu checklist``), and it reads no file itself.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QModelIndex,
    QSettings,
    QStandardPaths,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zairyu.domain.checklist import ChecklistItem, required_documents
from zairyu.domain.routes import RouteSpec
from zairyu.errors import ZairyuError
from zairyu.gui.checklist_table_model import ChecklistFilterModel, ChecklistTableModel, Column, ItemRole
from zairyu.gui.delegates import BadgeDelegate, RouteItemDelegate
from zairyu.gui.document_detail import DocumentDetailView
from zairyu.gui.error_text import error_text
from zairyu.gui.export_worker import ExportTask
from zairyu.gui.pages.base import Page, PageId
from zairyu.gui.route_list_model import RouteListModel
from zairyu.gui.ui_language import prefers_japanese

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession
    from zairyu.reports.atomic import ExportControl

log = logging.getLogger(__name__)

# Starting widths (pixels) that fit a 1280×800 window; the user can resize, and the last
# column (notes) takes what is left.
COLUMN_WIDTHS = {
    Column.NUMBER: 34,
    Column.NAME_EN: 240,
    Column.NAME_JA: 210,
    Column.FLAGS: 160,
    Column.TRANSLATION: 92,
    Column.SUBMIT: 80,
    Column.FRESHNESS: 92,
    Column.ISSUER: 170,
    Column.NOTES: 320,
}
SETTINGS_SPLITTER = "checklists/splitter"
SETTINGS_DETAIL_SPLITTER = "checklists/detail_splitter"
SETTINGS_ROUTE = "checklist/route"
SETTINGS_PROCEDURE = "checklist/procedure"
SETTINGS_CATEGORY = "checklist/employer_category"


class ChecklistsPage(Page):
    page_id = PageId.CHECKLISTS
    # Emitted on the GUI thread when an export ends: "finished", "cancelled" or "failed", and the
    # file (written, or not written).
    export_ended = Signal(str, str)
    export_started = Signal()

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._catalog = session.catalog
        self._settings: QSettings | None = None
        self._route: RouteSpec | None = None
        # The procedure to keep when the route changes (the last one chosen, or the saved one).
        self._preferred_procedure: str | None = None
        self._restoring = False
        self._export_task: ExportTask | None = None
        # A Japanese interface puts the Japanese names first.
        self._japanese = prefers_japanese()

        self.route_model = RouteListModel(self._catalog, self)
        self.checklist_model = ChecklistTableModel(self)
        self.filter_model = ChecklistFilterModel(self)
        self.filter_model.setSourceModel(self.checklist_model)
        self._build()
        self.select_route(self.route_model.route(0).id.value)

    def _build(self) -> None:
        # Left: the routes.
        sidebar = QFrame(self)
        sidebar.setObjectName("sidebar")
        sidebar_layout = QVBoxLayout(sidebar)
        sidebar_layout.setContentsMargins(0, 12, 0, 0)
        sidebar_layout.setSpacing(6)
        heading = QLabel(self.tr("Routes  ·  在留資格"), sidebar)
        heading.setObjectName("sidebarHeading")
        heading.setContentsMargins(14, 0, 14, 0)
        sidebar_layout.addWidget(heading)
        self.route_view = QListView(sidebar)
        self.route_view.setObjectName("routeList")
        self.route_view.setModel(self.route_model)
        self.route_view.setItemDelegate(RouteItemDelegate(self.route_view))
        self.route_view.setFrameShape(QFrame.Shape.NoFrame)
        self.route_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.route_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.route_view.setResizeMode(QListView.ResizeMode.Adjust)  # heights follow the width
        self.route_view.selectionModel().selectionChanged.connect(self._route_selection_changed)
        sidebar_layout.addWidget(self.route_view, 1)

        # Right: the chosen route, its selectors and the checklist.
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(18, 14, 18, 8)
        page_layout.setSpacing(8)

        self.title_label = QLabel(page)
        self.title_label.setObjectName("routeTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle_label = QLabel(page)
        self.subtitle_label.setObjectName("routeSubtitle")
        self.subtitle_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QLabel(page)
        self.summary_label.setObjectName("routeSummary")
        self.summary_label.setWordWrap(True)
        page_layout.addWidget(self.title_label)
        page_layout.addWidget(self.subtitle_label)
        page_layout.addWidget(self.summary_label)

        controls = QHBoxLayout()
        controls.setSpacing(8)
        procedure_label = QLabel(self.tr("&Procedure"), page)
        self.procedure_combo = QComboBox(page)
        self.procedure_combo.setObjectName("procedureCombo")
        # Wide enough for "Certificate of Eligibility — 在留資格認定証明書交付申請" when there is room,
        # but able to shrink (longer translations, small windows) instead of widening the window.
        self.procedure_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.procedure_combo.setMinimumContentsLength(24)
        self.procedure_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.procedure_combo.setMaximumWidth(460)
        procedure_label.setBuddy(self.procedure_combo)
        self.procedure_combo.currentIndexChanged.connect(self._refresh_checklist)
        self.category_label = QLabel(self.tr("&Employer category"), page)
        self.category_combo = QComboBox(page)
        self.category_combo.setObjectName("categoryCombo")
        self.category_label.setBuddy(self.category_combo)
        for combo in (self.category_combo,):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.category_combo.addItem(self.tr("Not chosen — show all"), None)
        for category in (1, 2, 3, 4):
            self.category_combo.addItem(self.tr("Category {number}").format(number=category), category)
        self.category_combo.setToolTip(self.tr(
            "The category of the employer (accepting organisation) decides which company documents "
            "are needed. Until you choose one, documents for some categories only are marked "
            "“Only if”."))
        self.category_combo.currentIndexChanged.connect(self._refresh_checklist)
        self.basis_label = QLabel(self.tr("Points &basis"), page)
        self.basis_combo = QComboBox(page)
        self.basis_combo.setObjectName("basisCombo")
        self.basis_label.setBuddy(self.basis_combo)
        self.basis_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.basis_combo.setMinimumContentsLength(16)
        self.basis_combo.addItem(self.tr("Not chosen — show all"), None)
        for basis in (80, 70):
            self.basis_combo.addItem(self.tr("{points} points").format(points=basis), basis)
        self.basis_combo.setToolTip(self.tr(
            "Permanent residence through the points system is applied for on the 80-point or the "
            "70-point basis; some documents depend on which."))
        self.basis_combo.currentIndexChanged.connect(self._refresh_checklist)
        self.filter_edit = QLineEdit(page)
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Filter documents…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(280)
        self.filter_edit.setMinimumWidth(160)
        self.filter_edit.textChanged.connect(self._filter_changed)
        controls.addWidget(procedure_label)
        controls.addWidget(self.procedure_combo, 4)  # takes the room the stretch below would
        controls.addSpacing(12)
        controls.addWidget(self.category_label)
        controls.addWidget(self.category_combo)
        controls.addWidget(self.basis_label)
        controls.addWidget(self.basis_combo)
        controls.addStretch(1)
        page_layout.addLayout(controls)

        counts_row = QHBoxLayout()
        self.counts_label = QLabel(page)
        self.counts_label.setObjectName("countsLabel")
        # Clipped rather than widening the window when a translation makes it long.
        self.counts_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.counts_label.setMinimumWidth(1)
        counts_row.addWidget(self.counts_label, 1)
        counts_row.addWidget(self.filter_edit)
        self.export_button = QPushButton(self.tr("Export PDF…"), page)
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip(self.tr("Save this checklist as a PDF to print or keep (Ctrl+E)"))
        self.export_button.clicked.connect(self.choose_export_file)
        counts_row.addWidget(self.export_button)
        page_layout.addLayout(counts_row)

        self.table_view = QTableView(page)
        self.table_view.setObjectName("checklistTable")
        self.table_view.setModel(self.filter_model)
        self.table_view.setItemDelegate(BadgeDelegate(self.table_view))
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setShowGrid(False)
        self.table_view.setWordWrap(False)
        self.table_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table_view.verticalHeader().setVisible(False)
        self.table_view.verticalHeader().setDefaultSectionSize(
            self.table_view.fontMetrics().height() + 14)
        header = self.table_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            self.table_view.setColumnWidth(column, width)
        if self._japanese:
            header.swapSections(Column.NAME_EN, Column.NAME_JA)
        self.table_view.selectionModel().currentRowChanged.connect(self._current_document_changed)
        # Copying: Ctrl+C copies the row; the context menu also offers each name alone (the
        # Japanese name is what a city office or employer needs to hear).
        self.table_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy_row = QAction(self.tr("&Copy row"), self.table_view)
        copy_row.setShortcut(QKeySequence.StandardKey.Copy)
        copy_row.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy_row.triggered.connect(self.copy_current_row)
        copy_ja = QAction(self.tr("Copy &Japanese name"), self.table_view)
        copy_ja.triggered.connect(lambda: self._copy_name(japanese=True))
        copy_en = QAction(self.tr("Copy &English name"), self.table_view)
        copy_en.triggered.connect(lambda: self._copy_name(japanese=False))
        for action in (copy_row, copy_ja, copy_en):
            self.table_view.addAction(action)

        self.detail_view = DocumentDetailView(page)
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.detail_splitter.setObjectName("detailSplitter")
        self.detail_splitter.setChildrenCollapsible(False)
        self.detail_splitter.addWidget(self.table_view)
        self.detail_splitter.addWidget(self.detail_view)
        self.detail_splitter.setStretchFactor(0, 3)
        self.detail_splitter.setStretchFactor(1, 2)
        self.detail_splitter.setSizes([420, 230])
        page_layout.addWidget(self.detail_splitter, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(sidebar)
        self.splitter.addWidget(page)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([285, 995])
        sidebar.setMinimumWidth(200)

        self.rules_label = QLabel(self)
        self.rules_label.setObjectName("rulesLabel")
        self.rules_label.setContentsMargins(8, 0, 0, 0)
        self.rules_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.rules_label.setMinimumWidth(1)
        self.rules_label.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.rules_label)
        # Names for screen readers (the views have no visible label of their own).
        self.route_view.setAccessibleName(self.tr("Routes"))
        self.table_view.setAccessibleName(self.tr("Required documents"))
        self.detail_view.setAccessibleName(self.tr("Document details"))
        self.filter_edit.setAccessibleName(self.tr("Filter documents"))

    # -- public API (the window, the case page and tests) ------------------------------------

    def current_route(self) -> RouteSpec | None:
        return self._route

    def current_procedure(self) -> str | None:
        value = self.procedure_combo.currentData()
        return str(value) if value is not None else None

    def current_employer_category(self) -> int | None:
        if not self.category_combo.isEnabled():
            return None
        value = self.category_combo.currentData()
        return int(value) if value is not None else None

    def current_pr_basis(self) -> int | None:
        if not self.basis_combo.isEnabled():
            return None
        value = self.basis_combo.currentData()
        return int(value) if value is not None else None

    def current_items(self) -> list[ChecklistItem]:
        return self.checklist_model.items()

    def select_route(self, route_id: str) -> None:
        row = self.route_model.row_of(route_id)
        if row is None:
            raise ValueError(f"unknown route {route_id!r}")
        self.route_view.setCurrentIndex(self.route_model.index(row))

    def select_procedure(self, procedure: str) -> None:
        index = self.procedure_combo.findData(procedure)
        if index < 0:
            raise ValueError(f"procedure {procedure!r} is not offered for this route")
        self.procedure_combo.setCurrentIndex(index)

    def select_employer_category(self, category: int | None) -> None:
        index = self.category_combo.findData(category)
        if index < 0:
            raise ValueError(f"no employer category {category!r}")
        self.category_combo.setCurrentIndex(index)

    def select_pr_basis(self, basis: int | None) -> None:
        index = self.basis_combo.findData(basis)
        if index < 0:
            raise ValueError(f"no points basis {basis!r}")
        self.basis_combo.setCurrentIndex(index)

    def show_checklist_for(self, route_id: str, procedure: str, employer_category: int | None) -> None:
        """The route checklist as it applies to a case (opened from My cases)."""
        if self.route_model.row_of(route_id) is None:
            return  # a case of a route the data no longer has
        self.select_route(route_id)
        if self.procedure_combo.findData(procedure) >= 0:
            self.select_procedure(procedure)
        if self.category_combo.isEnabled():
            self.select_employer_category(employer_category)
        self.filter_edit.clear()

    # -- reactions ------------------------------------------------------------------------------

    def _route_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        self._show_route(self.route_model.route(indexes[0].row()))

    def _show_route(self, route: RouteSpec) -> None:
        previous_procedure = self.current_procedure() or self._preferred_procedure
        self._route = route
        japanese = (route.name_ja if route.status_ja == route.name_ja
                    else self.tr("{route_ja}  ·  status: {status_ja}").format(route_ja=route.name_ja,
                                                                              status_ja=route.status_ja))
        if self._japanese:  # names from the data's Japanese fields only
            self.title_label.setText(route.name_ja)
            self.subtitle_label.setText("" if route.status_ja == route.name_ja else self.tr(
                "status: {status_ja}").format(status_ja=route.status_ja))
        else:
            self.title_label.setText(route.name_en)
            self.subtitle_label.setText(japanese)
        # The data's route summaries are in English only: a Japanese interface leaves them out.
        self.summary_label.setText("" if self._japanese else route.summary_en)
        self.summary_label.setVisible(not self._japanese)

        self.procedure_combo.blockSignals(True)
        self.procedure_combo.clear()
        for procedure in route.procedures:
            label = procedure.name_ja if self._japanese else f"{procedure.name_en} — {procedure.name_ja}"
            self.procedure_combo.addItem(label, procedure.id.value)
            self.procedure_combo.setItemData(self.procedure_combo.count() - 1,
                                             None if self._japanese else procedure.notes_en or None,
                                             Qt.ItemDataRole.ToolTipRole)
        keep = self.procedure_combo.findData(previous_procedure) if previous_procedure else -1
        self.procedure_combo.setCurrentIndex(max(keep, 0))
        self.procedure_combo.blockSignals(False)

        uses_category = route.uses_employer_category
        self.category_label.setVisible(uses_category)
        self.category_combo.setVisible(uses_category)
        self.category_combo.setEnabled(uses_category)
        # Only permanent residence has documents that depend on the 70/80-point basis; ask
        # wherever the route file has such a condition.
        uses_basis = any(doc.when.pr_basis for doc in route.documents)
        self.basis_label.setVisible(uses_basis)
        self.basis_combo.setVisible(uses_basis)
        self.basis_combo.setEnabled(uses_basis)

        self.rules_label.setText(self.tr(
            'Rules checked against their sources on {date} · <a href="{url}">route source</a>'
        ).format(date=route.rules_date.isoformat(), url=route.source))
        self._refresh_checklist()

    def _refresh_checklist(self) -> None:
        route, procedure = self._route, self.current_procedure()
        if route is None or procedure is None:
            self.checklist_model.set_items([])
            return
        try:
            items = required_documents(route, procedure, employer_category=self.current_employer_category(),
                                       pr_basis=self.current_pr_basis())
        except ZairyuError as exc:  # a rules file the domain refuses: say so, keep the window usable
            log.warning("checklist for %s/%s failed: %s", route.id, procedure, exc)
            QMessageBox.warning(self, self.tr("Zairyu"), error_text(exc))
            items = []
        self.checklist_model.set_items(items)
        self._update_counts()
        if self.filter_model.rowCount() > 0:
            self.table_view.selectRow(0)
        else:
            self.detail_view.show_item(None)
        self._save_choice()

    def _update_counts(self) -> None:
        items = self.checklist_model.items()
        shown = self.filter_model.rowCount()
        parts = [self.tr("1 document") if len(items) == 1
                 else self.tr("{count} documents").format(count=len(items))]
        if shown != len(items):
            parts[0] = self.tr("{shown} of {count} documents").format(shown=shown, count=len(items))
        translations = sum(1 for i in items if i.document.foreign_language)
        conditional = sum(1 for i in items if i.conditional_en)
        unverified = sum(1 for i in items if i.document.unverified)
        if translations:
            parts.append(self.tr("{count} need a Japanese translation").format(count=translations))
        if conditional:
            parts.append(self.tr("{count} depend on your answers").format(count=conditional))
        if unverified:
            parts.append(self.tr("{count} unverified").format(count=unverified))
        self.counts_label.setText("  ·  ".join(parts))

    def _filter_changed(self, text: str) -> None:
        self.filter_model.set_filter_text(text)
        self._update_counts()
        current = self.table_view.currentIndex()
        if not current.isValid() and self.filter_model.rowCount() > 0:
            self.table_view.selectRow(0)
        elif self.filter_model.rowCount() == 0:
            self.detail_view.show_item(None)

    def _current_document_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = current.data(ItemRole) if current.isValid() else None
        self.detail_view.show_item(item if isinstance(item, ChecklistItem) else None)

    # -- export ---------------------------------------------------------------------------------

    def suggested_export_name(self) -> str:
        route, procedure = self._route, self.current_procedure()
        parts = ["zairyu-checklist", route.id.value if route else "", procedure or ""]
        category = self.current_employer_category()
        if category is not None:
            parts.append(f"category-{category}")
        return "-".join(p for p in parts if p) + ".pdf"

    def choose_export_file(self) -> None:
        if self._route is None or self.export_running():
            return
        start = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                     or Path.home())
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export checklist as PDF"), str(start / self.suggested_export_name()),
            self.tr("PDF files (*.pdf)"))
        if name:
            path = Path(name)
            self.export_checklist_pdf(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def export_running(self) -> bool:
        return self._export_task is not None

    def export_checklist_pdf(self, output: Path) -> ExportTask | None:
        """Write the checklist shown (all its rows, whatever the filter) to ``output`` on a worker
        thread, with a progress dialog that can cancel it."""
        route, procedure = self._route, self.current_procedure()
        if route is None or procedure is None or self.export_running():
            return None
        items = self.checklist_model.items()
        category = self.current_employer_category()

        def export(control: ExportControl) -> None:
            from zairyu.reports.checklist_pdf import header_for_route, rows_from_items, write_checklist_pdf

            header = header_for_route(route, procedure, employer_category=category)
            write_checklist_pdf(header, rows_from_items(items), output, control=control)

        task = ExportTask(export, output, self)
        progress = QProgressDialog(self.tr("Writing the checklist…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.tr("Export checklist as PDF"))
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(task.cancel)

        def show_progress(done: int, total: int, _message: str) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        task.progress.connect(show_progress)

        def finish(outcome: str) -> None:
            progress.reset()
            progress.deleteLater()
            self._export_task = None
            self.export_button.setEnabled(True)
            self.export_ended.emit(outcome, str(output))

        task.finished.connect(lambda path: self.status_message.emit(
            self.tr("Checklist saved to {path}").format(path=path)))
        task.cancelled.connect(lambda: self.status_message.emit(
            self.tr("Export cancelled; no file was written.")))
        task.failed.connect(lambda message: QMessageBox.warning(
            self, self.tr("Export checklist as PDF"), message))
        task.finished.connect(lambda _path: finish("finished"))
        task.cancelled.connect(lambda: finish("cancelled"))
        task.failed.connect(lambda _message: finish("failed"))
        self._export_task = task
        self.export_button.setEnabled(False)
        self.export_started.emit()
        task.start()
        return task

    # -- copying --------------------------------------------------------------------------------

    def current_item(self) -> ChecklistItem | None:
        item = self.table_view.currentIndex().data(ItemRole)
        return item if isinstance(item, ChecklistItem) else None

    def copy_current_row(self) -> None:
        """The row's cells, tab-separated, as shown (pastes into a spreadsheet)."""
        current = self.table_view.currentIndex()
        if not current.isValid():
            return
        model = self.table_view.model()
        cells = [str(model.index(current.row(), column).data() or "") for column in Column]
        QGuiApplication.clipboard().setText("\t".join(cells))

    def _copy_name(self, *, japanese: bool) -> None:
        item = self.current_item()
        if item is not None:
            QGuiApplication.clipboard().setText(item.document.name_ja if japanese else item.document.name_en)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def restore_state(self, settings: QSettings) -> None:
        self._settings = settings
        for key, splitter in ((SETTINGS_SPLITTER, self.splitter), (SETTINGS_DETAIL_SPLITTER, self.detail_splitter)):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        route_id = settings.value(SETTINGS_ROUTE)
        if not isinstance(route_id, str) or self.route_model.row_of(route_id) is None:
            route_id = self.route_model.route(0).id.value
        procedure = settings.value(SETTINGS_PROCEDURE)
        if isinstance(procedure, str) and procedure:
            self._preferred_procedure = procedure
        category = settings.value(SETTINGS_CATEGORY)
        if isinstance(category, str) and category.isdigit():
            self.category_combo.blockSignals(True)
            self.category_combo.setCurrentIndex(max(self.category_combo.findData(int(category)), 0))
            self.category_combo.blockSignals(False)
        self._restoring = True
        try:
            # Show the saved route with the saved procedure, even when it is the one shown already.
            self.procedure_combo.blockSignals(True)
            self.procedure_combo.clear()
            self.procedure_combo.blockSignals(False)
            self._show_route(self.route_model.route(self.route_model.row_of(route_id) or 0))
            self.select_route(route_id)
        finally:
            self._restoring = False

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        settings.setValue(SETTINGS_DETAIL_SPLITTER, self.detail_splitter.saveState())

    def stop_work(self) -> None:
        """Before the window closes: stop an export (its task dies with the page) and wait."""
        if self._export_task is not None:
            self._export_task.cancel()
            QThreadPool.globalInstance().waitForDone(30_000)

    def _save_choice(self) -> None:
        if self._settings is None or self._restoring or self._route is None:
            return
        self._settings.setValue(SETTINGS_ROUTE, self._route.id.value)
        self._settings.setValue(SETTINGS_PROCEDURE, self.current_procedure() or "")
        # The category combo keeps its choice while a route without categories hides it.
        category = self.category_combo.currentData()
        self._settings.setValue(SETTINGS_CATEGORY, "" if category is None else str(category))

