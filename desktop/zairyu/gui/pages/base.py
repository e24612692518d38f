"""What every page of the main window shares.

A page is one QWidget in its own module (``pages/<name>_page.py``) showing one kind of work on
the session's data. It has a stable ``page_id`` (the window navigates by it, and settings store
it), a translated ``title()`` for the navigation, and follows the session's current case
(``set_case``). Pages change data only through the session (undoable commands); they report
short results in the window's status bar with ``status_message``.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession
    from zairyu.store.models import CaseView

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP


class PageId(Enum):
    """The main window's pages, in navigation order."""

    CASE = "case"
    CHECKLISTS = "checklists"
    POINTS = "points"
    DEADLINES = "deadlines"
    PACKET = "packet"


# The navigation's titles, here so the window can show them before it builds (and imports) a page;
# each keeps its page's translation context.
PAGE_TITLES = {
    PageId.CASE: ("CasePage", QT_TRANSLATE_NOOP("CasePage", "My case")),
    PageId.CHECKLISTS: ("ChecklistsPage", QT_TRANSLATE_NOOP("ChecklistsPage", "Route checklists")),
    PageId.POINTS: ("PointsPage", QT_TRANSLATE_NOOP("PointsPage", "Points")),
    PageId.DEADLINES: ("DeadlinesPage", QT_TRANSLATE_NOOP("DeadlinesPage", "Deadlines")),
    PageId.PACKET: ("PacketPage", QT_TRANSLATE_NOOP("PacketPage", "Packet")),
}


def page_title(page_id: PageId) -> str:
    """A page's name in the navigation (translated)."""
    context, text = PAGE_TITLES[page_id]
    return QCoreApplication.translate(context, text)


class Page(QWidget):
    page_id: ClassVar[PageId]
    status_message = Signal(str)

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName(f"{self.page_id.value}Page")
        session.current_case_changed.connect(self.set_case)

    def title(self) -> str:
        """The page's name in the navigation (translated)."""
        return page_title(self.page_id)

    def set_case(self, case_id: int | None) -> None:
        """The session's current case changed (None: no case chosen, or none exists)."""

    def fetch_case(self, case_id: int | None) -> CaseView | None:
        """The case to show for ``case_id``: None when there is none, the store is unavailable or
        the case has gone (another window or process removed it)."""
        from zairyu.errors import ZairyuError

        if case_id is None or not self.session.available:
            return None
        try:
            return self.session.get_case(case_id)
        except ZairyuError:
            return None

    def retranslate(self) -> None:
        """Set every visible string again in the current language (pages that word their own)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save_state(self, settings: QSettings) -> None:
        """Keep layout choices (splitters, column widths) when the window closes."""

    def restore_state(self, settings: QSettings) -> None:
        """Put back what ``save_state`` kept."""


def row_table(parent: QWidget, name: str, *, alternating_rows: bool = True) -> QTableView:
    """A table of whole rows the pages share: one row selected at a time, no grid, one line a
    cell, the last column taking what is left. Colour-coded rows turn ``alternating_rows`` off."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(alternating_rows)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table
