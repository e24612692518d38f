"""The table models, without widgets: rows and formatted cells come from the domain's checklist."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from zairyu.domain.checklist import ChecklistItem, required_documents
from zairyu.domain.routes import FRESHNESS_RULES, ISSUER_LABELS, RouteCatalog, RouteId, Submission
from zairyu.gui.checklist_table_model import (
    BadgeRole,
    ChecklistFilterModel,
    ChecklistTableModel,
    Column,
    ItemRole,
)
from zairyu.gui.route_list_model import OtherNameRole, ProceduresRole, RouteListModel, RouteRole

Display = Qt.ItemDataRole.DisplayRole


def cell(model: ChecklistTableModel, row: int, column: Column, role: int = Display) -> object:
    return model.data(model.index(row, column), role)


def all_route_procedures(catalog: RouteCatalog) -> list[tuple[str, str]]:
    return [(route.id.value, proc.id.value) for route in catalog for proc in route.procedures]


@pytest.fixture
def model(qapp: object) -> ChecklistTableModel:
    return ChecklistTableModel(japanese=False)


def test_row_count_and_names_follow_required_documents_for_every_route(
        model: ChecklistTableModel, catalog: RouteCatalog) -> None:
    pairs = all_route_procedures(catalog)
    assert len({route for route, _ in pairs}) == len(RouteId)
    for route_id, procedure in pairs:
        items = required_documents(catalog.get(route_id), procedure)
        model.set_items(items)
        assert model.rowCount() == len(items) > 0, (route_id, procedure)
        assert model.columnCount() == len(Column)
        for row, item in enumerate(items):
            assert cell(model, row, Column.NUMBER) == str(row + 1)
            assert cell(model, row, Column.NAME_EN) == item.document.name_en
            assert cell(model, row, Column.NAME_JA) == item.document.name_ja
            assert cell(model, row, Column.ISSUER) == ISSUER_LABELS[item.document.issuer][0]
            assert cell(model, row, Column.NAME_EN, ItemRole) is item


def test_translation_freshness_and_flags_cells(model: ChecklistTableModel, catalog: RouteCatalog) -> None:
    items = [item for route_id, procedure in all_route_procedures(catalog)
             for item in required_documents(catalog.get(route_id), procedure)]
    model.set_items(items)
    seen_translation = seen_fresh = seen_conditional = False
    for row, item in enumerate(items):
        doc = item.document
        translation = cell(model, row, Column.TRANSLATION)
        badges = cell(model, row, Column.TRANSLATION, BadgeRole)
        if doc.foreign_language:
            seen_translation = True
            assert translation == "Needed"
            assert badges == [("translation", "Needed")]
        else:
            assert translation == "" and badges == []
        if doc.freshness is not None:
            seen_fresh = True
            assert cell(model, row, Column.FRESHNESS) == f"≤ {FRESHNESS_RULES[doc.freshness][0]} months"
        else:
            assert cell(model, row, Column.FRESHNESS) == ""
        flags = cell(model, row, Column.FLAGS, BadgeRole)
        assert isinstance(flags, list)
        assert (("conditional", "ONLY IF") in flags) == bool(item.conditional_en)
        assert (("unverified", "UNVERIFIED") in flags) == bool(doc.unverified)
        if item.conditional_en:
            seen_conditional = True
            assert f"Only if: {item.conditional_en}" in str(cell(model, row, Column.NOTES))
    # The data has all three kinds somewhere (diplomas need translating, certificates
    # issued in Japan expire after 3 months, category documents are conditional).
    assert seen_translation and seen_fresh and seen_conditional


def test_unverified_badge_submit_and_copies(model: ChecklistTableModel, catalog: RouteCatalog) -> None:
    doc = catalog.get("engineer-specialist").documents[0]
    unverified = dataclasses.replace(doc, unverified="no official source confirmed this entry", submit=Submission.SHOW)
    copies = dataclasses.replace(doc, submit=Submission.COPY, copies=2, unverified=None)
    model.set_items([ChecklistItem(unverified), ChecklistItem(copies)])
    assert cell(model, 0, Column.FLAGS) == "UNVERIFIED"
    assert cell(model, 0, Column.FLAGS, BadgeRole) == [("unverified", "UNVERIFIED")]
    assert "no official source confirmed" in str(cell(model, 0, Column.FLAGS, Qt.ItemDataRole.ToolTipRole))
    assert cell(model, 0, Column.SUBMIT) == "Show only"
    assert cell(model, 1, Column.SUBMIT) == "Copy ×2"
    assert cell(model, 1, Column.FLAGS) == ""


def test_japanese_interface_shows_japanese_issuers_and_notes(qapp: object, catalog: RouteCatalog) -> None:
    items = [i for r in catalog for p in r.procedures for i in required_documents(r, p.id.value)]
    with_notes = next(i for i in items if i.document.notes_ja and not i.conditional_en)
    model = ChecklistTableModel(japanese=True)
    model.set_items([with_notes])
    assert cell(model, 0, Column.ISSUER) == ISSUER_LABELS[with_notes.document.issuer][1]
    assert with_notes.document.notes_ja in str(cell(model, 0, Column.NOTES))


def test_headers_and_invalid_indexes(model: ChecklistTableModel, catalog: RouteCatalog) -> None:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers[Column.NAME_EN] == "Document"
    assert "日本語名" in str(headers[Column.NAME_JA])
    assert all(headers)
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    model.set_items(required_documents(catalog.get("hsp-1b"), "coe"))
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(model.rowCount(), 0)) is None
    assert model.rowCount(model.index(0, 0)) == 0  # a table: rows have no children


def test_set_items_resets_the_model(model: ChecklistTableModel, catalog: RouteCatalog, qtbot: QtBot) -> None:
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=1000):
        model.set_items(required_documents(catalog.get("j-find"), "coe"))
    model.set_items([])
    assert model.rowCount() == 0


def test_filter_matches_english_japanese_and_code(model: ChecklistTableModel, catalog: RouteCatalog) -> None:
    items = required_documents(catalog.get("engineer-specialist"), "coe")
    model.set_items(items)
    proxy = ChecklistFilterModel()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == len(items)
    target = items[-1].document
    for query in (target.name_ja, target.code, target.name_en.upper()):
        proxy.set_filter_text(query)
        names = [proxy.index(r, Column.NAME_JA).data() for r in range(proxy.rowCount())]
        assert target.name_ja in names, query
        assert proxy.rowCount() < len(items), query
    proxy.set_filter_text("no document is called this zzz")
    assert proxy.rowCount() == 0
    proxy.set_filter_text("")
    assert proxy.rowCount() == len(items)


def test_route_list_model_lists_all_routes(qapp: object, catalog: RouteCatalog) -> None:
    routes = RouteListModel(catalog)
    assert routes.rowCount() == len(RouteId)
    assert [routes.route(r).id for r in range(len(RouteId))] == list(RouteId)
    for row, route in enumerate(catalog):
        index = routes.index(row)
        assert index.data(Display) == route.name_en
        assert index.data(OtherNameRole) == route.name_ja
        assert index.data(RouteRole) is route
        assert len(str(index.data(ProceduresRole)).split(" · ")) == len(route.procedures)
    assert routes.row_of("permanent-residence") == 7
    assert routes.row_of("nope") is None
