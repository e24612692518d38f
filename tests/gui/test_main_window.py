"""The main window driven as a user would: real widgets, offscreen, real route data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from zairyu.domain.checklist import required_documents
from zairyu.domain.routes import RouteCatalog, RouteId
from zairyu.gui.actions import ActionId
from zairyu.gui.checklist_table_model import Column
from zairyu.gui.main_window import MainWindow
from zairyu.gui.pages.base import PageId
from zairyu.gui.route_list_model import OtherNameRole


@pytest.fixture
def window(qtbot: QtBot, catalog: RouteCatalog) -> Iterator[MainWindow]:
    main = MainWindow(catalog)
    qtbot.addWidget(main)
    main.show_page(PageId.CHECKLISTS)  # these tests are about the route checklists page
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main


def codes_in_table(window: MainWindow) -> list[str]:  # the route checklists page's rows
    return [item.document.code for item in window.checklists_page.current_items()]


def test_lists_all_routes_in_english_and_japanese(window: MainWindow, catalog: RouteCatalog) -> None:
    model = window.checklists_page.route_view.model()
    assert model.rowCount() == len(RouteId)
    for row, route in enumerate(catalog):
        index = model.index(row, 0)
        assert index.data(Qt.ItemDataRole.DisplayRole) == route.name_en
        assert index.data(OtherNameRole) == route.name_ja
    assert window.checklists_page.route_view.isVisible()


def test_starts_on_the_first_route_with_its_checklist(window: MainWindow, catalog: RouteCatalog) -> None:
    first = next(iter(catalog))
    assert window.checklists_page.current_route() is first
    assert window.checklists_page.title_label.text() == first.name_en
    expected = required_documents(first, first.procedures[0].id.value)
    assert codes_in_table(window) == [item.document.code for item in expected]
    assert window.checklists_page.table_view.model().rowCount() == len(expected)
    assert first.rules_date.isoformat() in window.checklists_page.rules_label.text()


def test_clicking_each_route_shows_its_procedures_and_documents(qtbot: QtBot, window: MainWindow,
                                                               catalog: RouteCatalog) -> None:
    view = window.checklists_page.route_view
    for row, route in enumerate(catalog):
        view.scrollTo(view.model().index(row, 0))
        rect = view.visualRect(view.model().index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.checklists_page.current_route() is route
        combo = window.checklists_page.procedure_combo
        offered = [combo.itemData(i) for i in range(combo.count())]
        assert offered == [p.id.value for p in route.procedures]
        assert window.checklists_page.category_combo.isVisible() == route.uses_employer_category
        expected = required_documents(route, window.checklists_page.current_procedure() or "")
        assert codes_in_table(window) == [item.document.code for item in expected]
        assert route.name_ja in window.checklists_page.subtitle_label.text()


def test_procedure_selector_changes_the_checklist(window: MainWindow, catalog: RouteCatalog) -> None:
    window.checklists_page.select_route("engineer-specialist")
    route = catalog.get("engineer-specialist")
    tables = {}
    for procedure in route.procedures:
        window.checklists_page.select_procedure(procedure.id.value)
        assert window.checklists_page.current_procedure() == procedure.id.value
        tables[procedure.id.value] = codes_in_table(window)
        assert tables[procedure.id.value] == [
            i.document.code for i in required_documents(route, procedure.id.value)]
    assert tables["coe"] != tables["extension"]


def test_employer_category_1_and_3_give_different_coe_checklists(window: MainWindow,
                                                                 catalog: RouteCatalog) -> None:
    window.checklists_page.select_route("engineer-specialist")
    window.checklists_page.select_procedure("coe")
    route = catalog.get("engineer-specialist")
    rows = {}
    for category in (1, 3):
        window.checklists_page.select_employer_category(category)
        assert window.checklists_page.current_employer_category() == category
        rows[category] = codes_in_table(window)
        assert rows[category] == [i.document.code for i in
                                  required_documents(route, "coe", employer_category=category)]
        # A chosen category answers every category condition (the nationality ones stay open).
        assert not any("employer category" in (i.conditional_en or "") for i in window.checklists_page.current_items())
    # Category 3 needs company documents that category 1 does not.
    assert set(rows[3]) - set(rows[1])
    window.checklists_page.select_employer_category(None)
    assert any(i.conditional_en for i in window.checklists_page.current_items())


def test_category_selector_is_hidden_for_routes_without_categories(window: MainWindow,
                                                                   catalog: RouteCatalog) -> None:
    without = [r for r in catalog if not r.uses_employer_category]
    assert without, "some route (e.g. permanent residence) does not use employer categories"
    window.checklists_page.select_route("engineer-specialist")
    window.checklists_page.select_employer_category(3)
    window.checklists_page.select_route(without[0].id.value)
    assert not window.checklists_page.category_combo.isVisible()
    assert window.checklists_page.current_employer_category() is None


def test_procedure_is_kept_when_the_new_route_offers_it(window: MainWindow, catalog: RouteCatalog) -> None:
    with_extension = [r for r in catalog if any(p.id.value == "extension" for p in r.procedures)]
    assert len(with_extension) >= 2
    window.checklists_page.select_route(with_extension[0].id.value)
    window.checklists_page.select_procedure("extension")
    window.checklists_page.select_route(with_extension[1].id.value)
    assert window.checklists_page.current_procedure() == "extension"


def test_selecting_a_document_shows_its_details_and_source(qtbot: QtBot, window: MainWindow) -> None:
    window.checklists_page.select_route("hsp-1b")
    items = window.checklists_page.current_items()
    last = len(items) - 1
    window.checklists_page.table_view.selectRow(last)
    doc = items[last].document
    text = window.checklists_page.detail_view.toPlainText()
    assert doc.name_en in text and doc.name_ja in text
    assert doc.source in text
    assert doc.source in window.checklists_page.detail_view.toHtml()  # as a link
    table = window.checklists_page.table_view
    rect = table.visualRect(table.model().index(0, Column.NAME_EN))
    qtbot.mouseClick(window.checklists_page.table_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert items[0].document.name_en in window.checklists_page.detail_view.toPlainText()


def test_filter_box_narrows_the_table(qtbot: QtBot, window: MainWindow) -> None:
    window.checklists_page.select_route("engineer-specialist")
    total = len(window.checklists_page.current_items())
    target = window.checklists_page.current_items()[-1].document
    qtbot.keyClicks(window.checklists_page.filter_edit, target.code)
    shown = window.checklists_page.table_view.model().rowCount()
    assert 1 <= shown < total
    assert f"{shown} of {total}" in window.checklists_page.counts_label.text()
    assert target.name_en in window.checklists_page.detail_view.toPlainText()
    window.checklists_page.filter_edit.clear()
    assert window.checklists_page.table_view.model().rowCount() == total


def test_unverified_entries_are_counted(window: MainWindow, catalog: RouteCatalog) -> None:
    for route in catalog:
        for procedure in route.procedures:
            window.checklists_page.select_route(route.id.value)
            window.checklists_page.select_procedure(procedure.id.value)
            unverified = sum(1 for i in window.checklists_page.current_items() if i.document.unverified)
            assert (f"{unverified} unverified" in window.checklists_page.counts_label.text()) == bool(unverified)


def test_choice_and_layout_survive_a_restart(qtbot: QtBot, tmp_path: Path, catalog: RouteCatalog) -> None:
    settings_path = str(tmp_path / "settings.ini")
    first = MainWindow(catalog, settings=QSettings(settings_path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.checklists_page.select_route("engineer-specialist")
    first.checklists_page.select_procedure("extension")
    first.checklists_page.select_employer_category(4)
    first.checklists_page.select_route("j-find")
    first.show_page(PageId.CHECKLISTS)
    first.close()

    second = MainWindow(catalog, settings=QSettings(settings_path, QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert second.current_page_id() is PageId.CHECKLISTS
    route = second.checklists_page.current_route()
    assert route is not None and route.id == RouteId.J_FIND
    assert second.checklists_page.current_procedure() == "extension"
    second.checklists_page.select_route("engineer-specialist")
    assert second.checklists_page.current_employer_category() == 4


def test_window_fits_1280_by_800(window: MainWindow) -> None:
    screen = QApplication.primaryScreen()
    assert screen is not None
    assert window.minimumSizeHint().width() <= 1280
    assert window.minimumSizeHint().height() <= 800
    assert window.checklists_page.detail_view.height() > 120
    assert window.checklists_page.table_view.height() > 200


def test_points_basis_selector_filters_permanent_residence(window: MainWindow, catalog: RouteCatalog) -> None:
    route = catalog.get("permanent-residence")
    assert any(doc.when.pr_basis for doc in route.documents)
    window.checklists_page.select_route("engineer-specialist")
    assert not window.checklists_page.basis_combo.isVisible()
    window.checklists_page.select_route("permanent-residence")
    assert window.checklists_page.basis_combo.isVisible()
    procedure = window.checklists_page.current_procedure() or ""
    tables = {}
    for basis in (70, 80):
        window.checklists_page.select_pr_basis(basis)
        tables[basis] = codes_in_table(window)
        assert tables[basis] == [i.document.code for i in required_documents(route, procedure, pr_basis=basis)]
        assert not any("point basis" in (i.conditional_en or "") for i in window.checklists_page.current_items())
    assert tables[70] != tables[80]


def test_export_checklist_pdf_on_a_worker_thread(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    import pikepdf

    window.checklists_page.select_route("engineer-specialist")
    window.checklists_page.select_procedure("coe")
    window.checklists_page.select_employer_category(3)
    assert window.checklists_page.suggested_export_name() == "zairyu-checklist-engineer-specialist-coe-category-3.pdf"
    output = tmp_path / "checklist.pdf"
    # Wait on the window's own signal, connected before the export starts (a quick worker could
    # finish before a spy on the task's signals was connected).
    with qtbot.waitSignal(window.checklists_page.export_ended, timeout=60_000) as ended:
        task = window.checklists_page.export_checklist_pdf(output)
        assert task is not None
        assert not window.action(ActionId.EXPORT_CHECKLIST).isEnabled()  # one export at a time
        assert window.checklists_page.export_checklist_pdf(tmp_path / "second.pdf") is None
    assert ended.args == ["finished", str(output)]
    assert window.action(ActionId.EXPORT_CHECKLIST).isEnabled()
    QThreadPool.globalInstance().waitForDone(30_000)  # no Python thread left for the next test
    with pikepdf.open(output) as pdf:
        assert len(pdf.pages) >= 1
    assert str(output) in window.statusBar().currentMessage()
    assert not list(tmp_path.glob(".*.part"))


def test_cancelled_export_writes_nothing(qtbot: QtBot, catalog: RouteCatalog, tmp_path: Path) -> None:
    from zairyu.gui.export_worker import ExportTask
    from zairyu.reports.atomic import ExportControl
    from zairyu.reports.checklist_pdf import header_for_route, rows_from_items, write_checklist_pdf

    route = catalog.get("hsp-1a")
    items = required_documents(route, "coe")
    output = tmp_path / "cancelled.pdf"

    def export(control: ExportControl) -> None:
        write_checklist_pdf(header_for_route(route, "coe"), rows_from_items(items), output, control=control)

    task = ExportTask(export, output)
    task.cancel()  # the user pressed Cancel before the worker's first step: it stops there
    with qtbot.waitSignal(task.cancelled, timeout=60_000):
        task.start()
    QThreadPool.globalInstance().waitForDone(30_000)
    assert not output.exists()
    assert not list(tmp_path.iterdir())


def test_export_to_a_missing_folder_says_so(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    with qtbot.waitSignal(window.checklists_page.export_ended, timeout=60_000) as ended:
        assert window.checklists_page.export_checklist_pdf(tmp_path / "no-such-folder" / "x.pdf") is not None
    assert ended.args[0] == "failed"
    QThreadPool.globalInstance().waitForDone(30_000)
    assert len(shown) == 1
    assert "does not exist" in shown[0]


def test_survives_clicking_around(window: MainWindow, catalog: RouteCatalog) -> None:
    """Route switches with full repaints (each repaint makes ~300 void Qt calls, which once
    exhausted None's reference count: gui/qt_workarounds.py, and its million-call test)."""
    routes = [route.id.value for route in catalog]
    for number in range(40):
        window.checklists_page.select_route(routes[number % len(routes)])
        window.repaint()
    assert window.checklists_page.current_route() is not None


def test_copy_row_and_names(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QGuiApplication

    window.checklists_page.select_route("hsp-1c")
    window.checklists_page.table_view.selectRow(1)
    item = window.checklists_page.current_items()[1]
    window.checklists_page.table_view.setFocus()
    qtbot.keyClick(window.checklists_page.table_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text().split("\t")
    assert copied[:3] == ["2", item.document.name_en, item.document.name_ja]
    actions = {a.text().replace("&", ""): a for a in window.checklists_page.table_view.actions()}
    actions["Copy Japanese name"].trigger()
    assert QGuiApplication.clipboard().text() == item.document.name_ja
    actions["Copy English name"].trigger()
    assert QGuiApplication.clipboard().text() == item.document.name_en
