"""A document's attachments as a list model with thumbnails made off the GUI thread.

The first page of a PDF is rendered with QtPdf, an image is read scaled down by QImageReader
(it never decodes the full scan into memory at full size). Thumbnails are made on the thread pool
and kept by SHA-256 (the same bytes make the same picture), so scrolling and switching documents
never waits for a large scan.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap

from zairyu.gui.roles import AttachmentRole
from zairyu.store import Attachment

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
THUMBNAIL_SIZE = QSize(96, 128)


def make_thumbnail(attachment: Attachment, size: QSize = THUMBNAIL_SIZE) -> QImage:
    """A picture of the file's first page (a null image when it cannot be read)."""
    if attachment.media_type == "application/pdf":
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument()
        try:
            if document.load(str(attachment.path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
                return QImage()
            page = document.pagePointSize(0)
            scale = min(size.width() / max(page.width(), 1.0), size.height() / max(page.height(), 1.0))
            target = QSize(max(1, round(page.width() * scale)), max(1, round(page.height() * scale)))
            return document.render(0, target)
        finally:
            document.close()
    reader = QImageReader(str(attachment.path))
    reader.setAutoTransform(True)  # a phone photo's EXIF orientation
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class _ThumbnailSignals(QObject):
    done = Signal(str, QImage)  # sha256, picture


class _ThumbnailJob(QRunnable):
    def __init__(self, attachment: Attachment, signals: _ThumbnailSignals) -> None:
        super().__init__()
        self._attachment = attachment
        self._signals = signals

    def run(self) -> None:
        try:
            image = make_thumbnail(self._attachment)
        except Exception:  # a damaged file must not end the pool thread: no thumbnail
            log.exception("thumbnail of %s failed", self._attachment.original_name)
            image = QImage()
        self._signals.done.emit(self._attachment.sha256, image)


class ThumbnailCache(QObject):
    """Thumbnails by SHA-256; ``ready`` says when one made on the pool is there."""

    ready = Signal(str)

    def __init__(self, parent: Any = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._images: dict[str, QIcon] = {}
        self._pending: set[str] = set()
        self._signals = _ThumbnailSignals(self)
        self._signals.done.connect(self._done)

    def icon(self, attachment: Attachment) -> QIcon | None:
        icon = self._images.get(attachment.sha256)
        if icon is None and attachment.sha256 not in self._pending:
            self._pending.add(attachment.sha256)
            self._pool.start(_ThumbnailJob(attachment, self._signals))
        return icon

    def pending(self) -> bool:
        return bool(self._pending)

    @Slot(str, QImage)
    def _done(self, sha256: str, image: QImage) -> None:
        self._pending.discard(sha256)
        self._images[sha256] = QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()
        self.ready.emit(sha256)


class AttachmentsModel(QAbstractListModel):
    def __init__(self, thumbnails: ThumbnailCache, parent: Any = None) -> None:
        super().__init__(parent)
        self._attachments: list[Attachment] = []
        self._thumbnails = thumbnails
        thumbnails.ready.connect(self._thumbnail_ready)

    def set_attachments(self, attachments: list[Attachment]) -> None:
        if [a.sha256 for a in attachments] == [a.sha256 for a in self._attachments]:
            self._attachments = list(attachments)
            if attachments:
                self.dataChanged.emit(self.index(0), self.index(len(attachments) - 1))
            return
        self.beginResetModel()
        self._attachments = list(attachments)
        self.endResetModel()

    def attachments(self) -> list[Attachment]:
        return list(self._attachments)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._attachments)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._attachments):
            return None
        attachment = self._attachments[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return attachment.original_name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnails.icon(attachment)
        if role == Qt.ItemDataRole.ToolTipRole:
            pages = self.tr("{count} page(s)").format(count=attachment.pages)
            size = self.tr("{size:.1f} MB").format(size=attachment.size_bytes / 1_048_576)
            return f"{attachment.original_name}\n{pages} · {size}"
        if role == AttachmentRole:
            return attachment
        return None

    def _thumbnail_ready(self, sha256: str) -> None:
        for row, attachment in enumerate(self._attachments):
            if attachment.sha256 == sha256:
                self.dataChanged.emit(self.index(row), self.index(row), [Qt.ItemDataRole.DecorationRole])
