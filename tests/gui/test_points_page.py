"""The points page over a real store: the form scores live, warns about birthdays, shows what-ifs,
links evidence to the case's documents, and saves the profile as one undoable command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_pages_helpers import PROFILE, hsp_case
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from zairyu.domain.points import parse_profile, permanent_residence_timing, score, what_if
from zairyu.domain.points_items import PointsItem
from zairyu.domain.routes import RouteCatalog
from zairyu.gui.case_session import CaseSession
from zairyu.gui.pages.points_page import PointsPage
from zairyu.gui.points_models import BreakdownColumn
from zairyu.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path, catalog: RouteCatalog) -> Iterator[Store]:
    with open_store(tmp_path / "data", catalog=catalog) as opened:
        yield opened


@pytest.fixture
def session(store: Store, catalog: RouteCatalog) -> CaseSession:
    return CaseSession(store, catalog)


@pytest.fixture
def page(qtbot: QtBot, session: CaseSession) -> PointsPage:
    widget = PointsPage(session)
    qtbot.addWidget(widget)
    return widget


def rows(page: PointsPage) -> dict[str, int]:
    model = page.breakdown_model
    return {model.item(row).code: int(model.index(row, BreakdownColumn.POINTS).data()) for row in
            range(model.rowCount())}


def test_entering_a_profile_updates_breakdown_and_total(page: PointsPage, store: Store, tmp_path: Path) -> None:
    case_id = hsp_case(store, tmp_path / "files")
    page.set_case(case_id)
    expected = score(parse_profile(PROFILE))
    assert f"Total {expected.total} points" in page.total_label.text()
    assert rows(page)["salary"] == expected.points_of(PointsItem.SALARY)

    page.form.education_combo.setCurrentIndex(page.form.education_combo.findData("doctorate"))
    page.form.salary.setValue(10_000_000)
    changed = score(parse_profile({**PROFILE, "education": "doctorate", "annual_salary_yen": 10_000_000}))
    assert changed.total > expected.total
    assert rows(page)["education"] == changed.points_of(PointsItem.EDUCATION) == 30
    assert rows(page)["salary"] == changed.points_of(PointsItem.SALARY)
    assert f"Total {changed.total} points" in page.total_label.text()
    assert "Salary meets" in page.gate_label.text()

    page.form.salary.setValue(2_500_000)
    assert "ruled out" in page.gate_label.text()


def test_a_birthday_soon_after_filing_warns(page: PointsPage, store: Store, tmp_path: Path) -> None:
    # Age 29 on the filing date, 30 ten days later: the age points drop from 15 to 10 in category b.
    case_id = hsp_case(store, tmp_path / "files", attach=False,
                       profile={**PROFILE, "birth_date": "1996-04-11", "application_date": "2026-04-01"})
    page.set_case(case_id)
    text = page.warnings_label.text()
    assert "birthday" in text and "2026-04-11" in text and "10 days after filing" in text
    # One day later the birthday is more than three months away: no warning.
    page.form.birth_date.setDate(QDate(1996, 7, 2))
    assert "birthday" not in page.warnings_label.text()


def test_a_what_if_shows_its_effect(page: PointsPage, store: Store, tmp_path: Path) -> None:
    case_id = hsp_case(store, tmp_path / "files", attach=False)
    page.set_case(case_id)
    now, richer = what_if(parse_profile(PROFILE), annual_salary_yen=12_000_000)
    assert richer.total > now.total
    page.what_if_salary.setValue(12_000_000)
    assert page.what_if_result.text() == f"Total {now.total} → {richer.total} (+{richer.total - now.total})"
    # The best single changes are listed with their gain.
    model = page.improvements_model
    assert model.rowCount() > 0
    assert model.index(0, 1).data().startswith("+")


def test_a_refused_value_names_its_field(page: PointsPage, store: Store, tmp_path: Path) -> None:
    case_id = hsp_case(store, tmp_path / "files", attach=False)
    page.set_case(case_id)
    page.form.birth_date.setDate(QDate(2021, 1, 1))  # five years old with six years of experience
    assert "experience_years" in page.error_label.text()
    assert page.form.experience.property("invalid") is True
    assert page.breakdown_model.rowCount() == 0
    assert not page.save_button.isEnabled()


def test_saving_is_undoable(page: PointsPage, store: Store, tmp_path: Path) -> None:
    case_id = hsp_case(store, tmp_path / "files", attach=False)
    undo = page.session.undo_stack
    page.set_case(case_id)
    assert not page.save_button.isEnabled()  # the form shows the stored profile
    page.form.licenses.setValue(1)
    assert page.save_button.isEnabled() and not page.print_button.isEnabled()
    page.save_button.click()
    assert store.get_case(case_id).points_profile["licenses"] == 1
    assert page.print_button.isEnabled() and not page.save_button.isEnabled()
    undo.undo()
    assert store.get_case(case_id).points_profile.get("licenses", 0) == 0
    assert page.form.licenses.value() == 0
    undo.redo()
    assert store.get_case(case_id).points_profile["licenses"] == 1


def test_evidence_of_a_claimed_item_links_to_the_case_document(page: PointsPage, store: Store, tmp_path: Path,
                                                              catalog: RouteCatalog, qtbot: QtBot) -> None:
    case_id = hsp_case(store, tmp_path / "files", attach=False)
    page.set_case(case_id)
    route = catalog.get("hsp-1b")
    salary_docs = {d.code for d in route.documents if d.when.points_items and PointsItem.SALARY in d.when.points_items}
    model = page.breakdown_model
    row = next(r for r in range(model.rowCount()) if model.item(r).code == "salary")
    assert model.evidence(row) and {e.code for e in model.evidence(row)} <= salary_docs
    index = model.index(row, BreakdownColumn.EVIDENCE)
    assert model.evidence(row)[0].name_en in index.data()
    with qtbot.waitSignal(page.document_requested) as signal:
        page.breakdown_view.doubleClicked.emit(index)
    assert signal.args == [case_id, model.evidence(row)[0].code]


def test_permanent_residence_timing_from_the_history(page: PointsPage, store: Store, tmp_path: Path) -> None:
    case_id = hsp_case(store, tmp_path / "files", attach=False,
                       profile={**PROFILE, "education": "doctorate", "annual_salary_yen": 10_000_000})
    page.set_case(case_id)
    page.residence_since.setDate(QDate(2025, 4, 1))
    page.check_pr_timing()
    # The history starts with this profile, so the 80 points must hold a year: from 2027-04-01.
    profile = parse_profile({**PROFILE, "education": "doctorate", "annual_salary_yen": 10_000_000})
    timing = permanent_residence_timing([profile], dt.date(2025, 4, 1))
    eighty = next(r for r in timing.routes if r.basis == "80")
    assert eighty.earliest_date == dt.date(2027, 4, 1)
    assert "80 points, 1 year: from 2027-04-01" in page.pr_result.text()
