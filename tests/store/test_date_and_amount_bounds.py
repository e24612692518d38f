"""Dates and amounts outside what an application involves are refused where they are entered,
with one line naming the field, instead of being stored and breaking a later command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zairyu.cli.main import main as cli_main
from zairyu.errors import UserInputError
from zairyu.store import Store

PROFILE = {"category": "b", "application_date": "2026-04-01", "birth_date": "1990-01-01",
           "education": "master", "experience_years": 3, "annual_salary_yen": 7_000_000}


@pytest.fixture
def case_id(store: Store) -> int:
    return store.create_case(route="hsp-1b", procedure="change", title="bounds")


@pytest.mark.parametrize("far", ["9999-12-31", "2098-01-01", "1899-12-31", "0001-01-01"])
def test_store_refuses_dates_outside_the_range_by_field(store: Store, case_id: int, far: str) -> None:
    with pytest.raises(UserInputError, match=r"target filing date: .* is outside the dates Zairyu handles"):
        store.update_case(case_id, target_filing_date=far)
    with pytest.raises(UserInputError, match=r"^issued: .* is outside"):
        store.set_document(case_id, "passport", issued=far)
    with pytest.raises(UserInputError, match=r"^birth date: .* is outside"):
        store.update_applicant(store.case_applicant_id(case_id), birth_date=far)
    with pytest.raises(UserInputError, match=r"is outside|year must be between"):
        store.add_event(case_id, "landed", far)
    assert store.get_case(case_id).target_filing_date is None


def test_the_last_accepted_date_still_gives_deadlines(store: Store, case_id: int, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    store.update_case(case_id, target_filing_date="2097-12-31")
    store.set_document(case_id, "passport", issued="2097-12-31")
    store.update_applicant(store.case_applicant_id(case_id), passport_expiry="2097-12-31")
    assert cli_main(["case", "deadlines", str(case_id)]) == 0
    assert cli_main(["export", "checklist", str(case_id), "-o", str(tmp_path / "c.pdf")]) == 0


@pytest.mark.parametrize("field", ["application_date", "birth_date", "work_start_date"])
def test_profile_dates_far_in_the_future_are_refused(tmp_path: Path, field: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({**PROFILE, field: "9999-12-31"}))
    assert cli_main(["points", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"p.json: {field}: 9999-12-31 is outside the dates Zairyu handles" in err
    assert len(err.strip().splitlines()) == 1


def test_a_salary_beyond_any_real_one_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({**PROFILE, "annual_salary_yen": 10**35}))
    assert cli_main(["points", str(path), "-o", str(tmp_path / "points.pdf")]) == 2
    assert "annual_salary_yen: must be ≤ 1000000000000" in capsys.readouterr().err
    assert not (tmp_path / "points.pdf").exists()


def test_the_largest_accepted_salary_prints_in_the_points_pdf(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({**PROFILE, "annual_salary_yen": 10**12}))
    assert cli_main(["points", str(path), "-o", str(tmp_path / "points.pdf")]) == 0


def test_today_far_in_the_future_is_refused(case_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli_main(["case", "deadlines", str(case_id), "--today", "9999-12-31"])
    assert exited.value.code == 2
    assert "--today: 9999-12-31 is outside the dates" in capsys.readouterr().err
