"""The workspace sidebar: the household's applicants and, under each, their cases.

A two-level tree over the session's case summaries: applicant rows (by the applicant's id) with
one child row per case. When the session says the cases changed, rows whose case or applicant is
still there get ``dataChanged``; only a case added or removed rebuilds the tree.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from zairyu.domain.routes import RouteCatalog
from zairyu.errors import ZairyuError
from zairyu.gui.case_session import CaseSession
from zairyu.gui.roles import ApplicantIdRole, CaseIdRole, CaseRole
from zairyu.gui.ui_language import prefers_japanese
from zairyu.store.models import CaseSummary

Index = QModelIndex | QPersistentModelIndex
_TOP = 0xFFFFFFFF  # internalId of applicant rows; a case row holds its applicant's row number


def route_name(catalog: RouteCatalog, route_id: str, *, japanese: bool) -> str:
    try:
        route = catalog.get(route_id)
    except ZairyuError:  # a case of a route the data no longer has: show its id
        return route_id
    return route.name_ja if japanese else route.name_en


def procedure_name(catalog: RouteCatalog, route_id: str, procedure: str, *, japanese: bool) -> str:
    try:
        spec = catalog.get(route_id).procedure(procedure)
    except ZairyuError:
        return procedure
    return spec.name_ja if japanese else spec.name_en


class CaseTreeModel(QAbstractItemModel):
    def __init__(self, session: CaseSession, parent: Any = None, *, japanese: bool | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._japanese = prefers_japanese() if japanese is None else japanese
        # [(applicant_id, applicant name, [cases])], in the order of their first case.
        self._groups: list[tuple[int, str, list[CaseSummary]]] = []
        session.cases_changed.connect(self.reload)
        self.reload()

    def _grouped(self) -> list[tuple[int, str, list[CaseSummary]]]:
        try:
            cases = self._session.list_cases()
        except ZairyuError:
            cases = []
        groups: dict[int, tuple[int, str, list[CaseSummary]]] = {}
        for case in cases:
            groups.setdefault(case.applicant_id, (case.applicant_id, case.applicant_name, []))[2].append(case)
        return list(groups.values())

    def reload(self) -> None:
        groups = self._grouped()
        shape = [(g[0], [c.id for c in g[2]]) for g in groups]
        if shape != [(g[0], [c.id for c in g[2]]) for g in self._groups]:
            self.beginResetModel()
            self._groups = groups
            self.endResetModel()
            return
        self._groups = groups
        for row, (_id, _name, cases) in enumerate(groups):
            top = self.index(row, 0)
            self.dataChanged.emit(top, top)
            if cases:
                self.dataChanged.emit(self.index(0, 0, top), self.index(len(cases) - 1, 0, top))

    # -- lookups --------------------------------------------------------------------------------

    def case_ids(self) -> list[int]:
        return [case.id for _id, _name, cases in self._groups for case in cases]

    def index_of_case(self, case_id: int) -> QModelIndex:
        for row, (_id, _name, cases) in enumerate(self._groups):
            for child, case in enumerate(cases):
                if case.id == case_id:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def applicant_ids(self) -> list[int]:
        return [group[0] for group in self._groups]

    # -- Qt model interface ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _TOP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _TOP:
            return QModelIndex()
        cases = self._groups[parent.row()][2]
        return self.createIndex(row, 0, parent.row()) if row < len(cases) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP:
            return len(self._groups[parent.row()][2])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            applicant_id, name, cases = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return name or self.tr("Applicant without a name")
            if role == ApplicantIdRole:
                return applicant_id
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{count} case(s)").format(count=len(cases))
            return None
        case = self._groups[int(index.internalId())][2][index.row()]
        catalog = self._session.catalog
        if role == Qt.ItemDataRole.DisplayRole:
            title = case.title or route_name(catalog, case.route, japanese=self._japanese)
            progress = self.tr("{ready} of {total} ready").format(ready=case.documents_ready,
                                                                  total=case.documents_total)
            return f"{title}\n{progress}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((route_name(catalog, case.route, japanese=self._japanese),
                              procedure_name(catalog, case.route, case.procedure, japanese=self._japanese)))
        if role == CaseIdRole:
            return case.id
        if role == CaseRole:
            return case
        if role == ApplicantIdRole:
            return case.applicant_id
        return None
