"""The case's checklist model and its filter, without widgets, over a real store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from zairyu.domain.routes import RouteCatalog
from zairyu.errors import UserInputError
from zairyu.gui.case_documents_model import (
    CaseDocumentsFilter,
    CaseDocumentsModel,
    DocColumn,
    DocumentFilter,
    Freshness,
)
from zairyu.gui.case_session import CaseSession
from zairyu.gui.case_tree_model import CaseTreeModel
from zairyu.gui.roles import BadgeRole, CaseIdRole, DocumentRole, FreshnessRole
from zairyu.store import DocumentStatus, open_store

Display = Qt.ItemDataRole.DisplayRole
Edit = Qt.ItemDataRole.EditRole
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def session(qapp: object, tmp_path: Path, catalog: RouteCatalog) -> Iterator[CaseSession]:
    opened = CaseSession(open_store(tmp_path / "data", catalog=catalog), catalog)
    yield opened
    opened.close()


def row_of(model: CaseDocumentsModel, code: str) -> int:
    row = model.row_of(code)
    assert row is not None
    return row


def test_rows_roles_and_freshness_as_the_case_deadlines_compute_it(session: CaseSession) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe", employer_category=3,
                                  target_filing_date=dt.date(2027, 1, 15))
    # A photo taken seven months before filing is too old (6 months); a fresh one is fine.
    session.set_document(case_id, "photo", issued=dt.date(2026, 6, 1))
    model = CaseDocumentsModel(session, japanese=False, today=TODAY)
    model.set_case(case_id)
    case = session.get_case(case_id)
    assert model.rowCount() == len(case.documents)
    photo = row_of(model, "photo")
    assert model.index(photo, DocColumn.NAME).data(Display) == case.document("photo").name_en
    assert model.index(photo, DocColumn.OTHER_NAME).data(Display) == case.document("photo").name_ja
    assert model.index(photo, DocColumn.NAME).data(DocumentRole).code == "photo"
    state = model.index(photo, DocColumn.FRESHNESS).data(FreshnessRole)
    assert state.freshness is Freshness.STALE
    assert model.index(photo, DocColumn.FRESHNESS).data(BadgeRole) == [("overdue", "Too old")]
    tooltip = model.index(photo, DocColumn.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert case.document("photo").name_en in tooltip and case.document("photo").name_ja in tooltip
    session.set_document(case_id, "photo", issued=dt.date(2026, 11, 20))
    assert model.index(photo, DocColumn.FRESHNESS).data(FreshnessRole).freshness is Freshness.FRESH
    assert model.index(photo, DocColumn.FRESHNESS).data(Display) == "Until 2027-05-20"


def test_set_data_is_an_undoable_command_and_updates_the_row(qtbot, session: CaseSession) -> None:  # type: ignore[no-untyped-def]
    case_id = session.create_case(route="engineer-specialist", procedure="coe")
    model = CaseDocumentsModel(session, japanese=False, today=TODAY)
    model.set_case(case_id)
    photo = row_of(model, "photo")
    index = model.index(photo, DocColumn.STATUS)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(photo, DocColumn.NAME)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.setData(index, "ready", Edit)
    assert changed.args[0].row() == photo  # the row, not a reset
    assert index.data(Display) == "Ready" and index.data(BadgeRole) == [("done", "Ready")]
    assert model.setData(model.index(photo, DocColumn.ISSUED), QDate(2026, 11, 2), Edit)
    assert model.index(photo, DocColumn.ISSUED).data(Display) == "2026-11-02"
    assert model.setData(model.index(photo, DocColumn.NOTES), "taken at the station", Edit)
    assert session.document(case_id, "photo").notes == "taken at the station"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert model.index(photo, DocColumn.ISSUED).data(Display) == ""
    session.undo_stack.undo()
    assert index.data(Display) == "Needed"
    with pytest.raises(ValueError):
        model.setData(index, "lost", Edit)


def test_filters_search_and_sort(session: CaseSession) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe", employer_category=3,
                                  target_filing_date=dt.date(2027, 1, 15))
    session.set_document(case_id, "photo", status=DocumentStatus.READY, issued=dt.date(2026, 6, 1))
    model = CaseDocumentsModel(session, japanese=False, today=TODAY)
    model.set_case(case_id)
    proxy = CaseDocumentsFilter()
    proxy.setSourceModel(model)
    total = model.rowCount()
    codes = lambda: [proxy.index(r, 0).data(DocumentRole).code for r in range(proxy.rowCount())]  # noqa: E731
    proxy.set_filter(DocumentFilter.OUTSTANDING)
    assert "photo" not in codes() and len(codes()) == total - 1
    proxy.set_filter(DocumentFilter.STALE_OR_EXPIRING)
    assert codes() == ["photo"]
    proxy.set_filter(DocumentFilter.NEEDS_TRANSLATION)
    needing = [d.code for d in session.get_case(case_id).documents if d.translation == "needed"]
    assert codes() == needing and needing
    proxy.set_filter(DocumentFilter.ALL)
    photo_name = session.document(case_id, "photo").name_ja
    proxy.set_search(photo_name)
    assert codes() == ["photo"]
    proxy.set_search("")
    proxy.sort(DocColumn.STATUS, Qt.SortOrder.DescendingOrder)
    assert codes()[0] == "photo"  # ready sorts after needed
    proxy.sort(DocColumn.NUMBER, Qt.SortOrder.AscendingOrder)
    assert codes() == [d.code for d in session.get_case(case_id).documents]


def test_case_tree_groups_cases_by_applicant_and_updates_rows(qtbot, session: CaseSession) -> None:  # type: ignore[no-untyped-def]
    first = session.create_case(route="engineer-specialist", procedure="coe", applicant={"name": "Ana"})
    applicant_id = session.get_case(first).applicant.id
    second = session.create_case(route="permanent-residence", procedure="application", applicant_id=applicant_id)
    third = session.create_case(route="hsp-1b", procedure="coe", applicant={"name": "Ben"})
    tree = CaseTreeModel(session, japanese=False)
    assert [tree.index(r, 0).data(Display) for r in range(tree.rowCount())] == ["Ana", "Ben"]
    ana = tree.index(0, 0)
    assert [tree.index(r, 0, ana).data(CaseIdRole) for r in range(tree.rowCount(ana))] == [first, second]
    assert tree.index_of_case(third).parent().row() == 1
    with qtbot.waitSignal(tree.dataChanged):
        session.set_document(first, "photo", status=DocumentStatus.READY)
    assert "1 of" in tree.index(0, 0, ana).data(Display)


def test_a_refused_value_raises_and_changes_nothing(session: CaseSession) -> None:
    case_id = session.create_case(route="engineer-specialist", procedure="coe")
    with pytest.raises(UserInputError):
        session.set_document(case_id, "photo", copies=120)
    assert session.undo_stack.count() == 1  # only the creation
