"""The household in the case workspace: the family under the principal in the sidebar, and the
household's next deadline of another person beside the case's own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from zairyu.domain.routes import RouteCatalog
from zairyu.gui.case_session import CaseSession
from zairyu.gui.main_window import MainWindow
from zairyu.gui.roles import CaseIdRole
from zairyu.store import open_store


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, catalog: RouteCatalog) -> Iterator[MainWindow]:
    session = CaseSession(open_store(tmp_path / "data", catalog=catalog), catalog)
    engineer = session.create_case(route="hsp-1b", procedure="change", applicant={"name": "Arjun"},
                                   target_filing_date=dt.date(2027, 6, 1))
    session.create_case(route="hsp-spouse-work", procedure="change", principal_case_id=engineer,
                        applicant={"name": "Mei"})
    child = session.create_case(route="dependent", procedure="acquisition", principal_case_id=engineer,
                                relation="child", applicant={"name": "Mia", "birth_date": "2027-02-20"})
    session.store.add_event(child, "child_born", "2027-02-20")
    session.undo_stack.clear()
    main = MainWindow(catalog, session=session)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    session.close()


def test_the_sidebar_shows_the_household_and_the_page_its_next_deadline(window: MainWindow) -> None:
    page = window.case_page
    tree = page.tree_model
    household = tree.index(0, 0)
    assert tree.rowCount() == 1 and tree.rowCount(household) == 3
    assert tree.index(2, 0, household).data().startswith("Mia: ")
    spouse = tree.index(1, 0, household).data(CaseIdRole)
    window.session.set_current_case(spouse)
    # Mei's own case has no dated deadline; the household's next is Mia's birth report.
    assert "household: <b>2027-03-05</b> — Mia: Report the birth at the municipal office" in page.summary_label.text()
