"""The packet's documents as a table: in the order they go out, each with its files, pages and size,
included or not; rows are reordered by drag and drop (or Move up / Move down).

The documents are the case's own (``CaseView.documents``, with the attachments the vault holds);
the model adds only the packet plan — the order and which documents to leave out — which the page
keeps per case in the settings. ``packet_documents()`` hands the reports what to build.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from zairyu.domain.online_system import size_text
from zairyu.gui.roles import PacketDocumentRole
from zairyu.gui.ui_language import prefers_japanese
from zairyu.reports.sources import PacketDocument, PacketFile
from zairyu.store.models import Attachment, CaseDocument

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-zairyu-packet-rows"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class PacketEntry:
    code: str
    name_en: str
    name_ja: str
    attachments: tuple[Attachment, ...]
    included: bool = True

    @property
    def pages(self) -> int:
        return sum(a.pages for a in self.attachments)

    @property
    def size_bytes(self) -> int:
        return sum(a.size_bytes for a in self.attachments)

    def packet_document(self) -> PacketDocument:
        return PacketDocument(self.name_en, self.name_ja,
                              tuple(PacketFile(a.path, a.original_name) for a in self.attachments), code=self.code)


def plan_entries(documents: Sequence[CaseDocument], order: Sequence[str], excluded: Sequence[str]) -> list[PacketEntry]:
    """The case's documents in the saved order (new ones after, in the case's order); documents
    without files and those marked not applicable start excluded."""
    entries = [PacketEntry(d.code, d.name_en, d.name_ja, tuple(d.attachments),
                           included=d.code not in excluded and bool(d.attachments) and d.status != "not_applicable")
               for d in documents]
    position = {code: index for index, code in enumerate(order)}
    return sorted(entries, key=lambda e: position.get(e.code, len(position)))


class PacketColumn(IntEnum):
    INCLUDE = 0
    DOCUMENT = 1
    FILES = 2
    PAGES = 3
    SIZE = 4


class PacketDocumentsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[PacketEntry] = []

    def set_entries(self, entries: list[PacketEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[PacketEntry]:
        return list(self._entries)

    def entry(self, row: int) -> PacketEntry:
        return self._entries[row]

    def included(self) -> list[PacketEntry]:
        return [e for e in self._entries if e.included]

    def packet_documents(self) -> list[PacketDocument]:
        """The included documents, in order, for ``build_packet`` / ``build_online_set``."""
        return [e.packet_document() for e in self.included()]

    def row_of(self, code: str) -> int | None:
        return next((row for row, e in enumerate(self._entries) if e.code == code), None)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PacketColumn) - 1)
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, len(PacketColumn) - 1))

    # -- reading --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PacketColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return {PacketColumn.INCLUDE: self.tr("In"), PacketColumn.DOCUMENT: self.tr("Document"),
                PacketColumn.FILES: self.tr("Files"), PacketColumn.PAGES: self.tr("Pages"),
                PacketColumn.SIZE: self.tr("Size")}.get(PacketColumn(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = PacketColumn(index.column())
        if role == PacketDocumentRole:
            return entry
        if role == Qt.ItemDataRole.CheckStateRole and column is PacketColumn.INCLUDE:
            return Qt.CheckState.Checked if entry.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PacketColumn.PAGES, PacketColumn.SIZE):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column is PacketColumn.DOCUMENT:
            return f"{entry.name_en}\n{entry.name_ja}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is PacketColumn.DOCUMENT:
            return entry.name_ja if prefers_japanese() else entry.name_en
        if column is PacketColumn.FILES:
            return ", ".join(a.original_name for a in entry.attachments) or self.tr("(no file attached)")
        if column is PacketColumn.PAGES:
            return str(entry.pages) if entry.attachments else ""
        if column is PacketColumn.SIZE:
            return size_text(entry.size_bytes) if entry.attachments else ""
        return None

    # -- editing: include/exclude, reorder -----------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        flags = base | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == PacketColumn.INCLUDE and self._entries[index.row()].attachments:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != PacketColumn.INCLUDE:
            return False
        entry = self._entries[index.row()]
        included = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if included and not entry.attachments:
            return False  # nothing to put in the packet
        self._entries[index.row()] = replace(entry, included=included)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(PacketColumn) - 1))
        return True

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(MIME_TYPE, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        text = bytes(data.data(MIME_TYPE).data()).decode()
        rows = [int(r) for r in text.split(",") if r]
        if not rows:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._entries))
        self.move_row(rows[0], target)
        # The move is done: tell the view not to remove the dragged rows as well.
        return False

    def move_row(self, source: int, target: int) -> bool:
        """Move the row ``source`` to before the row ``target`` (``len`` moves it to the end)."""
        if not 0 <= source < len(self._entries) or not 0 <= target <= len(self._entries) \
                or target in (source, source + 1):
            return False
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
        entry = self._entries.pop(source)
        self._entries.insert(target - 1 if target > source else target, entry)
        self.endMoveRows()
        return True
