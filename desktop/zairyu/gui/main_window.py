"""The main window: a shell around the pages (gui/pages/), with the menus, the status bar and the
window's settings. It navigates by ``PageId``; the actions come from ``gui/actions.py``.

The window holds no data of its own: the pages show the session's data (``CaseSession``, which
owns the store) and the route catalog.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from zairyu import __version__
from zairyu.domain.routes import RouteCatalog
from zairyu.gui.actions import ACTIONS, ActionId, build_actions, translate
from zairyu.gui.case_session import CaseSession, StoreUnavailable
from zairyu.gui.error_text import error_text
from zairyu.gui.new_case_wizard import NewCaseWizard
from zairyu.gui.pages.base import Page, PageId
from zairyu.gui.pages.case_page import CasePage
from zairyu.gui.pages.checklists_page import ChecklistsPage

if TYPE_CHECKING:
    from zairyu.store import Store

log = logging.getLogger(__name__)

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_PAGE = "window/page"


class MainWindow(QMainWindow):
    def __init__(self, catalog: RouteCatalog, *, settings: QSettings | None = None,
                 data_location: str = "", store: Store | None = None, store_error: str | None = None,
                 session: CaseSession | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._data_location = data_location
        self.session = session or CaseSession(store, catalog, unavailable_reason=store_error or "", parent=self)
        self.session.command_failed.connect(self._command_failed)

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Zairyu — residence applications"))
        self.setMinimumSize(QSize(900, 560))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._pages: dict[PageId, Page] = {}
        self.case_page = CasePage(self.session, self)
        self.checklists_page = ChecklistsPage(self.session, self)
        for page in (self.case_page, self.checklists_page):
            self.add_page(page)
        self.case_page.new_case_requested.connect(self.new_case)

        self.actions_by_id = build_actions(self)
        self._build_menus()
        self._build_status_bar()
        self.setStyleSheet(STYLE_SHEET)
        self._restore_state()
        if self.session.available and not self.session.list_cases():
            self.show_page(PageId.CASE)

    # -- pages ----------------------------------------------------------------------------------

    def add_page(self, page: Page) -> None:
        """Add a page to the navigation (in PageId order)."""
        self._pages[page.page_id] = page
        order = list(PageId)
        position = sum(1 for other in self._pages if order.index(other) < order.index(page.page_id))
        self.tabs.insertTab(position, page, page.title())
        page.status_message.connect(lambda text: self.statusBar().showMessage(text, 10_000))

    def page(self, page_id: PageId) -> Page:
        return self._pages[page_id]

    def current_page_id(self) -> PageId:
        widget = self.tabs.currentWidget()
        return widget.page_id if isinstance(widget, Page) else PageId.CASE

    def show_page(self, page_id: PageId) -> None:
        self.tabs.setCurrentWidget(self._pages[page_id])

    # -- construction ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menus: dict[str, Any] = {}
        for spec in ACTIONS:
            menu = menus.get(spec.menu.value)
            if menu is None:
                menu = menus[spec.menu.value] = self.menuBar().addMenu(translate(spec.menu.value))
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(self.actions_by_id[spec.id])
        self.action(ActionId.OPEN_DATA_FOLDER).setEnabled(bool(self._data_location))
        export = self.action(ActionId.EXPORT_CHECKLIST)  # one export at a time
        self.checklists_page.export_started.connect(lambda: export.setEnabled(False))
        self.checklists_page.export_ended.connect(lambda _outcome, _path: export.setEnabled(True))
        stack = self.session.undo_stack
        undo, redo = self.action(ActionId.UNDO), self.action(ActionId.REDO)
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(undo.setToolTip)
        stack.redoTextChanged.connect(redo.setToolTip)

    def _build_status_bar(self) -> None:
        offline = QLabel(self.tr("Zairyu {version} · works offline").format(version=__version__), self)
        offline.setObjectName("versionLabel")
        self.statusBar().addPermanentWidget(offline)

    def action(self, action_id: ActionId) -> QAction:
        return self.actions_by_id[action_id]

    # -- action handlers (named in gui/actions.py) ----------------------------------------------

    def new_case(self) -> NewCaseWizard | None:
        """Open the new-case assistant; the case it creates becomes the current one."""
        if not self.session.available:
            QMessageBox.warning(self, self.tr("New case"), error_text(StoreUnavailable(
                self.session.unavailable_reason, kind="store_unavailable")))
            return None
        self.show_page(PageId.CASE)
        wizard = NewCaseWizard(self.session, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

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
        for page in self._pages.values():
            page.restore_state(settings)
        saved = settings.value(SETTINGS_PAGE)
        page_id = next((p for p in PageId if p.value == saved), None)
        if page_id in self._pages:
            self.show_page(page_id)

    def closeEvent(self, event: Any) -> None:
        self.checklists_page.stop_work()
        if self._settings is not None:
            self._settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
            self._settings.setValue(SETTINGS_PAGE, self.current_page_id().value)
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
#checklistTable, #caseDocumentsTable { border: 1px solid palette(mid); }
#documentDetail { border: 1px solid palette(mid); background: palette(base); }
"""
