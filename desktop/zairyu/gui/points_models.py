"""The points page's tables: the item-by-item breakdown (as on the ISA form) with the evidence each
claimed item needs, and the single changes that would raise the total most.

Both are views over the points engine's results (``PointsResult``, ``Improvement``); the evidence
comes from the route file (``when.points_items``) matched to the case's own documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from zairyu.domain.points import Improvement, PointsResult, ScoredItem
from zairyu.domain.points_items import PointsItem
from zairyu.domain.routes import RouteSpec
from zairyu.domain.wording import in_language
from zairyu.gui.roles import EvidenceRole
from zairyu.gui.ui_language import prefers_japanese
from zairyu.store.models import CaseDocument, CaseView

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Evidence:
    """A document of the case that proves a claimed item."""

    code: str
    name_en: str
    name_ja: str
    status: str
    files: int


def evidence_by_item(case: CaseView, route: RouteSpec) -> dict[PointsItem, list[Evidence]]:
    """For every points item, the case's documents the route names as its evidence."""
    documents: dict[str, CaseDocument] = {d.code: d for d in case.documents}
    found: dict[PointsItem, list[Evidence]] = {}
    for spec in route.documents:
        doc = documents.get(spec.code)
        if doc is None or not spec.when.points_items:
            continue
        for item in spec.when.points_items:
            found.setdefault(item, []).append(
                Evidence(doc.code, doc.name_en, doc.name_ja, doc.status, len(doc.attachments)))
    return found


class BreakdownColumn(IntEnum):
    ROW = 0
    ITEM = 1
    POINTS = 2
    NOTE = 3
    EVIDENCE = 4


class BreakdownModel(QAbstractTableModel):
    """One row per scored item, in the form's order; the evidence column names the documents."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ScoredItem] = []
        self._evidence: dict[PointsItem, list[Evidence]] = {}

    def set_result(self, result: PointsResult | None, evidence: dict[PointsItem, list[Evidence]]) -> None:
        self.beginResetModel()
        self._items = list(result.items) if result is not None else []
        self._evidence = evidence
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(BreakdownColumn) - 1)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(BreakdownColumn) - 1))

    def item(self, row: int) -> ScoredItem:
        return self._items[row]

    def evidence(self, row: int) -> list[Evidence]:
        claim = self._items[row].claim
        return self._evidence.get(claim, []) if claim is not None else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BreakdownColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            BreakdownColumn.ROW: self.tr("Row"),
            BreakdownColumn.ITEM: self.tr("Item"),
            BreakdownColumn.POINTS: self.tr("Points"),
            BreakdownColumn.NOTE: self.tr("Why"),
            BreakdownColumn.EVIDENCE: self.tr("Evidence in your case"),
        }.get(BreakdownColumn(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = BreakdownColumn(index.column())
        if role == EvidenceRole:
            return self.evidence(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and column is BreakdownColumn.POINTS:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column is BreakdownColumn.ITEM:
            return f"{item.label_en}\n{item.label_ja}"
        if role == Qt.ItemDataRole.ToolTipRole and column is BreakdownColumn.EVIDENCE and item.claim is not None:
            return self.tr("Double-click to open the document in your case.")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is BreakdownColumn.ROW:
            return item.form_number
        if column is BreakdownColumn.ITEM:
            return item.label_ja if prefers_japanese() else item.label_en
        if column is BreakdownColumn.POINTS:
            return str(item.points)
        if column is BreakdownColumn.NOTE:
            return in_language(item.note, japanese=prefers_japanese())
        return self._evidence_text(item)

    def _evidence_text(self, item: ScoredItem) -> str:
        if item.claim is None:
            return ""  # scores nothing: nothing to prove
        evidence = self._evidence.get(item.claim, [])
        if not evidence:
            return self.tr("(no document listed for this item)")
        japanese = prefers_japanese()
        parts = []
        for doc in evidence:
            name = doc.name_ja if japanese else doc.name_en
            files = self.tr("{count} file(s)").format(count=doc.files) if doc.files else self.tr("no file yet")
            parts.append(f"{name} — {files}")
        return "; ".join(parts)


class ImprovementColumn(IntEnum):
    CHANGE = 0
    GAIN = 1
    TOTAL = 2


class ImprovementsModel(QAbstractTableModel):
    """The single changes that would raise the total, most valuable first (``best_improvements``)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Improvement] = []

    def set_improvements(self, improvements: list[Improvement]) -> None:
        self.beginResetModel()
        self._items = list(improvements)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ImprovementColumn) - 1)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(ImprovementColumn) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ImprovementColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {ImprovementColumn.CHANGE: self.tr("If you…"), ImprovementColumn.GAIN: self.tr("Gain"),
                ImprovementColumn.TOTAL: self.tr("New total")}.get(ImprovementColumn(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = ImprovementColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not ImprovementColumn.CHANGE:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is ImprovementColumn.CHANGE:
            return in_language(item.description, japanese=prefers_japanese())
        if column is ImprovementColumn.GAIN:
            return f"+{item.gain}"
        text = str(item.new_total)
        return text + " ✓" if item.makes_eligible else text
