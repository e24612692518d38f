"""The Settings dialog over a real store and real fonts: the PDF font (refused when it cannot draw
Japanese), the default packet folder, the data folder used from the next start, back up now and
restore from a backup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from zairyu import paths
from zairyu.domain.routes import RouteCatalog
from zairyu.gui.settings_dialog import SETTINGS_FONT, SETTINGS_PACKET_FOLDER, SettingsDialog, apply_saved_font
from zairyu.reports import font_setting, fonts
from zairyu.store import Store, open_store

IPAEX = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")


@pytest.fixture
def store(tmp_path: Path, catalog: RouteCatalog) -> Iterator[Store]:
    with open_store(tmp_path / "data", catalog=catalog) as opened:
        yield opened


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot: QtBot, settings: QSettings, store: Store) -> Iterator[SettingsDialog]:
    widget = SettingsDialog(settings, store)
    qtbot.addWidget(widget)
    yield widget
    font_setting.set_preferred_font(None)


def test_the_pdf_font_is_checked_kept_and_applied(dialog: SettingsDialog, settings: QSettings, tmp_path: Path) -> None:
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("not a font")
    assert not dialog.set_font_file(not_a_font)
    assert dialog.message_box is not None and "notes.ttf" in dialog.message_box.text()
    assert settings.value(SETTINGS_FONT) in (None, "")
    if not IPAEX.is_file():
        pytest.skip("IPAex Gothic is not installed")
    assert dialog.set_font_file(IPAEX)
    assert settings.value(SETTINGS_FONT) == str(IPAEX) and dialog.font_edit.text() == str(IPAEX)
    font_setting.set_preferred_font(None)
    apply_saved_font(settings)  # what start-up does
    assert fonts.resolve_fonts("在留").face.path == IPAEX


def test_the_data_folder_applies_from_the_next_start(dialog: SettingsDialog, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    chosen = tmp_path / "elsewhere"
    chosen.mkdir()
    dialog.set_data_folder(chosen)
    assert str(chosen) in dialog.folder_note.text()
    assert paths.chosen_data_dir() == chosen.resolve()
    assert paths.data_dir() == chosen.resolve()
    dialog.set_data_folder(None)
    assert paths.chosen_data_dir() is None and paths.data_dir() == paths.default_data_dir()


def test_back_up_now_and_restore(dialog: SettingsDialog, store: Store, qtbot: QtBot) -> None:
    first = store.create_case(route="engineer-specialist", procedure="coe", title="Before")
    backup = dialog.back_up_now()
    assert backup is not None and backup.is_file()
    assert "Last copy: none yet" not in dialog.backup_label.text()
    store.update_case(first, title="After")
    with qtbot.waitSignal(dialog.store_restored):
        assert dialog.restore(backup)
    assert store.get_case(first).title == "Before"
    assert dialog.message_box is not None and "kept in" in dialog.message_box.text()


def test_a_bad_backup_is_refused_and_nothing_changes(dialog: SettingsDialog, store: Store, tmp_path: Path) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe", title="Keep me")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database")
    assert not dialog.restore(bad)
    assert store.get_case(case_id).title == "Keep me"
    assert dialog.message_box is not None and "not a Zairyu backup" in dialog.message_box.text()


def test_the_packet_folder_is_kept(dialog: SettingsDialog, settings: QSettings, tmp_path: Path) -> None:
    settings.setValue(SETTINGS_PACKET_FOLDER, str(tmp_path))
    again = SettingsDialog(settings)
    assert again.packet_edit.text() == str(tmp_path)
    assert not again.backup_button.isEnabled()  # no store: nothing to back up
    again.deleteLater()


def test_the_chosen_language_applies_at_the_next_start(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    saved = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    saved.setValue("ui/language", "ja")
    saved.sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZAIRYU_DATA_DIR=str(data), LANG="en_US.UTF-8",
               LC_ALL="en_US.UTF-8")
    result = subprocess.run([sys.executable, "-m", "zairyu", "--exit-after-startup"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    log = (data / "logs" / "zairyu.log").read_text(encoding="utf-8")
    assert "translation zairyu loaded for ja_JP" in log
