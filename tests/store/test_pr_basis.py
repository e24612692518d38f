"""A permanent-residence case sorts its 70/80-point documents by its stored points (facts.md §1.8, §5.7)."""

from __future__ import annotations

from zairyu.domain.routes import RouteCatalog
from zairyu.store import Store

BASE = {"category": "b", "application_date": "2026-12-01", "birth_date": "1992-01-15", "education": "master",
        "experience_years": 6, "licenses": 1, "bonuses": ["japanese_n2", "designated_university"]}


def _basis_documents(catalog: RouteCatalog, basis: int) -> set[str]:
    route = catalog.get("permanent-residence")
    return {d.code for d in route.documents if d.when.pr_basis == [basis]}


def test_the_stored_profile_decides_the_basis(store: Store, catalog: RouteCatalog) -> None:
    only_80, only_70 = _basis_documents(catalog, 80), _basis_documents(catalog, 70)
    assert only_80 and only_70
    case_id = store.create_case(route="permanent-residence", procedure="application")
    listed = {d.code for d in store.get_case(case_id).documents if d.required}
    assert only_80 <= listed and only_70 <= listed  # no profile yet: both stay, as conditions

    store.set_points(case_id, {**BASE, "annual_salary_yen": 8_000_000})  # 95 points: the 80-point basis
    listed = {d.code for d in store.get_case(case_id).documents if d.required}
    assert only_80 <= listed and not (only_70 & listed)

    store.set_points(case_id, {**BASE, "annual_salary_yen": 5_000_000, "bonuses": []})  # 45+: below 80
    listed = {d.code for d in store.get_case(case_id).documents if d.required}
    assert only_70 <= listed and not (only_80 & listed)
