"""The case workspace page driven as a user would: a real store, real files, offscreen widgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from store.helpers import make_image, make_pdf
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
