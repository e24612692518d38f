"""The case workspace page driven as a user would: a real store, real files, offscreen widgets."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QFormLayout, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from store.helpers import make_image, make_large_png, make_pdf
from zairyu.domain.online_system import size_text
from zairyu.domain.routes import RouteCatalog
from zairyu.gui.actions import ActionId
from zairyu.gui.case_documents_model import DocColumn
from zairyu.gui.case_session import CaseSession
from zairyu.gui.main_window import MainWindow
from zairyu.gui.pages.base import PageId
from zairyu.store import DocumentStatus, open_store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, catalog: RouteCatalog) -> Iterator[MainWindow]:
    session = CaseSession(open_store(data_dir, catalog=catalog), catalog)
    session.create_case(route="engineer-specialist", procedure="coe", employer_category=3, title="Move to Tokyo",
                        target_filing_date=dt.date(2027, 1, 15), applicant={"name": "Ana Souza"})
    session.undo_stack.clear()
    main = MainWindow(catalog, session=session)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    QThreadPool.globalInstance().waitForDone(30_000)
    session.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    return shown


def drop_files(widget, files: list[Path], pos: QPoint) -> None:  # type: ignore[no-untyped-def]
    """What a file manager's drop delivers: file URLs in the MIME data, enter, move, drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    args = (QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(*args), QDragMoveEvent(*args), QDropEvent(*args)):
        QApplication.sendEvent(widget, event)


def thumbnail(qtbot: QtBot, model):  # type: ignore[no-untyped-def]
    """The first file's thumbnail, once the pool thread has made it."""
    qtbot.waitUntil(lambda: model.index(0).data(Qt.ItemDataRole.DecorationRole) is not None, timeout=30_000)
    return model.index(0).data(Qt.ItemDataRole.DecorationRole)


def test_the_workspace_shows_the_case_and_its_checklist(window: MainWindow) -> None:
    page = window.case_page
    assert window.current_page_id() is PageId.CASE
    assert page.title_label.text() == "Move to Tokyo"
    assert "Ana Souza" in page.subtitle_label.text()
    case = window.session.get_case(window.session.current_case_id or 0)
    assert page.table.model().rowCount() == len(case.documents)
    assert f"of {len([d for d in case.documents if d.required])} documents ready" in page.summary_label.text()
    assert "next deadline" in page.summary_label.text()
    # The names are whole at 1280 px: the name column is as wide as its longest name needs, up to its width.
    assert page.table.columnWidth(DocColumn.NAME) >= 300


def test_attach_by_dropping_on_a_row_and_undo(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = window.case_page
    case_id = window.session.current_case_id or 0
    photo = make_image(tmp_path / "photo.jpg")
    row = page.documents_model.row_of("photo")
    assert row is not None
    index = page.filter_model.mapFromSource(page.documents_model.index(row, DocColumn.NAME))
    page.table.scrollTo(index)
    with qtbot.waitSignal(page.attach_ended, timeout=30_000) as ended:
        drop_files(page.table.viewport(), [photo], page.table.visualRect(index).center())
    assert ended.args == [1, []]
    assert [a.original_name for a in window.session.document(case_id, "photo").attachments] == ["photo.jpg"]
    assert page.documents_model.index(row, DocColumn.FILES).data() == "1"
    assert page.editor.code == "photo" and page.editor.attachments_model.rowCount() == 1
    icon = thumbnail(qtbot, page.editor.attachments_model)
    assert not icon.isNull()
    window.action(ActionId.UNDO).trigger()
    assert window.session.document(case_id, "photo").attachments == []
    assert page.editor.attachments_model.rowCount() == 0


def test_attach_by_button_and_drop_on_the_panel_refuses_a_locked_pdf(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        warnings: list[str]) -> None:
    page = window.case_page
    case_id = window.session.current_case_id or 0
    page.select_document("diploma")
    scan = make_pdf(tmp_path / "diploma.pdf", pages=2)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(scan)], ""))
    with qtbot.waitSignal(page.attach_ended, timeout=30_000):
        page.editor.add_button.click()
    assert [a.original_name for a in window.session.document(case_id, "diploma").attachments] == ["diploma.pdf"]
    icon = thumbnail(qtbot, page.editor.attachments_model)
    assert not icon.isNull()  # the first page, rendered by QtPdf

    locked = make_pdf(tmp_path / "bank-statement.pdf", owner="o", user="open-me")
    with qtbot.waitSignal(page.attach_ended, timeout=30_000) as ended:
        drop_files(page.editor, [locked], QPoint(40, 40))
    assert ended.args[0] == 0
    assert len(warnings) == 1 and "bank-statement.pdf" in warnings[0] and "password" in warnings[0]
    assert [a.original_name for a in window.session.document(case_id, "diploma").attachments] == ["diploma.pdf"]


def test_edit_in_the_table_and_the_panel_undo_redo_and_keep_after_reopening(
        qtbot: QtBot, window: MainWindow, data_dir: Path, catalog: RouteCatalog) -> None:
    page = window.case_page
    case_id = window.session.current_case_id or 0
    page.select_document("photo")
    row = page.documents_model.row_of("photo") or 0
    page.documents_model.setData(page.documents_model.index(row, DocColumn.STATUS), "received")
    page.editor.copies_spin.setValue(2)
    page.editor.copies_spin.editingFinished.emit()
    page.editor.notes_edit.setPlainText("ask the studio for the file too")
    page.editor.show_document(case_id, "diploma")  # moving on saves the notes
    assert window.session.document(case_id, "photo").notes == "ask the studio for the file too"
    window.action(ActionId.UNDO).trigger()
    assert window.session.document(case_id, "photo").notes == ""
    window.action(ActionId.REDO).trigger()
    with open_store(data_dir, catalog=catalog) as store:
        photo = store.get_case(case_id).document("photo")
    assert (photo.status, photo.copies, photo.notes) == (DocumentStatus.RECEIVED, 2, "ask the studio for the file too")


def _vault_files(data_dir: Path) -> list[str]:
    vault = data_dir / "vault"
    return sorted(p.name for p in vault.iterdir()) if vault.is_dir() else []


def test_attaching_large_files_reports_the_bytes_of_each_and_of_all(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = window.case_page
    case_id = window.session.current_case_id or 0
    scans = [make_large_png(tmp_path / "diploma-1.png"), make_large_png(tmp_path / "diploma-2.png")]
    sizes = [scan.stat().st_size for scan in scans]
    seen: list[tuple[int, int, int, int]] = []
    with qtbot.waitSignal(page.attach_ended, timeout=60_000) as ended:
        task = page.attach_files("diploma", scans)
        assert task is not None
        # Collected on the worker thread as emitted (a queued slot connected now could miss the first).
        task.bytes_progress.connect(lambda *values: seen.append(values), Qt.ConnectionType.DirectConnection)
    assert ended.args == [2, []]
    assert (sizes[0], sizes[0], sizes[0], sum(sizes)) in seen
    assert seen[-1] == (sizes[1], sizes[1], sum(sizes), sum(sizes))
    assert [all_copied for *_file, all_copied, _all in seen] == sorted(all_copied for *_f, all_copied, _a in seen)
    assert len(window.session.document(case_id, "diploma").attachments) == 2


def test_cancel_while_attaching_leaves_nothing_attached_and_the_vault_as_it_was(
        qtbot: QtBot, window: MainWindow, data_dir: Path, tmp_path: Path) -> None:
    page = window.case_page
    case_id = window.session.current_case_id or 0
    scans = [make_large_png(tmp_path / "diploma-1.png"), make_large_png(tmp_path / "diploma-2.png")]
    sizes = [scan.stat().st_size for scan in scans]
    before = _vault_files(data_dir)
    in_second, pressed = threading.Event(), threading.Event()

    def hold_in_the_second_file(_copied: int, _size: int, all_copied: int, _all: int) -> None:
        # Worker thread: wait, in the middle of the second file, until Cancel has been pressed.
        if all_copied > sizes[0] and not in_second.is_set():
            in_second.set()
            pressed.wait(30)

    undo_count = window.session.undo_stack.count()
    with qtbot.waitSignal(page.attach_ended, timeout=60_000) as ended:
        task = page.attach_files("diploma", scans)
        assert task is not None
        task.bytes_progress.connect(hold_in_the_second_file, Qt.ConnectionType.DirectConnection)
        dialog = page.findChild(QProgressDialog, "attachProgress")
        assert dialog is not None
        qtbot.waitUntil(in_second.is_set, timeout=30_000)
        # The dialog shows the bytes of the current file and of all files.
        qtbot.waitUntil(lambda: "diploma-2.png (2 of 2)" in dialog.labelText(), timeout=10_000)
        assert f"of {size_text(sizes[1])}" in dialog.labelText()
        assert "All files: " in dialog.labelText() and f"of {size_text(sum(sizes))}" in dialog.labelText()
        assert 0 < dialog.value() < dialog.maximum()
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None
        cancel.click()
        pressed.set()
    assert ended.args == [0, []]
    assert window.session.document(case_id, "diploma").attachments == []
    assert window.session.undo_stack.count() == undo_count
    assert _vault_files(data_dir) == before  # no stray copy, not even of the first file


def test_the_translator_is_edited_next_to_the_translation_and_undone(
        qtbot: QtBot, window: MainWindow, data_dir: Path, catalog: RouteCatalog) -> None:
    page = window.case_page
    case_id = window.session.current_case_id or 0
    page.select_document("diploma")
    editor = page.editor
    form = editor.translation_combo.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    translation_row = form.getWidgetPosition(editor.translation_combo)[0]
    assert form.getWidgetPosition(editor.translator_edit)[0] == translation_row + 1
    editor.translator_edit.setText("Kenji Sato")
    editor.translator_edit.editingFinished.emit()
    with open_store(data_dir, catalog=catalog) as store:
        assert store.get_case(case_id).document("diploma").translator == "Kenji Sato"
    window.action(ActionId.UNDO).trigger()
    assert editor.translator_edit.text() == ""  # the panel follows the store
    window.action(ActionId.REDO).trigger()
    assert editor.translator_edit.text() == "Kenji Sato"
    page.editor.show_document(case_id, "photo")
    assert editor.translator_edit.text() == ""


def test_tab_leaves_the_table(qtbot: QtBot, window: MainWindow) -> None:
    page = window.case_page
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus()


def test_filters_change_the_rows(window: MainWindow) -> None:
    page = window.case_page
    total = page.table.model().rowCount()
    page.filter_buttons.button(2).click()  # too old or expiring: nothing is dated yet
    assert page.table.model().rowCount() == 0
    page.filter_buttons.button(3).click()
    assert page.table.model().rowCount() == total
    page.search_edit.setText("photo")
    assert 0 < page.table.model().rowCount() < total


def test_edit_the_applicant_in_the_window(window: MainWindow) -> None:
    dialog = window.edit_applicant()
    assert dialog is not None
    dialog.nationality_edit.setText("Brazil")
    dialog.passport_edit.setText("FZ123456")
    dialog.passport_expiry_edit.setDate(dialog.passport_expiry_edit.date().fromString("2030-01-31", "yyyy-MM-dd"))
    dialog.accept()
    applicant = window.session.get_case(window.session.current_case_id or 0).applicant
    assert (applicant.nationality, applicant.passport_number, applicant.passport_expiry) == (
        "Brazil", "FZ123456", dt.date(2030, 1, 31))
    window.action(ActionId.UNDO).trigger()
    assert window.session.get_case(window.session.current_case_id or 0).applicant.passport_number == ""


def test_add_a_document_of_ones_own(window: MainWindow) -> None:
    page = window.case_page
    dialog = window.add_document()
    assert dialog is not None
    dialog.name_en_edit.setText("Letter from the landlord")
    dialog.name_ja_edit.setText("大家の書簡")
    dialog.translation_box.setChecked(True)
    dialog.accept()
    doc = window.session.document(window.session.current_case_id or 0, "letter-from-the-landlord")
    assert (doc.name_ja, doc.translation, doc.user_added) == ("大家の書簡", "needed", True)
    assert page.current_document() is not None and page.current_document().code == doc.code  # type: ignore[union-attr]
    assert "Added by you" in page.editor.hint_label.text()


def test_closing_and_reopening_keeps_the_case_the_layout_and_every_edit(
        qtbot: QtBot, tmp_path: Path, catalog: RouteCatalog) -> None:
    from PySide6.QtCore import QSettings

    data_dir = tmp_path / "again"
    settings_path = str(tmp_path / "settings.ini")
    session = CaseSession(open_store(data_dir, catalog=catalog), catalog)
    session.create_case(route="engineer-specialist", procedure="coe", title="First")
    second = session.create_case(route="hsp-1b", procedure="coe", title="Second")
    first_window = MainWindow(catalog, session=session, settings=QSettings(settings_path, QSettings.Format.IniFormat))
    qtbot.addWidget(first_window)
    first_window.show()
    session.set_document(second, "photo", status=DocumentStatus.READY)
    first_window.case_page.splitter.setSizes([300, 980])
    sizes = first_window.case_page.splitter.sizes()
    first_window.close()
    session.close()

    again = CaseSession(open_store(data_dir, catalog=catalog), catalog)
    window = MainWindow(catalog, session=again, settings=QSettings(settings_path, QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert again.current_case_id == second and window.case_page.title_label.text() == "Second"
    assert window.case_page.splitter.sizes() == sizes
    assert again.document(second, "photo").status == DocumentStatus.READY
    again.close()


def test_switching_the_language_rebuilds_the_shell_and_the_case_pages(
        qtbot: QtBot, window: MainWindow, qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale

    from zairyu.gui import language

    case_id = window.session.current_case_id
    try:
        language.apply_language(qapp, language.JAPANESE)
        qapp.processEvents()
        assert window.action(ActionId.NEW_CASE).text() == "新しい案件(&N)…"
        assert window.tabs.tabText(window.tabs.indexOf(window.case_page)) == "マイ案件"
        assert window.case_page.filter_buttons.button(0).text() == "未完了"
        assert window.session.current_case_id == case_id and window.case_page.title_label.text() == "Move to Tokyo"
        window.session.set_document(case_id or 0, "photo", status=DocumentStatus.READY)  # the new page follows
        assert window.case_page.documents_model.document(window.case_page.documents_model.row_of("photo") or 0).done
    finally:
        language.apply_language(qapp, language.ENGLISH)
        for translator in list(language._installed):
            QCoreApplication.removeTranslator(translator)
        language._installed.clear()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        qapp.processEvents()
    assert window.action(ActionId.NEW_CASE).text() == "&New case…"


def test_open_data_folder_says_where_the_data_is_when_no_program_opens_it(
        qtbot: QtBot, tmp_path: Path, catalog: RouteCatalog, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    shown: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)  # no launcher on this machine
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: shown.append(text))
    main = MainWindow(catalog, data_location=str(tmp_path))
    qtbot.addWidget(main)
    main.action(ActionId.OPEN_DATA_FOLDER).trigger()
    assert len(shown) == 1 and str(tmp_path) in shown[0]
