"""Printing renders every page of the PDFs Zairyu makes: to a QPrinter in PDF mode (the real print
path, without a printer) and in the print preview."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_pages_helpers import hsp_case, make_pdf, pdf_pages
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from zairyu.domain.routes import RouteCatalog
from zairyu.errors import ZairyuError
from zairyu.gui.printing import preview_dialog, print_pdf
from zairyu.reports.case_exports import export_checklist, export_packet, export_points
from zairyu.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path, catalog: RouteCatalog) -> Iterator[Store]:
    with open_store(tmp_path / "data", catalog=catalog) as opened:
        yield opened


def pdf_printer(output: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(output))
    return printer


@pytest.fixture
def case_pdfs(tmp_path: Path, store: Store, catalog: RouteCatalog) -> dict[str, Path]:
    case = store.get_case(hsp_case(store, tmp_path / "files"))
    out = tmp_path / "out"
    out.mkdir()
    export_checklist(case, catalog, out / "checklist.pdf")
    export_points(case, out / "points.pdf")
    export_packet(case, catalog, out / "packet.pdf")
    return {name: out / f"{name}.pdf" for name in ("checklist", "points", "packet")}


@pytest.mark.parametrize("name", ["checklist", "points", "packet"])
def test_printing_a_case_pdf_prints_each_of_its_pages(qapp: object, tmp_path: Path, case_pdfs: dict[str, Path],
                                                     name: str) -> None:
    source = case_pdfs[name]
    printed = tmp_path / f"printed-{name}.pdf"
    assert print_pdf(source, pdf_printer(printed)) == pdf_pages(source)
    assert pdf_pages(printed) == pdf_pages(source)


@pytest.mark.parametrize("name", ["checklist", "points", "packet"])
def test_print_preview_renders_each_page(qtbot: QtBot, tmp_path: Path, case_pdfs: dict[str, Path], name: str) -> None:
    dialog = preview_dialog(case_pdfs[name], printer=pdf_printer(tmp_path / "preview.pdf"))
    qtbot.addWidget(dialog)
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    widget.updatePreview()
    assert widget.pageCount() == pdf_pages(case_pdfs[name])


def test_a_broken_pdf_is_named_not_printed(qapp: object, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(make_pdf(tmp_path / "good.pdf", 2).read_bytes()[:300])
    with pytest.raises(ZairyuError) as caught:
        print_pdf(broken, pdf_printer(tmp_path / "never.pdf"))
    assert caught.value.file == broken and "broken.pdf" in str(caught.value)
    assert not (tmp_path / "never.pdf").exists()


def test_the_case_checklist_prints_through_the_preview(qtbot: QtBot, store: Store, tmp_path: Path,
                                                       catalog: RouteCatalog) -> None:
    from PySide6.QtWidgets import QWidget

    from zairyu.gui.print_jobs import export_case_checklist, print_case_checklist

    parent = QWidget()
    qtbot.addWidget(parent)
    case = store.get_case(hsp_case(store, tmp_path / "files", attach=False))
    output = tmp_path / "checklist.pdf"
    task = export_case_checklist(parent, case, catalog, output)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert pdf_pages(output) >= 1
    job = print_case_checklist(parent, case, catalog)
    qtbot.waitUntil(lambda: job.dialog is not None, timeout=60_000)
    widget = job.dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() == pdf_pages(job.output) == pdf_pages(output)
    job.dialog.reject()
    qtbot.waitUntil(lambda: not job.output.exists())  # the temporary copy goes with the preview
