"""Households in the store: a dependant's case linked to its principal's, shared documents held
once and counted in both, freshness against each filing date, the household's deadlines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.helpers import make_pdf
from zairyu.errors import UserInputError
from zairyu.store import Store, household
from zairyu.store.deadlines_link import deadlines_for_case

SHARED = "supporter-residence-card-copy"


def _principal(store: Store, route: str = "hsp-1b", procedure: str = "change", **kwargs: object) -> int:
    return store.create_case(route=route, procedure=procedure, applicant={"name": "Arjun"}, **kwargs)  # type: ignore[arg-type]


def test_a_dependants_case_is_linked_and_its_applicant_joins_the_principals_family(store: Store) -> None:
    principal = _principal(store)
    spouse = store.create_case(route="dependent", procedure="change", principal_case_id=principal, relation="spouse",
                               applicant={"name": "Mei", "birth_date": "1992-03-04"})
    case = store.get_case(spouse)
    assert case.principal_case_id == principal and case.applicant.relation == "spouse"
    assert [m.name for m in store.get_case(principal).family] == ["Mei"]
    assert [m.case_id for m in household.household_cases(store, spouse)] == [principal, spouse]


def test_a_link_the_routes_do_not_allow_is_refused_with_the_reason(store: Store) -> None:
    engineer = _principal(store, route="engineer-specialist")
    with pytest.raises(UserInputError, match="principal: a case on route engineer-specialist cannot support"):
        store.create_case(route="hsp-parent", procedure="coe", principal_case_id=engineer)
    with pytest.raises(UserInputError, match="relation: say whether"):
        store.create_case(route="dependent", procedure="coe", principal_case_id=engineer)
    with pytest.raises(UserInputError, match="no such case"):
        store.create_case(route="dependent", procedure="coe", principal_case_id=999, relation="child")
    child = store.create_case(route="dependent", procedure="coe", principal_case_id=engineer, relation="child")
    with pytest.raises(UserInputError, match="itself a dependant"):
        store.create_case(route="dependent", procedure="coe", principal_case_id=child, relation="child")
    assert len(store.case_ids()) == 2  # nothing half-written by the refusals


def test_the_principal_supplies_the_shared_documents_and_a_supporter_abroad_gives_the_contract(store: Store) -> None:
    abroad = _principal(store, procedure="coe")
    child = store.create_case(route="dependent", procedure="coe", principal_case_id=abroad, relation="child")
    codes = {d.code for d in store.get_case(child).documents}
    # A supporter still abroad has no Japanese tax certificates: the contract stands in for them.
    assert {"supporter-pay-document", SHARED, "supporter-employment-certificate"} <= codes
    assert "supporter-tax-certificates" not in codes
    assert {"supporter-pay-document", SHARED} <= {d.code for d in store.get_case(abroad).documents}
    here = _principal(store, procedure="extension")
    spouse = store.create_case(route="dependent", procedure="extension", principal_case_id=here, relation="spouse")
    assert "supporter-tax-certificates" in {d.code for d in store.get_case(spouse).documents}
    assert "supporter-pay-document" not in {d.code for d in store.get_case(spouse).documents}


def test_a_shared_document_attached_to_the_principals_case_appears_attached_in_the_dependants(
        store: Store, tmp_path: Path) -> None:
    principal = _principal(store)
    spouse = store.create_case(route="hsp-spouse-work", procedure="change", principal_case_id=principal)
    scan = make_pdf(tmp_path / "card.pdf")
    attached = store.attach(principal, SHARED, scan)
    store.set_document(principal, SHARED, status="ready", translator="Kenji Sato")
    mirrored = store.get_case(spouse).document(SHARED)
    assert [a.sha256 for a in mirrored.attachments] == [attached.sha256] and mirrored.status == "ready"
    assert mirrored.translator == "Kenji Sato"
    # Counted as done in both cases; one file in the vault.
    ready = {c.id: c.documents_ready for c in store.list_cases()}
    assert ready[principal] == ready[spouse] == 1
    assert len(list(store.vault.root.rglob("*.pdf"))) == 1
    # And back: removing it from the dependant's case removes it from the household.
    store.detach(spouse, SHARED, attached.sha256)
    assert store.get_case(principal).document(SHARED).attachments == []
    # A document of the dependant's own is not shared.
    store.set_document(spouse, "photo", status="ready")
    assert store.get_case(principal).document("photo").status == "needed"


def test_a_new_dependant_takes_what_the_household_already_holds(store: Store, tmp_path: Path) -> None:
    principal = _principal(store)
    first = store.create_case(route="hsp-spouse-work", procedure="change", principal_case_id=principal)
    store.attach(first, SHARED, make_pdf(tmp_path / "card.pdf"))
    later = store.create_case(route="hsp-parent", procedure="change", principal_case_id=principal)
    assert len(store.get_case(later).document("household-residence-certificate").attachments) == 0
    assert len(store.get_case(principal).document(SHARED).attachments) == 1
    child = store.create_case(route="dependent", procedure="change", principal_case_id=principal, relation="child")
    assert len(store.get_case(child).document(SHARED).attachments) == 1


def _stale(store: Store, case_id: int, code: str, today: dt.date) -> bool:
    case = store.get_case(case_id)
    return any(d.rule == "document_freshness" and d.subject == code and "too old" in d.title_en
               for d in deadlines_for_case(case, store.catalog, today))


def test_a_shared_certificates_freshness_follows_each_filing_date(store: Store) -> None:
    code = "household-residence-certificate"
    principal = _principal(store, target_filing_date="2027-01-10")
    spouse = store.create_case(route="hsp-spouse-work", procedure="change", principal_case_id=principal,
                               target_filing_date="2027-03-01")
    today = dt.date(2026, 12, 1)
    # Issued 2026-11-15: usable until 2027-02-15 — fresh for the principal, too old for the spouse.
    store.set_document(principal, code, issued="2026-11-15")
    assert not _stale(store, principal, code, today) and _stale(store, spouse, code, today)
    # Issued 2026-09-01: too old for both; each case flags it.
    store.set_document(spouse, code, issued="2026-09-01")
    assert _stale(store, principal, code, today) and _stale(store, spouse, code, today)


def test_deleting_the_dependant_drops_what_only_it_needed_from_the_principal(store: Store) -> None:
    principal = _principal(store)
    parent = store.create_case(route="hsp-parent", procedure="coe", principal_case_id=principal)
    assert "household-income-proof" in {d.code for d in store.get_case(principal).documents}
    store.delete_case(parent)
    assert "household-income-proof" not in {d.code for d in store.get_case(principal).documents}


def test_the_parent_and_domestic_worker_conditions_come_from_the_stored_household(store: Store) -> None:
    principal = _principal(store, annual_pay_yen=7_000_000)
    store.create_case(route="dependent", procedure="change", principal_case_id=principal, relation="child",
                      applicant={"name": "Mia", "birth_date": "2024-05-01"})
    parent = store.create_case(route="hsp-parent", procedure="coe", principal_case_id=principal,
                               target_filing_date="2027-01-10")
    found = household.eligibility(store, parent, dt.date(2026, 12, 1))
    assert found is not None and found.eligible is False
    assert [f.condition for f in found.refusals] == ["household_income"]
    # The points profile's salary is what counts when there is one; a working spouse adds theirs.
    store.update_case(principal, annual_pay_yen=5_000_000)
    store.create_case(route="hsp-spouse-work", procedure="change", principal_case_id=principal,
                      annual_pay_yen=3_000_000)
    found = household.eligibility(store, parent, dt.date(2026, 12, 1))
    assert found is not None and found.eligible is True
    worker = store.create_case(route="hsp-domestic-worker", procedure="coe", principal_case_id=principal,
                               annual_pay_yen=2_400_000, applicant={"birth_date": "1990-01-01"})
    found = household.eligibility(store, worker, dt.date(2026, 12, 1))
    assert found is not None and found.eligible is False  # ¥8M is under the worker's ¥10M
    assert household.eligibility(store, principal, dt.date(2026, 12, 1)) is None


def test_the_household_deadlines_are_one_list_with_each_person(store: Store) -> None:
    principal = _principal(store)
    store.add_event(principal, "landed", "2027-01-05")
    child = store.create_case(route="dependent", procedure="acquisition", principal_case_id=principal,
                              relation="child", applicant={"name": "Mia", "birth_date": "2027-02-20"})
    store.add_event(child, "child_born", "2027-02-20")
    found = household.household_deadlines(store, principal, dt.date(2027, 1, 1))
    events = [(d.person, d.rule, d.due) for d in found if d.rule in (
        "residence_notification", "birth_notification", "status_acquisition")]
    assert events == [("Arjun", "residence_notification", dt.date(2027, 1, 19)),
                      ("Mia", "birth_notification", dt.date(2027, 3, 5)),
                      ("Mia", "status_acquisition", dt.date(2027, 3, 22))]
    assert [d.act_by for d in found] == sorted(d.act_by for d in found)
    assert household.household_deadlines(store, child, dt.date(2027, 1, 1)) == found


def test_a_case_without_a_household_is_unchanged_by_the_migration(store: Store) -> None:
    alone = _principal(store)
    case = store.get_case(alone)
    assert case.principal_case_id is None and household.shared_documents(store, case) == []
    assert "principal_case_id" not in case.to_json()  # an archive holds one case, not its household


def test_undoing_the_removal_of_a_shared_file_puts_it_back_in_the_household(store: Store, tmp_path: Path) -> None:
    principal = _principal(store)
    spouse = store.create_case(route="hsp-spouse-work", procedure="change", principal_case_id=principal)
    attached = store.attach(spouse, SHARED, make_pdf(tmp_path / "card.pdf"))
    store.detach(principal, SHARED, attached.sha256)
    assert store.get_case(spouse).document(SHARED).attachments == []
    store.restore_attachment(principal, SHARED, attached)
    assert [a.sha256 for a in store.get_case(spouse).document(SHARED).attachments] == [attached.sha256]
