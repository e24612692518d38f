"""The "My cases" page: the user's cases from the store and, for the chosen one, where each of its
documents stands. Read-only: cases are created and changed with ``zairyu case ...`` until the
case editors land; Refresh (F5) picks up such changes."""

from __future__ import annotations

import logging
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zairyu.domain.routes import RouteCatalog
from zairyu.errors import ZairyuError
from zairyu.gui.cases_table_model import (
    CaseColumn,
    CaseDocumentColumn,
    CaseDocumentsTableModel,
    CaseRole,
    CasesTableModel,
)
from zairyu.gui.delegates import BadgeDelegate
from zairyu.gui.ui_language import prefers_japanese
from zairyu.store.models import CaseSummary

if TYPE_CHECKING:
    from zairyu.store import Store

log = logging.getLogger(__name__)

CASE_COLUMN_WIDTHS = {CaseColumn.ID: 50, CaseColumn.TITLE: 200, CaseColumn.APPLICANT: 150,
                      CaseColumn.ROUTE: 280, CaseColumn.PROCEDURE: 190, CaseColumn.CATEGORY: 130,
                      CaseColumn.PROGRESS: 120}
DOCUMENT_COLUMN_WIDTHS = {CaseDocumentColumn.NUMBER: 34, CaseDocumentColumn.NAME_EN: 280,
                          CaseDocumentColumn.NAME_JA: 240, CaseDocumentColumn.STATUS: 120,
                          CaseDocumentColumn.TRANSLATION: 100, CaseDocumentColumn.ISSUED: 100,
                          CaseDocumentColumn.EXPIRY: 100}


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class CasesPage(QWidget):
    # A case was opened (double-click or Enter): its route, procedure and employer category.
    case_route_requested = Signal(str, str, object)

    def __init__(self, catalog: RouteCatalog, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesPage")
        self._store: Store | None = None
        self._unavailable = self.tr("Your cases are not available.")

        self.cases_model = CasesTableModel(catalog, self)
        self.documents_model = CaseDocumentsTableModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        title = QLabel(self.tr("My cases"), self)
        title.setObjectName("routeTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setShortcut("F5")
        self.refresh_button.setToolTip(self.tr("Read the cases again (F5), e.g. after changing them with "
                                               "the zairyu command."))
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countsLabel")
        layout.addWidget(self.count_label)

        self.stack = QStackedWidget(self)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        content = QSplitter(Qt.Orientation.Vertical, self)
        content.setChildrenCollapsible(False)
        self.cases_view = _table(content, "casesTable")
        self.cases_view.setModel(self.cases_model)
        for column, width in CASE_COLUMN_WIDTHS.items():
            self.cases_view.setColumnWidth(column, width)
        self.cases_view.selectionModel().currentRowChanged.connect(self._current_case_changed)
        self.cases_view.activated.connect(self._case_activated)
        self.cases_view.setToolTip(self.tr("Double-click a case to see its route's checklist."))
        lower = QWidget(content)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        self.case_heading = QLabel(lower)
        self.case_heading.setObjectName("routeSubtitle")
        self.case_heading.setTextFormat(Qt.TextFormat.RichText)
        lower_layout.addWidget(self.case_heading)
        self.documents_view = _table(lower, "caseDocumentsTable")
        self.documents_view.setModel(self.documents_model)
        self.documents_view.setItemDelegate(BadgeDelegate(self.documents_view))
        for doc_column, width in DOCUMENT_COLUMN_WIDTHS.items():
            self.documents_view.setColumnWidth(doc_column, width)
        if prefers_japanese():  # Japanese names first, as on the checklist
            self.documents_view.horizontalHeader().swapSections(CaseDocumentColumn.NAME_EN,
                                                                CaseDocumentColumn.NAME_JA)
        lower_layout.addWidget(self.documents_view, 1)
        content.addWidget(self.cases_view)
        content.addWidget(lower)
        content.setSizes([220, 420])

        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(content)
        layout.addWidget(self.stack, 1)
        self.show_unavailable(self._unavailable)

    # -- data in --------------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self._store = store
        self.reload()

    def show_unavailable(self, reason: str) -> None:
        """The store could not be opened: say why, keep the rest of the app usable."""
        self._store = None
        self.refresh_button.setEnabled(False)
        self.cases_model.set_cases([])
        self.documents_model.set_documents([])
        self.count_label.setText("")
        self.empty_label.setText(escape(reason))
        self.stack.setCurrentWidget(self.empty_label)

    def reload(self) -> None:
        if self._store is None:
            return
        self.refresh_button.setEnabled(True)
        current = self.current_case()
        try:
            cases = self._store.list_cases()
        except ZairyuError as exc:
            log.warning("cannot list cases: %s", exc)
            self.show_unavailable(str(exc))
            self.refresh_button.setEnabled(True)
            return
        self.cases_model.set_cases(cases)
        if len(cases) == 1:
            self.count_label.setText(self.tr("1 case"))
        else:
            self.count_label.setText(self.tr("{count} cases").format(count=len(cases)) if cases else "")
        if not cases:
            self.documents_model.set_documents([])
            self.empty_label.setText(self.tr(
                "<p><b>No cases yet.</b></p><p>A case follows one application: its route, the "
                "documents and where each one stands. Create one from the command line for now:</p>"
                "<p><code>zairyu case new --route engineer-specialist --procedure coe "
                "--title \"My application\"</code></p>"))
            self.stack.setCurrentWidget(self.empty_label)
            return
        self.stack.setCurrentIndex(1)
        row = next((r for r, c in enumerate(cases) if current is not None and c.id == current.id), 0)
        self.cases_view.selectRow(row)
        # selectRow does not emit currentRowChanged when the row number stays the same.
        self._show_case(cases[row])

    # -- reactions ------------------------------------------------------------------------------

    def current_case(self) -> CaseSummary | None:
        value = self.cases_view.currentIndex().data(CaseRole)
        return value if isinstance(value, CaseSummary) else None

    def _case_activated(self, index: QModelIndex) -> None:
        case = index.data(CaseRole)
        if isinstance(case, CaseSummary):
            self.case_route_requested.emit(case.route, case.procedure, case.employer_category)

    def _current_case_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case = current.data(CaseRole) if current.isValid() else None
        if isinstance(case, CaseSummary):
            self._show_case(case)

    def _show_case(self, summary: CaseSummary) -> None:
        if self._store is None:
            return
        try:
            case = self._store.get_case(summary.id)
        except ZairyuError as exc:
            log.warning("cannot read case %s: %s", summary.id, exc)
            self.case_heading.setText(escape(str(exc)))
            self.documents_model.set_documents([])
            return
        self.documents_model.set_documents(case.documents)
        heading = self.tr("Case {id}: {title}").format(id=case.id, title=case.title or self.tr("(untitled)"))
        detail = self.tr("{ready} of {total} documents ready").format(ready=summary.documents_ready,
                                                                        total=summary.documents_total)
        if case.target_filing_date:
            detail += " · " + self.tr("filing planned for {date}").format(date=case.target_filing_date)
        self.case_heading.setText(f"<b>{escape(heading)}</b> &nbsp; "
                                  f"<span style='color:#808080'>{escape(detail)}</span>")
