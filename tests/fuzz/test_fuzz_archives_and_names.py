"""Fuzzing case archives (damaged zips, hostile case.json values with valid hashes), route data
files (damaged TOML) and file names (any bytes a file system allows)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.fuzz import tally
from tests.fuzz.test_fuzz_user_json import iso_dates, json_values

from store.helpers import make_image, make_pdf
from zairyu.cli.main import main as cli_main
from zairyu.domain.routes import load_route_file
from zairyu.paths import checklists_dir
from zairyu.safe_text import display_name
from zairyu.store import open_store

FUZZ = settings(max_examples=tally.EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def archive(isolated_data_dir: Path, tmp_path: Path) -> Path:
    with open_store(isolated_data_dir) as store:
        case_id = store.create_case(route="hsp-1b", procedure="change", title="fuzz", target_filing_date="2026-06-01")
        store.attach(case_id, "photo", make_image(tmp_path / "photo.jpg"))
        store.attach(case_id, "passport", make_pdf(tmp_path / "passport.pdf", pages=2))
        store.set_points(case_id, {"category": "b", "application_date": "2026-04-01", "birth_date": "1990-01-01",
                                   "education": "master", "experience_years": 3, "annual_salary_yen": 7_000_000})
        store.add_event(case_id, "landed", "2025-04-01")
        return store.export_case(case_id, tmp_path / "case.zip")


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _write(entries: dict[str, bytes], target: Path) -> Path:
    manifest = json.loads(entries["manifest.json"])
    for entry in manifest["files"]:
        if entry["path"] in entries:
            entry["sha256"] = hashlib.sha256(entries[entry["path"]]).hexdigest()
            entry["size"] = len(entries[entry["path"]])
    entries = {**entries, "manifest.json": json.dumps(manifest).encode()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return target


CASE_PATHS = [["title"], ["route"], ["procedure"], ["employer_category"], ["target_filing_date"], ["notes"],
              ["applicant", "birth_date"], ["applicant", "name"], ["documents", 0, "status"],
              ["documents", 0, "issued"], ["documents", 0, "copies"], ["documents", 0, "attachments"],
              ["points_history", 0, "profile", "annual_salary_yen"], ["points_history", 0, "profile"],
              ["points_history", 0, "profile", "application_date"], ["events", 0, "date"], ["events"], ["family"]]


def _import(path: Path, capsys: pytest.CaptureFixture[str], target: str) -> None:
    capsys.readouterr()
    code = tally.cli_attempt(target, lambda: cli_main(["case", "import", str(path)]), lambda: capsys.readouterr().err)
    if code == 0:  # an imported case can be shown, scored and exported again
        with open_store() as store:
            case_id = store.list_cases()[-1].id
        for command in (["case", "show", str(case_id)], ["case", "deadlines", str(case_id)],
                        ["case", "export", str(case_id), "-o", str(path.with_name("again.zip"))]):
            assert cli_main(command) == 0, (command, capsys.readouterr().err)


@FUZZ
@given(data=st.data())
def test_hostile_case_json(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           data: st.DataObject) -> None:
    entries = _entries(archive)
    case: dict[str, Any] = json.loads(entries["case.json"])
    for _ in range(data.draw(st.integers(1, 2))):
        path = data.draw(st.sampled_from(CASE_PATHS))
        node: Any = case
        try:
            for key in path[:-1]:
                node = node[key]
            # Often a value of the right kind (text, a date), so imports that succeed are fuzzed too.
            node[path[-1]] = data.draw(st.text(max_size=30) | iso_dates | json_values)
        except (TypeError, KeyError, IndexError):
            pass
    entries["case.json"] = json.dumps(case, allow_nan=True).encode()
    _import(_write(entries, tmp_path / "hostile.zip"), capsys, "archive: hostile case.json")


@FUZZ
@given(data=st.data())
def test_damaged_archive_bytes(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               data: st.DataObject) -> None:
    raw = bytearray(archive.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(1, len(raw)))]
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(raw))
    _import(damaged, capsys, "archive: damaged bytes")


ROUTE_FILES = sorted(p.name for p in checklists_dir().glob("*.toml") if p.stem not in
                     ("fees", "deadline-rules", "points-table"))


@FUZZ
@given(name=st.sampled_from(ROUTE_FILES), data=st.data())
def test_damaged_route_files(tmp_path: Path, name: str, data: st.DataObject) -> None:
    path = tmp_path / name
    shutil.copyfile(checklists_dir() / name, path)
    text = path.read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 3))):
        position = data.draw(st.integers(0, len(text)))
        text = (text[:position] + data.draw(st.text(alphabet='[]{}="\n .,-_0123456789abcdefghijklmnoptruexyz#',
                                                    max_size=10))
                + text[position + data.draw(st.integers(0, 12)):])
    path.write_text(text, encoding="utf-8")
    tally.attempt("route data: damaged TOML", lambda: load_route_file(path))


file_names = st.binary(min_size=1, max_size=60).filter(
    lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b".."))


@FUZZ
@given(raw_name=file_names)
def test_any_file_name_attaches_and_prints(isolated_data_dir: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str], raw_name: bytes) -> None:
    folder = tmp_path / "names"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        path = make_image(Path(os.fsdecode(os.fsencode(folder) + b"/" + raw_name)))
    except OSError:  # a name too long for this file system
        return
    if not (tmp_path / "case-created").exists():
        assert cli_main(["case", "new", "--route", "hsp-1b", "--procedure", "change"]) == 0
        (tmp_path / "case-created").touch()
    capsys.readouterr()
    tally.cli_attempt("file names: case attach", lambda: cli_main(["case", "attach", "1", "photo", str(path)]),
                      lambda: capsys.readouterr().err)
    shown = display_name(path.name)
    shown.encode("utf-8")  # printable and storable
    assert not any(unicodedata.category(ch) == "Cc" or ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                   for ch in shown)
