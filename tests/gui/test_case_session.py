"""The session's commands against a real store: each one undoes and redoes, and what the stack
says is what a reopened store holds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from store.helpers import make_image
from zairyu.domain.routes import RouteCatalog
from zairyu.gui.case_session import CaseSession
from zairyu.store import DocumentStatus, TranslationStatus, open_store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def session(qapp: object, data_dir: Path, catalog: RouteCatalog) -> Iterator[CaseSession]:
    opened = CaseSession(open_store(data_dir, catalog=catalog), catalog)
    yield opened
    opened.close()


def reopened(data_dir: Path, catalog: RouteCatalog, case_id: int):  # type: ignore[no-untyped-def]
    with open_store(data_dir, catalog=catalog) as store:
        return store.get_case(case_id)


def test_set_document_undo_redo_persists(qtbot: QtBot, session: CaseSession, data_dir: Path,
                                         catalog: RouteCatalog) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe")
    with qtbot.waitSignal(session.document_changed) as changed:
        session.set_document(case_id, "photo", status=DocumentStatus.READY, issued=dt.date(2026, 4, 1))
    assert changed.args == [case_id, "photo"]
    assert reopened(data_dir, catalog, case_id).document("photo").status == "ready"
    session.undo_stack.undo()
    photo = reopened(data_dir, catalog, case_id).document("photo")
    assert (photo.status, photo.issued) == ("needed", None)
    session.undo_stack.redo()
    photo = reopened(data_dir, catalog, case_id).document("photo")
    assert (photo.status, photo.issued) == ("ready", dt.date(2026, 4, 1))


def test_a_change_to_the_same_value_is_no_command(session: CaseSession) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe")
    count = session.undo_stack.count()
    session.set_document(case_id, "photo", status=DocumentStatus.NEEDED)
    assert session.undo_stack.count() == count


def test_create_case_undo_deletes_it_and_redo_brings_it_back(session: CaseSession, data_dir: Path,
                                                             catalog: RouteCatalog) -> None:
    case_id = session.create_case(route="hsp-1b", procedure="change", title="HSP")
    assert session.current_case_id == case_id
    session.undo_stack.undo()
    assert session.list_cases() == [] and session.current_case_id is None
    session.undo_stack.redo()
    cases = session.list_cases()
    assert [c.title for c in cases] == ["HSP"] and session.current_case_id == cases[0].id
    assert reopened(data_dir, catalog, cases[0].id).title == "HSP"


def test_case_applicant_and_own_document_commands(session: CaseSession, data_dir: Path,
                                                  catalog: RouteCatalog) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe", applicant={"name": "Ana"})
    applicant_id = session.get_case(case_id).applicant.id
    session.update_case(case_id, title="Moving", target_filing_date=dt.date(2026, 6, 1))
    session.update_applicant(applicant_id, name="Ana Souza", birth_date=dt.date(1990, 1, 2))
    session.add_document(case_id, "diploma-translation", "Diploma translation", translation="needed")
    case = reopened(data_dir, catalog, case_id)
    assert (case.title, case.target_filing_date, case.applicant.name) == ("Moving", dt.date(2026, 6, 1), "Ana Souza")
    assert case.document("diploma-translation").translation == TranslationStatus.NEEDED
    for _ in range(3):
        session.undo_stack.undo()
    case = reopened(data_dir, catalog, case_id)
    assert (case.title, case.target_filing_date, case.applicant.name, case.applicant.birth_date) == (
        "", None, "Ana", None)
    assert "diploma-translation" not in [d.code for d in case.documents]
    for _ in range(3):
        session.undo_stack.redo()
    case = reopened(data_dir, catalog, case_id)
    assert case.title == "Moving" and case.document("diploma-translation").name_en == "Diploma translation"


def test_attach_detach_and_removing_an_own_document_undo(session: CaseSession, data_dir: Path, tmp_path: Path,
                                                         catalog: RouteCatalog) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe")
    scan = make_image(tmp_path / "photo.jpg")
    attachment = session.attach(case_id, "photo", scan)
    session.undo_stack.undo()
    assert reopened(data_dir, catalog, case_id).document("photo").attachments == []
    session.undo_stack.redo()
    assert [a.original_name for a in reopened(data_dir, catalog, case_id).document("photo").attachments] == [
        "photo.jpg"]
    session.detach(case_id, "photo", attachment)
    assert reopened(data_dir, catalog, case_id).document("photo").attachments == []
    session.undo_stack.undo()
    assert len(reopened(data_dir, catalog, case_id).document("photo").attachments) == 1

    session.add_document(case_id, "own", "My own letter")
    session.attach(case_id, "own", scan)
    session.set_document(case_id, "own", status=DocumentStatus.RECEIVED, notes="signed")
    session.remove_document(case_id, "own")
    assert "own" not in [d.code for d in reopened(data_dir, catalog, case_id).documents]
    session.undo_stack.undo()
    own = reopened(data_dir, catalog, case_id).document("own")
    assert (own.status, own.notes, len(own.attachments)) == ("received", "signed", 1)


def test_a_failing_undo_is_reported_and_dropped(qtbot: QtBot, session: CaseSession) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe")
    session.set_document(case_id, "photo", status=DocumentStatus.READY)
    session.store.delete_case(case_id)  # as another window would
    with qtbot.waitSignal(session.command_failed) as failed:
        session.undo_stack.undo()
    assert failed.args[0].kind == "no_such_case"


def test_the_translator_is_undone_and_redone(session: CaseSession, data_dir: Path, catalog: RouteCatalog) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe")
    session.set_document(case_id, "photo", translation=TranslationStatus.IN_PROGRESS, translator="Kenji Sato")
    photo = reopened(data_dir, catalog, case_id).document("photo")
    assert (photo.translation, photo.translator) == ("in_progress", "Kenji Sato")
    session.undo_stack.undo()
    photo = reopened(data_dir, catalog, case_id).document("photo")
    assert (photo.translation, photo.translator) == ("not_needed", "")
    session.undo_stack.redo()
    assert reopened(data_dir, catalog, case_id).document("photo").translator == "Kenji Sato"


def test_commands_undo_to_what_the_store_replaced(session: CaseSession, data_dir: Path,
                                                   catalog: RouteCatalog) -> None:
    """A value the store stores as it is already (a date given as text, a name with spaces around
    it) is no command; a real change undoes to exactly what the setter reported it replaced."""
    case_id = session.create_case(route="engineer-specialist", procedure="change", employer_category=3,
                                  applicant={"name": "Ana"})
    applicant_id = session.get_case(case_id).applicant.id
    session.set_document(case_id, "photo", issued=dt.date(2026, 3, 1))
    count = session.undo_stack.count()
    session.set_document(case_id, "photo", issued="2026-03-01")
    session.update_applicant(applicant_id, name=" Ana ")
    session.update_case(case_id, employer_category=3)
    assert session.undo_stack.count() == count

    session.update_case(case_id, employer_category=1, title="Change")
    session.update_applicant(applicant_id, name="Ana Souza", nationality="Brazil")
    session.undo_stack.undo()
    session.undo_stack.undo()
    case = reopened(data_dir, catalog, case_id)
    assert (case.employer_category, case.title, case.applicant.name, case.applicant.nationality) == (3, "", "Ana", "")
    session.undo_stack.redo()
    session.undo_stack.redo()
    case = reopened(data_dir, catalog, case_id)
    assert (case.employer_category, case.title, case.applicant.name, case.applicant.nationality) == (
        1, "Change", "Ana Souza", "Brazil")


def test_reconcile_all_puts_back_what_the_rules_list_and_says_which_case_changed(
        qtbot: QtBot, session: CaseSession, data_dir: Path, catalog: RouteCatalog) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe")
    # A document the route lists but the database lacks (as after a rules update adds one).
    session.store.connection.execute("DELETE FROM documents WHERE case_id = ? AND code = 'photo'", (case_id,))
    with qtbot.waitSignal(session.case_changed) as changed:
        session.reconcile_all()
    assert changed.args == [case_id]
    assert reopened(data_dir, catalog, case_id).document("photo").status == "needed"


def test_the_window_reconciles_the_cases_after_its_first_paint(qtbot: QtBot, data_dir: Path,
                                                              catalog: RouteCatalog) -> None:
    from zairyu.gui.main_window import MainWindow

    with open_store(data_dir, catalog=catalog) as store:
        case_id = store.create_case(route="engineer-specialist", procedure="coe")
        store.connection.execute("DELETE FROM documents WHERE case_id = ? AND code = 'photo'", (case_id,))
    window = MainWindow(catalog, store=open_store(data_dir, catalog=catalog, reconcile=False))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted):
        window.show()
    qtbot.waitUntil(lambda: window.built_pages() != [])
    assert window.session.get_case(case_id).document("photo").status == "needed"
    window.session.close()


def test_a_database_failing_while_the_window_reconciles_is_logged_not_raised(
        session: CaseSession, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """Opening the store turned SQLite's failures into StoreErrors; reconciling after the first
    paint must as well (a data folder on a failing USB stick), or the window would not fill."""
    import sqlite3

    from zairyu.store import StoreError, repository

    session.create_case(route="engineer-specialist", procedure="coe")

    def failing_row(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(repository, "row", failing_row)
    with pytest.raises(StoreError):
        session.store.reconcile_all()
    session.reconcile_all()
    assert "not brought in line with the rules" in caplog.text
