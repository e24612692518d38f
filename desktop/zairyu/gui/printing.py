"""Printing the PDFs Zairyu makes (checklist, points summary, packet) through the system print dialog.

Every printout is one of our PDFs, so the printer gets exactly what the exported file holds: QtPdf
renders each page to an image at the printer's resolution (capped, so a 1200-dpi printer does not
need half a gigabyte per page) and the image is drawn fitted into the printable area. The preview
dialog (``QPrintPreviewDialog``) calls the same renderer, and its Print button opens the system
print dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, QSizeF
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from zairyu.errors import ZairyuError

# Pages are rendered at the printer's resolution up to this (enough for text and scanned documents).
MAX_RENDER_DPI = 300


def open_pdf(path: Path, parent: Any = None) -> QPdfDocument:
    """The PDF loaded with QtPdf; a broken, locked or missing file is a ZairyuError naming it."""
    document = QPdfDocument(parent)
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() == 0:
        kind = "pdf_locked" if error == QPdfDocument.Error.IncorrectPassword else "pdf_unreadable"
        document.deleteLater()
        raise ZairyuError(f"{path}: cannot be read as a PDF ({error.name})", kind=kind, file=path)
    return document


def fitted(page: QSizeF, area: QRectF) -> QRectF:
    """The largest rectangle of the page's shape inside ``area``, centred."""
    scale = min(area.width() / page.width(), area.height() / page.height())
    width, height = page.width() * scale, page.height() * scale
    return QRectF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2, width, height)


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print every page of ``path`` on ``printer``; returns the number of pages printed."""
    document = open_pdf(path)
    try:
        painter = QPainter()
        if not painter.begin(printer):
            raise ZairyuError(f"{printer.printerName() or printer.outputFileName()}: the printer cannot be "
                              "started", kind="printer_unavailable", file=printer.outputFileName() or None)
        try:
            dpi = min(printer.resolution(), MAX_RENDER_DPI)
            area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            area.moveTo(0, 0)  # the painter's origin is the printable area's corner
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                points = document.pagePointSize(page)
                target = fitted(points, area)
                scale = dpi / 72
                image = document.render(page, QSize(round(points.width() * scale), round(points.height() * scale)))
                painter.drawImage(target, image)
        finally:
            painter.end()
        return document.pageCount()
    finally:
        document.close()
        document.deleteLater()


def preview_dialog(path: Path, parent: Any = None, printer: QPrinter | None = None) -> QPrintPreviewDialog:
    """The print preview of ``path`` (Print opens the system dialog); the caller shows it.

    The file is checked first, so a broken PDF is reported instead of previewing blank pages."""
    open_pdf(path).deleteLater()
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "Print preview — {name}").format(name=path.name))
    dialog.paintRequested.connect(lambda target: print_pdf(path, target))
    dialog.resize(900, 760)
    # The dialog does not own the printer: keep it alive as long as the dialog.
    dialog.printer_ref = printer  # type: ignore[attr-defined]
    return dialog
