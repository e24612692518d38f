"""Checks from a document-by-document audit of the route files against their sources.

Each test pins one thing the audit found wrong or missing, so it cannot quietly come back.
"""

from __future__ import annotations

import pytest

from zairyu.domain.routes import (
    ISSUER_LABELS,
    DocumentSpec,
    FreshnessRule,
    Issuer,
    Procedure,
    RouteCatalog,
    RouteSpec,
)

CATEGORY_ROUTES = ["engineer-specialist", "hsp-1a", "hsp-1b", "hsp-1c", "hsp-2", "j-skip"]


def _doc(route: RouteSpec, code: str) -> DocumentSpec:
    return next(d for d in route.documents if d.code == code)


def _codes(route: RouteSpec) -> set[str]:
    return {d.code for d in route.documents}


def test_the_return_envelope_says_the_postage_is_derived_and_when_it_is_not_needed(catalog: RouteCatalog) -> None:
    # ¥460 is derived from postal rates (UNVERIFIED as an ISA figure); no envelope
    # when the COE is received by e-mail, online or after online user registration at the counter.
    coe_routes = [r for r in catalog if any(p.id == Procedure.COE for p in r.procedures)]
    assert len(coe_routes) == 6 + 5  # and the five family routes
    for route in coe_routes:
        envelope = _doc(route, "return-envelope")
        assert envelope.when.procedures == [Procedure.COE], route.id
        assert "¥460" in envelope.notes_en and "UNVERIFIED" in envelope.notes_en, route.id
        assert "e-mail" in envelope.notes_en and "user registration" in envelope.notes_en, route.id
        assert "電子メール" in envelope.notes_ja, route.id


@pytest.mark.parametrize("route_id", CATEGORY_ROUTES)
def test_the_category_4_documents_are_a_faithful_split_of_the_facts_wording(
    catalog: RouteCatalog, route_id: str
) -> None:
    # One combined name in the practitioner lists; both "等" belong to the documents they follow.
    combined = ("源泉徴収の免除を受ける機関の場合は外国法人の源泉徴収に対する免除証明書等；それ以外は"
                "給与支払事務所等の開設届出書の写し及び直近3か月分の給与所得・退職所得等の所得税徴収高計算書"
                "（領収日付印のあるもの）等")
    route = catalog.get(route_id)
    exempt, notice, statements = (_doc(route, c).name_ja for c in (
        "withholding-exemption-certificate", "payroll-office-opening-notice", "income-tax-collection-statements"))
    assert f"源泉徴収の免除を受ける機関の場合は{exempt}；それ以外は{notice}及び{statements}" == combined
    for code in ("withholding-exemption-certificate", "payroll-office-opening-notice",
                 "income-tax-collection-statements"):
        assert _doc(route, code).when.employer_categories == [4]
        assert _doc(route, code).unverified


@pytest.mark.parametrize("route_id", CATEGORY_ROUTES)
def test_certificates_from_japanese_schools_must_be_recent_too(catalog: RouteCatalog, route_id: str) -> None:
    # every certificate issued in Japan, not only those of public offices. The 専門士 title
    # is awarded by a Japanese vocational school; a student changing status has a Japanese school.
    route = catalog.get(route_id)
    for code in ("senmonshi-certificate", "student-transcript-attendance", "evidence-japanese-university"):
        if code in _codes(route):
            doc = _doc(route, code)
            assert doc.freshness == FreshnessRule.JAPAN_CERTIFICATE_3_MONTHS, (route_id, code)
            assert not doc.foreign_language, (route_id, code)


def test_it_notice_exam_certificates_are_flagged_for_translation(catalog: RouteCatalog) -> None:
    # Most exams listed in the IT notice are foreign ; their certificates need a translation.
    for route in catalog:
        if "it-exam-certificate" in _codes(route):
            assert _doc(route, "it-exam-certificate").foreign_language, route.id


def test_evidence_rows_8_and_21_use_the_wording_of_the_points_form(catalog: RouteCatalog) -> None:
    # 930001673.xls, sheet 疎明資料（基本例）, rows ⑧ and ㉑ (the form is the source, not a shortening).
    row8 = ("従事しようとする業務に関連する日本の国家資格（業務独占資格又は名称独占資格）を保有し，"
            "又はIT告示に定める試験に合格し若しくは資格を保有することを証する文書（例えば，合格証明書の写し）")
    row21 = ("申請人の所属機関の金融商品取引法第２８条第２項に規定する第二種金融商品取引業，同条第３項に規定する"
             "投資助言・代理業又は同条第４項に規定する投資運用業に係る登録済通知書写し等")
    seen = set()
    for route in catalog:
        for doc in route.documents:
            if doc.code == "evidence-licenses":
                assert doc.name_ja == row8, route.id
                seen.add(("⑧", route.id.value))
            if doc.code == "evidence-investment-management-registration":
                assert doc.name_ja == row21, route.id
                seen.add(("㉑", route.id.value))
    assert {r for n, r in seen if n == "⑧"} == {"hsp-1b", "hsp-2", "permanent-residence"}
    assert {r for n, r in seen if n == "㉑"} == {"hsp-1b", "hsp-1c", "hsp-2", "permanent-residence"}


def test_j_find_document_names_are_marked_as_secondary(catalog: RouteCatalog) -> None:
    # the exact J-Find document names come from secondary sources.
    jfind = catalog.get("j-find")
    for code in ("diploma", "cv", "stay-plan", "bank-balance"):
        assert _doc(jfind, code).unverified, code
    # The applicant writes the stay plan abroad, like the CV.
    assert _doc(jfind, "stay-plan").foreign_language
    assert _doc(jfind, "cv").foreign_language


def test_j_skip_business_management_thresholds_are_marked_unverified(catalog: RouteCatalog) -> None:
    # ¥40M and 5 years come from practitioners; the ordinance excerpt was cut.
    jskip = catalog.get("j-skip")
    for code in ("evidence-salary", "evidence-experience"):
        text = _doc(jskip, code).unverified or ""
        assert "¥40,000,000" in text and "5 years" in text, code


def test_engineer_specialist_forms_cite_the_list_of_their_own_procedure(catalog: RouteCatalog) -> None:
    es = catalog.get("engineer-specialist")
    for code, procedure in (("application-form-coe", "coe"), ("application-form-change", "change"),
                            ("application-form-extension", "extension")):
        assert _doc(es, code).source == es.procedure(procedure).source, code


def test_plain_english_names_for_jargon(catalog: RouteCatalog) -> None:
    # A non-lawyer does not know "Shikiho" or "FIEA"; a vocational school is not a university.
    for route in catalog:
        for doc in route.documents:
            assert "Shikiho" not in doc.name_en and "FIEA" not in doc.name_en, (route.id, doc.code)
    assert ISSUER_LABELS[Issuer.UNIVERSITY][0] == "University or school"
    assert _doc(catalog.get("engineer-specialist"), "senmonshi-certificate").issuer == Issuer.UNIVERSITY


def test_j_skip_summary_and_certificate_note(catalog: RouteCatalog) -> None:
    # (ア) a doctor's, master's or professional degree; §2.2: the certificate comes with
    # the permission, whether it is a COE or a change of status.
    jskip = catalog.get("j-skip")
    assert "doctor's" in jskip.summary_en and "unverified" in jskip.summary_en
    for procedure in ("coe", "change"):
        assert "特別高度人材証明書" in jskip.procedure(procedure).notes_en


def test_the_rd_evidence_period_keeps_the_forms_exceptions(catalog: RouteCatalog) -> None:
    # 930001673.xls row ⑫: 前事業年度（申請日が前事業年度経過後２か月以内の場合は前々事業年度）;
    # sole proprietors: 前年１年間（申請日が１月から３月の場合は前々年）.
    for route_id in ("hsp-1a", "hsp-1b", "hsp-1c", "hsp-2", "permanent-residence"):
        notes = _doc(catalog.get(route_id), "evidence-sme-rd").notes_en
        assert "within 2 months" in notes and "January–March" in notes, route_id
