"""The deadlines table: a case's (or the whole household's) deadlines, soonest safe day first.

Two sources, both from the deadlines engine: the case's own deadlines (documents' freshness,
expiry dates, the extension window, status and permanent-residence milestones —
``store.deadlines_link``) and the deadlines that follow the events the user entered (moving,
changing employer, leaving Japan — ``domain.deadlines.compute_deadlines``). The end of the main
applicant's period of stay is in the first already, so its event is not counted twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from zairyu.domain.deadlines import CalendarEntry, EventType, Severity, compute_deadlines, stored_events
from zairyu.domain.routes import RouteCatalog
from zairyu.domain.wording import in_language
from zairyu.errors import ZairyuError
from zairyu.gui.roles import DeadlineRole
from zairyu.gui.ui_language import prefers_japanese
from zairyu.store.deadlines_link import deadlines_for_case
from zairyu.store.models import CaseView

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class DeadlineRow:
    case_id: int
    case_title: str
    person: str  # whom it concerns (the applicant, or the family member the event names)
    kind: str  # "deadline" or "milestone"
    title_en: str
    title_ja: str
    act_by: dt.date  # the safe day to act
    due: dt.date  # the legal last day
    severity: Severity
    rule: str
    source: str
    notes: tuple[str, ...]  # the engine's Texts, in both languages
    entry: CalendarEntry  # for the .ics export

    def calendar_entry(self) -> CalendarEntry:
        return self.entry


def case_rows(case: CaseView, catalog: RouteCatalog, today: dt.date) -> list[DeadlineRow]:
    """Every deadline and milestone of one case, soonest first."""
    title = case.title or f"#{case.id}"
    applicant = case.applicant.name
    rows = [DeadlineRow(case.id, title, applicant, d.kind, d.title_en, d.title_ja, d.act_by, d.due, d.severity,
                        d.rule, d.source, d.notes, d.calendar_entry())
            for d in deadlines_for_case(case, catalog, today)]
    events = [e for e in case.events
              if not (e.get("type") == EventType.STAY_EXPIRES.value and not e.get("person"))]
    try:
        parsed = stored_events(events, source=f"case {case.id}")
    except ZairyuError:
        parsed = []  # events the engine refuses today were stored under older rules: skip them
    for d in compute_deadlines(parsed):
        rows.append(DeadlineRow(case.id, title, d.person or applicant, "deadline", d.title_en, d.title_ja, d.act_by,
                                d.due, d.severity(today), d.rule, d.source, d.notes, d.calendar_entry()))
    return sorted(rows, key=lambda r: (r.act_by, r.due, r.rule))


def household_rows(cases: Iterable[CaseView], catalog: RouteCatalog, today: dt.date) -> list[DeadlineRow]:
    """The deadlines of every case in the store (one household's applications), soonest first."""
    rows = [row for case in cases for row in case_rows(case, catalog, today)]
    return sorted(rows, key=lambda r: (r.act_by, r.due, r.case_id, r.rule))


def due_within(rows: Iterable[DeadlineRow], today: dt.date, days: int) -> list[DeadlineRow]:
    """Deadlines (not milestones) whose safe day is within ``days`` of today, either way: the ones
    coming up, and the ones just missed (an event years ago was surely dealt with)."""
    return [r for r in rows if r.kind == "deadline" and -days <= (r.act_by - today).days <= days]


class DeadlineColumn(IntEnum):
    ACT_BY = 0
    DUE = 1
    WHAT = 2
    WHO = 3
    RULE = 4
    SOURCE = 5


# Background per severity, readable in light and dark themes (dark text is set with it).
SEVERITY_COLOURS = {
    Severity.OVERDUE: "#f4c7c3",
    Severity.URGENT: "#fbd9a8",
    Severity.SOON: "#fff2b3",
    Severity.LATER: None,
    Severity.INFO: "#dbe9f7",
}


class DeadlinesTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DeadlineRow] = []

    def set_rows(self, rows: list[DeadlineRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[DeadlineRow]:
        return list(self._rows)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(DeadlineColumn) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(DeadlineColumn) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DeadlineColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            DeadlineColumn.ACT_BY: self.tr("Act by"),
            DeadlineColumn.DUE: self.tr("Legal last day"),
            DeadlineColumn.WHAT: self.tr("What"),
            DeadlineColumn.WHO: self.tr("Who / case"),
            DeadlineColumn.RULE: self.tr("Rule"),
            DeadlineColumn.SOURCE: self.tr("Source"),
        }.get(DeadlineColumn(section))

    def severity_text(self, severity: Severity) -> str:
        return {Severity.OVERDUE: self.tr("Overdue"), Severity.URGENT: self.tr("Within 14 days"),
                Severity.SOON: self.tr("Within 60 days"), Severity.LATER: self.tr("Later"),
                Severity.INFO: self.tr("From this day")}[severity]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = DeadlineColumn(index.column())
        if role == DeadlineRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = SEVERITY_COLOURS[row.severity]
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and SEVERITY_COLOURS[row.severity]:
            return QBrush(QColor("#202020"))
        if role == Qt.ItemDataRole.ToolTipRole:
            japanese = prefers_japanese()
            title = row.title_ja if japanese else f"{row.title_en}\n{row.title_ja}"
            notes = (in_language(note, japanese=japanese) for note in row.notes)
            return "\n".join([title, self.severity_text(row.severity), *notes])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is DeadlineColumn.ACT_BY:
            return row.act_by.isoformat()
        if column is DeadlineColumn.DUE:
            return "" if row.kind == "milestone" else row.due.isoformat()
        if column is DeadlineColumn.WHAT:
            return row.title_ja if prefers_japanese() else row.title_en
        if column is DeadlineColumn.WHO:
            return f"{row.person} · {row.case_title}" if row.person else row.case_title
        if column is DeadlineColumn.RULE:
            return row.rule
        return row.source
