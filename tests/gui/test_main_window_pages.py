"""The points, deadlines and packet pages in the main window: navigation, the evidence link to the
case page, Ctrl+P by page, Settings, and the start-up notice of what is due soon."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_pages_helpers import hsp_case
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from zairyu.domain.points_items import PointsItem
from zairyu.domain.routes import RouteCatalog
from zairyu.gui.actions import ActionId
from zairyu.gui.main_window import MainWindow
from zairyu.gui.pages.base import PageId
from zairyu.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path, catalog: RouteCatalog) -> Iterator[Store]:
    with open_store(tmp_path / "data", catalog=catalog) as opened:
        yield opened


def make_window(qtbot: QtBot, catalog: RouteCatalog, store: Store, tmp_path: Path) -> MainWindow:
    window = MainWindow(catalog, store=store, settings=QSettings(str(tmp_path / "settings.ini"),
                                                                 QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_a_page_is_built_when_first_shown_and_the_current_one_after_the_first_paint(
        qtbot: QtBot, catalog: RouteCatalog, store: Store, tmp_path: Path) -> None:
    store.create_case(route="engineer-specialist", procedure="coe", title="Another")
    case_id = hsp_case(store, tmp_path / "files")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/page", PageId.POINTS.value)
    settings.setValue("case/current", case_id)
    window = MainWindow(catalog, store=store, settings=settings)
    qtbot.addWidget(window)
    assert window.built_pages() == []  # every title in the navigation, no page built yet
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())][2:] == ["Points", "Deadlines", "Packet"]
    assert window.current_page_id() is PageId.POINTS
    window.show()
    qtbot.waitUntil(lambda: [page.page_id for page in window.built_pages()] == [PageId.POINTS])
    assert window.tabs.currentWidget() is window.points_page
    assert window.session.current_case_id == case_id  # the last case, without the case page built
    window.tabs.setCurrentIndex(list(PageId).index(PageId.DEADLINES))  # a click on the tab
    assert window.tabs.currentWidget() is window.deadlines_page
    assert {page.page_id for page in window.built_pages()} == {PageId.POINTS, PageId.DEADLINES}


def test_the_pages_are_in_the_navigation(qtbot: QtBot, catalog: RouteCatalog, store: Store, tmp_path: Path) -> None:
    case_id = hsp_case(store, tmp_path / "files")
    window = make_window(qtbot, catalog, store, tmp_path)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[2:] == ["Points", "Deadlines", "Packet"]
    window.session.set_current_case(case_id)
    window.action(ActionId.SHOW_POINTS).trigger()
    assert window.current_page_id() is PageId.POINTS
    assert "Total" in window.points_page.total_label.text()
    assert window.action(ActionId.PRINT).isEnabled()
    window.action(ActionId.SHOW_DEADLINES).trigger()
    assert not window.action(ActionId.PRINT).isEnabled()  # nothing to print there
    window.action(ActionId.SHOW_PACKET).trigger()
    assert window.packet_page.model.rowCount() == len(store.get_case(case_id).documents)


def test_an_evidence_link_opens_the_document_on_the_case_page(qtbot: QtBot, catalog: RouteCatalog, store: Store,
                                                              tmp_path: Path) -> None:
    case_id = hsp_case(store, tmp_path / "files", attach=False)
    window = make_window(qtbot, catalog, store, tmp_path)
    window.session.set_current_case(case_id)
    window.show_points()
    model = window.points_page.breakdown_model
    row = next(r for r in range(model.rowCount()) if model.item(r).code == PointsItem.SALARY.value)
    code = model.evidence(row)[0].code
    window.points_page.breakdown_view.doubleClicked.emit(model.index(row, 4))
    assert window.current_page_id() is PageId.CASE
    current = window.case_page.current_document()
    assert current is not None and current.code == code


def test_ctrl_p_prints_the_points_summary(qtbot: QtBot, catalog: RouteCatalog, store: Store, tmp_path: Path) -> None:
    case_id = hsp_case(store, tmp_path / "files", attach=False)
    window = make_window(qtbot, catalog, store, tmp_path)
    window.session.set_current_case(case_id)
    window.show_points()
    window.action(ActionId.PRINT).trigger()
    job = window.points_page._jobs[-1]
    qtbot.waitUntil(lambda: job.dialog is not None, timeout=60_000)
    preview = job.dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() >= 1
    job.dialog.reject()


def test_settings_opens_from_the_menu(qtbot: QtBot, catalog: RouteCatalog, store: Store, tmp_path: Path) -> None:
    window = make_window(qtbot, catalog, store, tmp_path)
    window.action(ActionId.SETTINGS).trigger()
    assert window.settings_dialog is not None and window.settings_dialog.isVisible()
    assert window.settings_dialog.backup_button.isEnabled()
    window.settings_dialog.reject()


def test_the_start_up_notice_names_what_is_due(qtbot: QtBot, catalog: RouteCatalog, store: Store,
                                              tmp_path: Path) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="extension")
    store.add_event(case_id, "moved", (dt.date.today() - dt.timedelta(days=3)).isoformat())
    window = make_window(qtbot, catalog, store, tmp_path)
    assert window.statusBar().currentMessage() == ""  # not before the first paint: off its path
    window.show()
    qtbot.waitUntil(lambda: "new address" in window.statusBar().currentMessage())
