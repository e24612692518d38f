"""A case's checklist follows the applicant's nationality and the target filing date, and changes
when either changes (reconciled in the same transaction)."""

from __future__ import annotations

from zairyu.store import Store


def _required(store: Store, case_id: int) -> set[str]:
    return {d.code for d in store.get_case(case_id).documents if d.required}


def test_the_tuberculosis_certificate_follows_the_applicants_nationality(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe", target_filing_date="2026-12-01",
                                applicant={"nationality": "Philippines"})
    assert "tuberculosis-certificate" in _required(store, case_id)
    store.update_applicant(store.case_applicant_id(case_id), nationality="France")
    assert "tuberculosis-certificate" not in _required(store, case_id)
    store.update_applicant(store.case_applicant_id(case_id), nationality="ネパール")
    assert "tuberculosis-certificate" in _required(store, case_id)


def test_rules_of_2026_04_15_follow_the_target_filing_date(store: Store) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="change", employer_category=3,
                                target_filing_date="2026-04-14")
    assert "representative-declaration" not in _required(store, case_id)
    store.update_case(case_id, target_filing_date="2026-04-15")
    assert "representative-declaration" in _required(store, case_id)
    store.update_case(case_id, target_filing_date="2026-04-10")
    assert "representative-declaration" not in _required(store, case_id)
