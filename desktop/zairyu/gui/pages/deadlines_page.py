"""The deadlines page: the case's (or the household's) deadlines by date, coloured by urgency, each
with its rule, its source and the safe day to act; the case's dated events, entered right here; and
the export of them all to a calendar file (.ics).

Adding or removing an event goes through the session, as one undoable command; the deadlines are
computed again from the store each time (``gui/deadlines_model.py``).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zairyu.domain.deadlines import EventType
from zairyu.domain.routes import RouteCatalog
from zairyu.domain.wording import in_language
from zairyu.errors import ZairyuError
from zairyu.gui.date_fields import date_edit
from zairyu.gui.deadlines_model import (
    DeadlineColumn,
    DeadlineRow,
    DeadlinesTableModel,
    case_rows,
    due_within,
    household_rows,
)
from zairyu.gui.error_text import error_text
from zairyu.gui.pages.base import Page, PageId, row_table
from zairyu.gui.roles import DeadlineRole
from zairyu.gui.ui_language import prefers_japanese
from zairyu.reports.ics import write_ics
from zairyu.store.models import CaseView

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession
    from zairyu.store import Store

Index = QModelIndex | QPersistentModelIndex
NOTICE_DAYS = 14  # the start-up notice and the page's summary count what is due within this many days


def event_type_names() -> dict[EventType, str]:
    return {
        EventType.COE_ISSUED: QCoreApplication.translate("DeadlinesPage", "Certificate of eligibility issued"),
        EventType.LANDED: QCoreApplication.translate("DeadlinesPage", "Landed in Japan"),
        EventType.MOVED: QCoreApplication.translate("DeadlinesPage", "Moved house"),
        EventType.EMPLOYER_CHANGED: QCoreApplication.translate("DeadlinesPage", "Changed employer"),
        EventType.STAY_EXPIRES: QCoreApplication.translate("DeadlinesPage", "Period of stay ends"),
        EventType.DEPARTED: QCoreApplication.translate("DeadlinesPage", "Left Japan"),
    }


class EventsTableModel(QAbstractTableModel):
    """A case's events with their store ids, in date order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[tuple[int, dict[str, Any]]] = []

    def set_events(self, events: list[tuple[int, dict[str, Any]]]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def event_at(self, row: int) -> tuple[int, dict[str, Any]]:
        return self._events[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self._events:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._events) - 1, 2))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Event"), self.tr("Who"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        _id, event = self._events[index.row()]
        if index.column() == 0:
            return event["date"]
        if index.column() == 1:
            try:
                return event_type_names()[EventType(event["type"])]
            except ValueError:
                return event["type"]
        return event.get("person") or self.tr("Main applicant")



class DeadlinesPage(Page):
    page_id = PageId.DEADLINES

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._case: CaseView | None = None
        self.today = dt.date.today  # replaced in tests that need a fixed day

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        top = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("routeTitle")
        top.addWidget(self.title_label)
        top.addStretch(1)
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("deadlineScope")
        self.scope_combo.addItem("", "case")
        self.scope_combo.addItem("", "household")
        self.scope_combo.currentIndexChanged.connect(self.refresh)
        self.ics_button = QPushButton(self)
        self.ics_button.setObjectName("exportIcs")
        self.ics_button.clicked.connect(self._choose_ics_file)
        top.addWidget(self.scope_combo)
        top.addWidget(self.ics_button)
        layout.addLayout(top)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("countsLabel")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        upper = QWidget(splitter)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        self.model = DeadlinesTableModel(self)
        self.view = row_table(upper, "deadlinesTable", alternating_rows=False)
        self.view.setModel(self.model)
        for column, width in ((DeadlineColumn.ACT_BY, 96), (DeadlineColumn.DUE, 110), (DeadlineColumn.WHAT, 470),
                              (DeadlineColumn.WHO, 190), (DeadlineColumn.RULE, 150)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        upper_layout.addWidget(self.view, 1)
        self.detail_label = QLabel(upper)
        self.detail_label.setObjectName("deadlineDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        upper_layout.addWidget(self.detail_label)
        splitter.addWidget(upper)

        self.events_box = QGroupBox(splitter)
        events = QVBoxLayout(self.events_box)
        entry = QHBoxLayout()
        self.event_type = QComboBox(self.events_box)
        self.event_type.setObjectName("eventType")
        for kind in EventType:
            self.event_type.addItem("", kind.value)
        self.event_date = date_edit(self.events_box, "eventDate")
        self.event_person = QComboBox(self.events_box)
        self.event_person.setObjectName("eventPerson")
        self.add_event_button = QPushButton(self.events_box)
        self.add_event_button.setObjectName("addEvent")
        self.add_event_button.clicked.connect(self.add_event)
        self.remove_event_button = QPushButton(self.events_box)
        self.remove_event_button.setObjectName("removeEvent")
        self.remove_event_button.clicked.connect(self.remove_selected_event)
        for widget in (self.event_type, self.event_date, self.event_person, self.add_event_button):
            entry.addWidget(widget)
        entry.addStretch(1)
        entry.addWidget(self.remove_event_button)
        events.addLayout(entry)
        self.events_model = EventsTableModel(self)
        self.events_view = row_table(self.events_box, "eventsTable", alternating_rows=False)
        self.events_view.setModel(self.events_model)
        self.events_view.setColumnWidth(0, 100)
        self.events_view.setColumnWidth(1, 300)
        events.addWidget(self.events_view, 1)
        splitter.addWidget(self.events_box)
        splitter.setSizes([480, 220])
        layout.addWidget(splitter, 1)
        session.case_changed.connect(self._case_changed)
        session.cases_changed.connect(self._cases_changed)
        self.retranslate()
        self.set_case(session.current_case_id)

    # -- data in --------------------------------------------------------------------------------

    def set_case(self, case_id: int | None) -> None:
        self._case = self.fetch_case(case_id)
        self._show_case()

    def _case_changed(self, case_id: int) -> None:
        if self._case is not None and case_id == self._case.id:
            self.set_case(case_id)
        elif self.scope_combo.currentData() == "household":
            self.refresh()

    def _cases_changed(self) -> None:
        if self.scope_combo.currentData() == "household":
            self.refresh()

    def _show_case(self) -> None:
        case = self._case
        for widget in (self.event_type, self.event_date, self.event_person, self.add_event_button,
                       self.remove_event_button):
            widget.setEnabled(case is not None)
        self.event_person.clear()
        if case is not None:
            self.event_person.addItem(case.applicant.name or self.tr("Main applicant"), None)
            for member in case.family:
                if member.name:
                    self.event_person.addItem(member.name, member.name)
            today = self.today()
            self.event_date.setDate(QDate(today.year, today.month, today.day))
        self.events_model.set_events(self.session.store.list_events(case.id) if case is not None else [])
        self.refresh()

    def refresh(self) -> None:
        """Compute the deadlines again from the store."""
        today = self.today()
        rows: list[DeadlineRow] = []
        if self.session.available:
            try:
                if self.scope_combo.currentData() == "household":
                    rows = household_rows(self._all_cases(), self.session.catalog, today)
                elif self._case is not None:
                    rows = case_rows(self._case, self.session.catalog, today)
            except ZairyuError as exc:
                self.status_message.emit(error_text(exc))
        self.model.set_rows(rows)
        self.ics_button.setEnabled(bool(rows))
        self._update_summary(rows, today)
        self.detail_label.clear()

    def _all_cases(self) -> list[CaseView]:
        return [self.session.get_case(summary.id) for summary in self.session.list_cases()]

    def _update_summary(self, rows: list[DeadlineRow], today: dt.date) -> None:
        if not self.session.available:
            self.summary_label.setText(self.tr("Your cases are not available."))
            return
        if self._case is None and self.scope_combo.currentData() == "case":
            self.summary_label.setText(self.tr("Choose a case on the My case page, or show the whole household."))
            return
        if not rows:
            self.summary_label.setText(self.tr("No deadlines yet: enter the dates below (landing, moving, the end "
                                               "of your period of stay), or documents' issue dates on the case."))
            return
        soon = due_within(rows, today, NOTICE_DAYS)
        self.summary_label.setText(self.tr("{count} dates · {soon} due within 14 days or just missed").format(
            count=len(rows), soon=len(soon)))

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(DeadlineRole) if current.isValid() else None
        if not isinstance(row, DeadlineRow):
            self.detail_label.clear()
            return
        japanese = prefers_japanese()
        title = (f"<b>{escape(row.title_ja)}</b>" if japanese
                 else f"<b>{escape(row.title_en)}</b> — {escape(row.title_ja)}")
        parts = [title,
                 escape(self.tr("Act by {act_by} (the safe day: offices are open); legal last day {due}.").format(
                     act_by=row.act_by.isoformat(), due=row.due.isoformat()))
                 if row.kind == "deadline" else escape(self.tr("From {date}.").format(date=row.act_by.isoformat())),
                 escape(self.tr("Rule: {rule} · Source: {source}").format(rule=row.rule, source=row.source)),
                 *(escape(in_language(note, japanese=japanese)) for note in row.notes)]
        self.detail_label.setText("<br>".join(parts))

    # -- events ---------------------------------------------------------------------------------

    def add_event(self) -> None:
        if self._case is None:
            return
        day = self.event_date.date().toPython()
        assert isinstance(day, dt.date)
        extra = {"person": self.event_person.currentData()} if self.event_person.currentData() else {}
        try:
            self.session.add_event(self._case.id, self.event_type.currentData(), day, **extra)
        except ZairyuError as exc:
            QMessageBox.warning(self, self.tr("Add event"), error_text(exc))
            return
        self.status_message.emit(self.tr("Event added (Ctrl+Z undoes it)."))

    def remove_selected_event(self) -> None:
        current = self.events_view.currentIndex()
        if self._case is None or not current.isValid():
            return
        event_id, _event = self.events_model.event_at(current.row())
        try:
            self.session.remove_event(self._case.id, event_id)
        except ZairyuError as exc:
            QMessageBox.warning(self, self.tr("Remove event"), error_text(exc))

    # -- calendar -------------------------------------------------------------------------------

    def _choose_ics_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export deadlines to a calendar"),
                                                    "zairyu-deadlines.ics", self.tr("Calendar files (*.ics)"))
        if name:
            self.export_ics(Path(name).with_suffix(".ics"))

    def export_ics(self, output: Path) -> Path | None:
        """The rows shown, one all-day event each on its safe day (reports/ics.py)."""
        try:
            return write_ics(self.model.rows(), output)
        except ZairyuError as exc:
            QMessageBox.warning(self, self.tr("Export deadlines to a calendar"), error_text(exc))
            return None

    # -- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Deadlines"))
        self.scope_combo.setItemText(0, self.tr("This case"))
        self.scope_combo.setItemText(1, self.tr("The whole household (all cases)"))
        self.scope_combo.setToolTip(self.tr("Show this case's deadlines, or those of every case you keep."))
        self.ics_button.setText(self.tr("Export to calendar (.ics)…"))
        self.ics_button.setToolTip(self.tr("Save the dates shown as a calendar file, one event on each safe day."))
        self.events_box.setTitle(self.tr("Events of this case"))
        for index, name in enumerate(event_type_names().values()):
            self.event_type.setItemText(index, name)
        self.event_type.setToolTip(self.tr("What happened, or will happen: each event starts its own deadline."))
        self.event_date.setToolTip(self.tr("The day of the event."))
        self.event_person.setToolTip(self.tr("Whom the event concerns: the applicant or a family member."))
        self.add_event_button.setText(self.tr("&Add event"))
        self.add_event_button.setToolTip(self.tr("Record the event (Ctrl+Z undoes it)."))
        self.remove_event_button.setText(self.tr("Remove event"))
        self.remove_event_button.setToolTip(self.tr("Remove the selected event (Ctrl+Z undoes it)."))
        if self._case is not None and self.event_person.count():
            self.event_person.setItemText(0, self._case.applicant.name or self.tr("Main applicant"))
        self.model.retranslate()
        self.events_model.retranslate()
        self._update_summary(self.model.rows(), self.today())



def startup_notice(store: Store, catalog: RouteCatalog, today: dt.date) -> str | None:
    """A quiet line for the status bar about anything due within 14 days (or overdue), or None."""
    try:
        rows = household_rows((store.get_case(i) for i in store.case_ids()), catalog, today)
    except ZairyuError:
        return None
    due = due_within(rows, today, NOTICE_DAYS)
    if not due:
        return None
    first = due[0]
    what = first.title_ja if prefers_japanese() else first.title_en
    if len(due) == 1:
        return QCoreApplication.translate("DeadlinesPage", "Due by {date}: {what} (see Deadlines).").format(
            date=first.act_by.isoformat(), what=what)
    cases = len({row.case_id for row in due})
    if cases > 1:  # the Deadlines page shows one case at first: say the count is of several
        return QCoreApplication.translate(
            "DeadlinesPage", "{count} deadlines in {cases} of your cases due within 14 days or just missed; the "
            "first, by {date}: {what} (see Deadlines).").format(count=len(due), cases=cases,
                                                                date=first.act_by.isoformat(), what=what)
    return QCoreApplication.translate(
        "DeadlinesPage", "{count} deadlines due within 14 days or just missed; the first, by {date}: {what} "
        "(see Deadlines).").format(count=len(due), date=first.act_by.isoformat(), what=what)
