"""The family routes: each procedure lists the relationship and the supporter's documents, the
documents the principal supplies are marked shared, and conditions follow the principal's route."""

from __future__ import annotations

from pathlib import Path

import pytest

from zairyu.domain.checklist import required_documents
from zairyu.domain.routes import Procedure, RouteCatalog, RouteId, TranslationRule, load_route_file
from zairyu.errors import DataFileError, UserInputError

FAMILY_ROUTES = ["dependent", "hsp-spouse-work", "hsp-parent", "hsp-domestic-worker", "j-find-family"]
# The document that proves the family tie, and the procedures that ask for it (a working spouse's
# extension does not: the marriage was shown at the change or COE), per route.
RELATIONSHIP = {"dependent": ("relationship-certificate-foreign", {"coe", "change", "extension"}),
                "hsp-spouse-work": ("relationship-certificate-foreign", {"coe", "change"}),
                "hsp-parent": ("relationship-certificate", {"coe", "change", "extension"}),
                "j-find-family": ("relationship-certificate-foreign", {"coe", "extension"})}
SUPPORTER = {"dependent": "supporter-residence-card-copy", "hsp-spouse-work": "supporter-residence-card-copy",
             "hsp-parent": "household-income-proof", "hsp-domestic-worker": "household-income-proof",
             "j-find-family": "supporter-residence-card-copy"}


def _codes(catalog: RouteCatalog, route: str, procedure: str, **kwargs: object) -> dict[str, str | None]:
    return {i.document.code: i.conditional_en
            for i in required_documents(catalog.get(route), procedure, **kwargs)}  # type: ignore[arg-type]


@pytest.mark.parametrize("route_id", FAMILY_ROUTES)
def test_each_procedure_lists_the_relationship_and_the_supporters_documents(
        catalog: RouteCatalog, route_id: str) -> None:
    route = catalog.get(route_id)
    assert route.is_family_route and route.source.startswith("https://")
    for procedure in route.procedures:
        if procedure.id is Procedure.ACQUISITION:  # a newborn: the birth-acceptance certificate proves it
            assert "birth-acceptance-certificate" in _codes(catalog, route_id, procedure.id.value)
            continue
        codes = _codes(catalog, route_id, procedure.id.value)
        assert SUPPORTER[route_id] in codes, procedure.id
        if route_id in RELATIONSHIP:
            code, procedures = RELATIONSHIP[route_id]
            assert (code in codes) is (procedure.id.value in procedures), procedure.id


@pytest.mark.parametrize("route_id", FAMILY_ROUTES)
def test_foreign_relationship_certificates_need_a_translation_and_japanese_ones_are_fresh(
        catalog: RouteCatalog, route_id: str) -> None:
    for doc in catalog.get(route_id).documents:
        if doc.code.startswith("relationship-certificate") and doc.issuer.value == "government_body":
            assert doc.translation_rule is TranslationRule.ALWAYS, (route_id, doc.code)
        if doc.issuer.value == "municipal_office":
            assert doc.freshness is not None and doc.translation_rule is TranslationRule.NEVER, (route_id, doc.code)
        if doc.unverified is not None:
            assert len(doc.unverified) > 20


def test_the_principal_supplies_the_employment_tax_and_residence_card_documents(catalog: RouteCatalog) -> None:
    shared = {d.code for d in catalog.get("dependent").documents if d.shared_with_principal}
    assert {"supporter-residence-card-copy", "supporter-employment-certificate", "supporter-tax-certificates"} <= shared
    own = {d.code for d in catalog.get("dependent").documents if not d.shared_with_principal}
    assert {"photo", "relationship-certificate-foreign", "application-form-coe"} <= own


def test_a_dependant_of_an_hsp_holder_and_of_an_engineer_get_the_same_dependent_list(catalog: RouteCatalog) -> None:
    hsp = _codes(catalog, "dependent", "change", principal_route="hsp-1b", principal_abroad=False)
    engineer = _codes(catalog, "dependent", "change", principal_route="engineer-specialist", principal_abroad=False)
    assert hsp == engineer and "supporter-tax-certificates" in hsp
    # The HSP benefits are refused for an engineer's spouse, with the reason.
    with pytest.raises(UserInputError, match="the principal must be on hsp-1a, hsp-1b, hsp-1c, hsp-2, j-skip"):
        required_documents(catalog.get("hsp-spouse-work"), "coe", principal_route="engineer-specialist")


def test_a_j_skip_principal_adds_the_special_certificate_and_an_unknown_principal_keeps_it_conditional(
        catalog: RouteCatalog) -> None:
    for route in ("hsp-spouse-work", "hsp-domestic-worker"):
        assert "j-skip-certificate-copy" in _codes(catalog, route, "coe", principal_route=RouteId.J_SKIP.value)
        assert "j-skip-certificate-copy" not in _codes(catalog, route, "coe", principal_route="hsp-1b")
        unknown = _codes(catalog, route, "coe")
        assert unknown["j-skip-certificate-copy"] == "if the principal's route is j-skip"


def test_a_supporter_abroad_gives_the_contract_and_one_in_japan_the_tax_certificates(catalog: RouteCatalog) -> None:
    abroad = _codes(catalog, "dependent", "coe", principal_route="hsp-1b", principal_abroad=True)
    here = _codes(catalog, "dependent", "coe", principal_route="hsp-1b", principal_abroad=False)
    assert "supporter-pay-document" in abroad and "supporter-tax-certificates" not in abroad
    assert "supporter-tax-certificates" in here and "supporter-pay-document" not in here
    assert _codes(catalog, "dependent", "coe")["supporter-tax-certificates"] == "if the principal is in Japan"


def test_a_route_that_is_not_a_family_route_has_no_principal_conditions(checklists_copy: Path) -> None:
    path = checklists_copy / "j-find.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'code = "cv"\n', 'code = "cv"\nshared_with_principal = true\n'), encoding="utf-8")
    with pytest.raises(DataFileError, match="only a family route"):
        load_route_file(path)


def test_the_checklist_command_takes_the_principals_route_and_whereabouts(cli) -> None:  # type: ignore[no-untyped-def]
    import json

    shown = cli("checklist", "--route", "dependent", "--procedure", "coe", "--principal-route", "hsp-1b",
                "--principal-abroad", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    codes = [d["code"] for d in json.loads(shown.stdout)["documents"]]
    assert "supporter-pay-document" in codes and "supporter-tax-certificates" not in codes
    refused = cli("checklist", "--route", "hsp-parent", "--procedure", "coe",
                  "--principal-route", "engineer-specialist")
    assert refused.returncode == 2
    assert refused.stderr.startswith("zairyu: principal: a case on route engineer-specialist")
