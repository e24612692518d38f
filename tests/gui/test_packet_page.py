"""The packet page over a real store and real files: the documents in order with their files and
pages, include/exclude and reordering kept per case, the preview, the expected size, and both
exports on a worker thread — with progress, with Cancel leaving nothing behind, and with a broken
file selecting its document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_pages_helpers import hsp_case, make_pdf, make_photo, pdf_pages
from PySide6.QtCore import QModelIndex, QSettings, Qt
from pytestqt.qtbot import QtBot

from zairyu.domain.routes import RouteCatalog
from zairyu.gui.case_session import CaseSession
from zairyu.gui.packet_model import PacketColumn
from zairyu.gui.pages.packet_page import PacketPage
from zairyu.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path, catalog: RouteCatalog) -> Iterator[Store]:
    with open_store(tmp_path / "data", catalog=catalog) as opened:
        yield opened


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_page(qtbot: QtBot, store: Store, catalog: RouteCatalog, settings: QSettings) -> PacketPage:
    page = PacketPage(CaseSession(store, catalog), settings=settings)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def page(qtbot: QtBot, store: Store, catalog: RouteCatalog, settings: QSettings) -> PacketPage:
    return make_page(qtbot, store, catalog, settings)


def codes(page: PacketPage) -> list[str]:
    return [e.code for e in page.model.entries()]


def test_documents_in_order_with_files_pages_and_inclusion(page: PacketPage, store: Store, tmp_path: Path,
                                                          catalog: RouteCatalog, qtbot: QtBot,
                                                          settings: QSettings) -> None:
    case_id = hsp_case(store, tmp_path / "files")
    case = store.get_case(case_id)
    page.set_case(case_id)
    assert codes(page) == [d.code for d in case.documents]
    model = page.model
    assert model.index(0, PacketColumn.FILES).data() == "first.pdf"
    assert model.index(0, PacketColumn.PAGES).data() == "2"
    assert model.index(1, PacketColumn.PAGES).data() == "1"
    assert [e.code for e in model.included()] == [d.code for d in case.documents[:2]]  # only those with files
    assert not model.setData(model.index(2, PacketColumn.INCLUDE), Qt.CheckState.Checked,
                             Qt.ItemDataRole.CheckStateRole)  # nothing to include
    assert "2 of" in page.case_label.text() and "3 pages" in page.case_label.text()

    # Drag the photo's row above the PDF's, and leave the PDF out.
    mime = model.mimeData([model.index(1, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert codes(page)[:2] == [case.documents[1].code, case.documents[0].code]
    assert model.setData(model.index(1, PacketColumn.INCLUDE), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert [d.code for d in model.packet_documents()] == [case.documents[1].code]

    # The plan is kept for the case: a new page shows the same order and inclusion.
    again = make_page(qtbot, store, catalog, settings)
    again.set_case(case_id)
    assert codes(again) == codes(page)
    assert [e.code for e in again.model.included()] == [case.documents[1].code]


def test_preview_shows_the_selected_documents_file(page: PacketPage, store: Store, tmp_path: Path) -> None:
    page.set_case(hsp_case(store, tmp_path / "files"))
    page.view.selectRow(0)
    assert page.preview_stack.currentWidget() is page.pdf_view
    assert page.pdf_document.pageCount() == 2
    page.view.selectRow(1)
    assert page.preview_stack.currentWidget() is page.image_preview
    assert not page.image_preview.pixmap().isNull()
    page.view.selectRow(2)
    assert page.preview_stack.currentWidget() is page.preview_message


def test_expected_size_before_exporting(page: PacketPage, store: Store, tmp_path: Path) -> None:
    page.set_case(hsp_case(store, tmp_path / "files"))
    assert "within the online system's 25 MB" in page.estimate_label.text()
    page.printable_radio.setChecked(True)
    assert page.estimate_label.text().startswith("Expected size: about")


def run_export(page: PacketPage, qtbot: QtBot, output: Path, *, cancel_on_progress: bool = False
               ) -> tuple[str, list[tuple[int, int]]]:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if cancel_on_progress and len(seen) == 1:
            page.cancel_button.click()

    # Connected before the export starts: a step the worker reports at once is not missed.
    page.export_progressed.connect(progress)
    task = page.export(output)
    assert task is not None and page.export_running() and page.cancel_button.isVisibleTo(page)
    with qtbot.waitSignal(page.export_ended, timeout=120_000) as ended:
        pass
    return ended.args[0], seen


def test_printable_export_runs_in_a_worker_with_progress(page: PacketPage, store: Store, tmp_path: Path,
                                                         qtbot: QtBot) -> None:
    page.set_case(hsp_case(store, tmp_path / "files"))
    page.printable_radio.setChecked(True)
    output = tmp_path / "out" / "packet.pdf"
    output.parent.mkdir()
    outcome, seen = run_export(page, qtbot, output)
    assert outcome == "finished"
    assert len(seen) >= 2 and [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert all(total == seen[0][1] > 0 for _, total in seen)
    assert pdf_pages(output) >= 3 + 1  # the files' pages and the cover
    assert not page.progress_bar.isVisibleTo(page)
    assert str(output) in page.status_label.text()


def test_online_set_export_writes_one_pdf_per_document(page: PacketPage, store: Store, tmp_path: Path,
                                                      qtbot: QtBot) -> None:
    page.set_case(hsp_case(store, tmp_path / "files"))
    output = tmp_path / "online"
    outcome, _seen = run_export(page, qtbot, output)
    assert outcome == "finished"
    files = sorted(p.name for p in output.iterdir())
    assert len(files) == 2 and files[0].startswith("01-") and files[1].startswith("02-")


def test_cancel_leaves_no_output_nor_a_hidden_partial(page: PacketPage, store: Store, tmp_path: Path,
                                                      qtbot: QtBot) -> None:
    case_id = store.create_case(route="hsp-1b", procedure="change", title="Many scans")
    documents = store.get_case(case_id).documents
    scans = tmp_path / "scans"
    scans.mkdir()
    for number, doc in enumerate(documents[:12]):
        store.attach(case_id, doc.code, make_pdf(scans / f"scan-{number}.pdf", 3, f"scan {number}"))
        store.attach(case_id, doc.code, make_photo(scans / f"photo-{number}.jpg", (1200 + number, 1600)))
    page.set_case(case_id)
    page.printable_radio.setChecked(True)
    out = tmp_path / "out"
    out.mkdir()
    outcome, seen = run_export(page, qtbot, out / "packet.pdf", cancel_on_progress=True)
    assert outcome == "cancelled" and seen
    assert list(out.iterdir()) == []  # neither packet.pdf nor a hidden .packet.pdf.*.part
    assert "cancelled" in page.status_label.text()
    online = tmp_path / "online"
    page.online_radio.setChecked(True)
    outcome, _seen = run_export(page, qtbot, online, cancel_on_progress=True)
    assert outcome == "cancelled"
    assert list(tmp_path.glob("online*")) == [] and list(tmp_path.glob(".online*")) == []


def test_a_broken_file_selects_its_document(page: PacketPage, store: Store, tmp_path: Path, qtbot: QtBot) -> None:
    case_id = hsp_case(store, tmp_path / "files")
    broken = store.get_case(case_id).documents[0]
    vault_file = broken.attachments[0].path
    vault_file.chmod(0o600)
    vault_file.write_bytes(vault_file.read_bytes()[:200])  # the scan in the vault is damaged
    page.set_case(case_id)
    page.printable_radio.setChecked(True)
    page.view.selectRow(1)
    output = tmp_path / "packet.pdf"
    outcome, _seen = run_export(page, qtbot, output)
    assert outcome == "failed"
    assert page.view.currentIndex().row() == page.model.row_of(broken.code) == 0
    assert page.error_box is not None and "first.pdf" in page.error_box.text()
    page.error_box.close()
    assert not output.exists()
