"""Start-up as a user runs it: ``python -m zairyu --exit-after-startup`` in a real subprocess."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from zairyu.app import _report_previous_crash, app_icon_path
from zairyu.cli.common import route_catalog
from zairyu.store import open_store

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


def start_until_filled(data_dir: Path, *python_options: str) -> str:
    """Start the app as a user does, wait until its log says the window is filled, stop it; its stderr."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZAIRYU_DATA_DIR=str(data_dir))
    log_path = data_dir / "logs" / "zairyu.log"

    def log() -> str:  # the app creates it as it starts
        return log_path.read_text(encoding="utf-8") if log_path.exists() else ""

    before = log()
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen([sys.executable, *python_options, "-m", "zairyu"], env=env, cwd=REPO,
                                   stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            deadline = time.monotonic() + STARTUP_LIMIT_S
            while "window filled in" not in log()[len(before):]:
                assert process.poll() is None, "the app exited before its window was filled"
                assert time.monotonic() < deadline, "the window was not filled in time"
                time.sleep(0.05)
        finally:
            process.terminate()
            process.wait(timeout=STARTUP_LIMIT_S)
        stderr.seek(0)
        return stderr.read().decode(errors="replace")


def test_the_filled_window_imports_no_pydantic(tmp_path: Path) -> None:
    """After its first paint the window opens the data, reconciles the cases, builds the case page
    (with its documents' freshness) and shows what is due: with the rules cached, none of that needs
    pydantic (the rules and the cases' facts and events are plain dataclasses), nor the points
    engine for cases without a points profile, nor the libraries of the packet's files or PDFs."""
    with open_store(tmp_path, catalog=route_catalog()) as store:
        for number in range(3):
            case_id = store.create_case(route="permanent-residence", procedure="application", title=f"Case {number}",
                                        target_filing_date=dt.date.today() + dt.timedelta(days=30))
        store.add_event(case_id, "stay_expires", dt.date.today() + dt.timedelta(days=10))
        store.add_event(case_id, "moved", dt.date.today() - dt.timedelta(days=3))
    start_until_filled(tmp_path)  # the first start validates the rules files (pydantic) into the rules cache
    stderr = start_until_filled(tmp_path, "-X", "importtime")
    imported = {line.rsplit("|", 1)[-1].strip() for line in stderr.splitlines() if "|" in line}
    # The fill ran: the case page's models (the page itself comes through importlib, which
    # -X importtime does not list), the deadlines engine, the notice's module.
    assert {"zairyu.gui.case_documents_model", "zairyu.gui.document_editor", "zairyu.domain.deadlines",
            "zairyu.gui.pages.deadlines_page"} <= imported
    assert not {"pydantic", "pydantic_core", "zairyu.domain.points"} & imported
    # Nor the scan checks (pikepdf) the packet's files need: the case page shows sizes only; nor
    # reportlab, which the saved PDF font setting, applied at start, does not need either.
    assert "zairyu.reports.font_setting" in imported
    assert not {"pikepdf", "zairyu.reports.sources", "reportlab"} & imported
    log = (tmp_path / "logs" / "zairyu.log").read_text(encoding="utf-8")
    assert "Traceback" not in log, log


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
