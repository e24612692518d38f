"""The "My cases" page over a real store (SQLite in the test's data dir)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from zairyu.domain.routes import RouteCatalog
from zairyu.gui.cases_table_model import (
    BadgeRole,
    CaseColumn,
    CaseDocumentColumn,
    CaseDocumentsTableModel,
    CasesTableModel,
)
from zairyu.gui.main_window import MainWindow
from zairyu.store import Store, open_store

Display = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def store(tmp_path: Path, catalog: RouteCatalog) -> Iterator[Store]:
    with open_store(tmp_path / "data", catalog=catalog) as opened:
        yield opened


def first_code(store: Store, case_id: int) -> str:
    return store.get_case(case_id).documents[0].code


def test_cases_model_rows_and_names(qapp: object, store: Store, catalog: RouteCatalog) -> None:
    first = store.create_case(route="engineer-specialist", procedure="coe", employer_category=3,
                              title="Tanaka COE", applicant={"name": "Tanaka Hanako"})
    store.create_case(route="permanent-residence", procedure="application")
    store.set_document(first, first_code(store, first), status="ready")
    model = CasesTableModel(catalog)
    model.set_cases(store.list_cases())
    assert model.rowCount() == 2
    assert model.data(model.index(0, CaseColumn.TITLE), Display) == "Tanaka COE"
    assert model.data(model.index(0, CaseColumn.APPLICANT), Display) == "Tanaka Hanako"
    assert model.data(model.index(0, CaseColumn.ROUTE), Display) == catalog.get("engineer-specialist").name_en
    assert model.data(model.index(0, CaseColumn.PROCEDURE), Display) == \
        catalog.get("engineer-specialist").procedure("coe").name_en
    assert model.data(model.index(0, CaseColumn.CATEGORY), Display) == "3"
    total = len(store.get_case(first).documents)
    assert model.data(model.index(0, CaseColumn.PROGRESS), Display) == f"1 / {total}"
    assert model.data(model.index(1, CaseColumn.TITLE), Display) == "(untitled)"
    assert model.data(model.index(1, CaseColumn.CATEGORY), Display) == ""


def test_case_documents_model_shows_status_translation_and_dates(qapp: object, store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe", employer_category=1)
    code = first_code(store, case_id)
    store.set_document(case_id, code, status="requested", translation="in_progress", issued="2026-10-01")
    model = CaseDocumentsTableModel()
    model.set_documents(store.get_case(case_id).documents)
    assert model.rowCount() == len(store.get_case(case_id).documents)
    row = 0
    assert model.data(model.index(row, CaseDocumentColumn.STATUS), Display) == "Requested"
    assert model.data(model.index(row, CaseDocumentColumn.STATUS), BadgeRole) == [("progress", "Requested")]
    assert model.data(model.index(row, CaseDocumentColumn.TRANSLATION), Display) == "In progress"
    assert model.data(model.index(row, CaseDocumentColumn.ISSUED), Display) == "2026-10-01"
    assert model.data(model.index(1, CaseDocumentColumn.STATUS), BadgeRole) == [("todo", "Needed")]
    assert model.data(model.index(row, CaseDocumentColumn.NAME_EN), BadgeRole) == []


def test_cases_page_lists_cases_and_shows_the_chosen_ones_documents(
        qtbot: QtBot, store: Store, catalog: RouteCatalog) -> None:
    es = store.create_case(route="engineer-specialist", procedure="coe", employer_category=3, title="ES")
    pr = store.create_case(route="permanent-residence", procedure="application", title="PR")
    window = MainWindow(catalog, store=store)
    qtbot.addWidget(window)
    window.show()
    page = window.cases_page
    window.tabs.setCurrentWidget(page)
    assert page.cases_view.model().rowCount() == 2
    assert "2 cases" in page.count_label.text()
    assert page.documents_model.rowCount() == len(store.get_case(es).documents)

    rect = page.cases_view.visualRect(page.cases_model.index(1, CaseColumn.TITLE))
    qtbot.mouseClick(page.cases_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    pr_documents = store.get_case(pr).documents
    assert page.documents_model.rowCount() == len(pr_documents)
    assert page.documents_model.data(page.documents_model.index(0, CaseDocumentColumn.NAME_JA), Display) == \
        pr_documents[0].name_ja
    assert "Case 2: PR" in page.case_heading.text()
    assert not window.rules_label.isVisible()  # the routes' rules date is not about cases

    # A change made elsewhere (the CLI) shows after Refresh, and the chosen case stays chosen.
    store.set_document(pr, pr_documents[0].code, status="ready")
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    current = page.current_case()
    assert current is not None and current.id == pr
    assert page.documents_model.data(page.documents_model.index(0, CaseDocumentColumn.STATUS), Display) == "Ready"


def test_no_cases_and_no_store_show_a_message(qtbot: QtBot, store: Store, catalog: RouteCatalog) -> None:
    window = MainWindow(catalog, store=store)
    qtbot.addWidget(window)
    page = window.cases_page
    assert page.stack.currentWidget() is page.empty_label
    assert "zairyu case new" in page.empty_label.text()

    broken = MainWindow(catalog, store_error="database is locked by another Zairyu")
    qtbot.addWidget(broken)
    assert broken.cases_page.stack.currentWidget() is broken.cases_page.empty_label
    assert "locked" in broken.cases_page.empty_label.text()
    assert not broken.cases_page.refresh_button.isEnabled()
    # The route checklists still work.
    assert broken.current_items()


def test_exit_after_startup_with_cases_in_the_store(tmp_path: Path, catalog: RouteCatalog) -> None:
    data = tmp_path / "user"
    with open_store(data, catalog=catalog) as opened:
        opened.create_case(route="hsp-1b", procedure="change", title="HSP")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZAIRYU_DATA_DIR=str(data))
    result = subprocess.run([sys.executable, "-m", "zairyu", "--exit-after-startup"], env=env,
                            capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    log = (data / "logs" / "zairyu.log").read_text(encoding="utf-8")
    assert "cannot open the store" not in log


def test_double_clicking_a_case_shows_its_route_checklist(qtbot: QtBot, store: Store,
                                                         catalog: RouteCatalog) -> None:
    store.create_case(route="engineer-specialist", procedure="extension", employer_category=4, title="ES")
    window = MainWindow(catalog, store=store)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.cases_page)
    qtbot.waitExposed(window)
    view = window.cases_page.cases_view
    rect = view.visualRect(window.cases_page.cases_model.index(0, CaseColumn.TITLE))
    # A real double-click starts with a press: QTest's mouseDClick alone does not send one, and
    # item views only activate an item pressed first.
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentIndex() == 0
    route = window.current_route()
    assert route is not None and route.id.value == "engineer-specialist"
    assert window.current_procedure() == "extension"
    assert window.current_employer_category() == 4
