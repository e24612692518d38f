"""`zairyu routes` and `zairyu checklist` run as a subprocess (the public CLI contract)."""

from __future__ import annotations

import json
from collections.abc import Callable
from subprocess import CompletedProcess

import pytest

from zairyu.domain.routes import RouteCatalog

Cli = Callable[..., CompletedProcess[str]]
ROUTE_IDS = ["engineer-specialist", "hsp-1a", "hsp-1b", "hsp-1c", "hsp-2", "j-skip", "j-find",
             "permanent-residence", "dependent", "hsp-spouse-work", "hsp-parent", "hsp-domestic-worker",
             "j-find-family"]


def test_routes_json_lists_all_routes_with_procedures(cli: Cli) -> None:
    result = cli("routes", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    routes = {r["id"]: r for r in data["routes"]}
    assert list(routes) == ROUTE_IDS
    assert [p["id"] for p in routes["hsp-2"]["procedures"]] == ["change"]
    assert [p["id"] for p in routes["permanent-residence"]["procedures"]] == ["application"]
    assert [p["id"] for p in routes["engineer-specialist"]["procedures"]] == ["coe", "change", "extension"]
    assert routes["engineer-specialist"]["name_ja"] == "技術・人文知識・国際業務"
    assert all(p["name_ja"] for r in data["routes"] for p in r["procedures"])


def test_routes_text_shows_the_japanese_names(cli: Cli) -> None:
    result = cli("routes")
    assert result.returncode == 0, result.stderr
    assert "高度専門職2号" in result.stdout
    assert "未来創造人材制度（J-Find）" in result.stdout


def test_checklist_json_shape(cli: Cli) -> None:
    result = cli("checklist", "--route", "engineer-specialist", "--procedure", "coe",
                 "--employer-category", "3", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["route"] == "engineer-specialist"
    assert data["procedure"] == "coe"
    assert data["employer_category"] == 3
    documents = data["documents"]
    for document in documents:
        for key in ("code", "name_en", "name_ja", "issuer", "translation_required", "source"):
            assert key in document, key
        assert isinstance(document["translation_required"], bool)
    by_code = {d["code"]: d for d in documents}
    assert by_code["cv"]["name_ja"] == "履歴書"
    assert by_code["cv"]["translation_required"] is True
    assert by_code["company-registry-certificate"]["freshness"]["months"] == 3
    assert by_code["photo"]["freshness"]["rule"] == "photo_6_months"
    assert by_code["return-envelope"]["issuer"] == "applicant"
    assert "payroll-office-opening-notice" not in by_code  # category 4 only


def test_checklist_shows_the_fee(cli: Cli) -> None:
    data = json.loads(cli("checklist", "--route", "permanent-residence", "--procedure", "application",
                          "--format", "json").stdout)
    assert data["fee"]["procedure"] == "permanent-residence"
    assert data["fee"]["counter_yen"] >= 10000  # today's fee: ¥10,000 since 2025-04-01 (or more after the bill)
    assert data["fee"]["online_yen"] is None
    text = cli("checklist", "--route", "j-find", "--procedure", "coe").stdout
    assert "Fee if granted, for an application accepted today: ¥0 at the counter" in text


def test_checklist_json_category_1_has_no_cv(cli: Cli) -> None:
    result = cli("checklist", "--route", "engineer-specialist", "--procedure", "coe",
                 "--employer-category", "1", "--format", "json")
    codes = [d["code"] for d in json.loads(result.stdout)["documents"]]
    assert "cv" not in codes and "company-registry-certificate" not in codes
    assert "employer-category-proof" in codes


def test_checklist_json_change_shows_the_passport_and_has_no_envelope(cli: Cli) -> None:
    result = cli("checklist", "--route", "hsp-2", "--procedure", "change", "--format", "json")
    by_code = {d["code"]: d for d in json.loads(result.stdout)["documents"]}
    assert by_code["passport"]["submit"] == "show"
    assert "return-envelope" not in by_code
    assert by_code["evidence-position"]["form_number"] == "⑳"
    assert by_code["evidence-position"]["conditional"] == "if you claim points item ⑳"
    assert by_code["evidence-position"]["points_items"] == ["position"]
    assert by_code["cv"]["employer_categories"] == [3, 4]


def test_checklist_text_shows_the_japanese_names(cli: Cli, catalog: RouteCatalog) -> None:
    result = cli("checklist", "--route", "hsp-1c", "--procedure", "coe", "--employer-category", "4")
    assert result.returncode == 0, result.stderr
    assert "高度専門職1号ハ（高度経営・管理活動）" in result.stdout
    for code in ("application-form-coe", "points-calculation-table", "evidence-position",
                 "payroll-office-opening-notice"):
        document = next(d for d in catalog.get("hsp-1c").documents if d.code == code)
        assert document.name_ja in result.stdout, code


def test_checklist_text_of_every_route_and_procedure_lists_each_japanese_name(
        catalog: RouteCatalog, capsys: pytest.CaptureFixture[str]) -> None:
    # In-process (one subprocess per case would cost ~1 s each); the subprocess path is tested above.
    from zairyu.cli.main import main

    for route in catalog:
        for procedure in route.procedures:
            assert main(["checklist", "--route", route.id.value, "--procedure", procedure.id.value]) == 0
            out = capsys.readouterr().out
            assert procedure.name_ja in out
            for document in route.documents:
                if document.when.procedures is None or procedure.id in document.when.procedures:
                    assert document.name_ja in out, (route.id, procedure.id, document.code)


@pytest.mark.parametrize("args, names", [
    (["--route", "hsp-3", "--procedure", "coe"], ["engineer-specialist", "permanent-residence"]),
    (["--route", "hsp-2", "--procedure", "coe"], ["valid: change"]),
    (["--route", "permanent-residence", "--procedure", "extension"], ["valid: application"]),
    (["--route", "engineer-specialist", "--procedure", "coe", "--employer-category", "5"], ["1, 2, 3, 4"]),
])
def test_bad_arguments_exit_2_with_one_line_naming_the_valid_values(cli: Cli, args: list[str],
                                                                  names: list[str]) -> None:
    result = cli("checklist", *args, "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for name in names:
        assert name in lines[0]


def test_an_employer_category_the_route_does_not_use_is_named_as_ignored(cli: Cli) -> None:
    result = cli("checklist", "--route", "j-find", "--procedure", "coe", "--employer-category", "2",
                 "--format", "json")
    assert result.returncode == 0
    assert "--employer-category is ignored" in result.stderr
    plain = cli("checklist", "--route", "j-find", "--procedure", "coe", "--format", "json")
    assert json.loads(result.stdout)["documents"] == json.loads(plain.stdout)["documents"]


def test_an_ignored_employer_category_is_not_printed_in_the_heading(cli: Cli) -> None:
    result = cli("checklist", "--route", "j-find", "--procedure", "coe", "--employer-category", "2")
    assert result.returncode == 0
    assert "Employer category" not in result.stdout
    used = cli("checklist", "--route", "engineer-specialist", "--procedure", "coe", "--employer-category", "2")
    assert "Employer category 2" in used.stdout
