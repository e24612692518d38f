"""The `zairyu case ...` commands, end to end on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.helpers import make_image, make_pdf, new_case_id, run_zairyu
from zairyu.cli.main import main as cli_main

PROFILE = {"category": "b", "application_date": "2026-04-01", "birth_date": "1990-01-01",
           "education": "master", "experience_years": 3, "annual_salary_yen": 7_000_000}


def test_case_commands_end_to_end(cli, isolated_data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    created = cli("case", "new", "--route", "hsp-1b", "--procedure", "change", "--title", "My HSP",
                  "--applicant-name", "Ana Souza", "--nationality", "Brazil")
    assert created.returncode == 0, created.stderr
    case_id = new_case_id(created.stdout)

    listed = cli("case", "list")
    assert listed.returncode == 0 and "My HSP" in listed.stdout and "Ana Souza" in listed.stdout

    scan = make_pdf(tmp_path / "tax.pdf", pages=2, owner="issuer")
    photo = make_image(tmp_path / "photo.jpg")
    attached = cli("case", "attach", str(case_id), "photo", str(scan), str(photo))
    assert attached.returncode == 0, attached.stderr
    assert "owner password only" in attached.stdout and "2 pages" in attached.stdout

    changed = cli("case", "set", str(case_id), "photo", "--status", "ready", "--translation", "not_needed",
                  "--issued", "2026-03-01")
    assert changed.returncode == 0, changed.stderr

    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(PROFILE))
    stored = cli("case", "set-points", str(case_id), str(profile))
    assert stored.returncode == 0, stored.stderr

    shown = cli("case", "show", str(case_id), "--format", "json")
    assert shown.returncode == 0, shown.stderr
    case = json.loads(shown.stdout)
    assert case["applicant"]["name"] == "Ana Souza"
    assert case["points_profile"] == PROFILE
    assert len(case["points_history"]) == 1
    for doc in case["documents"]:
        assert {"code", "name_en", "name_ja", "status", "translation", "issued", "attachments"} <= set(doc)
    photo_doc = next(d for d in case["documents"] if d["code"] == "photo")
    assert (photo_doc["status"], photo_doc["issued"]) == ("ready", "2026-03-01")
    assert [a["original_name"] for a in photo_doc["attachments"]] == ["tax.pdf", "photo.jpg"]
    assert photo_doc["attachments"][0]["encrypted_owner_only"] is True
    assert Path(photo_doc["attachments"][0]["path"]).is_file()

    text = cli("case", "show", str(case_id))
    assert text.returncode == 0 and "photo" in text.stdout and "ready" in text.stdout

    archive = tmp_path / "case.zip"
    exported = cli("case", "export", str(case_id), "-o", str(archive))
    assert exported.returncode == 0, exported.stderr
    elsewhere = tmp_path / "new-laptop"
    imported = run_zairyu(elsewhere, "case", "import", str(archive))
    assert imported.returncode == 0, imported.stderr
    new_id = new_case_id(imported.stdout)
    again = json.loads(run_zairyu(elsewhere, "case", "show", str(new_id), "--format", "json").stdout)
    assert [d["code"] for d in again["documents"]] == [d["code"] for d in case["documents"]]
    assert again["points_history"] == case["points_history"]


@pytest.mark.parametrize(("args", "fragment"), [
    (["case", "show", "99"], "case 99: no such case"),
    (["case", "new", "--route", "tourist", "--procedure", "coe"], "unknown route 'tourist'"),
    (["case", "new", "--route", "engineer-specialist", "--procedure", "application"],
     "procedure 'application' is not available"),
    (["case", "new", "--route", "engineer-specialist", "--procedure", "change", "--employer-category", "7"],
     "employer category"),
    (["case", "set", "1", "photo", "--status", "lost"], "status: 'lost' is not valid"),
    (["case", "set", "1", "photo", "--translation", "maybe"], "translation: 'maybe' is not valid"),
    (["case", "set", "1", "photo", "--issued", "2026-13-01"], "issued: '2026-13-01' is not a date"),
    (["case", "set", "1", "no-such-document", "--status", "ready"], "has no document 'no-such-document'"),
    (["case", "attach", "1", "photo", "/nonexistent/scan.pdf"], "/nonexistent/scan.pdf: no such file"),
    (["case", "import", "/nonexistent/case.zip"], "no such archive"),
    (["restore", "/nonexistent/backup.sqlite3"], "no such backup file"),
])
def test_bad_input_is_one_line_naming_the_field(capsys: pytest.CaptureFixture[str], args: list[str],
                                                fragment: str) -> None:
    assert cli_main(["case", "new", "--route", "engineer-specialist", "--procedure", "change"]) == 0
    capsys.readouterr()
    assert cli_main(args) == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert len(err.strip().splitlines()) == 1


def test_points_profile_is_validated_by_the_points_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["case", "new", "--route", "hsp-1b", "--procedure", "change"]) == 0
    bad = tmp_path / "typo.json"
    bad.write_text(json.dumps({**PROFILE, "anual_salary_yen": 1}))
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    capsys.readouterr()
    assert cli_main(["case", "set-points", "1", str(bad)]) == 2
    assert "typo.json" in capsys.readouterr().err
    assert cli_main(["case", "set-points", "1", str(broken)]) == 2
    assert "broken.json: not valid JSON" in capsys.readouterr().err
    assert cli_main(["case", "show", "1", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["points_history"] == []


def test_refused_attachment_names_the_file_and_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["case", "new", "--route", "engineer-specialist", "--procedure", "change"]) == 0
    locked = make_pdf(tmp_path / "locked.pdf", owner="o", user="u")
    capsys.readouterr()
    assert cli_main(["case", "attach", "1", "photo", str(locked)]) == 2
    err = capsys.readouterr().err
    assert "locked.pdf" in err and "password" in err


def test_extras_edit_add_document_and_event(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["case", "new", "--route", "engineer-specialist", "--procedure", "change"]) == 0
    assert cli_main(["case", "edit", "1", "--title", "Renamed", "--employer-category", "1",
                     "--applicant-name", "Kim", "--passport-expiry", "2030-01-01"]) == 0
    assert cli_main(["case", "add-document", "1", "cover-letter", "Cover letter", "--name-ja", "理由書"]) == 0
    assert cli_main(["case", "add-event", "1", "stay_expires", "2026-09-30"]) == 0
    assert cli_main(["case", "set", "1", "cover-letter", "--copies", "2", "--expiry", "2027-01-01",
                     "--notes", "signed", "--translator", " Kenji Sato "]) == 0
    capsys.readouterr()
    assert cli_main(["case", "show", "1", "--format", "json"]) == 0
    case = json.loads(capsys.readouterr().out)
    assert (case["title"], case["employer_category"]) == ("Renamed", 1)
    assert (case["applicant"]["name"], case["applicant"]["passport_expiry"]) == ("Kim", "2030-01-01")
    letter = next(d for d in case["documents"] if d["code"] == "cover-letter")
    assert (letter["user_added"], letter["copies"], letter["expiry"], letter["notes"], letter["translator"]) == (
        True, 2, "2027-01-01", "signed", "Kenji Sato")
    assert case["events"] == [{"type": "stay_expires", "date": "2026-09-30"}]


def test_events_are_checked_by_the_deadlines_engine(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["case", "new", "--route", "engineer-specialist", "--procedure", "change"]) == 0
    capsys.readouterr()
    assert cli_main(["case", "add-event", "1", "birthday", "2026-01-01"]) == 2
    assert "unknown event type 'birthday'" in capsys.readouterr().err
    assert cli_main(["case", "add-event", "1", "moved", "2026-02-30"]) == 2
    assert "2026-02-30" in capsys.readouterr().err
