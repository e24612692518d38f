"""The routes of the catalog as a Qt list: the name in the interface's language, the name in the
other language, and the procedures."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from zairyu.domain.routes import RouteSpec
from zairyu.gui.roles import OtherNameRole, ProceduresRole, RouteIdRole, RouteRole
from zairyu.gui.ui_language import prefers_japanese

Index = QModelIndex | QPersistentModelIndex

__all__ = ["OtherNameRole", "ProceduresRole", "RouteIdRole", "RouteListModel", "RouteRole"]


class RouteListModel(QAbstractListModel):
    def __init__(self, routes: Iterable[RouteSpec], parent: Any = None, *, japanese: bool | None = None) -> None:
        super().__init__(parent)
        self._routes = list(routes)
        self._japanese = prefers_japanese() if japanese is None else japanese
        # Short procedure labels for the second line of each route (the full names are in the
        # procedure selector).
        self._procedure_labels = {
            "coe": self.tr("COE"),
            "change": self.tr("Change"),
            "extension": self.tr("Extension"),
            "application": self.tr("Application"),
            "acquisition": self.tr("Acquisition"),
        }

    def route(self, row: int) -> RouteSpec:
        return self._routes[row]

    def row_of(self, route_id: str) -> int | None:
        for row, route in enumerate(self._routes):
            if route.id.value == route_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._routes)

    def procedures_text(self, route: RouteSpec) -> str:
        return " · ".join(self._procedure_labels.get(p.id.value, p.id.value) for p in route.procedures)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._routes):
            return None
        route = self._routes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return route.name_ja if self._japanese else route.name_en
        if role == OtherNameRole:
            return route.name_en if self._japanese else route.name_ja
        if role == ProceduresRole:
            return self.procedures_text(route)
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._japanese:  # the data's summaries are in English only
                return f"{route.name_ja}\n{route.name_en}\n{route.status_ja}"
            return f"{route.name_en}\n{route.name_ja}\n\n{route.summary_en}"
        if role == RouteRole:
            return route
        if role == RouteIdRole:
            return route.id.value
        return None
