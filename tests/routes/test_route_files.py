"""The route files in checklists/: they validate and say what their sources say."""

from __future__ import annotations

import pytest

from zairyu.domain.points_items import FORM_NUMBER, PointsItem
from zairyu.domain.routes import (
    DocumentSpec,
    FreshnessRule,
    Issuer,
    Procedure,
    RouteCatalog,
    RouteId,
    RouteSpec,
    Submission,
    load_route_file,
)
from zairyu.paths import checklists_dir

EXPECTED_PROCEDURES = {
    "engineer-specialist": ["coe", "change", "extension"],
    "hsp-1a": ["coe", "change", "extension"],
    "hsp-1b": ["coe", "change", "extension"],
    "hsp-1c": ["coe", "change", "extension"],
    "hsp-2": ["change"],  # only by change of status
    "j-skip": ["coe", "change", "extension"],
    "j-find": ["coe", "change", "extension"],  # MOFA: extension up to 2 years; change inside Japan too
    "permanent-residence": ["application"],
    "dependent": ["coe", "change", "extension", "acquisition"],  # acquisition: a child born in Japan
    "hsp-spouse-work": ["coe", "change", "extension"],
    "hsp-parent": ["coe", "change", "extension"],
    "hsp-domestic-worker": ["coe", "extension"],
    "j-find-family": ["coe", "extension"],
}

# The evidence rows of the points form that exist in each category :
# ④–⑦ only (a)/(b), ⑧ only (b), ⑲ ⑳ only (c), ㉑ only (b)/(c).
ALL_ROWS = set("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑")
ROWS = {
    "hsp-1a": ALL_ROWS - set("⑧⑲⑳㉑"),
    "hsp-1b": ALL_ROWS - set("⑲⑳"),
    "hsp-1c": ALL_ROWS - set("④⑤⑥⑦⑧"),
    "hsp-2": ALL_ROWS,
    "permanent-residence": ALL_ROWS,
}
CATEGORY_ITEMS = {
    "hsp-1a": set(PointsItem) - {PointsItem.LICENSES, PointsItem.INVESTMENT_100M, PointsItem.POSITION,
                                 PointsItem.INVESTMENT_MANAGEMENT},
    "hsp-1b": set(PointsItem) - {PointsItem.INVESTMENT_100M, PointsItem.POSITION},
    "hsp-1c": set(PointsItem) - {PointsItem.RESEARCH_PATENT, PointsItem.RESEARCH_GRANTS,
                                 PointsItem.RESEARCH_PAPERS, PointsItem.RESEARCH_OTHER, PointsItem.LICENSES},
}


def test_the_catalog_has_all_routes_with_their_procedures(catalog: RouteCatalog) -> None:
    got = {route.id.value: [p.id.value for p in route.procedures] for route in catalog}
    assert got == EXPECTED_PROCEDURES


@pytest.mark.parametrize("route_id", [r.value for r in RouteId])
def test_each_route_file_validates_on_its_own(route_id: str) -> None:
    route = load_route_file(checklists_dir() / f"{route_id}.toml")
    assert route.id == route_id
    assert route.documents


def test_every_document_cites_a_source_url(catalog: RouteCatalog) -> None:
    for route in catalog:
        assert route.source.startswith("http")
        for proc in route.procedures:
            assert proc.source.startswith("http"), (route.id, proc.id)
        for doc in route.documents:
            assert doc.source.startswith("http"), (route.id, doc.code)


def test_a_code_means_the_same_document_in_every_route(catalog: RouteCatalog) -> None:
    seen: dict[str, tuple[str, Issuer, Submission, bool]] = {}
    for route in catalog:
        for doc in route.documents:
            key = (doc.issuer, doc.submit, doc.foreign_language)
            if doc.code in seen:
                first_route, *first = seen[doc.code]
                assert tuple(first) == key, f"{doc.code}: {route.id} differs from {first_route}"
            else:
                seen[doc.code] = (route.id.value, *key)


def test_shared_documents_have_one_japanese_name(catalog: RouteCatalog) -> None:
    names = {"photo": "写真（縦4cm×横3cm）", "passport": "旅券", "residence-card": "在留カード",
             "return-envelope": "返信用封筒", "application-form-coe": "在留資格認定証明書交付申請書",
             "application-form-change": "在留資格変更許可申請書",
             "application-form-extension": "在留期間更新許可申請書", "points-calculation-table": "ポイント計算表"}
    for route in catalog:
        for doc in route.documents:
            if doc.code in names:
                assert doc.name_ja == names[doc.code], (route.id, doc.code)


def test_certificates_issued_in_japan_must_be_recent(catalog: RouteCatalog) -> None:
    # 日本で発行される証明書は全て，発行日から3か月以内
    japanese_offices = {Issuer.MUNICIPAL_OFFICE, Issuer.TAX_OFFICE, Issuer.LEGAL_AFFAIRS_BUREAU}
    for route in catalog:
        for doc in route.documents:
            if doc.issuer in japanese_offices and doc.submit == Submission.ORIGINAL:
                assert doc.freshness == FreshnessRule.JAPAN_CERTIFICATE_3_MONTHS, (route.id, doc.code)
            if doc.issuer in japanese_offices:
                assert not doc.foreign_language, (route.id, doc.code)
        photo = next(d for d in route.documents if d.code == "photo")
        assert photo.freshness == FreshnessRule.PHOTO_6_MONTHS


def test_passport_and_residence_card_are_shown_never_submitted_and_never_for_a_coe(catalog: RouteCatalog) -> None:
    for route in catalog:
        non_coe = [p.id for p in route.procedures if p.id != Procedure.COE]
        for code in ("passport", "residence-card"):
            docs = [d for d in route.documents if d.code == code]
            if not non_coe:
                assert not docs
                continue
            (doc,) = docs
            assert doc.submit == Submission.SHOW
            assert Procedure.COE not in (doc.when.procedures or [])
            # A newborn applying for the status (acquisition) has no residence card yet.
            expected = set(non_coe) - ({Procedure.ACQUISITION} if code == "residence-card" else set())
            assert set(doc.when.procedures or []) == expected, route.id


def test_each_procedure_has_its_own_application_form(catalog: RouteCatalog) -> None:
    form_of = {"coe": "application-form-coe", "change": "application-form-change",
               "extension": "application-form-extension", "application": "application-form-pr",
               "acquisition": "application-form-acquisition"}
    for route in catalog:
        forms = {d.code for d in route.documents if d.code.startswith("application-form-")}
        assert forms == {form_of[p.id] for p in route.procedures}, route.id


@pytest.mark.parametrize("route_id", sorted(ROWS))
def test_hsp_routes_carry_exactly_the_evidence_rows_of_their_category(catalog: RouteCatalog, route_id: str) -> None:
    route = catalog.get(route_id)
    rows = {d.form_number for d in route.documents if d.form_number}
    assert rows == ROWS[route_id]
    assert any(d.code == "points-calculation-table" for d in route.documents)
    for doc in route.documents:
        if doc.form_number:
            assert doc.when.points_items, doc.code
            # A document may prove items of several rows (the SME proof serves ⑩ and ⑫), but its
            # printed row is one of them.
            assert doc.form_number in {FORM_NUMBER[i] for i in doc.when.points_items}
            if route_id in CATEGORY_ITEMS:
                assert set(doc.when.points_items) <= CATEGORY_ITEMS[route_id], doc.code


def test_every_points_item_has_evidence_on_the_routes_that_take_any_category(catalog: RouteCatalog) -> None:
    for route_id in ("hsp-2", "permanent-residence"):
        proved = {i for d in catalog.get(route_id).documents for i in d.when.points_items or []}
        # Age is proved by the passport / residence card; it has no evidence row on the form.
        assert proved == set(PointsItem) - {PointsItem.AGE}, route_id


def test_the_category_routes_and_the_points_routes_are_flagged(catalog: RouteCatalog) -> None:
    flags = {r.id.value: (r.uses_employer_category, r.uses_points) for r in catalog}
    assert flags["engineer-specialist"] == (True, False)
    assert flags["hsp-1b"] == (True, True)
    assert flags["j-skip"] == (True, False)  # no points table: J-Skip is salary + degree/experience
    assert flags["j-find"] == (False, False)
    assert flags["permanent-residence"] == (False, True)


def _doc(route: RouteSpec, code: str) -> DocumentSpec:
    return next(d for d in route.documents if d.code == code)


def test_unverified_facts_are_marked_in_the_data(catalog: RouteCatalog) -> None:
    es = catalog.get("engineer-specialist")
    for code in ("withholding-exemption-certificate", "payroll-office-opening-notice",
                 "income-tax-collection-statements"):
        assert _doc(es, code).unverified
    assert _doc(catalog.get("hsp-1b"), "resident-tax-certificates").unverified  # HSP(i) extension list
    assert all(d.unverified for d in catalog.get("hsp-2").documents
               if d.code in {"resident-tax-certificates", "pension-payment-proof-2-years",
                             "health-insurance-payment-proof-2-years"})
    pr = catalog.get("permanent-residence")
    assert "70-point basis" in (_doc(pr, "pension-payment-proof-70").unverified or "")  # the period
    assert "70-point basis" in (_doc(pr, "health-insurance-payment-proof-70").unverified or "")
    assert _doc(pr, "acknowledgement-letter").unverified  # 了解書
    jfind = catalog.get("j-find")
    extension_only = [d for d in jfind.documents if d.when.procedures == [Procedure.EXTENSION]]
    # The passport and card (shown on a change or an extension) follow the ISA procedure pages; the
    # rest of the extension list is not sourced.
    assert {d.code for d in extension_only} == {"application-form-extension", "activity-report", "livelihood-proof"}
    assert all(d.unverified for d in extension_only)
    assert all(d.unverified for d in catalog.get("j-skip").documents if d.code.startswith("evidence-"))


def test_foreign_documents_need_translation_and_japanese_ones_do_not(catalog: RouteCatalog) -> None:
    es = catalog.get("engineer-specialist")
    assert _doc(es, "cv").foreign_language
    assert _doc(es, "diploma").foreign_language
    assert _doc(es, "employment-certificate-experience").foreign_language
    assert not _doc(es, "resident-tax-certificates").foreign_language
    assert not _doc(es, "company-registry-certificate").foreign_language
    hsp = catalog.get("hsp-1b")
    assert _doc(hsp, "evidence-education").foreign_language
    assert not _doc(hsp, "evidence-japanese-university").foreign_language


def test_permanent_residence_distinguishes_the_two_bases(catalog: RouteCatalog) -> None:
    pr = catalog.get("permanent-residence")
    assert _doc(pr, "resident-tax-certificates").when.pr_basis == [80]
    assert _doc(pr, "resident-tax-certificates-3-years").when.pr_basis == [70]
    assert _doc(pr, "points-calculation-table-1-year-before").when.pr_basis == [80]
    assert _doc(pr, "points-calculation-table-3-years-before").when.pr_basis == [70]
    assert _doc(pr, "points-calculation-table").when.pr_basis is None  # "now" on both bases
