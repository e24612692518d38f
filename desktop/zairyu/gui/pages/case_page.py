"""The case workspace: the household's applicants and cases on the left; the chosen case's
checklist as an editable table, with its filters, search and a summary bar, on the right.

Everything shown comes from the session's models; every edit goes through the session (one
undoable command, saved at once), whose signals update the rows.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from zairyu.domain.online_system import size_text
from zairyu.errors import ZairyuError
from zairyu.gui.attach_worker import AttachTask
from zairyu.gui.case_documents_model import CaseDocumentsFilter, CaseDocumentsModel, DocColumn, DocumentFilter
from zairyu.gui.case_tree_model import CaseTreeModel, procedure_name, route_name
from zairyu.gui.document_delegate import DocumentDelegate
from zairyu.gui.document_editor import DocumentEditor, dropped_files
from zairyu.gui.pages.base import Page, PageId
from zairyu.gui.roles import CaseIdRole, DocumentRole
from zairyu.gui.ui_language import prefers_japanese
from zairyu.store.models import OPEN_TRANSLATIONS, CaseDocument

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession

# Starting widths that show the names whole at 1280 px (the user can resize; kept in settings).
# The name column shows both names (two lines).
COLUMN_WIDTHS = {DocColumn.NUMBER: 34, DocColumn.NAME: 310, DocColumn.STATUS: 110, DocColumn.FRESHNESS: 120,
                 DocColumn.ISSUED: 88, DocColumn.TRANSLATION: 96, DocColumn.FILES: 44}
SETTINGS_SPLITTER = "case/splitter"
SETTINGS_EDITOR_SPLITTER = "case/editor_splitter"
SETTINGS_HEADER = "case/header"
SETTINGS_FIT_NAMES = "case/fit_names"
SCAN_FILTER = "*.pdf *.jpg *.jpeg *.png"
ATTACH_PROGRESS_STEPS = 1000


class DocumentsTable(QTableView):
    """The checklist table; files dropped on a row are attached to that row's document."""

    files_dropped = Signal(str, list)  # document code, [Path]

    NOTES_MIN = 160  # what the notes keep when the names take the room

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        # The name column takes the room a wider window gives, until the user sizes it by hand.
        self.fit_names_to_width = True
        self._fitting = False
        self.horizontalHeader().sectionResized.connect(self._section_resized)

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        # A drag on the header's handle (the mouse is down), not a width set by the program.
        dragging = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        if section == DocColumn.NAME and not self._fitting and dragging:
            self.fit_names_to_width = False

    def fit_names(self) -> None:
        if not self.fit_names_to_width or self.model() is None:
            return
        others = sum(self.columnWidth(c) for c in DocColumn if c not in (DocColumn.NAME, DocColumn.NOTES))
        width = max(COLUMN_WIDTHS[DocColumn.NAME], self.viewport().width() - others - self.NOTES_MIN)
        self._fitting = True
        try:
            self.setColumnWidth(DocColumn.NAME, width)
        finally:
            self._fitting = False

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_names()

    def _code_at(self, event: QDragEnterEvent | QDropEvent) -> str | None:
        index = self.indexAt(event.position().toPoint())
        doc = index.data(DocumentRole) if index.isValid() else None
        return doc.code if isinstance(doc, CaseDocument) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if dropped_files(event) and self._code_at(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        code, files = self._code_at(event), dropped_files(event)
        if code is None or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(code, files)


class CasePage(Page):
    page_id = PageId.CASE
    new_case_requested = Signal()  # the window opens the assistant
    # An attach run ended: how many files were attached, and the refused files' messages.
    attach_ended = Signal(int, list)

    def __init__(self, session: CaseSession, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(session, parent)
        self._japanese = prefers_japanese()
        self._today = today
        self._attach_task: AttachTask | None = None
        self.tree_model = CaseTreeModel(session, self)
        self.documents_model = CaseDocumentsModel(session, self, today=today)
        self.filter_model = CaseDocumentsFilter(self)
        self.filter_model.setSourceModel(self.documents_model)
        self._build()
        session.cases_changed.connect(self._cases_changed)
        session.case_changed.connect(self._case_changed)
        session.document_changed.connect(self._document_changed)
        self.documents_model.modelReset.connect(self._update_summary)
        self._cases_changed()

    # -- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        sidebar = QFrame(self)
        sidebar.setObjectName("sidebar")
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 12, 0, 8)
        heading = QLabel(self.tr("Applicants and cases"), sidebar)
        heading.setObjectName("sidebarHeading")
        heading.setContentsMargins(14, 0, 14, 0)
        side.addWidget(heading)
        self.case_tree = QTreeView(sidebar)
        self.case_tree.setObjectName("caseTree")
        self.case_tree.setModel(self.tree_model)
        self.case_tree.setHeaderHidden(True)
        self.case_tree.setFrameShape(QFrame.Shape.NoFrame)
        self.case_tree.setUniformRowHeights(False)
        self.case_tree.setAccessibleName(self.tr("Applicants and cases"))
        self.case_tree.selectionModel().selectionChanged.connect(self._tree_selection_changed)
        self.tree_model.modelReset.connect(self.case_tree.expandAll)
        side.addWidget(self.case_tree, 1)
        self.new_case_button = QPushButton(self.tr("New case…"), sidebar)
        self.new_case_button.setObjectName("newCaseButton")
        self.new_case_button.setToolTip(self.tr("Answer a few questions and Zairyu lists the documents (Ctrl+N)"))
        self.new_case_button.clicked.connect(self.new_case_requested)
        side.addWidget(self.new_case_button)
        side.setContentsMargins(8, 12, 8, 8)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.setSpacing(6)
        self.title_label = QLabel(content)
        self.title_label.setObjectName("routeTitle")
        self.title_label.setWordWrap(True)
        self.subtitle_label = QLabel(content)
        self.subtitle_label.setObjectName("routeSubtitle")
        self.subtitle_label.setWordWrap(True)
        self.summary_label = QLabel(content)
        self.summary_label.setObjectName("summaryBar")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        layout.addWidget(self.summary_label)

        filters = QHBoxLayout()
        filters.setSpacing(4)
        self.filter_buttons = QButtonGroup(self)
        self.filter_buttons.setExclusive(True)
        labels = {DocumentFilter.OUTSTANDING: self.tr("Outstanding"),
                  DocumentFilter.NEEDS_TRANSLATION: self.tr("Needs translation"),
                  DocumentFilter.STALE_OR_EXPIRING: self.tr("Too old or expiring"),
                  DocumentFilter.ALL: self.tr("All")}
        self._filter_of_button: dict[int, DocumentFilter] = {}
        for number, (kind, label) in enumerate(labels.items()):
            button = QPushButton(label, content)
            button.setCheckable(True)
            button.setObjectName(f"filter_{kind.value}")
            self.filter_buttons.addButton(button, number)
            self._filter_of_button[number] = kind
            filters.addWidget(button)
        self.filter_buttons.idClicked.connect(lambda number: self.set_filter(self._filter_of_button[number]))
        filters.addStretch(1)
        self.search_edit = QLineEdit(content)
        self.search_edit.setObjectName("caseSearch")
        self.search_edit.setPlaceholderText(self.tr("Search documents…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        self.search_edit.setAccessibleName(self.tr("Search documents"))
        self.search_edit.textChanged.connect(self._search_changed)
        filters.addWidget(self.search_edit)
        layout.addLayout(filters)

        self.table = DocumentsTable(content)
        self.table.setObjectName("caseDocumentsTable")
        self.table.setModel(self.filter_model)
        self.table.setItemDelegate(DocumentDelegate(self.documents_model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control, not cell by cell
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DocColumn.NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(DocumentDelegate.row_height(self.table.font()))
        self.table.setAccessibleName(self.tr("The case's documents"))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.files_dropped.connect(self.attach_files)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.editor = DocumentEditor(self.session, self.documents_model, content)
        self.editor.files_chosen.connect(self.attach_files)
        self.editor.add_files_requested.connect(self.choose_files)
        self.case_content = QSplitter(Qt.Orientation.Horizontal, content)
        self.case_content.setObjectName("editorSplitter")
        self.case_content.setChildrenCollapsible(False)
        self.case_content.addWidget(self.table)
        self.case_content.addWidget(self.editor)
        self.case_content.setStretchFactor(0, 4)  # a wider window gives the panel some room too
        self.case_content.setStretchFactor(1, 1)
        self.case_content.setSizes([790, 280])

        self.empty_label = QLabel(content)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.stack = QStackedWidget(content)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.case_content)
        layout.addWidget(self.stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("caseSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(sidebar)
        self.splitter.addWidget(content)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 1080])
        sidebar.setMinimumWidth(180)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)
        self.filter_buttons.button(list(self._filter_of_button.values()).index(DocumentFilter.ALL)).setChecked(True)

    # -- state ----------------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        settings.setValue(SETTINGS_EDITOR_SPLITTER, self.case_content.saveState())
        settings.setValue(SETTINGS_HEADER, self.table.horizontalHeader().saveState())
        settings.setValue(SETTINGS_FIT_NAMES, "true" if self.table.fit_names_to_width else "false")

    def restore_state(self, settings: QSettings) -> None:
        for key, splitter in ((SETTINGS_SPLITTER, self.splitter), (SETTINGS_EDITOR_SPLITTER, self.case_content)):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        header = settings.value(SETTINGS_HEADER)
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
            # Names sized by hand in the last session keep their width; otherwise they fit the window.
            self.table.fit_names_to_width = settings.value(SETTINGS_FIT_NAMES) != "false"

    # -- the case -------------------------------------------------------------------------------

    def set_case(self, case_id: int | None) -> None:
        if case_id != self.documents_model.case_id:
            self.documents_model.set_case(case_id)
        self._select_in_tree(case_id)
        self._show_heading()
        if self.filter_model.rowCount() > 0 and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._show_current_document()

    def _current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current_document()

    def _show_current_document(self) -> None:
        doc = self.current_document()
        self.editor.show_document(self.documents_model.case_id, doc.code if doc else None)

    def select_document(self, code: str) -> None:
        row = self.documents_model.row_of(code)
        if row is not None:
            index = self.filter_model.mapFromSource(self.documents_model.index(row, DocColumn.NAME))
            if index.isValid():
                self.table.setCurrentIndex(index)

    def _select_in_tree(self, case_id: int | None) -> None:
        index = self.tree_model.index_of_case(case_id) if case_id is not None else QModelIndex()
        if index.isValid() and self.case_tree.currentIndex() != index:
            self.case_tree.setCurrentIndex(index)

    def _tree_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        for index in selected.indexes():
            case_id = index.data(CaseIdRole)
            if isinstance(case_id, int):
                self.session.set_current_case(case_id)
                return

    def _cases_changed(self) -> None:
        self.new_case_button.setEnabled(self.session.available)
        if not self.session.available:
            self._show_empty(self.tr("<p><b>Your cases are not available.</b></p><p>{reason}</p>").format(
                reason=escape(self.session.unavailable_reason)))
            return
        ids = self.tree_model.case_ids()
        if not ids:
            self.session.set_current_case(None)
            self._show_empty(self.tr(
                "<p><b>No cases yet.</b></p><p>A case follows one application: its route, the documents "
                "and where each one stands.</p><p>Choose <b>New case…</b> (Ctrl+N): a few questions, and "
                "Zairyu lists the documents your application needs.</p>"))
            return
        current = self.session.current_case_id
        if current not in ids:
            self.session.set_current_case(ids[0])
        elif current != self.documents_model.case_id:  # chosen before this page existed
            self.set_case(current)
        else:
            self._select_in_tree(current)
            self._show_heading()

    def _document_changed(self, case_id: int, _code: str) -> None:
        self._case_changed(case_id)

    def _case_changed(self, case_id: int) -> None:
        if case_id == self.documents_model.case_id:
            self._show_heading()

    def _show_empty(self, html: str) -> None:
        self.documents_model.set_case(None)
        self.title_label.setText(self.tr("My case"))
        self.subtitle_label.setText("")
        self.summary_label.setText("")
        self.empty_label.setText(html)
        self.stack.setCurrentWidget(self.empty_label)

    def _show_heading(self) -> None:
        case = self.documents_model.case
        if case is None:
            return
        self.stack.setCurrentWidget(self.case_content)
        catalog = self.session.catalog
        route = route_name(catalog, case.route, japanese=self._japanese)
        self.title_label.setText(case.title or route)
        parts = [route] if case.title else []
        parts.append(procedure_name(catalog, case.route, case.procedure, japanese=self._japanese))
        if case.employer_category is not None:
            parts.append(self.tr("employer category {number}").format(number=case.employer_category))
        if case.applicant.name:
            parts.append(case.applicant.name)
        self.subtitle_label.setText("  ·  ".join(parts))
        self._update_summary()

    def _update_summary(self) -> None:
        case = self.documents_model.case
        if case is None:
            self.summary_label.setText("")
            return
        required = [d for d in case.documents if d.required]
        ready = sum(1 for d in required if d.done)
        translations = sum(1 for d in required if d.translation in OPEN_TRANSLATIONS and not d.done)
        parts = [self.tr("<b>{ready}</b> of {total} documents ready").format(ready=ready, total=len(required)),
                 self.tr("{count} translations outstanding").format(count=translations)]
        # The soonest deadline to act on (an overdue one first): what the user must do next.
        upcoming = [d for d in self.documents_model.deadlines() if d.kind == "deadline"]
        if upcoming:
            soonest = min(upcoming, key=lambda d: d.act_by)
            title = soonest.title_ja if self._japanese else soonest.title_en
            parts.append(self.tr("next deadline: <b>{date}</b> — {title}").format(
                date=soonest.act_by.isoformat(), title=escape(title)))
        if case.target_filing_date:
            parts.append(self.tr("filing planned for {date}").format(date=case.target_filing_date.isoformat()))
        household = self._household_next(case.id)
        if household:
            parts.append(household)
        self.summary_label.setText("  ·  ".join(parts))

    def _household_next(self, case_id: int) -> str:
        """The household's soonest deadline of another person, so that one case shows the family's next act."""
        try:
            found = self.session.household_deadlines(case_id, dt.date.today())
        except ZairyuError:
            return ""
        others = [d for d in found if d.case_id != case_id]
        if not others:
            return ""
        soonest = others[0]
        title = soonest.title_ja if self._japanese else soonest.title_en
        return self.tr("household: <b>{date}</b> — {person}: {title}").format(
            date=soonest.act_by.isoformat(), person=escape(soonest.person), title=escape(title))

    # -- filters --------------------------------------------------------------------------------

    def set_filter(self, kind: DocumentFilter) -> None:
        self.filter_model.set_filter(kind)
        number = next(n for n, k in self._filter_of_button.items() if k is kind)
        self.filter_buttons.button(number).setChecked(True)

    def _search_changed(self, text: str) -> None:
        self.filter_model.set_search(text)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def current_document(self) -> CaseDocument | None:
        value = self.table.currentIndex().data(DocumentRole)
        return value if isinstance(value, CaseDocument) else None

    # -- attaching ------------------------------------------------------------------------------

    def choose_files(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files to “{document}”").format(document=self.documents_model.names(doc)[0]),
            start, self.tr("Scans ({patterns})").format(patterns=SCAN_FILTER))
        if names:
            self.attach_files(doc.code, [Path(name) for name in names])

    def attach_running(self) -> bool:
        return self._attach_task is not None

    def attach_files(self, code: str, files: list[Path]) -> AttachTask | None:
        """Attach ``files`` to the document ``code`` on a worker thread, with progress."""
        case_id = self.documents_model.case_id
        if case_id is None or self._attach_task is not None or not files:
            return None
        task = AttachTask(self.session, case_id, code, files, self)
        # The bar follows the bytes of all files (in thousandths: a QProgressDialog counts in int).
        progress = QProgressDialog(self.tr("Attaching files…"), self.tr("Cancel"), 0, ATTACH_PROGRESS_STEPS, self)
        progress.setObjectName("attachProgress")
        progress.setWindowTitle(self.tr("Attach files"))
        progress.setMinimumDuration(400)  # a quick attach shows no dialog
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(task.cancel)
        refused: list[str] = []
        current = {"name": "", "number": 0}

        def show_file(done: int, total: int, name: str) -> None:
            current.update(name=name, number=done + 1)

        def show_bytes(copied: int, size: int, all_copied: int, all_size: int) -> None:
            progress.setValue(round(ATTACH_PROGRESS_STEPS * all_copied / all_size) if all_size else 0)
            progress.setLabelText(self.tr("Attaching {file} ({number} of {count}): {copied} of {size}\n"
                                          "All files: {all_copied} of {all_size}").format(
                file=current["name"], number=current["number"], count=len(files), copied=size_text(copied),
                size=size_text(size), all_copied=size_text(all_copied), all_size=size_text(all_size)))

        def finish(count: int) -> None:
            progress.reset()
            progress.deleteLater()
            self._attach_task = None
            task.deleteLater()
            if refused:
                QMessageBox.warning(self, self.tr("Not attached"), "\n\n".join(refused))
            if task.was_cancelled:
                self.status_message.emit(self.tr("Attaching cancelled; nothing was attached"))
            elif count:
                self.status_message.emit(self.tr("{count} file(s) attached").format(count=count))
            self.attach_ended.emit(count, refused)

        task.progress.connect(show_file)
        task.bytes_progress.connect(show_bytes)
        task.refused.connect(lambda _name, message: refused.append(message))
        task.finished.connect(finish)
        self._attach_task = task
        self.select_document(code)
        task.start()
        return task
