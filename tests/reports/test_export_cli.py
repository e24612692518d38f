"""``zairyu export …`` and ``zairyu points -o`` end to end, as subprocesses over a real store."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.reports.conftest import page_count, pdffonts
from tests.reports.test_checklist_pdf import assert_japanese_drawn

PROFILE = {"category": "b", "application_date": "2026-11-01", "birth_date": "1992-05-10", "education": "master",
           "experience_years": 6, "annual_salary_yen": 8_000_000, "research": ["papers"], "licenses": 1,
           "bonuses": ["japanese_n1"], "work_start_date": "2021-04-01"}


def text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _case(cli: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path,
          files: Callable[[str], Path]) -> str:
    created = cli("case", "new", "--route", "permanent-residence", "--procedure", "application",
                  "--title", "PR 2026", "--applicant-name", "Maria Example", "--format", "json")
    assert created.returncode == 0, created.stderr
    case_id = str(json.loads(created.stdout)["id"])
    attached = cli("case", "attach", case_id, "photo", str(files("photo.jpg")))
    assert attached.returncode == 0, attached.stderr
    attached = cli("case", "attach", case_id, "juminhyo-household", str(files("passport.pdf")),
                   str(files("screenshot.png")))
    assert attached.returncode == 0, attached.stderr
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(PROFILE))
    stored = cli("case", "set-points", case_id, str(profile))
    assert stored.returncode == 0, stored.stderr
    assert cli("case", "set", case_id, "photo", "--status", "ready", "--issued", "2026-10-01").returncode == 0
    return case_id


def test_export_checklist_points_and_packet(cli, tmp_path: Path, files) -> None:  # type: ignore[no-untyped-def]
    case_id = _case(cli, tmp_path, files)

    checklist = tmp_path / "checklist.pdf"
    result = cli("export", "checklist", case_id, "-o", str(checklist))
    assert result.returncode == 0, result.stderr
    content = text(checklist)
    assert "Maria Example" in content and "Permanent residence" in content and "PR 2026" in content
    assert "Ready" in content and "issued 2026-10-01" in content
    assert all(f["emb"] == "yes" for f in pdffonts(checklist))
    assert_japanese_drawn(checklist, "提出書類チェックリスト")

    points = tmp_path / "points.pdf"
    result = cli("export", "points", case_id, "-o", str(points))
    assert result.returncode == 0, result.stderr
    content = text(points)
    for expected in ("Now", "1 year before", "3 years before", "Salary floor", "①", "Total"):
        assert expected in content, expected
    assert "80 points, now and 1 year" in content and "70 points, now and 3 years" in content
    assert all(f["emb"] == "yes" for f in pdffonts(points))
    assert_japanese_drawn(points, "高度専門職ポイント計算結果")

    packet = tmp_path / "packet.pdf"
    result = cli("export", "packet", case_id, "-o", str(packet))
    assert result.returncode == 0, result.stderr
    assert page_count(packet) == 2 + 1 + 2 + 1  # cover, contents, photo, 2-page PDF, PNG
    assert str(packet) in result.stdout
    assert "no file attached" in result.stderr  # the required documents still missing are named
    missing_note = next(line for line in result.stderr.splitlines() if "no file attached" in line)
    assert "passport" not in missing_note  # shown at the counter, never part of a packet
    assert all(f["emb"] == "yes" for f in pdffonts(packet))
    assert_japanese_drawn(packet, "申請書類")


def test_points_cli_writes_the_summary(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(PROFILE))
    out = tmp_path / "points.pdf"
    result = cli("points", str(profile), "-o", str(out))
    assert result.returncode == 0, result.stderr
    content = text(out)
    assert "Computed for" in content and "2026-11-01" in content
    assert "Total against 70" in content and "Total against 80" in content
    assert "¥8,000,000 / ¥3,000,000" in content
    assert "1 year before" not in content  # no permanent-residence columns without a PR case
    assert page_count(out) == 1


def test_export_errors_are_one_line(cli, tmp_path: Path, files) -> None:  # type: ignore[no-untyped-def]
    missing = cli("export", "checklist", "999", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "999" in missing.stderr
    case_id = _case(cli, tmp_path, files)
    wrong = cli("export", "checklist", case_id, "-o", str(tmp_path / "x.pdf"), "--max-mb", "5")
    assert wrong.returncode == 2 and "--max-mb" in wrong.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_export_packet_max_mb_parts(cli, tmp_path: Path, files) -> None:  # type: ignore[no-untyped-def]
    from tests.reports.conftest import make_noise_photo

    created = cli("case", "new", "--route", "hsp-1b", "--procedure", "change", "--format", "json")
    case_id = str(json.loads(created.stdout)["id"])
    for number, code in enumerate(("photo", "passport", "cv")):
        photo = make_noise_photo(tmp_path / f"{code}.jpg", (800, 600), seed=number)
        attached = cli("case", "attach", case_id, code, str(photo))
        assert attached.returncode == 0, attached.stderr
    out = tmp_path / "packet.pdf"
    result = cli("export", "packet", case_id, "-o", str(out), "--max-mb", "0.6")
    assert result.returncode == 0, result.stderr
    parts = sorted(tmp_path.glob("packet-part*.pdf"))
    assert len(parts) == 3 and not out.exists()
    assert all(p.stat().st_size <= 0.6 * 1024 * 1024 for p in parts)
    assert sum(page_count(p) - 2 for p in parts) == 3
    assert result.stdout.count("packet-part") == 3

    # A later export in one piece names the old parts instead of leaving them to be uploaded by mistake.
    again = cli("export", "packet", case_id, "-o", str(out))
    assert again.returncode == 0, again.stderr
    assert out.exists() and all(p.exists() for p in parts)
    assert sum("is from an earlier export" in line for line in again.stderr.splitlines()) == 3


def test_points_summary_prints_the_birthday_warning(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Filed at 34 with the 35th birthday six weeks later: a decision after it would cost 5 points.
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"category": "b", "application_date": "2026-12-01", "birth_date": "1992-01-15",
                                   "education": "master", "experience_years": 6,
                                   "annual_salary_yen": 8_000_000}))
    out = tmp_path / "points.pdf"
    result = cli("points", str(profile), "-o", str(out))
    assert result.returncode == 0, result.stderr
    content = " ".join(text(out).split())
    assert "Warnings" in content and "35th birthday" in content
