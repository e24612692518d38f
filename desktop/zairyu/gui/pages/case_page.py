"""The case workspace: the household's applicants and cases on the left; the chosen case's
checklist as an editable table, with its filters, search and a summary bar, on the right.

Everything shown comes from the session's models; every edit goes through the session (one
undoable command, saved at once), whose signals update the rows.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from zairyu.gui.case_documents_model import CaseDocumentsFilter, CaseDocumentsModel, DocColumn, DocumentFilter
from zairyu.gui.case_tree_model import CaseTreeModel, procedure_name, route_name
from zairyu.gui.document_delegate import DocumentDelegate
from zairyu.gui.pages.base import Page, PageId
from zairyu.gui.roles import CaseIdRole, DocumentRole
from zairyu.gui.ui_language import prefers_japanese
from zairyu.store.models import OPEN_TRANSLATIONS, CaseDocument

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession

# Starting widths that show the names whole at 1280 px (the user can resize; kept in settings).
COLUMN_WIDTHS = {DocColumn.NUMBER: 36, DocColumn.NAME: 330, DocColumn.OTHER_NAME: 250, DocColumn.STATUS: 120,
                 DocColumn.TRANSLATION: 110, DocColumn.ISSUED: 100, DocColumn.FRESHNESS: 130, DocColumn.FILES: 48}
SETTINGS_SPLITTER = "case/splitter"
SETTINGS_HEADER = "case/header"


class CasePage(Page):
    page_id = PageId.CASE

    def __init__(self, session: CaseSession, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(session, parent)
        self._japanese = prefers_japanese()
        self._today = today
        self.tree_model = CaseTreeModel(session, self)
        self.documents_model = CaseDocumentsModel(session, self, today=today)
        self.filter_model = CaseDocumentsFilter(self)
        self.filter_model.setSourceModel(self.documents_model)
        self._build()
        session.cases_changed.connect(self._cases_changed)
        session.case_changed.connect(self._case_changed)
        session.document_changed.connect(lambda case_id, _code: self._case_changed(case_id))
        self.documents_model.modelReset.connect(self._update_summary)
        self._cases_changed()

    def title(self) -> str:
        return self.tr("My case")

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

        self.table = QTableView(content)
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
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        self.table.setAccessibleName(self.tr("The case's documents"))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.case_content = QWidget(content)
        self.table_area = QVBoxLayout(self.case_content)
        self.table_area.setContentsMargins(0, 0, 0, 0)
        self.table_area.addWidget(self.table, 1)

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
        self.splitter.setSizes([250, 1030])
        sidebar.setMinimumWidth(190)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)
        self.filter_buttons.button(list(self._filter_of_button.values()).index(DocumentFilter.ALL)).setChecked(True)

    # -- state ----------------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        settings.setValue(SETTINGS_HEADER, self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value(SETTINGS_SPLITTER)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header = settings.value(SETTINGS_HEADER)
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)

    # -- the case -------------------------------------------------------------------------------

    def set_case(self, case_id: int | None) -> None:
        if case_id != self.documents_model.case_id:
            self.documents_model.set_case(case_id)
        self._select_in_tree(case_id)
        self._show_heading()
        if self.filter_model.rowCount() > 0 and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

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
        if not self.session.available:
            self._show_empty(self.tr("<p><b>Your cases are not available.</b></p><p>{reason}</p>").format(
                reason=escape(self.session.unavailable_reason)))
            return
        ids = self.tree_model.case_ids()
        if not ids:
            self.session.set_current_case(None)
            self._show_empty(self.tr(
                "<p><b>No cases yet.</b></p><p>A case follows one application: its route, the documents "
                "and where each one stands.</p>"))
            return
        current = self.session.current_case_id
        if current not in ids:
            self.session.set_current_case(ids[0])
        else:
            self._select_in_tree(current)
            self._show_heading()

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
        self.summary_label.setText("  ·  ".join(parts))

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

    def select_document(self, code: str) -> bool:
        """Show the case's document ``code`` (an evidence link from the points page)."""
        self.set_filter(DocumentFilter.ALL)  # the document may be hidden by a filter or the search
        self.search_edit.clear()
        for row in range(self.filter_model.rowCount()):
            document = self.filter_model.index(row, 0).data(DocumentRole)
            if isinstance(document, CaseDocument) and document.code == code:
                self.table.selectRow(row)
                self.table.setFocus()
                return True
        return False

    def current_document(self) -> CaseDocument | None:
        value = self.table.currentIndex().data(DocumentRole)
        return value if isinstance(value, CaseDocument) else None
