"""The user's cases and one case's documents as Qt tables, over the store's views
(``CaseSummary``, ``CaseDocument``): read-only for now; editing comes with the case editors."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from zairyu.domain.routes import RouteCatalog
from zairyu.errors import ZairyuError
from zairyu.gui.roles import BadgeRole, CaseRole, DocumentRole
from zairyu.store.models import CaseDocument, CaseSummary

Index = QModelIndex | QPersistentModelIndex

__all__ = ["BadgeRole", "CaseColumn", "CaseDocumentColumn", "CaseDocumentsTableModel", "CaseRole",
           "CasesTableModel", "DocumentRole"]


class CaseColumn(IntEnum):
    ID = 0
    TITLE = 1
    APPLICANT = 2
    ROUTE = 3
    PROCEDURE = 4
    CATEGORY = 5
    PROGRESS = 6
    UPDATED = 7


LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# Badge kinds (see delegates.BADGE_COLOURS) for a document's status: done, under way, or to do.
STATUS_BADGES = {"ready": "done", "submitted": "done", "not_applicable": "muted",
                 "requested": "progress", "received": "progress", "translating": "progress"}


class CasesTableModel(QAbstractTableModel):
    """One row per case; route and procedure ids are shown by their names in ``catalog``."""

    def __init__(self, catalog: RouteCatalog, parent: Any = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._cases: list[CaseSummary] = []
        self._headers = {
            CaseColumn.ID: self.tr("Case"),
            CaseColumn.TITLE: self.tr("Title"),
            CaseColumn.APPLICANT: self.tr("Applicant"),
            CaseColumn.ROUTE: self.tr("Route"),
            CaseColumn.PROCEDURE: self.tr("Procedure"),
            CaseColumn.CATEGORY: self.tr("Employer category"),
            CaseColumn.PROGRESS: self.tr("Documents ready"),
            CaseColumn.UPDATED: self.tr("Updated"),
        }

    def set_cases(self, cases: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self.endResetModel()

    def case(self, row: int) -> CaseSummary:
        return self._cases[row]

    def route_name(self, route_id: str) -> str:
        try:
            return self._catalog.get(route_id).name_en
        except ZairyuError:  # a case of a route the data no longer has: show its id
            return route_id

    def procedure_name(self, route_id: str, procedure: str) -> str:
        try:
            return self._catalog.get(route_id).procedure(procedure).name_en
        except ZairyuError:
            return procedure

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CaseColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[CaseColumn(section)]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        case = self._cases[index.row()]
        column = CaseColumn(index.column())
        if role == CaseRole:
            return case
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CaseColumn.ID:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == CaseColumn.ID:
            return str(case.id)
        if column == CaseColumn.TITLE:
            return case.title or self.tr("(untitled)")
        if column == CaseColumn.APPLICANT:
            return case.applicant_name
        if column == CaseColumn.ROUTE:
            return self.route_name(case.route)
        if column == CaseColumn.PROCEDURE:
            return self.procedure_name(case.route, case.procedure)
        if column == CaseColumn.CATEGORY:
            return "" if case.employer_category is None else str(case.employer_category)
        if column == CaseColumn.PROGRESS:
            return f"{case.documents_ready} / {case.documents_total}"
        if column == CaseColumn.UPDATED:
            return case.updated_at.replace("T", " ")[:16]
        raise AssertionError(column)


class CaseDocumentColumn(IntEnum):
    NUMBER = 0
    NAME_EN = 1
    NAME_JA = 2
    STATUS = 3
    TRANSLATION = 4
    ISSUED = 5
    EXPIRY = 6
    ATTACHMENTS = 7


class CaseDocumentsTableModel(QAbstractTableModel):
    """The documents of one case with where each one stands."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._documents: list[CaseDocument] = []
        self._headers = {
            CaseDocumentColumn.NUMBER: "#",
            CaseDocumentColumn.NAME_EN: self.tr("Document"),
            CaseDocumentColumn.NAME_JA: self.tr("Japanese name · 日本語名"),
            CaseDocumentColumn.STATUS: self.tr("Status"),
            CaseDocumentColumn.TRANSLATION: self.tr("Translation"),
            CaseDocumentColumn.ISSUED: self.tr("Issued"),
            CaseDocumentColumn.EXPIRY: self.tr("Valid until"),
            CaseDocumentColumn.ATTACHMENTS: self.tr("Files"),
        }
        # The store's status values (zairyu.store.schema) in words.
        self._status_labels = {
            "needed": self.tr("Needed", "document status: still to get"),
            "requested": self.tr("Requested"),
            "received": self.tr("Received"),
            "translating": self.tr("Being translated"),
            "ready": self.tr("Ready"),
            "submitted": self.tr("Submitted"),
            "not_applicable": self.tr("Not applicable"),
        }
        self._translation_labels = {
            "not_needed": "",
            "needed": self.tr("Needed", "translation status: not started"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
            "certified": self.tr("Certified"),
        }

    def set_documents(self, documents: list[CaseDocument]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CaseDocumentColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[CaseDocumentColumn(section)]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        doc = self._documents[index.row()]
        column = CaseDocumentColumn(index.column())
        if role == DocumentRole:
            return doc
        if role == Qt.ItemDataRole.ToolTipRole and column == CaseDocumentColumn.NAME_EN and not doc.required:
            return self.tr("No longer on the route's list; kept because it holds your data.")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CaseDocumentColumn.NUMBER:
            return RIGHT
        if role == BadgeRole:
            if column == CaseDocumentColumn.STATUS:
                return [(STATUS_BADGES.get(doc.status, "todo"), self._status_labels.get(doc.status, doc.status))]
            return []
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == CaseDocumentColumn.NUMBER:
            return str(index.row() + 1)
        if column == CaseDocumentColumn.NAME_EN:
            return doc.name_en
        if column == CaseDocumentColumn.NAME_JA:
            return doc.name_ja
        if column == CaseDocumentColumn.STATUS:
            return self._status_labels.get(doc.status, doc.status)
        if column == CaseDocumentColumn.TRANSLATION:
            return self._translation_labels.get(doc.translation, doc.translation)
        if column == CaseDocumentColumn.ISSUED:
            return str(doc.issued or "")
        if column == CaseDocumentColumn.EXPIRY:
            return str(doc.expiry or "")
        if column == CaseDocumentColumn.ATTACHMENTS:
            return str(len(doc.attachments)) if doc.attachments else ""
        raise AssertionError(column)
