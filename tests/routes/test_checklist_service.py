"""required_documents(): the conditions in the route files filter the list ."""

from __future__ import annotations

from typing import Any

import pytest

from zairyu.domain.checklist import required_documents
from zairyu.domain.points_items import PointsItem
from zairyu.domain.routes import RouteCatalog
from zairyu.errors import UserInputError

CATEGORY_4_PAYROLL = {"withholding-exemption-certificate", "payroll-office-opening-notice",
                      "income-tax-collection-statements"}
CATEGORY_ROUTES = ["engineer-specialist", "hsp-1a", "hsp-1b", "hsp-1c", "hsp-2", "j-skip"]
MAIN_ROUTES = [*CATEGORY_ROUTES, "j-find", "permanent-residence"]


def codes(catalog: RouteCatalog, route: str, procedure: str, **kwargs: Any) -> list[str]:
    return [i.document.code for i in required_documents(catalog.get(route), procedure, **kwargs)]


def all_cases(catalog: RouteCatalog) -> list[tuple[str, str]]:
    return [(r.id.value, p.id.value) for r in catalog for p in r.procedures]


def test_every_route_and_procedure_needs_documents(catalog: RouteCatalog) -> None:
    cases = all_cases(catalog)
    # HSP(ii): change only; J-Find: coe, change, extension; permanent residence: one application;
    # + the five family routes.
    assert len(cases) == 3 * 5 + 1 + 3 + 1 + (4 + 3 + 3 + 2 + 2)
    for route, procedure in cases:
        for category in (None, 1, 2, 3, 4):
            found = codes(catalog, route, procedure, employer_category=category, claimed_items=set())
            assert "photo" in found, (route, procedure, category)
            assert any(c.startswith("application-form-") for c in found), (route, procedure)


@pytest.mark.parametrize("category, expected", [(1, False), (2, False), (3, True), (4, True)])
def test_engineer_coe_cv_and_registry_only_for_categories_3_and_4(
        catalog: RouteCatalog, category: int, expected: bool) -> None:
    found = codes(catalog, "engineer-specialist", "coe", employer_category=category)
    assert ("cv" in found) is expected
    assert ("company-registry-certificate" in found) is expected
    assert ("financial-statements" in found) is expected


def test_engineer_category_proof_depends_on_the_category(catalog: RouteCatalog) -> None:
    assert "employer-category-proof" in codes(catalog, "engineer-specialist", "coe", employer_category=1)
    for category in (2, 3):
        found = codes(catalog, "engineer-specialist", "coe", employer_category=category)
        assert "withholding-tax-statement-total" in found
        assert "employer-category-proof" not in found
    found = codes(catalog, "engineer-specialist", "coe", employer_category=4)
    assert "withholding-tax-statement-total" not in found


def test_return_envelope_only_for_a_coe(catalog: RouteCatalog) -> None:
    for route, procedure in all_cases(catalog):
        for category in (None, 1, 4):
            found = codes(catalog, route, procedure, employer_category=category)
            assert ("return-envelope" in found) is (procedure == "coe"), (route, procedure)


def test_passport_and_card_are_shown_on_change_and_extension(catalog: RouteCatalog) -> None:
    for route, procedure in all_cases(catalog):
        items = required_documents(catalog.get(route), procedure)
        shown = {i.document.code for i in items if i.document.submit.value == "show"}
        # A newborn applying for the status (acquisition) has no residence card yet. The permission
        # for other activities is shown too if held (ISA procedure pages 16-2, 16-3, 16-4).
        expected = {"coe": set(), "acquisition": {"passport"}}.get(procedure, {"passport", "residence-card"})
        if route in MAIN_ROUTES and procedure != "coe":
            expected = expected | {"permission-other-activity"}
        assert shown == expected, (route, procedure)


@pytest.mark.parametrize("route", CATEGORY_ROUTES)
def test_category_4_payroll_documents_only_for_category_4(catalog: RouteCatalog, route: str) -> None:
    procedure = catalog.get(route).procedures[0].id.value
    for category in (1, 2, 3):
        assert not CATEGORY_4_PAYROLL & set(codes(catalog, route, procedure, employer_category=category))
    assert set(codes(catalog, route, procedure, employer_category=4)) >= CATEGORY_4_PAYROLL


def test_category_4_documents_are_conditional_when_the_category_is_unknown(catalog: RouteCatalog) -> None:
    items = required_documents(catalog.get("engineer-specialist"), "coe")
    conditional = {i.document.code: i.conditional_en for i in items}
    assert conditional["payroll-office-opening-notice"] == "employer category 4"
    assert conditional["cv"] == "employer category 3, 4"
    assert conditional["photo"] is None


def test_engineer_extension_needs_resident_tax_only_for_categories_3_and_4(catalog: RouteCatalog) -> None:
    for category, expected in ((1, False), (2, False), (3, True), (4, True)):
        found = codes(catalog, "engineer-specialist", "extension", employer_category=category)
        assert ("resident-tax-certificates" in found) is expected
        assert "cv" not in found  # the extension list has no CV or registry
        assert "company-registry-certificate" not in found
    assert "resident-tax-certificates" not in codes(catalog, "engineer-specialist", "coe", employer_category=3)


def test_evidence_only_for_claimed_items(catalog: RouteCatalog) -> None:
    route = catalog.get("hsp-1b")
    claimed = {PointsItem.EDUCATION, PointsItem.SALARY, PointsItem.JAPANESE_N1}
    found = codes(catalog, "hsp-1b", "coe", employer_category=1, claimed_items=claimed)
    evidence = {c for c in found if c.startswith("evidence-")}
    assert evidence == {"evidence-education", "evidence-salary", "evidence-japanese-n1"}
    assert "points-calculation-table" in found
    # Nothing claimed: the points table but no evidence.
    found = codes(catalog, "hsp-1b", "coe", employer_category=1, claimed_items=set())
    assert "points-calculation-table" in found
    assert not [c for c in found if c.startswith("evidence-")]
    # No profile: every evidence document, each marked with the item it proves.
    items = required_documents(route, "coe", employer_category=1)
    evidence_items = [i for i in items if i.document.code.startswith("evidence-")]
    assert len(evidence_items) == len([d for d in route.documents if d.form_number])
    assert all(i.conditional_en and "points item" in i.conditional_en for i in evidence_items)


def test_multiple_degrees_brings_the_transcript(catalog: RouteCatalog) -> None:
    found = codes(catalog, "hsp-1a", "change", employer_category=2,
                  claimed_items={PointsItem.EDUCATION, PointsItem.MULTIPLE_DEGREES})
    assert {"evidence-education", "evidence-education-transcript"} <= set(found)
    found = codes(catalog, "hsp-1a", "change", employer_category=2, claimed_items={PointsItem.EDUCATION})
    assert "evidence-education-transcript" not in found


def test_items_of_another_category_bring_no_evidence(catalog: RouteCatalog) -> None:
    # ⑳ position exists only in (c); claiming it on (b) adds nothing.
    found = codes(catalog, "hsp-1b", "coe", employer_category=1, claimed_items={PointsItem.POSITION})
    assert not [c for c in found if c.startswith("evidence-")]
    found = codes(catalog, "hsp-1c", "coe", employer_category=1, claimed_items={PointsItem.POSITION})
    assert "evidence-position" in found


@pytest.mark.parametrize("basis, present, absent", [
    (80, {"resident-tax-certificates", "points-calculation-table-1-year-before", "pension-payment-proof",
          "health-insurance-payment-proof"},
     {"resident-tax-certificates-3-years", "points-calculation-table-3-years-before", "pension-payment-proof-70",
      "health-insurance-payment-proof-70"}),
    (70, {"resident-tax-certificates-3-years", "points-calculation-table-3-years-before", "pension-payment-proof-70",
          "health-insurance-payment-proof-70"},
     {"resident-tax-certificates", "points-calculation-table-1-year-before", "pension-payment-proof",
      "health-insurance-payment-proof"}),
])
def test_pr_basis_filters(catalog: RouteCatalog, basis: int, present: set[str], absent: set[str]) -> None:
    found = set(codes(catalog, "permanent-residence", "application", pr_basis=basis))
    assert present <= found
    assert not absent & found
    assert {"points-calculation-table", "national-tax-certificate", "juminhyo-household"} <= found


def test_pr_basis_unknown_keeps_both_marked(catalog: RouteCatalog) -> None:
    items = required_documents(catalog.get("permanent-residence"), "application")
    marks = {i.document.code: i.conditional_en for i in items}
    assert marks["resident-tax-certificates"] == "on the 80-point basis"
    assert marks["resident-tax-certificates-3-years"] == "on the 70-point basis"


def test_bad_arguments_name_the_valid_values(catalog: RouteCatalog) -> None:
    es = catalog.get("engineer-specialist")
    with pytest.raises(UserInputError, match="valid: 1, 2, 3, 4"):
        required_documents(es, "coe", employer_category=5)
    with pytest.raises(UserInputError, match="valid: coe, change, extension"):
        required_documents(es, "application")
    with pytest.raises(UserInputError, match="valid: 70, 80"):
        required_documents(catalog.get("permanent-residence"), "application", pr_basis=75)
    with pytest.raises(UserInputError, match="valid: engineer-specialist, hsp-1a"):
        catalog.get("hsp-3")


@pytest.mark.parametrize("route", ["hsp-1a", "hsp-1b", "hsp-1c"])
def test_rd_over_3pct_alone_also_asks_for_the_sme_proof(catalog: RouteCatalog, route: str) -> None:
    # The form's evidence column for ⑫ reads "⑩⑫": the SME proof belongs to a ⑫ claim too.
    found = codes(catalog, route, "coe", employer_category=1, claimed_items={PointsItem.SME_RD_OVER_3PCT})
    assert {"evidence-sme-rd", "evidence-sme-brochure", "evidence-sme-capital-or-employees"} <= set(found)
    found = codes(catalog, route, "coe", employer_category=1, claimed_items={PointsItem.EDUCATION})
    assert "evidence-sme-brochure" not in found
