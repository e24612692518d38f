"""A permanent-residence case takes its 70/80-point basis from the points HISTORY, not today's total.

永住許可に関するガイドライン: the 80-point basis needs 80 points held for the year before the
application (as an HSP holder, or as of one year before); the 70-point basis 70 points for 3 years.
"""

from __future__ import annotations

import json
from typing import Any

from zairyu.domain.routes import RouteCatalog
from zairyu.store import Store

BASE = {"category": "b", "birth_date": "1992-01-15", "education": "master", "experience_years": 6, "licenses": 1}
FILING = "2026-12-01"


def _profile(date: str, points: int, **extra: Any) -> dict[str, Any]:
    """A category-b profile dated ``date`` with ``points`` (the same age band 2023–2026)."""
    salary, bonuses = {95: (8_000_000, ["japanese_n2", "designated_university"]), 85: (8_000_000, ["japanese_n2"]),
                       80: (7_000_000, ["japanese_n2"]), 75: (6_000_000, ["japanese_n2"]),
                       70: (5_000_000, ["japanese_n2"]), 60: (5_000_000, [])}[points]
    return {**BASE, "application_date": date, "annual_salary_yen": salary, "bonuses": bonuses, **extra}


def _case(store: Store, *profiles: dict[str, Any]) -> int:
    case_id = store.create_case(route="permanent-residence", procedure="application", target_filing_date=FILING)
    for profile in profiles:
        store.set_points(case_id, profile)
    return case_id


def _required(store: Store, case_id: int) -> set[str]:
    return {d.code for d in store.get_case(case_id).documents if d.required}


def _basis_documents(catalog: RouteCatalog, basis: int) -> set[str]:
    return {d.code for d in catalog.get("permanent-residence").documents if d.when.pr_basis == [basis]}


def test_80_points_held_for_the_year_by_an_hsp_holder(store: Store, catalog: RouteCatalog) -> None:
    case_id = _case(store, _profile("2025-11-01", 85, holds_hsp_status=True),
                    _profile("2026-11-20", 95, holds_hsp_status=True))
    case = store.get_case(case_id)
    assert case.pr_basis == 80
    assert "80-point basis" in (case.pr_basis_reason or "")
    listed = _required(store, case_id)
    assert _basis_documents(catalog, 80) - {"points-calculation-table-1-year-before"} <= listed
    assert not (_basis_documents(catalog, 70) & listed)
    # A holder hands in the points result notice, not the table as of a year before.
    assert "points-result-notice" in listed
    assert "points-calculation-table-1-year-before" not in listed


def test_80_points_a_year_before_only_the_one_profile_then(store: Store, catalog: RouteCatalog) -> None:
    # Not an HSP holder; one profile, as of a year before the filing date, still in force today.
    case_id = _case(store, _profile("2025-12-01", 85, holds_hsp_status=False))
    assert store.get_case(case_id).pr_basis == 80
    listed = _required(store, case_id)
    assert _basis_documents(catalog, 80) <= listed
    assert "points-calculation-table-1-year-before" in listed
    assert "points-result-notice" not in listed


def test_75_a_year_before_and_95_now_is_not_the_80_point_basis(store: Store, catalog: RouteCatalog) -> None:
    case_id = _case(store, _profile("2025-12-01", 75), _profile("2026-11-01", 95))
    case = store.get_case(case_id)
    assert case.pr_basis is None
    reason = case.pr_basis_reason or ""
    assert "75 points on 2025-12-01, below 80" in reason
    assert "2023-12-01" in reason  # the 70-point basis needs the points as of 3 years before
    # Neither basis is known: both document sets stay, as conditions to resolve.
    listed = _required(store, case_id)
    assert _basis_documents(catalog, 80) <= listed and _basis_documents(catalog, 70) <= listed

    # With 70+ points 3 years before, the same history supports the 70-point basis.
    store.set_points(case_id, _profile("2023-11-01", 70))
    case = store.get_case(case_id)
    assert case.pr_basis == 70
    assert "not the 80-point basis: 75 points on 2025-12-01" in (case.pr_basis_reason or "")
    listed = _required(store, case_id)
    assert _basis_documents(catalog, 70) <= listed and not (_basis_documents(catalog, 80) & listed)


def test_70_points_three_years_before(store: Store, catalog: RouteCatalog) -> None:
    case_id = _case(store, _profile("2023-12-01", 70), _profile("2026-12-01", 75))
    case = store.get_case(case_id)
    assert case.pr_basis == 70
    assert "70-point basis" in (case.pr_basis_reason or "")
    assert _basis_documents(catalog, 70) <= _required(store, case_id)


def test_a_dip_below_80_during_the_year_breaks_the_80_point_basis(store: Store) -> None:
    case_id = _case(store, _profile("2025-11-01", 85), _profile("2026-05-01", 75), _profile("2026-11-01", 95))
    case = store.get_case(case_id)
    assert case.pr_basis is None
    assert "75 points on 2026-05-01, below 80" in (case.pr_basis_reason or "")


def test_no_history(store: Store, catalog: RouteCatalog) -> None:
    case_id = _case(store)
    case = store.get_case(case_id)
    assert case.pr_basis is None
    assert "no points profile" in (case.pr_basis_reason or "")
    listed = _required(store, case_id)
    assert _basis_documents(catalog, 80) <= listed and _basis_documents(catalog, 70) <= listed
    # Other routes have no basis at all.
    other = store.create_case(route="engineer-specialist", procedure="coe")
    assert store.get_case(other).to_json()["pr_basis"] is None
    assert store.get_case(other).pr_basis_reason is None


def test_case_show_json_carries_the_basis_and_its_reason(store: Store) -> None:
    case_id = _case(store, _profile("2025-12-01", 85), _profile("2026-12-01", 95))
    shown = json.loads(json.dumps(store.get_case(case_id).to_json()))
    assert shown["pr_basis"] == 80
    assert shown["pr_basis_reason"].startswith("80-point basis")


def test_case_show_warns_about_paying_on_time(cli) -> None:  # type: ignore[no-untyped-def]
    from store.helpers import new_case_id

    case_id = new_case_id(cli("case", "new", "--route", "permanent-residence", "--procedure", "application").stdout)
    text = cli("case", "show", str(case_id)).stdout
    assert "Permanent-residence basis: neither (no points profile saved yet" in text
    assert "2027-04-01" in text and "on time" in text
    shown = json.loads(cli("case", "show", str(case_id), "--format", "json").stdout)
    assert "revoked" in shown["procedure_notes_en"]


def test_opening_permanent_residence_cases_without_a_profile_does_not_load_the_points_engine(
        tmp_path: Any) -> None:
    """The window reconciles every case after its first paint; without a profile there is nothing
    for the points engine (and its pydantic models) to read."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from zairyu.store import open_store\n"
        "with open_store(Path(sys.argv[1])) as store:\n"
        "    store.create_case(route='permanent-residence', procedure='application')\n"
        "with open_store(Path(sys.argv[1])) as store:\n"
        "    store.reconcile_all()\n"
        "print('zairyu.domain.points' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "data")], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "False", result.stderr
