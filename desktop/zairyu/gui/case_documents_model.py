"""One case's checklist as an editable Qt table over the session (never a copy in widgets).

Rows are the case's documents in checklist order. Status, translation, issue date and notes are
edited in place (``setData`` → an undoable session command); the session's signals update the
rows with ``dataChanged``. The freshness column is computed by the case deadlines engine
(``store.deadlines_link``, the same code as ``zairyu case deadlines``), for the case's target
filing date. ``CaseDocumentsFilter`` adds the filters of the workspace and the search.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from zairyu.domain.deadlines import CaseDeadline, Severity
from zairyu.errors import ZairyuError
from zairyu.gui.case_session import CaseSession
from zairyu.gui.roles import BadgeRole, DocumentRole, FreshnessRole, SortRole
from zairyu.gui.ui_language import prefers_japanese
from zairyu.store.deadlines_link import deadlines_for_case
from zairyu.store.models import OPEN_TRANSLATIONS, CaseDocument, CaseView, DocumentStatus, TranslationStatus

Index = QModelIndex | QPersistentModelIndex


class DocColumn(IntEnum):
    NUMBER = 0
    NAME = 1  # in the interface's language
    OTHER_NAME = 2  # in the other one
    STATUS = 3
    TRANSLATION = 4
    ISSUED = 5
    FRESHNESS = 6
    FILES = 7
    NOTES = 8


EDITABLE = {DocColumn.STATUS, DocColumn.TRANSLATION, DocColumn.ISSUED, DocColumn.NOTES}
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# Badge kinds (delegates.BADGE_COLOURS) for a document's status: done, under way, or to do.
STATUS_BADGES = {DocumentStatus.READY: "done", DocumentStatus.SUBMITTED: "done",
                 DocumentStatus.NOT_APPLICABLE: "muted", DocumentStatus.REQUESTED: "progress",
                 DocumentStatus.RECEIVED: "progress", DocumentStatus.TRANSLATING: "progress"}


class Freshness(Enum):
    """How a dated document stands for the filing date (from its freshness deadline)."""

    STALE = "stale"  # too old for the target filing date, or its last usable day has passed
    EXPIRING = "expiring"  # usable, but not for long (within the engine's "soon")
    FRESH = "fresh"
    GET_LATER = "get_later"  # not yet dated: get it within a window before filing


@dataclass(frozen=True)
class FreshnessState:
    freshness: Freshness
    deadline: CaseDeadline


def freshness_states(case: CaseView, deadlines: list[CaseDeadline]) -> dict[str, FreshnessState]:
    """The freshness of each document with a freshness rule, by document code."""
    issued = {doc.code: doc.issued for doc in case.documents}
    states: dict[str, FreshnessState] = {}
    for deadline in deadlines:
        if deadline.rule != "document_freshness" or deadline.subject is None:
            continue
        code = deadline.subject
        if issued.get(code) is None:
            state = Freshness.GET_LATER
        elif deadline.opens is not None or deadline.severity is Severity.OVERDUE:
            state = Freshness.STALE  # the engine asks for a new one (too old for the filing date)
        elif deadline.severity in (Severity.URGENT, Severity.SOON):
            state = Freshness.EXPIRING
        else:
            state = Freshness.FRESH
        states[code] = FreshnessState(state, deadline)
    return states


FRESHNESS_BADGES = {Freshness.STALE: "overdue", Freshness.EXPIRING: "soon", Freshness.FRESH: "done",
                    Freshness.GET_LATER: "todo"}


class CaseDocumentsModel(QAbstractTableModel):
    def __init__(self, session: CaseSession, parent: Any = None, *, japanese: bool | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._japanese = prefers_japanese() if japanese is None else japanese
        self._today = today
        self._case: CaseView | None = None
        self._documents: list[CaseDocument] = []
        self._freshness: dict[str, FreshnessState] = {}
        self._deadlines: list[CaseDeadline] = []
        self.status_labels = {
            DocumentStatus.NEEDED: self.tr("Needed", "document status: still to get"),
            DocumentStatus.REQUESTED: self.tr("Requested"),
            DocumentStatus.RECEIVED: self.tr("Received"),
            DocumentStatus.TRANSLATING: self.tr("Being translated"),
            DocumentStatus.READY: self.tr("Ready"),
            DocumentStatus.SUBMITTED: self.tr("Submitted"),
            DocumentStatus.NOT_APPLICABLE: self.tr("Not applicable"),
        }
        self.translation_labels = {
            TranslationStatus.NOT_NEEDED: self.tr("Not needed", "translation status"),
            TranslationStatus.NEEDED: self.tr("Needed", "translation status: not started"),
            TranslationStatus.IN_PROGRESS: self.tr("In progress"),
            TranslationStatus.DONE: self.tr("Done"),
            TranslationStatus.CERTIFIED: self.tr("Certified"),
        }
        self._headers = {
            DocColumn.NUMBER: "#",
            DocColumn.NAME: self.tr("Document"),
            DocColumn.OTHER_NAME: self.tr("English name") if self._japanese else self.tr("Japanese name"),
            DocColumn.STATUS: self.tr("Status"),
            DocColumn.TRANSLATION: self.tr("Translation"),
            DocColumn.ISSUED: self.tr("Issued on"),
            DocColumn.FRESHNESS: self.tr("Freshness"),
            DocColumn.FILES: self.tr("Files"),
            DocColumn.NOTES: self.tr("Notes"),
        }
        session.document_changed.connect(self._document_changed)
        session.case_changed.connect(self._case_changed)

    # -- data in --------------------------------------------------------------------------------

    @property
    def case_id(self) -> int | None:
        return self._case.id if self._case is not None else None

    @property
    def case(self) -> CaseView | None:
        return self._case

    def deadlines(self) -> list[CaseDeadline]:
        return list(self._deadlines)

    def set_case(self, case_id: int | None) -> None:
        self.beginResetModel()
        self._load(case_id)
        self.endResetModel()

    def _load(self, case_id: int | None) -> None:
        self._case = None
        self._documents = []
        self._freshness = {}
        self._deadlines = []
        if case_id is None or not self._session.available:
            return
        try:
            case = self._session.get_case(case_id)
        except ZairyuError:
            return
        self._case = case
        self._documents = list(case.documents)
        self._compute_freshness()

    def _compute_freshness(self) -> None:
        if self._case is None:
            return
        try:
            self._deadlines = deadlines_for_case(self._case, self._session.catalog, self._today or dt.date.today())
        except ZairyuError:  # a case of a route the data no longer has: no freshness, no crash
            self._deadlines = []
        self._freshness = freshness_states(self._case, self._deadlines)

    def _case_changed(self, case_id: int) -> None:
        if case_id != self.case_id:
            return
        old_codes = [d.code for d in self._documents]
        try:
            case = self._session.get_case(case_id)
        except ZairyuError:
            self.set_case(None)
            return
        if [d.code for d in case.documents] != old_codes:  # documents added or removed: new rows
            self.set_case(case_id)
            return
        self._case = case
        self._documents = list(case.documents)
        self._compute_freshness()
        self._all_rows_changed()

    def _document_changed(self, case_id: int, code: str) -> None:
        if case_id != self.case_id:
            return
        old_codes = [d.code for d in self._documents]
        try:
            self._case = self._session.get_case(case_id)
        except ZairyuError:
            self.set_case(None)
            return
        self._documents = list(self._case.documents)
        self._compute_freshness()
        row = self.row_of(code)
        if row is None or [d.code for d in self._documents] != old_codes:
            self.set_case(case_id)
            return
        # A changed date can move the next deadline, but only this row's cells change.
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(DocColumn) - 1))

    def _all_rows_changed(self) -> None:
        if self._documents:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._documents) - 1, len(DocColumn) - 1))

    def documents(self) -> list[CaseDocument]:
        return list(self._documents)

    def document(self, row: int) -> CaseDocument:
        return self._documents[row]

    def row_of(self, code: str) -> int | None:
        return next((row for row, doc in enumerate(self._documents) if doc.code == code), None)

    def freshness(self, code: str) -> FreshnessState | None:
        return self._freshness.get(code)

    # -- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DocColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[DocColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if DocColumn(index.column()) in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def names(self, doc: CaseDocument) -> tuple[str, str]:
        """(the name in the interface's language, the other one); a missing one falls back."""
        first, second = (doc.name_ja, doc.name_en) if self._japanese else (doc.name_en, doc.name_ja)
        return (first or second), second

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        doc = self._documents[index.row()]
        column = DocColumn(index.column())
        if role == DocumentRole:
            return doc
        if role == FreshnessRole:
            return self._freshness.get(doc.code)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(doc, column)
        if role == SortRole:
            return self._sort_value(doc, index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in (DocColumn.NUMBER, DocColumn.FILES) else LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(doc, column)
        if role == BadgeRole:
            return self._badges(doc, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(doc, index.row(), column)
        return None

    def _display(self, doc: CaseDocument, row: int, column: DocColumn) -> str:
        if column == DocColumn.NUMBER:
            return str(row + 1)
        if column == DocColumn.NAME:
            return self.names(doc)[0]
        if column == DocColumn.OTHER_NAME:
            return self.names(doc)[1]
        if column == DocColumn.STATUS:
            return self.status_labels[doc.status]
        if column == DocColumn.TRANSLATION:
            return self.translation_labels[doc.translation] if doc.translation != TranslationStatus.NOT_NEEDED else ""
        if column == DocColumn.ISSUED:
            return doc.issued.isoformat() if doc.issued else ""
        if column == DocColumn.FRESHNESS:
            state = self._freshness.get(doc.code)
            return self.freshness_text(state) if state is not None else ""
        if column == DocColumn.FILES:
            return str(len(doc.attachments)) if doc.attachments else ""
        if column == DocColumn.NOTES:
            return doc.notes.replace("\n", " ")
        raise AssertionError(column)

    def freshness_text(self, state: FreshnessState) -> str:
        deadline = state.deadline
        if state.freshness is Freshness.STALE:
            return self.tr("Too old")
        if state.freshness is Freshness.GET_LATER:
            return (self.tr("Get from {date}").format(date=deadline.opens.isoformat()) if deadline.opens
                    else "")
        return self.tr("Until {date}").format(date=deadline.due.isoformat())

    def _badges(self, doc: CaseDocument, column: DocColumn) -> list[tuple[str, str]]:
        if column == DocColumn.STATUS:
            return [(STATUS_BADGES.get(doc.status, "todo"), self.status_labels[doc.status])]
        if column == DocColumn.FRESHNESS:
            state = self._freshness.get(doc.code)
            if state is None or (doc.done and state.freshness is not Freshness.STALE):
                return [] if state is None else [("muted", self.freshness_text(state))]
            text = self.freshness_text(state)
            return [(FRESHNESS_BADGES[state.freshness], text)] if text else []
        return []

    def _tooltip(self, doc: CaseDocument, column: DocColumn) -> str | None:
        if column in (DocColumn.NAME, DocColumn.OTHER_NAME):
            first, second = self.names(doc)
            text = f"{first}\n{second}" if second and second != first else first
            if not doc.required:
                text += "\n" + self.tr("No longer on the route's list; kept because it holds your data.")
            return text
        if column == DocColumn.FRESHNESS:
            state = self._freshness.get(doc.code)
            if state is None:
                return None
            deadline = state.deadline
            return "\n".join([deadline.title_ja if self._japanese else deadline.title_en,
                              *([] if self._japanese else deadline.notes)])
        if column == DocColumn.NOTES and doc.notes:
            return doc.notes
        if column == DocColumn.FILES and doc.attachments:
            return "\n".join(a.original_name for a in doc.attachments)
        if column in EDITABLE:
            return self.tr("Double-click or press F2 to change")
        return None

    def _edit_value(self, doc: CaseDocument, column: DocColumn) -> Any:
        if column == DocColumn.STATUS:
            return str(doc.status)
        if column == DocColumn.TRANSLATION:
            return str(doc.translation)
        if column == DocColumn.ISSUED:
            return QDate(doc.issued.year, doc.issued.month, doc.issued.day) if doc.issued else None
        if column == DocColumn.NOTES:
            return doc.notes
        return self._display(doc, 0, column)

    def _sort_value(self, doc: CaseDocument, row: int, column: DocColumn) -> Any:
        if column == DocColumn.NUMBER:
            return row
        if column == DocColumn.STATUS:
            return list(DocumentStatus).index(doc.status)
        if column == DocColumn.TRANSLATION:
            return list(TranslationStatus).index(doc.translation)
        if column == DocColumn.ISSUED:
            return doc.issued.toordinal() if doc.issued else 0
        if column == DocColumn.FRESHNESS:
            state = self._freshness.get(doc.code)
            return state.deadline.act_by.toordinal() if state is not None else 10**7
        if column == DocColumn.FILES:
            return len(doc.attachments)
        return self._display(doc, row, column).casefold()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edit in the table: one undoable session command. A refused value raises ZairyuError
        (the delegate shows it); the row then updates through the session's signal."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.case_id is None:
            return False
        column = DocColumn(index.column())
        if column not in EDITABLE:
            return False
        doc = self._documents[index.row()]
        if column == DocColumn.STATUS:
            changes: dict[str, Any] = {"status": DocumentStatus(str(value))}
        elif column == DocColumn.TRANSLATION:
            changes = {"translation": TranslationStatus(str(value))}
        elif column == DocColumn.ISSUED:
            changes = {"issued": _to_date(value)}
        else:
            changes = {"notes": str(value or "")}
        self._session.set_document(self.case_id, doc.code, **changes)
        return True


def _to_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, QDate):
        return dt.date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class DocumentFilter(Enum):
    ALL = "all"
    OUTSTANDING = "outstanding"  # not ready, submitted or not applicable
    NEEDS_TRANSLATION = "needs_translation"
    STALE_OR_EXPIRING = "stale_or_expiring"


class CaseDocumentsFilter(QSortFilterProxyModel):
    """The workspace's filters and search (names in both languages, notes, code), sortable by
    any column (SortRole: dates and statuses in their own order, not as text)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = DocumentFilter.ALL
        self._text = ""
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_filter(self, kind: DocumentFilter) -> None:
        self.beginFilterChange()
        self._filter = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CaseDocumentsModel):
            return True
        doc = model.document(source_row)
        if not matches(self._filter, doc, model.freshness(doc.code)):
            return False
        if not self._text:
            return True
        haystack = " ".join((doc.name_en, doc.name_ja, doc.code, doc.notes)).casefold()
        return all(word in haystack for word in self._text.split())


def matches(kind: DocumentFilter, doc: CaseDocument, freshness: FreshnessState | None) -> bool:
    if kind is DocumentFilter.OUTSTANDING:
        return not doc.done
    if kind is DocumentFilter.NEEDS_TRANSLATION:
        return doc.translation in OPEN_TRANSLATIONS and doc.status != DocumentStatus.NOT_APPLICABLE
    if kind is DocumentFilter.STALE_OR_EXPIRING:
        return (freshness is not None and freshness.freshness in (Freshness.STALE, Freshness.EXPIRING)
                and doc.status != DocumentStatus.NOT_APPLICABLE)
    return True
