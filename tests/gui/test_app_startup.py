"""Start-up as a user runs it: ``python -m zairyu --exit-after-startup`` in a real subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from zairyu.app import _report_previous_crash, app_icon_path

REPO = Path(__file__).resolve().parents[2]
STARTUP_LIMIT_S = 60
NON_UTF8_LOCALE_WARNING = r"Detected locale \".*\" with character encoding \".*\", which is not UTF-8"


def start_app(data_dir: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZAIRYU_DATA_DIR=str(data_dir))
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "zairyu", "--exit-after-startup", *args],
                            capture_output=True, text=True, env=env, cwd=REPO, timeout=STARTUP_LIMIT_S)
    return result, time.perf_counter() - began


def test_exit_after_startup_paints_the_window_and_exits_0(tmp_path: Path) -> None:
    result, elapsed = start_app(tmp_path)
    assert result.returncode == 0, result.stderr
    assert elapsed < STARTUP_LIMIT_S
    log = (tmp_path / "logs" / "zairyu.log").read_text(encoding="utf-8")
    assert "first paint" in log
    assert "exiting with status 0" in log
    # Nothing went wrong on the way: no Qt warning reached the log (but the one about the machine's
    # locale, see EXPECTED_QT_WARNINGS in conftest.py), no crash report was written.
    warnings = [line for line in log.splitlines()
                if " WARNING qt:" in line and not re.search(NON_UTF8_LOCALE_WARNING, line)]
    assert not warnings, log
    assert not list((tmp_path / "crash" / "pending").glob("*.log"))
    assert (tmp_path / "crash" / "faulthandler.log").read_text() == ""


def test_data_dir_option_redirects_logs(tmp_path: Path) -> None:
    other = tmp_path / "other"
    result, _ = start_app(tmp_path / "env", "--data-dir", str(other))
    assert result.returncode == 0, result.stderr
    assert (other / "logs" / "zairyu.log").is_file()
    assert not (tmp_path / "env").exists()


def test_previous_hard_crash_is_kept_for_the_next_start(tmp_path: Path) -> None:
    # A session that dies in native code (as a Qt segfault would) after arming the crash log.
    crash = subprocess.run(
        [sys.executable, "-c",
         "import faulthandler, pathlib, sys\n"
         "from zairyu.crash_log import CrashLog\n"
         "CrashLog(pathlib.Path(sys.argv[1])).install()\n"
         "faulthandler._sigsegv()\n",
         str(tmp_path / "crash")],
        capture_output=True, text=True, cwd=REPO, timeout=STARTUP_LIMIT_S)
    assert crash.returncode != 0
    result, _ = start_app(tmp_path)
    assert result.returncode == 0, result.stderr
    # --exit-after-startup leaves the report pending, so the next real start still shows it.
    pending = list((tmp_path / "crash" / "pending").glob("crash-*-fatal.log"))
    assert len(pending) == 1
    assert "Segmentation fault" in pending[0].read_text()


def test_the_first_paint_imports_no_page_and_no_pdf_library(tmp_path: Path) -> None:
    """The window paints its frame first: the pages and the PDF libraries they bring come after."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZAIRYU_DATA_DIR=str(tmp_path))
    start_app(tmp_path)  # the first start validates the rules files (pydantic) into the rules cache
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "zairyu", "--exit-after-startup"],
                            capture_output=True, text=True, env=env, cwd=REPO, timeout=STARTUP_LIMIT_S)
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "zairyu.gui.main_window" in imported
    # The store is opened before the first paint, but neither the scan checks (pikepdf, Pillow) nor
    # the points engine (pydantic) of the reconciliation after it come with it.
    heavy = {"reportlab", "PySide6.QtPdf", "PySide6.QtPrintSupport", "zairyu.gui.settings_dialog",
             "pikepdf", "PIL", "pydantic", "zairyu.domain.points",
             "zairyu.cli.parser",  # the window's own argument lists need no parser
             *(f"zairyu.gui.pages.{name}_page" for name in ("case", "checklists", "points", "deadlines", "packet"))}
    assert not heavy & imported, sorted(heavy & imported)


def test_app_icon_loads(qapp: object) -> None:
    from PySide6.QtGui import QIcon

    icon = QIcon(str(app_icon_path()))
    assert not icon.isNull()
    pixmap = icon.pixmap(64, 64)
    assert pixmap.width() == 64 and not pixmap.toImage().isNull()


def test_previous_crash_is_reported_in_a_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    window = QMainWindow()
    qtbot.addWidget(window)
    report = tmp_path / "crash-20261122-101010-fatal.log"
    _report_previous_crash(window, [report], tmp_path / "zairyu.log")
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 1
    assert str(report) in boxes[0].text() and "zairyu.log" in boxes[0].text()
    assert boxes[0].isVisible()
    boxes[0].close()


def test_the_app_writes_only_private_files_under_umask_000(tmp_path: Path) -> None:
    from store.helpers import assert_private

    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)  # an existing folder readable by everyone is tightened
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZAIRYU_DATA_DIR=str(data))
    result = subprocess.run([sys.executable, "-m", "zairyu", "--exit-after-startup"], capture_output=True,
                            text=True, env=env, cwd=REPO, timeout=STARTUP_LIMIT_S,
                            preexec_fn=lambda: os.umask(0))
    assert result.returncode == 0, result.stderr
    assert {"logs/zairyu.log", "crash/faulthandler.log", "settings.ini"} <= {
        str(p.relative_to(data)) for p in data.rglob("*")}
    assert_private(data)
