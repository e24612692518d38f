"""The main window: a shell around the pages (gui/pages/), with the menus, the status bar and the
window's settings. It navigates by ``PageId``; the actions come from ``gui/actions.py``.

The window holds no data of its own: the pages show the session's data (``CaseSession``, which
owns the store) and the route catalog.

It paints first and fills after: the navigation has every page's title at once, but a page (and
its module, with the libraries it brings) is built only when it is first shown. At start-up the
window is given a way to open its data (``open_session``) rather than the data: right after its
first paint it opens the route data and the user's cases (with the recovery dialog when they
cannot be opened), brings the cases in line with the rules, builds the page shown and shows the
notice of what is due. Until then its actions wait, disabled.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from zairyu import __version__
from zairyu.errors import ZairyuError
from zairyu.gui.actions import ACTIONS, ActionId, build_actions, set_shortcuts, translate
from zairyu.gui.error_text import error_text
from zairyu.gui.pages.base import Page, PageId, page_title

if TYPE_CHECKING:
    from zairyu.domain.routes import RouteCatalog
    from zairyu.gui.case_dialogs import ApplicantDialog, OwnDocumentDialog
    from zairyu.gui.case_session import CaseSession
    from zairyu.gui.new_case_wizard import NewCaseWizard
    from zairyu.gui.pages.case_page import CasePage
    from zairyu.gui.pages.checklists_page import ChecklistsPage
    from zairyu.gui.pages.deadlines_page import DeadlinesPage
    from zairyu.gui.pages.packet_page import PacketPage
    from zairyu.gui.pages.points_page import PointsPage
    from zairyu.gui.print_jobs import PrintJob
    from zairyu.store import Store

log = logging.getLogger(__name__)

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_PAGE = "window/page"
# The current case, kept by the window: the pages that follow it may not be built yet.
SETTINGS_CASE = "case/current"
# A window left open for days still takes the daily backup (the store also takes it when opened).
BACKUP_CHECK_MS = 60 * 60 * 1000
# The pages whose content Ctrl+P prints.
PRINTABLE_PAGES = (PageId.CASE, PageId.POINTS, PageId.PACKET)
# What can be done while the data is still being opened (nothing else has data to act on).
ACTIONS_WITHOUT_DATA = (ActionId.QUIT, ActionId.ABOUT, ActionId.OPEN_DATA_FOLDER)
# Each page's module and class, imported when the page is first shown.
PAGE_CLASSES = {
    PageId.CASE: ("zairyu.gui.pages.case_page", "CasePage"),
    PageId.CHECKLISTS: ("zairyu.gui.pages.checklists_page", "ChecklistsPage"),
    PageId.POINTS: ("zairyu.gui.pages.points_page", "PointsPage"),
    PageId.DEADLINES: ("zairyu.gui.pages.deadlines_page", "DeadlinesPage"),
    PageId.PACKET: ("zairyu.gui.pages.packet_page", "PacketPage"),
}


class PagePlaceholder(QWidget):
    """An empty frame in the navigation where a page not yet built will be."""

    def __init__(self, page_id: PageId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_id = page_id
        self.setObjectName(f"{page_id.value}Placeholder")


class MainWindow(QMainWindow):
    first_painted = Signal()  # the frame is on screen; the page shown is built right after
    _painted = False  # a class default: Qt sends events before __init__ has set anything

    def __init__(self, catalog: RouteCatalog | None = None, *, settings: QSettings | None = None,
                 data_location: str = "", store: Store | None = None, store_error: str | None = None,
                 session: CaseSession | None = None,
                 open_session: Callable[[], CaseSession | None] | None = None,
                 fill_after_first_paint: bool = True, parent: Any = None) -> None:
        """The data comes as a ``session``, as the ``catalog`` and a ``store`` (or the
        ``store_error`` that stopped it), or as ``open_session``, called after the first paint
        (None when it could not open anything; it has told the user).

        ``fill_after_first_paint=False`` leaves the window a frame until a page is asked for
        (``zairyu --exit-after-startup`` leaves at the first paint)."""
        super().__init__(parent)
        self._settings = settings
        self._data_location = data_location
        self._session: CaseSession | None = None
        self._open_session = open_session

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Zairyu — residence applications"))
        self.setMinimumSize(QSize(900, 560))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._pages: dict[PageId, Page] = {}
        self._placeholders = {page_id: PagePlaceholder(page_id, self) for page_id in PageId}
        for page_id, placeholder in self._placeholders.items():
            self.tabs.addTab(placeholder, page_title(page_id))
        self._fill_after_first_paint = fill_after_first_paint
        self._print_jobs: list[PrintJob] = []
        self.settings_dialog: Any = None

        self.actions_by_id = build_actions(self)
        self._build_menus()
        self._build_status_bar()
        self.setStyleSheet(STYLE_SHEET)
        self._restore_state()
        self.tabs.currentChanged.connect(self._current_changed)
        if open_session is None:
            if session is None:
                from zairyu.gui.case_session import CaseSession

                assert catalog is not None, "a window without open_session needs its data"
                session = CaseSession(store, catalog, unavailable_reason=store_error or "", parent=self)
            self._use_session(session)
        else:
            for action_id, action in self.actions_by_id.items():
                action.setEnabled(action_id in ACTIONS_WITHOUT_DATA and action.isEnabled())
            self.statusBar().showMessage(self.tr("Opening your cases…"))
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self._daily_backup)
        self._backup_timer.start()

    # -- pages ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
            if self._fill_after_first_paint:
                QTimer.singleShot(0, self._fill)
        return handled

    @property
    def session(self) -> CaseSession:
        """The session over the user's data; a window given ``open_session`` has it once filled."""
        if self._session is None:
            raise RuntimeError("the window's data is not open yet")
        return self._session

    def _use_session(self, session: CaseSession) -> None:
        """Wire the window to its data: the actions become usable, with their shortcuts."""
        self._session = session
        session.command_failed.connect(self._command_failed)
        set_shortcuts(self.actions_by_id)
        for action_id, action in self.actions_by_id.items():
            if action_id is not ActionId.OPEN_DATA_FOLDER:  # its state follows the data location (_build_menus)
                action.setEnabled(True)
        session.current_case_changed.connect(self._case_actions_enabled)
        self._case_actions_enabled(session.current_case_id)
        stack = session.undo_stack
        undo, redo = self.action(ActionId.UNDO), self.action(ActionId.REDO)
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(undo.setToolTip)
        stack.redoTextChanged.connect(redo.setToolTip)
        session.current_case_changed.connect(lambda _case_id: self._update_print_action())
        self._restore_case()
        if session.available and not session.list_cases():
            self._select(PageId.CASE)
        self._update_print_action()

    def close_session(self) -> None:
        if self._session is not None:
            self._session.close()

    def _fill(self) -> None:
        """The first paint showed the frame; now the data, the cases brought in line with the
        rules, the page shown and the notice of what is due."""
        began = time.perf_counter()
        if self._session is None:
            assert self._open_session is not None
            session = self._open_session()
            if session is None:  # nothing to show: the user was told, and the app is closing
                return
            self.statusBar().clearMessage()
            self._use_session(session)
        self.session.reconcile_all()
        self.page(self.current_page_id())
        self.show_startup_notice()
        log.info("window filled in %.0f ms, after its first paint", (time.perf_counter() - began) * 1000)

    def page(self, page_id: PageId) -> Page:
        """The page, built (and its module imported) on first use."""
        page = self._pages.get(page_id)
        return page if page is not None else self._build_page(page_id)

    def _build_page(self, page_id: PageId) -> Page:
        module_name, class_name = PAGE_CLASSES[page_id]
        page_class = getattr(importlib.import_module(module_name), class_name)
        page: Page
        if page_id is PageId.PACKET:
            page = page_class(self.session, self, settings=self._settings)
        else:
            page = page_class(self.session, self)
        self._put_page(page)
        if self._settings is not None:
            page.restore_state(self._settings)
        return page

    def _put_page(self, page: Page) -> None:
        """Put a page in its place in the navigation, instead of its placeholder or older self."""
        old = self._pages.get(page.page_id) or self._placeholders[page.page_id]
        index = self.tabs.indexOf(old)
        current = self.tabs.currentIndex() == index
        blocked = self.tabs.blockSignals(True)  # the same page stays current
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, page.title())
        if current:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(blocked)
        old.deleteLater()
        self._pages[page.page_id] = page
        page.status_message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        if page.page_id is PageId.CASE:
            page.new_case_requested.connect(self.new_case)  # type: ignore[attr-defined]
        elif page.page_id is PageId.CHECKLISTS:
            self._connect_checklists_page(page)  # type: ignore[arg-type]
        elif page.page_id is PageId.POINTS:
            page.document_requested.connect(self.open_document)  # type: ignore[attr-defined]

    @property
    def case_page(self) -> CasePage:
        return self.page(PageId.CASE)  # type: ignore[return-value]

    @property
    def checklists_page(self) -> ChecklistsPage:
        return self.page(PageId.CHECKLISTS)  # type: ignore[return-value]

    @property
    def points_page(self) -> PointsPage:
        return self.page(PageId.POINTS)  # type: ignore[return-value]

    @property
    def deadlines_page(self) -> DeadlinesPage:
        return self.page(PageId.DEADLINES)  # type: ignore[return-value]

    @property
    def packet_page(self) -> PacketPage:
        return self.page(PageId.PACKET)  # type: ignore[return-value]

    def built_pages(self) -> list[Page]:
        return list(self._pages.values())

    def current_page_id(self) -> PageId:
        widget = self.tabs.currentWidget()
        return widget.page_id if isinstance(widget, (Page, PagePlaceholder)) else PageId.CASE

    def show_page(self, page_id: PageId) -> None:
        self.tabs.setCurrentWidget(self.page(page_id))

    def _select(self, page_id: PageId) -> None:
        """Make a page current without building it (start-up: it is built after the first paint)."""
        blocked = self.tabs.blockSignals(True)  # currentChanged would build it
        self.tabs.setCurrentWidget(self._pages.get(page_id) or self._placeholders[page_id])
        self.tabs.blockSignals(blocked)

    def _current_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, PagePlaceholder) and self._session is not None:  # else built once filled
            self.page(widget.page_id)
        self._update_print_action()

    # -- construction ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self._menus: dict[str, Any] = {}
        for spec in ACTIONS:
            menu = self._menus.get(spec.menu.value)
            if menu is None:
                menu = self._menus[spec.menu.value] = self.menuBar().addMenu(translate(spec.menu.value))
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(self.actions_by_id[spec.id])
        self.action(ActionId.OPEN_DATA_FOLDER).setEnabled(bool(self._data_location))

    def _connect_checklists_page(self, page: ChecklistsPage) -> None:
        export = self.action(ActionId.EXPORT_CHECKLIST)  # one export at a time
        page.export_started.connect(lambda: export.setEnabled(False))
        page.export_ended.connect(lambda _outcome, _path: export.setEnabled(True))

    def _build_status_bar(self) -> None:
        self.version_label = QLabel(self)
        self.version_label.setObjectName("versionLabel")
        self.statusBar().addPermanentWidget(self.version_label)
        self._retranslate_shell()

    # -- another interface language ---------------------------------------------------------------

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "actions_by_id"):
            self._retranslate_shell()
            self._rebuild_pages()
        super().changeEvent(event)

    def _retranslate_shell(self) -> None:
        self.setWindowTitle(self.tr("Zairyu — residence applications"))
        self.version_label.setText(self.tr("Zairyu {version} · works offline").format(version=__version__))
        for spec in ACTIONS:
            self.actions_by_id[spec.id].setText(translate(spec.text))
        for source, menu in self._menus.items():
            menu.setTitle(translate(source))
        for page_id in PageId:
            widget = self._pages.get(page_id) or self._placeholders[page_id]
            self.tabs.setTabText(self.tabs.indexOf(widget), page_title(page_id))

    def _rebuild_pages(self) -> None:
        """The case and checklist pages are built in one language: build them again in the new one,
        with the same case, layout and choices (the session holds the data; the settings the rest).
        A page not built yet will be built in the new language anyway."""
        case_page, checklists_page = self._pages.get(PageId.CASE), self._pages.get(PageId.CHECKLISTS)
        if ((checklists_page is not None and checklists_page.export_running())  # type: ignore[attr-defined]
                or (case_page is not None and case_page.attach_running())):  # type: ignore[attr-defined]
            return  # not while they work; the next language change rebuilds them
        for old in (case_page, checklists_page):
            if old is None:
                continue
            if self._settings is not None:
                old.save_state(self._settings)
            self._build_page(old.page_id)
        if case_page is not None:
            self.case_page.set_case(self.session.current_case_id)

    def _case_actions_enabled(self, case_id: int | None) -> None:
        for action_id in (ActionId.EDIT_APPLICANT, ActionId.ADD_DOCUMENT, ActionId.ATTACH_FILES):
            self.action(action_id).setEnabled(case_id is not None)
        self.action(ActionId.NEW_CASE).setEnabled(self.session.available)

    def action(self, action_id: ActionId) -> QAction:
        return self.actions_by_id[action_id]

    # -- action handlers (named in gui/actions.py) ----------------------------------------------

    def new_case(self) -> NewCaseWizard | None:
        """Open the new-case assistant; the case it creates becomes the current one."""
        if not self.session.available:
            from zairyu.gui.case_session import StoreUnavailable

            QMessageBox.warning(self, self.tr("New case"), error_text(StoreUnavailable(
                self.session.unavailable_reason, kind="store_unavailable")))
            return None
        self.show_page(PageId.CASE)
        # Imported on first use: the assistant brings the points rules and their pydantic models,
        # which the window's first paint does not need.
        from PySide6.QtCore import Qt  # its enums cost a tenth of a second: not before the first paint

        from zairyu.gui.new_case_wizard import NewCaseWizard

        wizard = NewCaseWizard(self.session, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def edit_applicant(self) -> ApplicantDialog | None:
        case_id = self.session.current_case_id
        if case_id is None:
            return None
        self.show_page(PageId.CASE)
        from PySide6.QtCore import Qt

        from zairyu.gui.case_dialogs import ApplicantDialog

        dialog = ApplicantDialog(self.session, self.session.get_case(case_id).applicant, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_document(self) -> OwnDocumentDialog | None:
        case_id = self.session.current_case_id
        if case_id is None:
            return None
        self.show_page(PageId.CASE)
        from PySide6.QtCore import Qt

        from zairyu.gui.case_dialogs import OwnDocumentDialog

        dialog = OwnDocumentDialog(self.session, case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.case_page.select_document(dialog.created_code or ""))
        dialog.open()
        return dialog

    def attach_files(self) -> None:
        self.show_page(PageId.CASE)
        self.case_page.choose_files()

    def export_checklist(self) -> None:
        self.show_page(PageId.CHECKLISTS)
        self.checklists_page.choose_export_file()

    def undo(self) -> None:
        self.session.undo_stack.undo()

    def redo(self) -> None:
        self.session.undo_stack.redo()

    def find_documents(self) -> None:
        if self.current_page_id() is PageId.CHECKLISTS:
            self.checklists_page.focus_filter()
        else:
            self.show_page(PageId.CASE)
            self.case_page.focus_search()

    def show_case(self) -> None:
        self.show_page(PageId.CASE)

    def show_checklists(self) -> None:
        self.show_page(PageId.CHECKLISTS)

    def show_points(self) -> None:
        self.show_page(PageId.POINTS)

    def show_deadlines(self) -> None:
        self.show_page(PageId.DEADLINES)

    def show_packet(self) -> None:
        self.show_page(PageId.PACKET)

    def open_document(self, case_id: int, code: str) -> None:
        """Show one document of a case on the case page (the points page's evidence links)."""
        self.session.set_current_case(case_id)
        self.show_page(PageId.CASE)
        from zairyu.gui.case_documents_model import DocumentFilter

        self.case_page.set_filter(DocumentFilter.ALL)  # a filter may hide the document
        self.case_page.select_document(code)

    def _update_print_action(self) -> None:
        if self._session is None:
            return
        page = self.current_page_id()
        self.action(ActionId.PRINT).setEnabled(page in PRINTABLE_PAGES and self.session.current_case_id is not None)

    def print_current(self) -> None:
        """Ctrl+P: the case's checklist, its points summary or its printable packet, by page."""
        page = self.current_page_id()
        if page is PageId.POINTS:
            self.points_page.print_summary()
        elif page is PageId.PACKET:
            self.packet_page.print_packet()
        elif page is PageId.CASE and self.session.current_case_id is not None:
            from zairyu.gui.print_jobs import print_case_checklist

            case = self.session.get_case(self.session.current_case_id)
            self._print_jobs.append(print_case_checklist(self, case, self.session.catalog))

    def export_case_checklist(self) -> None:
        case_id = self.session.current_case_id
        if case_id is None:
            self.statusBar().showMessage(self.tr("Choose a case first."), 10_000)
            return
        case = self.session.get_case(case_id)
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the case's checklist"),
                                                    f"zairyu-checklist-case-{case.id}.pdf",
                                                    self.tr("PDF files (*.pdf)"))
        if name:
            from zairyu.gui.print_jobs import export_case_checklist

            export_case_checklist(self, case, self.session.catalog, Path(name).with_suffix(".pdf"))

    def show_settings(self) -> None:
        from zairyu.gui.settings_dialog import SettingsDialog

        settings = self._settings if self._settings is not None else QSettings()
        dialog = SettingsDialog(settings, self.session.store if self.session.available else None, self)
        dialog.store_restored.connect(lambda: self.session.replace_store(self.session.store))
        self.settings_dialog = dialog
        dialog.open()

    def show_startup_notice(self) -> None:
        """A quiet line in the status bar about anything due within 14 days."""
        if not self.session.available:
            return
        from zairyu.gui.pages.deadlines_page import startup_notice

        notice = startup_notice(self.session.store, self.session.catalog, dt.date.today())
        if notice:
            self.statusBar().showMessage(notice, 60_000)

    def _daily_backup(self) -> None:
        if self._session is not None and self._session.available:
            try:
                self.session.store.daily_backup_if_due()
            except ZairyuError as exc:
                log.warning("daily backup failed: %s", exc)

    def open_data_folder(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(self._data_location)):
            QMessageBox.information(self, self.tr("Open data folder"), self.tr(
                "No program to open folders was found on this computer. Your data is in:\n\n{path}").format(
                    path=self._data_location))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Zairyu"), self.tr(
            "<h3>Zairyu {version}</h3>"
            "<p>Organises an application for a Japanese residence status (在留資格): the documents "
            "each route needs, in English and Japanese, with the source of every rule.</p>"
            "<p>Zairyu works offline: it never uses the network.</p>"
            "<p>Your data: {location}</p>").format(version=__version__, location=self._data_location))

    def _command_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Not changed"), error_text(exc))

    # -- state ----------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self._settings
        if settings is None:
            return
        geometry = settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        saved = settings.value(SETTINGS_PAGE)
        page_id = next((p for p in PageId if p.value == saved), None)
        if page_id is not None:
            self._select(page_id)

    def _restore_case(self) -> None:
        case = self._settings.value(SETTINGS_CASE) if self._settings is not None else None
        if (isinstance(case, (int, str)) and str(case).isdigit()
                and int(case) in {summary.id for summary in self.session.list_cases()}):
            self.session.set_current_case(int(case))  # the pages load it when they are built

    def closeEvent(self, event: Any) -> None:
        for page_id in (PageId.CHECKLISTS, PageId.PACKET):
            page = self._pages.get(page_id)
            if page is not None:
                page.stop_work()  # type: ignore[attr-defined]
        if self._settings is not None:
            self._settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
            self._settings.setValue(SETTINGS_PAGE, self.current_page_id().value)
            if self._session is not None:  # closed before its data was open: the saved case stays
                self._settings.setValue(SETTINGS_CASE, self._session.current_case_id or "")
            for page in self._pages.values():
                page.save_state(self._settings)
            self._settings.sync()
        super().closeEvent(event)


# Palette roles keep the look right in light and dark desktop themes; only sizes and weights
# are fixed here.
STYLE_SHEET = """
#sidebar { background: palette(alternate-base); border-right: 1px solid palette(mid); }
#sidebarHeading { font-weight: 600; color: palette(placeholder-text); }
#routeList, #caseTree { background: palette(alternate-base); outline: 0; }
#routeTitle { font-size: 17pt; font-weight: 600; }
#routeSubtitle { font-size: 13pt; }
#routeSummary { color: palette(placeholder-text); }
#countsLabel { color: palette(placeholder-text); padding-top: 4px; }
#summaryBar { padding: 4px 0; }
#editorTitle { font-size: 13pt; font-weight: 600; }
#editorHeading { font-weight: 600; padding-top: 8px; }
#editorHint, #otherName, #conditionDocument { color: palette(placeholder-text); }
#checklistTable, #caseDocumentsTable { border: 1px solid palette(mid); }
#documentDetail { border: 1px solid palette(mid); background: palette(base); }
"""
