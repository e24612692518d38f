"""Start-up of the desktop app: paths, logging, crash log, QApplication, translations, main window.

``zairyu`` with no command calls ``run_app()``; ``zairyu --exit-after-startup`` opens the user's
data and shows the same window, and exits 0 at its first paint, which shows the window's frame
before the page in it is built (the smoke test and the start-up benchmark use it).
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import time
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zairyu import __version__, paths
from zairyu.crash_log import CrashLog
from zairyu.errors import ZairyuError
from zairyu.private_paths import ensure_private_dir, make_tree_private, private_file
from zairyu.redaction import redact_log_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from zairyu.gui.case_session import CaseSession

log = logging.getLogger("zairyu")

APP_NAME = "Zairyu"
APP_DISPLAY_NAME = "Zairyu 在留"
# The reverse-DNS id shared by the .desktop file, the AppStream metainfo and the window's
# Wayland app id (packaging/).
APP_ID = "io.github.zairyu.Zairyu"
LOG_FILE = "zairyu.log"
# --exit-after-startup gives up (exit 1) if the window has not been painted by then.
FIRST_PAINT_TIMEOUT_MS = 60_000


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A log file readable by its owner only, also each new file a rotation starts (the folder is
    0700 too: a log names the data folder and the files attached)."""

    def _open(self) -> TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()


class RedactingFormatter(logging.Formatter):
    """Masks identity numbers in the whole record, traceback included (redaction.py): a log is what
    people attach to a bug report."""

    def format(self, record: logging.LogRecord) -> str:
        return redact_log_text(super().format(record))


def configure_logging(log_dir: Path) -> Path:
    """Log to a rotating file in the data dir (and warnings to stderr)."""
    ensure_private_dir(log_dir, "the log folder")
    log_path = log_dir / LOG_FILE
    file_handler = PrivateRotatingFileHandler(log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    file_handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(file_handler)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(RedactingFormatter("zairyu: %(levelname)s: %(message)s"))
    root.addHandler(console)
    return log_path


def use_utf8_locale(environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Give Qt a UTF-8 locale when the system has none, as Python's own start-up does (PEP 538).

    ``python`` turns a C/POSIX locale into C.UTF-8 before any code runs, but an embedded
    interpreter (the PyInstaller bundle) does not, and Qt then switches by itself and prints a
    warning on the terminal. An explicit LC_ALL is the user's choice and is left alone.
    """
    import locale

    if environ.get("LC_ALL") or locale.setlocale(locale.LC_CTYPE) not in ("C", "POSIX"):
        return
    environ["LC_CTYPE"] = "C.UTF-8"  # QCoreApplication reads the locale from the environment


def _route_qt_messages_to_logging() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(msg_type: QtMsgType, _context: Any, message: str) -> None:
        qt_log.log(levels.get(msg_type, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def install_translators(app: Any) -> list[Any]:
    """Qt's own strings and ours, in the system language, when a translation exists.

    Ours are ``resources/translations/zairyu_<lang>.qm`` (built from the ``.ts`` sources).
    ``ZAIRYU_PSEUDO_L10N`` replaces them with pseudo-localised strings (gui/pseudo_translator.py).
    """
    import os

    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from zairyu.gui import pseudo_translator

    installed: list[Any] = []
    pseudo = os.environ.get(pseudo_translator.ENV_VAR)
    if pseudo:
        stretcher = pseudo_translator.PseudoTranslator(pseudo_translator.scale_from_env(pseudo), app)
        app.installTranslator(stretcher)
        log.info("pseudo-localisation on")
        return [stretcher]
    locale = QLocale()
    sources = (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("zairyu", str(paths.resources_dir() / "translations")),
    )
    for name, directory in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            installed.append(translator)
            log.info("translation %s loaded for %s", name, locale.name())
    return installed


def app_icon_path() -> Path:
    return paths.resources_dir() / "icons" / "zairyu.svg"


def run_app(exit_after_startup: bool = False) -> int:
    started = time.perf_counter()
    data_dir = paths.data_dir()
    try:
        ensure_private_dir(data_dir, "the data folder")
        make_tree_private(data_dir)  # logs and crash reports of an older Zairyu or a loose umask
        log_path = configure_logging(data_dir / "logs")
    except ZairyuError as exc:
        print(f"zairyu: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"zairyu: cannot use the data folder {data_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    log.info("Zairyu %s starting (data: %s)", __version__, data_dir)
    crash_log = CrashLog(data_dir / "crash")
    crash_log.install()
    try:
        return _run_qt(crash_log, data_dir, log_path, started, exit_after_startup)
    finally:
        crash_log.uninstall()
        logging.shutdown()


def _run_qt(crash_log: CrashLog, data_dir: Path, log_path: Path, started: float,
            exit_after_startup: bool) -> int:
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    import zairyu.gui  # noqa: F401  (its PySide6 workarounds must precede the first Qt call)

    use_utf8_locale()
    _route_qt_messages_to_logging()
    QGuiApplication.setApplicationName(APP_NAME)
    QGuiApplication.setApplicationDisplayName(APP_DISPLAY_NAME)
    QGuiApplication.setOrganizationName(APP_NAME)
    QGuiApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setWindowIcon(QIcon(str(app_icon_path())))
    from zairyu.gui.language import adopt_translators
    from zairyu.gui.ui_font import apply_ui_font
    from zairyu.gui.ui_language import prefers_japanese

    adopt_translators(install_translators(app))
    apply_ui_font(app, japanese=prefers_japanese())

    def show_user_error(exc: ZairyuError) -> None:
        if exit_after_startup:
            app.exit(2)
            return
        QMessageBox.warning(app.activeWindow(), APP_NAME, str(exc))

    def show_crash(report: Path, exc: BaseException) -> None:
        if exit_after_startup:  # a smoke test must fail, not wait for a click
            app.exit(1)
            return
        QMessageBox.critical(app.activeWindow(), APP_NAME, app.translate(
            "app", "Zairyu hit an unexpected error ({error}). Your saved data is safe.\n\n"
                   "The details were written to:\n{path}").format(error=type(exc).__name__, path=report))

    crash_log.on_user_error = show_user_error
    crash_log.on_exception = show_crash

    # Created 0600 before Qt writes it: Qt keeps the permissions of a file it rewrites.
    settings_path = data_dir / "settings.ini"
    with contextlib.suppress(OSError):
        private_file(settings_path)
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    # The language and the PDF font chosen in Settings (the system's language unless one was chosen).
    from zairyu.gui.language import SYSTEM, apply_language, saved_language

    if saved_language(settings) != SYSTEM:
        apply_language(app, saved_language(settings))
    # The window paints its frame first, then opens the data and builds the page shown;
    # --exit-after-startup leaves at that first paint.
    from zairyu.gui.main_window import MainWindow

    window = MainWindow(settings=settings, data_location=str(data_dir),
                        open_session=lambda: open_session(data_dir, window),
                        fill_after_first_paint=not exit_after_startup)

    def apply_font_setting() -> None:
        # The PDF font matters to the first PDF, not to the first paint (its module brings reportlab).
        from zairyu.gui.settings_dialog import apply_saved_font

        apply_saved_font(settings)

    if not exit_after_startup:  # which makes no PDF
        window.first_painted.connect(lambda: QTimer.singleShot(0, apply_font_setting))
    if settings.value("window/geometry") is None:  # first start: a size that fits a 1280×800 screen
        window.resize(1280, 800)

    class FirstPaint(QObject):
        """Notices the window's first paint event, then gets out of the way."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                elapsed_ms = (time.perf_counter() - started) * 1000
                log.info("first paint %.0f ms after start", elapsed_ms)
                if exit_after_startup:
                    # Let the paint finish before leaving the event loop.
                    QTimer.singleShot(0, lambda: app.exit(0))
            return False

    first_paint = FirstPaint(window)
    window.installEventFilter(first_paint)
    if exit_after_startup:
        def give_up() -> None:
            print(f"zairyu: the window was not painted within {FIRST_PAINT_TIMEOUT_MS // 1000} s",
                  file=sys.stderr)
            app.exit(1)

        QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, give_up)
    window.show()

    if not exit_after_startup:
        reports = crash_log.take_pending_reports()
        if reports:
            QTimer.singleShot(0, lambda: _report_previous_crash(window, reports, log_path))

    try:
        status: int = app.exec()
    finally:
        window.close_session()
    log.info("exiting with status %d", status)
    return status


def open_session(data_dir: Path, window: QWidget, *, interactive: bool = True) -> CaseSession | None:
    """The route data and the user's cases, as the window's session (after its first paint).

    The routes come through the same cached catalog as the CLI. A store that cannot be opened
    (damaged, locked by another process, a newer version's file) costs the cases, not the app: the
    dialog offers a backup or another try, and the route checklists work either way. Broken route
    data leaves nothing to show: the message names the file and the key, and the app closes (1).
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from zairyu.cli.common import route_catalog
    from zairyu.gui.case_session import CaseSession
    from zairyu.gui.recovery_dialog import open_with_recovery

    try:
        catalog = route_catalog()
    except ZairyuError as exc:
        log.error("cannot load the rules: %s", exc)
        if interactive:
            QMessageBox.critical(window, APP_NAME, str(exc))
        QApplication.exit(1)
        return None
    store, store_error = open_with_recovery(catalog, data_dir, interactive=interactive, parent=window)
    return CaseSession(store, catalog, unavailable_reason=store_error, parent=window)


def _report_previous_crash(window: Any, reports: list[Path], log_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QMessageBox

    text = QCoreApplication.translate(
        "app", "The last session of Zairyu ended with an error. Your data is safe; the details were kept "
        "so you can report the problem:\n\n{reports}\n\nLog: {log}"
    ).format(reports="\n".join(str(r) for r in reports), log=log_path)
    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, QMessageBox.StandardButton.Ok, window)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
