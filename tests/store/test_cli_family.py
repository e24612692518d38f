"""A family of four in the CLI: an HSP engineer, a working spouse, a child born in Japan and a
parent coming to help, organised as one household with their own checklists, the shared
documents attached once, and one list of deadlines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from store.helpers import make_pdf
from zairyu.cli.main import main as cli_main

PROFILE = {"category": "b", "application_date": "2027-01-10", "birth_date": "1990-06-01", "education": "master",
           "experience_years": 7, "annual_salary_yen": 9_000_000}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = cli_main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    return json.loads(_run(capsys, *args, "--format", "json"))


def _new(capsys: pytest.CaptureFixture[str], *args: str) -> int:
    return int(_run(capsys, "case", "new", *args).split()[-1])


def test_a_family_of_four_in_one_household(isolated_data_dir: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    engineer = _new(capsys, "--route", "hsp-1b", "--procedure", "change", "--applicant-name", "Arjun",
                    "--target-date", "2027-01-10")
    profile = tmp_path / "arjun.json"
    profile.write_text(json.dumps(PROFILE))
    _run(capsys, "case", "set-points", str(engineer), str(profile))
    spouse = _new(capsys, "--route", "hsp-spouse-work", "--procedure", "change", "--principal", str(engineer),
                  "--applicant-name", "Mei", "--annual-pay", "4200000", "--target-date", "2027-03-01")
    child = _new(capsys, "--route", "dependent", "--procedure", "acquisition", "--principal", str(engineer),
                 "--relation", "child", "--applicant-name", "Mia", "--birth-date", "2027-02-20",
                 "--target-date", "2027-03-10")
    _run(capsys, "case", "add-event", str(child), "child_born", "2027-02-20")
    parent = _new(capsys, "--route", "hsp-parent", "--procedure", "coe", "--principal", str(engineer),
                  "--applicant-name", "Lakshmi", "--birth-date", "1962-05-01", "--target-date", "2027-03-15")

    # Each has their own checklist; the residence-card copy the engineer supplies is attached once.
    card = make_pdf(tmp_path / "residence-card.pdf")
    _run(capsys, "case", "attach", str(engineer), "supporter-residence-card-copy", str(card))
    for case_id in (spouse, child):
        shown = _json(capsys, "case", "show", str(case_id))
        doc = next(d for d in shown["documents"] if d["code"] == "supporter-residence-card-copy")
        assert [a["original_name"] for a in doc["attachments"]] == ["residence-card.pdf"]
        assert "supporter-residence-card-copy" in shown["household"]["shared_with_principal"]
        assert shown["household"]["principal_case_id"] == engineer
    assert "birth-acceptance-certificate" in {d["code"] for d in _json(capsys, "case", "show", str(child))["documents"]}

    # The parent's conditions hold: ¥9M + ¥4.2M, and a child under 7.
    text = _run(capsys, "case", "show", str(parent))
    assert "Household conditions on 2027-03-15: met" in text
    assert "Household income ¥13,200,000 a year" in text
    assert f"case {parent} Lakshmi (parent, hsp-parent coe)" in text
    household = _json(capsys, "case", "show", str(engineer))["household"]
    assert [m["case"] for m in household["cases"]] == [engineer, spouse, child, parent]
    assert household["eligibility"] is None  # the principal's own route has no household condition

    # One list of deadlines for the household, each with its person.
    listed = _json(capsys, "case", "deadlines", str(engineer), "--household", "--today", "2027-01-01")
    rules = [(d["person"], d["rule"], d["due"]) for d in listed["deadlines"]
             if d["rule"] in ("birth_notification", "status_acquisition")]
    assert rules == [("Mia", "birth_notification", "2027-03-05"), ("Mia", "status_acquisition", "2027-03-22")]
    assert {d["person"] for d in listed["deadlines"]} == {"Arjun", "Mei", "Mia", "Lakshmi"}
    assert listed == _json(capsys, "case", "deadlines", str(parent), "--household", "--today", "2027-01-01") | {
        "case": engineer}
    calendar = tmp_path / "family.ics"
    _run(capsys, "case", "deadlines", str(child), "--household", "--today", "2027-01-01", "--ics", str(calendar))
    assert "Report the birth at the municipal office" in calendar.read_text(encoding="utf-8")


def test_the_parent_route_is_refused_with_the_reason_when_the_income_is_short(
        isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    engineer = _new(capsys, "--route", "hsp-1b", "--procedure", "extension", "--annual-pay", "7999999")
    _new(capsys, "--route", "dependent", "--procedure", "extension", "--principal", str(engineer),
         "--relation", "child", "--birth-date", "2020-01-01")
    parent = _new(capsys, "--route", "hsp-parent", "--procedure", "coe", "--principal", str(engineer),
                  "--target-date", "2027-01-10")
    text = _run(capsys, "case", "show", str(parent))
    assert "Household conditions on 2027-01-10: NOT MET" in text
    assert "[NOT MET] Household income ¥7,999,999 a year is under ¥8,000,000" in text


@pytest.mark.parametrize("args, message", [
    (["--route", "hsp-parent", "--procedure", "coe", "--principal", "1"],
     "zairyu: principal: a case on route engineer-specialist cannot support one on route hsp-parent"),
    (["--route", "dependent", "--procedure", "coe", "--principal", "1", "--relation", "cousin"],
     "zairyu: relation: 'cousin' is not valid for route dependent; valid: spouse, child"),
    (["--route", "dependent", "--procedure", "coe", "--principal", "1", "--relation", "other"],
     "zairyu: relation: 'other' is not valid for route dependent; valid: spouse, child"),
    (["--route", "dependent", "--procedure", "coe", "--principal", "7", "--relation", "child"],
     "zairyu: principal: case 7: no such case"),
    (["--route", "hsp-1b", "--procedure", "coe", "--principal", "1"],
     "zairyu: route hsp-1b is not a family route"),
])
def test_a_bad_link_is_one_line_naming_the_field(isolated_data_dir: Path, capsys: pytest.CaptureFixture[str],
                                                 args: list[str], message: str) -> None:
    _new(capsys, "--route", "engineer-specialist", "--procedure", "extension")
    assert cli_main(["case", "new", *args]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(message) and len(err.strip().splitlines()) == 1 and out == ""
    assert cli_main(["case", "list", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["cases"]) == 1  # nothing created


def test_a_pregnancy_and_a_pay_entered_with_case_edit_decide_the_parent_route(
        isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    engineer = _new(capsys, "--route", "hsp-1b", "--procedure", "extension", "--annual-pay", "8000000")
    parent = _new(capsys, "--route", "hsp-parent", "--procedure", "coe", "--principal", str(engineer),
                  "--target-date", "2027-01-10")
    assert "[NOT MET] A child under 7 or a pregnancy is needed: no child of the household is entered." in _run(
        capsys, "case", "show", str(parent))
    _run(capsys, "case", "edit", str(engineer), "--expected-birth", "2027-05-01")
    shown = _json(capsys, "case", "show", str(parent))["household"]["eligibility"]
    assert shown["eligible"] is True
    _run(capsys, "case", "edit", str(engineer), "--annual-pay", "7000000")
    assert _json(capsys, "case", "show", str(parent))["household"]["eligibility"]["eligible"] is False
    assert cli_main(["case", "edit", str(engineer), "--annual-pay", "-1"]) == 2
    assert capsys.readouterr().err.startswith("zairyu: annual pay: '-1' is not valid")
    assert cli_main(["case", "edit", str(engineer), "--expected-birth", "2027-02-30"]) == 2
    assert capsys.readouterr().err.startswith("zairyu: expected birth: '2027-02-30' is not a date")
