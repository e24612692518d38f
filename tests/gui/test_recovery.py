"""A damaged or locked database: a dialog that says so and offers a way on, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from zairyu.domain.routes import RouteCatalog
from zairyu.gui.recovery_dialog import Recovery, RecoveryDialog, open_with_recovery
from zairyu.store import open_store
from zairyu.store.database import DB_FILE_NAME
from zairyu.store.recovery import database_is_damaged, good_backups

REPO = Path(__file__).resolve().parents[2]


def populated(data_dir: Path, catalog: RouteCatalog) -> None:
    with open_store(data_dir, catalog=catalog) as store:
        store.create_case(route="engineer-specialist", procedure="coe", title="Kept in the backup")
        store.backup()
        store.create_case(route="hsp-1b", procedure="coe", title="After the backup")


def damage(data_dir: Path) -> bytes:
    """Overwrite the database's schema page after the header, as a failing disk might."""
    path = data_dir / DB_FILE_NAME
    data = bytearray(path.read_bytes())
    data[100:3000] = b"\xa5" * 2900
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_database_offers_the_newest_good_backup_and_keeps_the_damaged_file(
        qapp: object, tmp_path: Path, catalog: RouteCatalog) -> None:
    data_dir = tmp_path / "data"
    populated(data_dir, catalog)
    damaged_bytes = damage(data_dir)
    assert database_is_damaged(data_dir)
    assert len(good_backups(data_dir)) == 1
    shown: list[RecoveryDialog] = []

    def restore(dialog: RecoveryDialog) -> str:
        shown.append(dialog)
        assert dialog.button_for(Recovery.RESTORE) is not None
        return Recovery.RESTORE

    store, reason = open_with_recovery(catalog, data_dir, interactive=True, ask=restore)
    assert store is not None and reason == ""
    with store:
        assert [c.title for c in store.list_cases()] == ["Kept in the backup"]
    assert len(shown) == 1 and "damaged" in shown[0].text()
    kept = list((data_dir / "backups").glob(f"damaged-*/{DB_FILE_NAME}"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes


def test_a_damaged_database_without_a_backup_goes_on_without_the_cases(
        qapp: object, tmp_path: Path, catalog: RouteCatalog) -> None:
    data_dir = tmp_path / "data"
    with open_store(data_dir, catalog=catalog) as store:
        store.create_case(route="engineer-specialist", procedure="coe")
    damaged_bytes = damage(data_dir)
    choices: list[RecoveryDialog] = []

    def look(dialog: RecoveryDialog) -> str:
        choices.append(dialog)
        return Recovery.CONTINUE

    store, reason = open_with_recovery(catalog, data_dir, interactive=True, ask=look)
    assert store is None and reason
    assert choices[0].button_for(Recovery.RESTORE) is None and "No intact backup" in choices[0].informativeText()
    assert (data_dir / DB_FILE_NAME).read_bytes() == damaged_bytes  # untouched


def test_the_window_shows_why_the_cases_are_missing(qtbot: QtBot, tmp_path: Path, catalog: RouteCatalog) -> None:
    from zairyu.gui.main_window import MainWindow

    data_dir = tmp_path / "data"
    populated(data_dir, catalog)
    damage(data_dir)
    store, reason = open_with_recovery(catalog, data_dir, interactive=False)
    window = MainWindow(catalog, store=store, store_error=reason)
    qtbot.addWidget(window)
    assert store is None
    assert "not available" in window.case_page.empty_label.text()
    assert not window.case_page.new_case_button.isEnabled()


def start(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZAIRYU_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "zairyu", "--exit-after-startup"], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=120)


def test_exit_after_startup_with_empty_populated_and_damaged_data(tmp_path: Path, catalog: RouteCatalog) -> None:
    empty = start(tmp_path / "empty")
    assert empty.returncode == 0, empty.stderr
    data_dir = tmp_path / "data"
    populated(data_dir, catalog)
    full = start(data_dir)
    assert full.returncode == 0, full.stderr
    damage(data_dir)
    # The window opens the data after its first paint, where --exit-after-startup leaves: a damaged
    # database does not stop the window (the next test shows what the user sees once it is filled).
    broken = start(data_dir)
    assert broken.returncode == 0, broken.stderr
    assert broken.stderr == ""


def test_a_damaged_database_found_after_the_first_paint_leaves_the_window_saying_why(
        qtbot: QtBot, tmp_path: Path, catalog: RouteCatalog) -> None:
    from zairyu.app import open_session
    from zairyu.gui.actions import ActionId
    from zairyu.gui.main_window import MainWindow

    data_dir = tmp_path / "data"
    populated(data_dir, catalog)
    damage(data_dir)
    window = MainWindow(data_location=str(data_dir),
                        open_session=lambda: open_session(data_dir, window, interactive=False))
    qtbot.addWidget(window)
    assert not window.action(ActionId.NEW_CASE).isEnabled()  # nothing to act on before the data
    assert window.action(ActionId.QUIT).isEnabled()
    with qtbot.waitSignal(window.first_painted):
        window.show()
    qtbot.waitUntil(lambda: window.built_pages() != [])
    assert not window.session.available and DB_FILE_NAME in window.session.unavailable_reason
    assert "not available" in window.case_page.empty_label.text()
    assert not window.action(ActionId.NEW_CASE).isEnabled()
    assert window.action(ActionId.SHOW_CHECKLISTS).isEnabled()  # the route checklists work anyway


def test_the_window_opens_its_data_after_the_first_paint_with_the_shortcuts(
        qtbot: QtBot, tmp_path: Path, catalog: RouteCatalog) -> None:
    from PySide6.QtGui import QKeySequence

    from zairyu.app import open_session
    from zairyu.gui.actions import ActionId
    from zairyu.gui.main_window import MainWindow

    data_dir = tmp_path / "data"
    populated(data_dir, catalog)
    window = MainWindow(data_location=str(data_dir),
                        open_session=lambda: open_session(data_dir, window, interactive=False))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted):
        window.show()
    qtbot.waitUntil(lambda: window.built_pages() != [])
    assert [case.title for case in window.session.list_cases()] == ["Kept in the backup", "After the backup"]
    assert window.action(ActionId.NEW_CASE).isEnabled()
    assert window.action(ActionId.NEW_CASE).shortcut() == QKeySequence("Ctrl+N")
    window.close_session()
