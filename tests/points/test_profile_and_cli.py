"""The points profile's validation, and `zairyu points` / `zairyu checklist --profile` as subprocesses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from zairyu.domain.points import load_profile, parse_profile
from zairyu.errors import UserInputError

from .helpers import BASE

GOOD: dict[str, Any] = {
    "category": "b", "application_date": "2026-05-01", "birth_date": "1996-06-01", "education": "master",
    "experience_years": 4, "annual_salary_yen": 6_500_000, "research": ["patent"], "licenses": 1,
    "bonuses": ["japanese_n1", "designated_university"],
}


@pytest.mark.parametrize(("change", "field"), [
    ({"salary": 5_000_000}, "salary"),  # unknown key: a typo must not silently score zero
    ({"annual_salary_yen": -1}, "annual_salary_yen"),
    ({"experience_years": -0.5}, "experience_years"),
    ({"licenses": -1}, "licenses"),
    ({"application_date": "2026-02-30"}, "application_date"),
    ({"birth_date": "1990-13-01"}, "birth_date"),
    ({"application_date": 20260501}, "application_date"),
    ({"birth_date": "2026-06-01"}, "birth_date"),  # after the filing date
    ({"category": "d"}, "category"),
    ({"education": "phd"}, "education"),
    ({"bonuses": ["japanese_n3"]}, "bonuses"),
    ({"bonuses": ["japanese_n1", "japanese_n1"]}, "bonuses"),
    ({"research": ["patent", "patent"]}, "research"),
    ({"position": "ceo"}, "position"),
    ({"education": "bachelor", "multiple_degrees": True}, "multiple_degrees"),
    ({"bonuses": ["jica_training", "jica_training_japanese_university"]}, "bonuses"),
    ({"experience_years": 40}, "experience_years"),  # more than the applicant's age
    ({"annual_salary_yen": 5.5}, "annual_salary_yen"),
    ({"annual_salary_yen": True}, "annual_salary_yen"),  # JSON true is not ¥1
    ({"annual_salary_yen": "5000000"}, "annual_salary_yen"),
    ({"licenses": True}, "licenses"),
    ({"multiple_degrees": "yes"}, "multiple_degrees"),
    ({"work_start_date": "1990-01-01"}, "work_start_date"),  # before birth
    # 2 years of experience, but 4 whole years in the current job by 2026-05-01: a contradiction that made the
    # forecast jump from 2 to 4.3 years overnight (reviewer's find).
    ({"experience_years": 2, "work_start_date": "2022-01-01"}, "experience_years"),
])
def test_bad_profiles_name_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(UserInputError) as error:
        parse_profile({**GOOD, **change}, source="p.json")
    message = str(error.value)
    assert message.startswith(f"p.json: {field}") and "\n" not in message


@pytest.mark.parametrize("missing", ["category", "application_date", "education", "annual_salary_yen"])
def test_required_keys(missing: str) -> None:
    data = {k: v for k, v in GOOD.items() if k != missing}
    with pytest.raises(UserInputError, match=f"{missing}: required"):
        parse_profile(data)


@pytest.mark.parametrize("category", ["a", "b"])
def test_birth_date_required_for_a_and_b(category: str) -> None:
    data = {k: v for k, v in GOOD.items() if k != "birth_date"}
    with pytest.raises(UserInputError, match="birth_date"):
        parse_profile({**data, "category": category})
    parse_profile({**data, "category": "c"})


def test_profile_is_not_an_object() -> None:
    with pytest.raises(UserInputError, match="JSON object"):
        parse_profile([BASE])


def test_load_profile_errors(tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match=r"missing\.json: no such file"):
        load_profile(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{\"category\": ", encoding="utf-8")
    with pytest.raises(UserInputError, match=r"broken\.json: not valid JSON"):
        load_profile(broken)


# ---- CLI --------------------------------------------------------------------------------------------------------

def test_cli_json(cli, profile_file) -> None:  # type: ignore[no-untyped-def]
    run = cli("points", str(profile_file(GOOD)), "--format", "json")
    assert run.returncode == 0, run.stderr
    document = json.loads(run.stdout)
    # master 20 + 4 years 5 + ¥6.5M 20 + age 29 15 + research 15 + licence 5 + N1 15 + ⑰ 10
    assert document["total"] == 105
    assert {k: document[k] for k in ("category", "age", "threshold", "salary_floor_met", "eligible")} == {
        "category": "b", "age": 29, "threshold": 70, "salary_floor_met": True, "eligible": True}
    assert [(i["code"], i["points"]) for i in document["items"]] == [
        ("education", 20), ("experience", 5), ("salary", 20), ("age", 15), ("research_patent", 15),
        ("licenses", 5), ("japanese_n1", 15), ("designated_university", 10)]
    assert isinstance(document["warnings"], list)
    assert any("30th birthday" in w for w in document["forecast"]["warnings"])


def test_cli_text_explains_the_result(cli, profile_file) -> None:  # type: ignore[no-untyped-def]
    run = cli("points", str(profile_file({**GOOD, "annual_salary_yen": 2_500_000})))
    assert run.returncode == 0, run.stderr  # not eligible is still exit 0
    out = run.stdout
    assert "NOT ELIGIBLE" in out and "¥3,000,000" in out and "threshold 70" in out
    assert "Academic background" in out and "Total" in out
    assert "30th birthday" in out  # the birthday trap is shown in the text output too


def test_cli_text_says_which_change_makes_the_profile_eligible(cli, profile_file) -> None:  # type: ignore[no-untyped-def]
    # 105 points but ¥2.5M in (b): reaching the ¥3M floor adds 0 points yet is the change that matters.
    run = cli("points", str(profile_file({**GOOD, "annual_salary_yen": 2_500_000})))
    floor_line = next(line for line in run.stdout.splitlines() if "annual salary of ¥3,000,000" in line)
    assert "+0" in floor_line and "makes the profile eligible" in floor_line
    experience_line = next(line for line in run.stdout.splitlines() if "years of experience" in line)
    assert "eligible" not in experience_line


@pytest.mark.parametrize(("change", "field"), [
    ({"salary": 1}, "salary"),
    ({"annual_salary_yen": -5}, "annual_salary_yen"),
    ({"application_date": "2026-02-30"}, "application_date"),
    ({"education": "bachelor", "multiple_degrees": True}, "multiple_degrees"),
    ({"bonuses": ["japanese_n5"]}, "bonuses"),
])
def test_cli_bad_input_exits_2_naming_the_field(cli, profile_file, change, field) -> None:  # type: ignore[no-untyped-def]
    run = cli("points", str(profile_file({**GOOD, **change})))
    assert run.returncode == 2
    assert field in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert run.stdout == ""


def test_cli_missing_and_broken_files(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = cli("points", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "nope.json" in missing.stderr and "Traceback" not in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("not json", encoding="utf-8")
    run = cli("points", str(broken), "--format", "json")
    assert run.returncode == 2 and "broken.json" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def _codes(run) -> set[str]:  # type: ignore[no-untyped-def]
    assert run.returncode == 0, run.stderr
    return {doc["code"] for doc in json.loads(run.stdout)["documents"]}


def test_checklist_adds_evidence_for_exactly_the_items_claimed(cli, profile_file) -> None:  # type: ignore[no-untyped-def]
    with_n1 = _codes(cli("checklist", "--route", "hsp-1b", "--procedure", "coe", "--profile",
                         str(profile_file(GOOD)), "--format", "json"))
    assert {"evidence-japanese-n1", "evidence-designated-university-list", "evidence-designated-university-diploma",
            "evidence-patent", "evidence-licenses"} <= with_n1
    assert "evidence-japanese-n2" not in with_n1 and "evidence-research-papers" not in with_n1
    without = _codes(cli("checklist", "--route", "hsp-1b", "--procedure", "coe", "--profile",
                         str(profile_file({**GOOD, "bonuses": [], "research": []}, "plain.json")), "--format", "json"))
    assert not {"evidence-japanese-n1", "evidence-designated-university-list", "evidence-patent"} & without


def test_checklist_profile_must_match_the_route_category(cli, profile_file) -> None:  # type: ignore[no-untyped-def]
    run = cli("checklist", "--route", "hsp-1a", "--procedure", "coe", "--profile", str(profile_file(GOOD)))
    assert run.returncode == 2 and "category" in run.stderr and "hsp-1a" in run.stderr


def test_checklist_permanent_residence_basis_follows_the_history(cli, profile_file) -> None:  # type: ignore[no-untyped-def]
    def run(*profiles: tuple[dict[str, Any], str]) -> dict[str, Any]:
        args = [a for data, name in profiles for a in ("--profile", str(profile_file(data, name)))]
        result = cli("checklist", "--route", "permanent-residence", "--procedure", "application", *args,
                     "--format", "json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    year_before = {**GOOD, "application_date": "2025-05-01"}
    eighty = run((year_before, "2025.json"), (GOOD, "2026.json"))
    assert eighty["pr_basis"] == 80 and eighty["pr_basis_reason"].startswith("80-point basis")
    codes = {d["code"] for d in eighty["documents"]}
    assert "points-calculation-table-1-year-before" in codes and "points-calculation-table-3-years-before" not in codes

    # Today's total alone does not say what it was a year before: neither basis, both sets conditional.
    alone = run((GOOD, "2026.json"))
    assert alone["pr_basis"] is None and "2025-05-01" in alone["pr_basis_reason"]
    codes = {d["code"] for d in alone["documents"]}
    assert {"points-calculation-table-1-year-before", "points-calculation-table-3-years-before"} <= codes

    seventy_five = {**GOOD, "bonuses": [], "licenses": 0}  # 105 − 15 − 10 − 5 = 75
    seventy = run(({**seventy_five, "application_date": "2023-05-01"}, "2023.json"), (seventy_five, "75.json"))
    assert seventy["pr_basis"] == 70
    codes = {d["code"] for d in seventy["documents"]}
    assert "points-calculation-table-3-years-before" in codes and "points-calculation-table-1-year-before" not in codes

    text = cli("checklist", "--route", "permanent-residence", "--procedure", "application",
               "--profile", str(profile_file(GOOD, "2026.json"))).stdout
    assert "Permanent-residence basis: neither points basis holds" in text
