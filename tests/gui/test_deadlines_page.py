"""The deadlines page over a real store: events entered in the page add their deadlines (and undo
removes them), the household view shows every case, rows are coloured by urgency, the .ics export
reads back with icalendar, and the start-up notice names what is due within 14 days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from zairyu.domain.deadlines import Severity
from zairyu.domain.deadlines.counting import add_days
from zairyu.domain.routes import RouteCatalog
from zairyu.gui.case_session import CaseSession
from zairyu.gui.deadlines_model import SEVERITY_COLOURS, DeadlineColumn
from zairyu.gui.pages.deadlines_page import DeadlinesPage, startup_notice
from zairyu.store import Store, open_store

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def store(tmp_path: Path, catalog: RouteCatalog) -> Iterator[Store]:
    with open_store(tmp_path / "data", catalog=catalog) as opened:
        yield opened


@pytest.fixture
def page(qtbot: QtBot, store: Store, catalog: RouteCatalog) -> DeadlinesPage:
    widget = DeadlinesPage(CaseSession(store, catalog))
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    return widget


def rules(page: DeadlinesPage) -> list[str]:
    return [row.rule for row in page.model.rows()]


def test_entering_an_event_adds_its_deadline_and_undo_removes_it(page: DeadlinesPage, store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="extension", applicant={"name": "Kim"})
    undo = page.session.undo_stack
    page.set_case(case_id)
    assert "address_change_notification" not in rules(page)
    page.event_type.setCurrentIndex(page.event_type.findData("moved"))
    page.event_date.setDate(QDate(2026, 12, 5))
    page.add_event_button.click()
    assert store.list_events(case_id)[0][1] == {"type": "moved", "date": "2026-12-05"}
    row = next(r for r in page.model.rows() if r.rule == "address_change_notification")
    # 14 days after moving (the day of the move not counted): 2026-12-19 is a Saturday, so act by Friday.
    assert row.due == add_days(dt.date(2026, 12, 5), 14) == dt.date(2026, 12, 19)
    assert row.act_by == dt.date(2026, 12, 18)
    assert row.person == "Kim"
    assert page.events_model.rowCount() == 1
    undo.undo()
    assert store.list_events(case_id) == []
    assert "address_change_notification" not in rules(page)
    undo.redo()
    assert "address_change_notification" in rules(page)


def test_a_family_members_event_names_them(page: DeadlinesPage, store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="extension", applicant={"name": "Kim"})
    store.add_family_member(store.case_applicant_id(case_id), "spouse", name="Lee")
    page.set_case(case_id)
    page.event_person.setCurrentIndex(page.event_person.findData("Lee"))
    page.event_type.setCurrentIndex(page.event_type.findData("stay_expires"))
    page.event_date.setDate(QDate(2027, 3, 31))
    page.add_event()
    row = next(r for r in page.model.rows() if r.rule == "extension_application")
    assert row.person == "Lee"


def test_household_shows_every_case_ordered_and_coloured(page: DeadlinesPage, store: Store) -> None:
    first = store.create_case(route="engineer-specialist", procedure="extension", title="Kim",
                              applicant={"passport_expiry": "2026-12-10"})
    second = store.create_case(route="engineer-specialist", procedure="extension", title="Lee",
                               applicant={"passport_expiry": "2027-06-30"})
    page.set_case(first)
    assert {r.case_id for r in page.model.rows()} == {first}
    page.scope_combo.setCurrentIndex(page.scope_combo.findData("household"))
    rows = page.model.rows()
    assert {r.case_id for r in rows} == {first, second}
    assert [r.act_by for r in rows] == sorted(r.act_by for r in rows)
    urgent = next(i for i, r in enumerate(rows) if r.case_id == first and r.rule == "passport_expiry")
    assert rows[urgent].severity is Severity.URGENT
    brush = page.model.index(urgent, DeadlineColumn.WHAT).data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == SEVERITY_COLOURS[Severity.URGENT]
    page.view.selectRow(urgent)
    assert "Source:" in page.detail_label.text() and "passport_expiry" in page.detail_label.text()


def test_ics_export_reads_back(page: DeadlinesPage, store: Store, tmp_path: Path) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="extension",
                                applicant={"passport_expiry": "2027-06-30"})
    store.add_event(case_id, "landed", "2026-11-20")
    store.add_event(case_id, "stay_expires", "2027-11-20")
    page.set_case(case_id)
    output = page.export_ics(tmp_path / "deadlines.ics")
    assert output is not None
    calendar = Calendar.from_ical(output.read_bytes())
    events = calendar.walk("VEVENT")
    rows = page.model.rows()
    assert len(events) == len(rows) >= 3
    starts = sorted(e.decoded("dtstart") for e in events)
    assert starts == sorted(r.act_by for r in rows)
    assert {str(e["uid"]) for e in events} == {r.entry.uid for r in rows}


def test_startup_notice_names_what_is_due_within_14_days(store: Store, catalog: RouteCatalog, qapp: object) -> None:
    assert startup_notice(store, catalog, TODAY) is None
    case_id = store.create_case(route="engineer-specialist", procedure="extension")
    store.add_event(case_id, "moved", "2027-01-10")
    assert startup_notice(store, catalog, TODAY) is None  # act by 2027-01-22: not yet
    store.add_event(case_id, "moved", "2026-11-25")
    notice = startup_notice(store, catalog, TODAY)
    assert notice is not None and "2026-12-09" in notice and "new address" in notice


def test_the_notice_leaves_out_deadlines_long_past(store: Store, catalog: RouteCatalog, qapp: object) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="extension")
    store.add_event(case_id, "moved", "2025-01-10")  # a year ago: surely done
    assert startup_notice(store, catalog, TODAY) is None
    store.add_event(case_id, "moved", "2026-11-10")  # act by 2026-11-24: a week ago, just missed
    notice = startup_notice(store, catalog, TODAY)
    assert notice is not None and "2026-11-24" in notice


def test_removing_an_event_is_undoable(page: DeadlinesPage, store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="extension")
    store.add_event(case_id, "employer_changed", "2026-11-30", person="Kim")
    page.set_case(case_id)
    assert "affiliation_notification" in rules(page)
    page.events_view.selectRow(0)
    page.remove_event_button.click()
    assert store.list_events(case_id) == [] and "affiliation_notification" not in rules(page)
    page.session.undo_stack.undo()
    assert [e for _i, e in store.list_events(case_id)] == [
        {"type": "employer_changed", "date": "2026-11-30", "person": "Kim"}]
    assert "affiliation_notification" in rules(page)


def test_the_notice_says_when_its_deadlines_are_of_several_cases(store: Store, catalog: RouteCatalog,
                                                                 qapp: object) -> None:
    """The Deadlines page shows the current case; a count of the whole household says so."""
    first = store.create_case(route="engineer-specialist", procedure="extension")
    store.add_event(first, "moved", "2026-11-25")
    store.add_event(first, "moved", "2026-11-26")
    notice = startup_notice(store, catalog, TODAY)
    assert notice is not None and notice.startswith("2 deadlines due within 14 days")
    second = store.create_case(route="engineer-specialist", procedure="extension")
    store.add_event(second, "moved", "2026-11-27")
    notice = startup_notice(store, catalog, TODAY)
    assert notice is not None and notice.startswith("3 deadlines in 2 of your cases due within 14 days")
