"""The checklist as a Qt table: one row per required document, straight from the domain's
``ChecklistItem`` list (never a copy of the data in widgets)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from zairyu.domain.checklist import ChecklistItem
from zairyu.domain.routes import FRESHNESS_RULES, ISSUER_LABELS, Submission
from zairyu.gui.roles import BadgeRole, ItemRole
from zairyu.gui.ui_language import prefers_japanese

Index = QModelIndex | QPersistentModelIndex

# ItemRole gives the ChecklistItem of a row (for the detail pane); BadgeRole the pills the
# BadgeDelegate draws in a cell: a list of (kind, text), kind "unverified", "conditional" or
# "translation"; an empty list for none.
__all__ = ["BadgeRole", "ChecklistFilterModel", "ChecklistTableModel", "Column", "ItemRole"]


class Column(IntEnum):
    """In display order: what decides whether a row concerns you first (the flags: "only if",
    unverified), then facts about the document; the notes, also in the detail pane, last."""

    NUMBER = 0
    NAME_EN = 1
    NAME_JA = 2
    FLAGS = 3
    TRANSLATION = 4
    SUBMIT = 5
    FRESHNESS = 6
    ISSUER = 7
    NOTES = 8


class ChecklistTableModel(QAbstractTableModel):
    """Rows are ``required_documents()`` items, in the route file's order."""

    def __init__(self, parent: Any = None, *, japanese: bool | None = None) -> None:
        super().__init__(parent)
        self._items: list[ChecklistItem] = []
        # Issuers and notes exist in both languages: show the interface's one.
        self._japanese = prefers_japanese() if japanese is None else japanese
        self._headers = {
            Column.NUMBER: "#",
            Column.NAME_EN: self.tr("Document"),
            Column.NAME_JA: self.tr("Japanese name · 日本語名"),
            Column.FLAGS: self.tr("Flags"),
            Column.TRANSLATION: self.tr("Translation"),
            Column.SUBMIT: self.tr("Submit"),
            Column.FRESHNESS: self.tr("Freshness"),
            Column.ISSUER: self.tr("Issued by"),
            Column.NOTES: self.tr("Notes and conditions"),
        }
        self._submit_labels = {
            Submission.ORIGINAL: self.tr("Original"),
            Submission.COPY: self.tr("Copy"),
            Submission.SHOW: self.tr("Show only"),
        }

    # -- data in --------------------------------------------------------------------------------

    def set_items(self, items: list[ChecklistItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[ChecklistItem]:
        return list(self._items)

    def item(self, row: int) -> ChecklistItem:
        return self._items[row]

    # -- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == ItemRole:
            return item
        if role == BadgeRole:
            return self._badges(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- formatting -----------------------------------------------------------------------------

    def submit_text(self, item: ChecklistItem) -> str:
        doc = item.document
        text = self._submit_labels[doc.submit]
        if doc.copies > 1:
            text += f" ×{doc.copies}"
        return text

    def freshness_text(self, item: ChecklistItem) -> str:
        rule = item.document.freshness
        if rule is None:
            return ""
        months = FRESHNESS_RULES[rule][0]
        return self.tr("≤ {months} months").format(months=months)

    def notes_text(self, item: ChecklistItem) -> str:
        """Conditions first (they decide whether the row applies to you), then the notes."""
        doc = item.document
        parts: list[str] = []
        if item.conditional_en:
            parts.append(self.tr("Only if: {condition}").format(condition=item.conditional_en))
        condition_note = (doc.when.note_ja if self._japanese else None) or doc.when.note_en
        if condition_note:
            parts.append(condition_note)
        notes = (doc.notes_ja if self._japanese else "") or doc.notes_en
        if notes:
            parts.append(notes)
        return " · ".join(parts)

    def _display(self, item: ChecklistItem, row: int, column: Column) -> str:
        doc = item.document
        if column == Column.NUMBER:
            return str(row + 1)
        if column == Column.NAME_EN:
            return doc.name_en
        if column == Column.NAME_JA:
            return doc.name_ja
        if column == Column.ISSUER:
            return ISSUER_LABELS[doc.issuer][1 if self._japanese else 0]
        if column == Column.SUBMIT:
            return self.submit_text(item)
        if column == Column.TRANSLATION:
            return self.tr("Needed") if doc.foreign_language else ""
        if column == Column.FRESHNESS:
            return self.freshness_text(item)
        if column == Column.NOTES:
            return self.notes_text(item)
        if column == Column.FLAGS:
            return " · ".join(text for _kind, text in self._badges(item, column))
        raise AssertionError(column)

    def _tooltip(self, item: ChecklistItem, column: Column) -> str | None:
        doc = item.document
        if column in (Column.NAME_EN, Column.NAME_JA):
            return f"{doc.name_en}\n{doc.name_ja}\n({doc.code})"
        if column == Column.ISSUER:
            english, japanese = ISSUER_LABELS[doc.issuer]
            return f"{english} — {japanese}"
        if column == Column.TRANSLATION and doc.foreign_language:
            return self.tr("Usually in a foreign language: attach a Japanese translation.")
        if column == Column.FRESHNESS and doc.freshness is not None:
            _, english, japanese, _source = FRESHNESS_RULES[doc.freshness]
            return f"{english} ({japanese})"
        if column == Column.NOTES:
            lines = [item.conditional_en or "", doc.when.note_en or "", doc.when.note_ja or "",
                     doc.notes_en, doc.notes_ja]
            return "\n".join(line for line in lines if line) or None
        if column == Column.FLAGS:
            lines = []
            if item.conditional_en:
                lines.append(self.tr("Only if: {condition}").format(condition=item.conditional_en))
            if doc.unverified:
                lines.append(self.tr("Unverified: {reason}").format(reason=doc.unverified))
            return "\n".join(lines) or None
        return None

    def _badges(self, item: ChecklistItem, column: Column) -> list[tuple[str, str]]:
        badges: list[tuple[str, str]] = []
        if column == Column.FLAGS:
            if item.conditional_en:
                badges.append(("conditional", self.tr("ONLY IF")))
            if item.document.unverified:
                badges.append(("unverified", self.tr("UNVERIFIED")))
        elif column == Column.TRANSLATION and item.document.foreign_language:
            badges.append(("translation", self.tr("Needed")))
        return badges


class ChecklistFilterModel(QSortFilterProxyModel):
    """The filter box: keeps rows whose text in any column contains the typed words."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        item = model.index(source_row, 0, source_parent).data(ItemRole)
        if not isinstance(item, ChecklistItem):
            return True
        doc = item.document
        haystack = " ".join(
            str(model.index(source_row, column, source_parent).data() or "") for column in Column
        )
        haystack = f"{haystack} {doc.code} {doc.notes_ja} {ISSUER_LABELS[doc.issuer][1]}".casefold()
        return all(word in haystack for word in self._words)
