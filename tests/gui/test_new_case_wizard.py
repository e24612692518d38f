"""The new-case assistant end to end: answers → route, procedure and conditions → a case with only
the documents that apply, then undone and redone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QRadioButton, QWizard
from pytestqt.qtbot import QtBot

from zairyu.domain.checklist import required_documents
from zairyu.domain.routes import RouteCatalog
from zairyu.gui.actions import ActionId
from zairyu.gui.case_session import CaseSession
from zairyu.gui.main_window import MainWindow
from zairyu.gui.new_case_wizard import NewCaseWizard
from zairyu.store import DocumentStatus, open_store


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, catalog: RouteCatalog) -> Iterator[MainWindow]:
    session = CaseSession(open_store(tmp_path / "data", catalog=catalog), catalog)
    main = MainWindow(catalog, session=session)
    qtbot.addWidget(main)
    main.show()
    yield main
    session.close()


def choose(wizard: QWizard, name: str) -> None:
    button = wizard.findChild(QRadioButton, name)
    assert button is not None, name
    button.setChecked(True)


def open_wizard(window: MainWindow) -> NewCaseWizard:
    window.action(ActionId.NEW_CASE).trigger()  # Ctrl+N
    wizard = window.findChild(NewCaseWizard)
    assert wizard is not None and wizard.isVisible()
    return wizard


def test_answers_lead_to_the_route_and_the_case_holds_what_applies(window: MainWindow,
                                                                   catalog: RouteCatalog) -> None:
    wizard = open_wizard(window)
    choose(wizard, "path_questions")
    wizard.next()
    choose(wizard, "location_abroad")
    wizard.next()
    choose(wizard, "work_engineering")
    choose(wizard, "points_no")
    wizard.next()
    assert wizard.route_page.route_combo.currentData() == "engineer-specialist"
    assert wizard.route_page.procedure_combo.currentData() == "coe"
    assert "certificate of eligibility" in wizard.route_page.reasons_label.text()
    wizard.next()
    choose(wizard, "category_3")
    wizard.next()
    # The "only if" rows are asked: a 専門士 title? dispatched to a client?
    asked = wizard.conditions_page.condition_boxes
    assert {"senmonshi-certificate", "dispatch-activity-documents"} <= set(asked)
    wizard.findChild(QCheckBox, "condition_dispatch-activity-documents").setChecked(True)
    wizard.next()
    wizard.applicant_page.name_edit.setText("Ana Souza")
    wizard.applicant_page.nationality_edit.setText("Brazil")
    wizard.applicant_page.title_edit.setText("Move to Tokyo")
    wizard.applicant_page.filing_edit.setDate(QDate(2027, 3, 1))
    wizard.accept()

    case_id = wizard.created_case_id
    assert case_id is not None and window.session.current_case_id == case_id
    case = window.session.get_case(case_id)
    assert (case.route, case.procedure, case.employer_category, case.title) == (
        "engineer-specialist", "coe", 3, "Move to Tokyo")
    assert (case.applicant.name, case.applicant.nationality) == ("Ana Souza", "Brazil")
    outstanding = {d.code for d in case.documents if d.status != DocumentStatus.NOT_APPLICABLE}
    # The case's own facts decide the rules by nationality and by date (no tuberculosis certificate
    # for a Brazilian national; the documents of 2026-04-15 for a filing in 2027).
    expected = {i.document.code for i in required_documents(catalog.get("engineer-specialist"), "coe",
                                                            employer_category=3, nationality="Brazil",
                                                            filing_date=dt.date(2027, 3, 1))}
    unticked = set(asked) - {"dispatch-activity-documents"}
    assert outstanding == expected - unticked
    assert "senmonshi-certificate" not in outstanding and "dispatch-activity-documents" in outstanding
    assert window.case_page.title_label.text() == "Move to Tokyo"
    # One undo takes the whole creation back.
    window.action(ActionId.UNDO).trigger()
    assert window.session.list_cases() == []
    window.action(ActionId.REDO).trigger()
    assert [c.title for c in window.session.list_cases()] == ["Move to Tokyo"]


def test_points_items_decide_the_evidence_rows(window: MainWindow, catalog: RouteCatalog) -> None:
    wizard = open_wizard(window)
    choose(wizard, "path_questions")
    wizard.next()
    choose(wizard, "location_in_japan")
    wizard.situation_page.status_combo.setCurrentIndex(wizard.situation_page.status_combo.findData(
        "engineer-specialist"))
    wizard.next()
    choose(wizard, "work_engineering")
    choose(wizard, "points_yes")
    wizard.next()
    assert (wizard.route_page.route_combo.currentData(), wizard.route_page.procedure_combo.currentData()) == (
        "hsp-1b", "change")
    wizard.next()
    choose(wizard, "category_1")
    wizard.next()
    boxes = wizard.conditions_page.item_boxes
    assert boxes and all(box.isChecked() == (item.value in ("education", "experience", "salary", "age"))
                         for item, box in boxes.items())
    wizard.next()
    wizard.accept()
    case = window.session.get_case(wizard.created_case_id or 0)
    route = catalog.get("hsp-1b")
    specs = {d.code: d for d in route.documents}
    for doc in case.documents:
        items = specs[doc.code].when.points_items if doc.code in specs else None
        if items:
            claimed = {"education", "experience", "salary", "age"} & {i.value for i in items}
            assert (doc.status == DocumentStatus.NOT_APPLICABLE) == (not claimed), doc.code


def test_choose_route_and_procedure_directly(window: MainWindow) -> None:
    wizard = open_wizard(window)
    choose(wizard, "path_choose")
    wizard.next()
    page = wizard.route_page
    page.route_combo.setCurrentIndex(page.route_combo.findData("permanent-residence"))
    assert page.procedure_combo.currentData() == "application"
    wizard.next()
    wizard.next()
    wizard.applicant_page.name_edit.setText("Kim")
    wizard.accept()
    case = window.session.get_case(wizard.created_case_id or 0)
    assert (case.route, case.procedure, case.applicant.name) == ("permanent-residence", "application", "Kim")
