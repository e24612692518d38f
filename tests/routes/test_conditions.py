"""Conditions on the applicant's nationality, the target filing date and HSP status."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter

from zairyu.domain.checklist import required_documents
from zairyu.domain.nationality import nationality_code
from zairyu.domain.routes import RouteSpec, load_route_file
from zairyu.errors import DataFileError

_ROUTE = TypeAdapter(RouteSpec)  # route models are pydantic-validated dataclasses


def _route(**when: Any) -> RouteSpec:
    """A one-procedure route with a form and one conditional document."""
    document = {"code": "conditional-doc", "name_en": "Conditional", "name_ja": "条件付き", "issuer": "applicant",
                "translation_rule": "never", "when": when, "source": "https://www.moj.go.jp/isa/",
                "source_tier": "official"}
    return _ROUTE.validate_python({
        "id": "engineer-specialist", "name_en": "E/S", "name_ja": "技人国", "status_ja": "技人国",
        "summary_en": "test", "rules_date": "2026-12-01", "source": "https://www.moj.go.jp/isa/",
        "procedures": [{"id": "coe", "name_en": "COE", "name_ja": "認定", "source": "https://www.moj.go.jp/isa/"}],
        "documents": [{"code": "application-form-coe", "name_en": "Form", "name_ja": "申請書", "issuer": "applicant",
                       "translation_rule": "never", "source": "https://www.moj.go.jp/isa/",
                       "source_tier": "official"}, document]})


def _listed(route: RouteSpec, **kwargs: Any) -> str | bool | None:
    """False when the conditional document is not listed, else its conditional reason (None: plain)."""
    for item in required_documents(route, "coe", **kwargs):
        if item.document.code == "conditional-doc":
            return item.conditional_en
    return False


def test_a_rule_from_2026_04_15_is_absent_before_and_present_from_that_day() -> None:
    route = _route(filed_from="2026-04-15")
    assert _listed(route, filing_date=dt.date(2026, 4, 14)) is False
    assert _listed(route, filing_date=dt.date(2026, 4, 15)) is None
    assert _listed(route, filing_date=dt.date(2027, 1, 10)) is None


def test_a_rule_that_ends_is_absent_from_its_end_date() -> None:
    route = _route(filed_before="2025-12-02")
    assert _listed(route, filing_date=dt.date(2025, 12, 1)) is None
    assert _listed(route, filing_date=dt.date(2025, 12, 2)) is False


def test_no_filing_date_means_today() -> None:
    today = dt.date.today()
    assert _listed(_route(filed_from=(today + dt.timedelta(days=1)).isoformat())) is False
    assert _listed(_route(filed_from=today.isoformat())) is None


def test_a_nationality_rule_lists_the_document_for_those_nationals_only() -> None:
    route = _route(nationalities=["PHL", "NPL"])
    assert _listed(route, nationality="PHL") is None
    assert _listed(route, nationality="Philippines") is None
    assert _listed(route, nationality="ネパール") is None
    assert _listed(route, nationality="BRA") is False
    assert _listed(route, nationality="Brazil") is False


def test_an_unknown_nationality_keeps_the_document_as_a_condition() -> None:
    route = _route(nationalities=["PHL", "NPL"])
    assert _listed(route) == "if you are a national of Philippines or Nepal"
    assert _listed(route, nationality="Atlantis") == "if you are a national of Philippines or Nepal"


def test_a_rule_phased_in_by_nationality_follows_each_start_date() -> None:
    route = _route(nationalities=["PHL", "VNM"], nationality_from={"PHL": "2025-06-23", "VNM": "2025-09-01"})
    summer = dt.date(2025, 7, 1)
    assert _listed(route, nationality="PHL", filing_date=summer) is None
    assert _listed(route, nationality="VNM", filing_date=summer) is False
    assert _listed(route, nationality="VNM", filing_date=dt.date(2025, 9, 1)) is None
    # Unanswered: only the nationalities already covered are named; before any start, nothing.
    assert _listed(route, filing_date=summer) == "if you are a national of Philippines"
    assert _listed(route, filing_date=dt.date(2025, 6, 1)) is False


def test_nationality_text_is_read_as_an_iso_code() -> None:
    assert nationality_code(" phl ") == "PHL"
    assert nationality_code("Viet Nam") == "VNM"
    assert nationality_code("中国") == "CHN"
    assert nationality_code("") is None
    assert nationality_code("Atlantis") is None


def test_route_files_may_only_name_known_countries_and_consistent_dates(checklists_copy: Any) -> None:
    path = checklists_copy / "j-find.toml"
    text = path.read_text(encoding="utf-8")
    original = 'when = { procedures = ["coe"] }'
    assert original in text
    for condition, problem in (('nationalities = ["XXX"]', r"when\.nationalities\[0\]: 'XXX' is not a country"),
                               ('nationalities = ["PHL"], nationality_from = { VNM = 2025-09-01 }',
                                r"when\.nationality_from: VNM is not in nationalities"),
                               ("filed_from = 2026-04-15, filed_before = 2026-04-15",
                                r"when\.filed_before: must be after filed_from"),
                               ("hsp_holder = true", r"when\.hsp_holder: only a permanent-residence application")):
        path.write_text(text.replace(original, f'when = {{ procedures = ["coe"], {condition} }}', 1), encoding="utf-8")
        with pytest.raises(DataFileError, match=problem):
            load_route_file(path)


def test_the_hsp_holder_condition() -> None:
    document = {"code": "points-result-notice", "name_en": "Notice", "name_ja": "通知書", "issuer": "immigration",
                "translation_rule": "never", "when": {"hsp_holder": True}, "source": "https://www.moj.go.jp/isa/",
                "source_tier": "official"}
    route = _ROUTE.validate_python({
        "id": "permanent-residence", "name_en": "PR", "name_ja": "永住", "status_ja": "永住者",
        "summary_en": "test", "rules_date": "2026-12-01", "source": "https://www.moj.go.jp/isa/",
        "procedures": [{"id": "application", "name_en": "PR", "name_ja": "永住許可申請",
                        "source": "https://www.moj.go.jp/isa/"}],
        "documents": [document]})

    def listed(holder: bool | None) -> list[str | None]:
        return [i.conditional_en for i in required_documents(route, "application", hsp_holder=holder)]

    assert listed(True) == [None]
    assert listed(False) == []
    assert listed(None) == ["if you hold Highly Skilled Professional status"]


# -- the real route data ----------------------------------------------------------------------

def _codes(catalog: Any, route: str, procedure: str, **kwargs: Any) -> set[str]:
    return {i.document.code for i in required_documents(catalog.get(route), procedure, **kwargs)}


def test_the_2026_04_15_documents_of_categories_3_and_4(catalog: Any) -> None:
    new = {"representative-declaration", "language-ability-b2", "submission-check-sheet", "dispatch-pledges",
           "worker-dispatch-contract"}
    before = _codes(catalog, "engineer-specialist", "coe", employer_category=3, filing_date=dt.date(2026, 4, 14))
    on = _codes(catalog, "engineer-specialist", "coe", employer_category=3, filing_date=dt.date(2026, 4, 15))
    assert not new & before
    assert new <= on
    # Categories 1–2 get only the dispatch documents (they apply to any category).
    cat1 = _codes(catalog, "engineer-specialist", "change", employer_category=1, filing_date=dt.date(2026, 5, 1))
    assert new & cat1 == {"dispatch-pledges", "worker-dispatch-contract"}


@pytest.mark.parametrize("route", ["engineer-specialist", "hsp-1a", "hsp-1b", "hsp-1c", "j-skip", "j-find"])
def test_the_tuberculosis_certificate_by_nationality_on_every_coe(catalog: Any, route: str) -> None:
    day = dt.date(2026, 12, 1)
    assert "tuberculosis-certificate" in _codes(catalog, route, "coe", nationality="Philippines", filing_date=day)
    assert "tuberculosis-certificate" in _codes(catalog, route, "coe", nationality="VNM", filing_date=day)
    assert "tuberculosis-certificate" not in _codes(catalog, route, "coe", nationality="France", filing_date=day)
    # Indonesia is phased in from 2027-01-04; China is not announced.
    assert "tuberculosis-certificate" not in _codes(catalog, route, "coe", nationality="IDN", filing_date=day)
    assert "tuberculosis-certificate" in _codes(catalog, route, "coe", nationality="IDN",
                                                filing_date=dt.date(2027, 1, 4))
    assert "tuberculosis-certificate" not in _codes(catalog, route, "coe", nationality="CHN",
                                                    filing_date=dt.date(2027, 6, 1))
    # Inside Japan (a change of status) there is no pre-entry screening.
    procedures = {p.id.value for p in catalog.get(route).procedures}
    if "change" in procedures:
        assert "tuberculosis-certificate" not in _codes(catalog, route, "change", nationality="PHL", filing_date=day)


def test_the_checklist_command_takes_nationality_and_filing_date(cli: Any) -> None:
    import json

    def codes(*args: str) -> set[str]:
        result = cli("checklist", "--route", "engineer-specialist", "--procedure", "coe", "--employer-category", "3",
                     "--format", "json", *args)
        assert result.returncode == 0, result.stderr
        return {d["code"] for d in json.loads(result.stdout)["documents"]}

    assert "tuberculosis-certificate" in codes("--nationality", "PHL", "--filing-date", "2026-05-01")
    assert "tuberculosis-certificate" not in codes("--nationality", "FRA", "--filing-date", "2026-05-01")
    assert "representative-declaration" not in codes("--filing-date", "2026-04-14")
    assert "representative-declaration" in codes("--filing-date", "2026-04-15")
    unknown = cli("checklist", "--route", "engineer-specialist", "--procedure", "coe", "--nationality", "Atlantis")
    assert unknown.returncode == 0 and "'Atlantis' is not recognised" in unknown.stderr
    bad = cli("checklist", "--route", "engineer-specialist", "--procedure", "coe", "--filing-date", "2026-13-01")
    assert bad.returncode == 2 and "--filing-date" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
