"""Portable case archives: a round trip keeps everything; a hostile archive is refused with nothing written."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from store.helpers import image_bytes, make_image, make_pdf
from zairyu.cli.main import main as cli_main
from zairyu.domain.routes import RouteCatalog
from zairyu.store import ArchiveError, Store, check_archive, open_store
from zairyu.store.archive import MAX_COMPRESSION_RATIO

PROFILE = {"category": "b", "application_date": "2026-04-01", "birth_date": "1990-01-01",
           "education": "master", "experience_years": 3, "annual_salary_yen": 7_000_000}


def _comparable(case_json: dict[str, Any]) -> dict[str, Any]:
    """A case without what legitimately differs after an import: ids, vault paths, update time."""
    data = json.loads(json.dumps(case_json))
    data.pop("id")
    data.pop("updated_at")
    for doc in data["documents"]:
        for attachment in doc["attachments"]:
            attachment.pop("path")
    return data


@pytest.fixture
def full_case(store: Store, tmp_path: Path) -> int:
    case_id = store.create_case(route="hsp-1b", procedure="change", title="HSP 1(b) 2026", notes="家族と一緒",
                                target_filing_date="2026-04-01",
                                applicant={"name": "Ana Souza", "nationality": "Brazil", "birth_date": "1990-01-01",
                                           "passport_number": "FZ765432", "passport_expiry": "2031-02-28"})
    store.add_family_member(store.case_applicant_id(case_id), "child", name="Leo Souza", birth_date="2020-06-01")
    store.set_points(case_id, PROFILE)
    store.set_points(case_id, {**PROFILE, "annual_salary_yen": 8_000_000})
    store.add_event(case_id, "stay_expires", "2026-09-30")
    store.add_event(case_id, "landed", "2025-10-01", person="Leo Souza")
    store.attach(case_id, "photo", make_image(tmp_path / "photo.jpg"))
    store.attach(case_id, "photo", make_pdf(tmp_path / "scan.pdf", pages=2, owner="o"))
    store.set_document(case_id, "photo", status="ready", issued="2026-03-01", notes="studio print")
    store.add_document(case_id, "cover-letter", "Cover letter", "申請理由書", translation="done")
    store.set_document(case_id, "cover-letter", translator="田中 翻訳事務所")
    store.attach(case_id, "cover-letter", make_image(tmp_path / "letter.png", "PNG"))
    return case_id


def test_round_trip_into_an_empty_data_dir(store: Store, full_case: int, tmp_path: Path,
                                           catalog: RouteCatalog) -> None:
    archive = store.export_case(full_case, tmp_path / "case.zip")
    original = store.get_case(full_case)
    other = tmp_path / "other-computer"
    with check_archive(archive) as checked, open_store(other, catalog=catalog) as target:
        new_id = target.import_case(checked)
        imported = target.get_case(new_id)
    assert _comparable(imported.to_json()) == _comparable(original.to_json())
    for before, after in zip(original.documents, imported.documents, strict=True):
        for a, b in zip(before.attachments, after.attachments, strict=True):
            assert b.path.read_bytes() == a.path.read_bytes()
            assert b.path.is_relative_to(other)
    assert [m.name for m in imported.family] == ["Leo Souza"]
    assert imported.document("cover-letter").translator == "田中 翻訳事務所"
    assert imported.events == [{"type": "landed", "date": "2025-10-01", "person": "Leo Souza"},
                               {"type": "stay_expires", "date": "2026-09-30"}]


def test_export_is_a_versioned_manifest_with_sha256_of_each_file(store: Store, full_case: int,
                                                                 tmp_path: Path) -> None:
    archive = store.export_case(full_case, tmp_path / "case.zip")
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert (manifest["format"], manifest["version"]) == ("zairyu-case-archive", 1)
        assert {e["path"] for e in manifest["files"]} == set(zf.namelist()) - {"manifest.json"}
        for entry in manifest["files"]:
            data = zf.read(entry["path"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["size"]
    assert not list(tmp_path.glob(".case.zip.*"))  # no temporary file left beside it


# -- hostile archives -------------------------------------------------------------------------

def _rewrite(source: Path, target: Path, change: Callable[[dict[str, bytes], dict[str, Any]], None],
             *, fix_hashes: bool = True) -> Path:
    """Copy an archive, letting ``change`` edit its entries and manifest."""
    with zipfile.ZipFile(source) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(entries.pop("manifest.json"))
    change(entries, manifest)
    if fix_hashes:
        listed = {e["path"] for e in manifest["files"]}
        for entry in manifest["files"]:
            if entry["path"] in entries and entry["path"] in listed:
                entry["sha256"] = hashlib.sha256(entries[entry["path"]]).hexdigest()
                entry["size"] = len(entries[entry["path"]])
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in entries.items():
            zf.writestr(name, data)
    return target


def _case_json(entries: dict[str, bytes]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(entries["case.json"])
    return data


def _set_case(entries: dict[str, bytes], data: dict[str, Any]) -> None:
    entries["case.json"] = json.dumps(data).encode()


def _without_translators(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    """An archive as Zairyu wrote it before documents had a translator."""
    data = _case_json(entries)
    for doc in data["documents"]:
        del doc["translator"]
    _set_case(entries, data)


def test_an_archive_from_before_translators_imports(store: Store, exported: Path, tmp_path: Path) -> None:
    older = _rewrite(exported, tmp_path / "older.zip", _without_translators)
    with check_archive(older) as checked:
        case = store.get_case(store.import_case(checked))
    assert {doc.translator for doc in case.documents} == {""}
    assert case.document("cover-letter").translation == "done"


def _unknown_version(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    manifest["version"] = 99


def _tampered_attachment(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    name = next(n for n in entries if n.startswith("attachments/"))
    entries[name] = entries[name] + b"tampered"


def _tampered_case(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    entries["case.json"] = entries["case.json"].replace(b"Ana Souza", b"Eve Attacker")


def _traversal(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    data = image_bytes("PNG", (1, 2, 3))
    entries["../../escaped.png"] = data
    manifest["files"].append({"path": "../../escaped.png", "sha256": hashlib.sha256(data).hexdigest(),
                              "size": len(data)})


def _absolute(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    entries["/tmp/zairyu-absolute.png"] = image_bytes("PNG")


def _unlisted(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    entries["attachments/extra.sh"] = b"#!/bin/sh\necho hi\n"


def _malformed_case(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    entries["case.json"] = b'{"title": "unterminated'


def _bad_status(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    data = _case_json(entries)
    data["documents"][0]["status"] = "lost"
    _set_case(entries, data)


def _unknown_key(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    data = _case_json(entries)
    data["owner_password"] = "x"
    _set_case(entries, data)


def _bad_event(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    data = _case_json(entries)
    data["events"].append({"type": "party", "date": "2026-01-01"})
    _set_case(entries, data)


def _missing_attachment(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    name = next(n for n in entries if n.startswith("attachments/"))
    del entries[name]
    manifest["files"] = [e for e in manifest["files"] if e["path"] != name]


def _not_a_scan(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    # A file whose name and hash agree but which is not a PDF/JPEG/PNG.
    data = b"MZ\x90\x00 an executable"
    sha = hashlib.sha256(data).hexdigest()
    name = f"attachments/{sha}.pdf"
    entries[name] = data
    manifest["files"].append({"path": name, "sha256": sha, "size": len(data)})


def _unknown_route(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    data = _case_json(entries)
    data["route"] = "tourist"
    _set_case(entries, data)


def _deep_notes(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    text = entries["case.json"].decode()
    entries["case.json"] = text.replace('"notes": ""', '"notes": ' + "[" * 3000 + "]" * 3000, 1).encode()


def _points_profile(change: dict[str, Any]) -> Callable[[dict[str, bytes], dict[str, Any]], None]:
    def rewrite(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
        data = _case_json(entries)
        data["points_history"][0]["profile"].update(change)
        _set_case(entries, data)
    return rewrite


def _far_future_target(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
    data = _case_json(entries)
    data["target_filing_date"] = "9999-12-31"
    _set_case(entries, data)


HOSTILE: dict[str, tuple[Callable[[dict[str, bytes], dict[str, Any]], None], bool, str]] = {
    "unknown version": (_unknown_version, True, "version 99 is not supported"),
    "attachment hash mismatch": (_tampered_attachment, False, "SHA-256 or size does not match"),
    "case.json hash mismatch": (_tampered_case, False, "SHA-256 or size does not match"),
    "path traversal": (_traversal, True, "unsafe path"),
    "absolute path": (_absolute, True, "unsafe path"),
    "unlisted entry": (_unlisted, True, "not listed in the manifest"),
    "malformed JSON": (_malformed_case, True, "not valid JSON"),
    "invalid status": (_bad_status, True, "case.json: documents.0.status"),
    "unknown key": (_unknown_key, True, "owner_password"),
    "invalid event": (_bad_event, True, "unknown event type 'party'"),
    "missing attachment": (_missing_attachment, True, "does not contain"),
    "not a scan": (_not_a_scan, True, "is not a PDF, JPEG or PNG"),
    "deeply nested JSON": (_deep_notes, True, "case.json: nested 3003 levels deep"),
    "points profile with an extreme salary": (_points_profile({"annual_salary_yen": 10**30}), True,
                                              "points_history[0]: annual_salary_yen: must be ≤"),
    "points profile with an unknown key": (_points_profile({"owner": "x"}), True,
                                           "points_history[0]: owner: unknown key"),
    "points profile with a far-future date": (_points_profile({"application_date": "9999-12-31"}), True,
                                              "application_date: 9999-12-31 is outside the dates"),
    "far-future target date": (_far_future_target, True, "target_filing_date"),
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def exported(store: Store, full_case: int, tmp_path: Path) -> Path:
    return store.export_case(full_case, tmp_path / "good.zip")


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_archive_is_refused_and_nothing_is_written(exported: Path, isolated_data_dir: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str], kind: str) -> None:
    change, fix, message = HOSTILE[kind]
    bad = _rewrite(exported, tmp_path / "bad.zip", change, fix_hashes=fix)
    before = _snapshot(isolated_data_dir)
    capsys.readouterr()
    # The CLI's own code path in-process (fast); the subprocess test below covers the real process.
    assert cli_main(["case", "import", str(bad)]) == 2
    stderr = capsys.readouterr().err
    assert message in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert _snapshot(isolated_data_dir) == before
    assert not Path("/tmp/zairyu-absolute.png").exists()
    assert not (tmp_path.parent / "escaped.png").exists()


@pytest.mark.parametrize("kind", ["path traversal", "attachment hash mismatch"])
def test_hostile_archive_through_the_cli_process(cli, exported: Path, isolated_data_dir: Path,  # type: ignore[no-untyped-def]
                                                 tmp_path: Path, kind: str) -> None:
    change, fix, message = HOSTILE[kind]
    bad = _rewrite(exported, tmp_path / "bad.zip", change, fix_hashes=fix)
    before = _snapshot(isolated_data_dir)
    result = cli("case", "import", str(bad))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(isolated_data_dir) == before


def test_unknown_route_is_refused_before_anything_is_written(store: Store, exported: Path,
                                                             tmp_path: Path) -> None:
    bad = _rewrite(exported, tmp_path / "bad.zip", _unknown_route)
    vault_before = _snapshot(store.vault.root)
    cases_before = store.case_ids()
    with check_archive(bad) as checked, pytest.raises(Exception, match="unknown route 'tourist'"):
        store.import_case(checked)
    assert store.case_ids() == cases_before
    assert _snapshot(store.vault.root) == vault_before


def test_compressed_bomb_is_refused(tmp_path: Path, exported: Path) -> None:
    size = 64 * 1024 * 1024  # 64 MiB of zeros compress about 1000:1

    def bomb(entries: dict[str, bytes], manifest: dict[str, Any]) -> None:
        data = b"\x00" * size
        sha = hashlib.sha256(data).hexdigest()
        entries[f"attachments/{sha}.pdf"] = data
        manifest["files"].append({"path": f"attachments/{sha}.pdf", "sha256": sha, "size": size})

    bad = _rewrite(exported, tmp_path / "bomb.zip", bomb)
    assert bad.stat().st_size * MAX_COMPRESSION_RATIO < size
    with pytest.raises(ArchiveError, match="compressed bomb"):
        check_archive(bad)


def test_entry_that_lies_about_its_size_is_refused(tmp_path: Path, exported: Path) -> None:
    """A header claiming a small size must not let more data through (a bomb hiding its ratio)."""
    with zipfile.ZipFile(exported) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(entries["manifest.json"])
    attachment = next(n for n in entries if n.startswith("attachments/"))
    bad = tmp_path / "liar.zip"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("case.json", entries["case.json"])
        zf.writestr(attachment, entries[attachment])
    raw = bytearray(bad.read_bytes())
    # Shrink the sizes the central directory declares for the attachment (the local header keeps
    # the real ones, as a crafted archive would).
    central = _central_entry(raw, attachment)
    raw[central + 20: central + 24] = (10).to_bytes(4, "little")  # compressed size
    raw[central + 24: central + 28] = (10).to_bytes(4, "little")  # uncompressed size
    bad.write_bytes(bytes(raw))
    with pytest.raises(ArchiveError):
        check_archive(bad)


def _central_entry(raw: bytearray, name: str) -> int:
    """Offset of the central-directory record of ``name`` (APPNOTE.TXT 4.3.12: name at +46)."""
    offset = raw.find(b"PK\x01\x02")
    while offset != -1:
        length = int.from_bytes(raw[offset + 28: offset + 30], "little")
        if raw[offset + 46: offset + 46 + length] == name.encode():
            return offset
        offset = raw.find(b"PK\x01\x02", offset + 4)
    raise AssertionError(name)


def test_not_a_zip_and_missing_file(tmp_path: Path) -> None:
    text = tmp_path / "case.zip"
    text.write_text("hello")
    with pytest.raises(ArchiveError, match="not a readable zip"):
        check_archive(text)
    with pytest.raises(ArchiveError, match="no such archive"):
        check_archive(tmp_path / "missing.zip")


def test_oversized_entry_is_refused_from_its_header(tmp_path: Path) -> None:
    bad = tmp_path / "big.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        info = zipfile.ZipInfo("manifest.json")
        zf.writestr(info, b"{}")
    raw = bytearray(bad.read_bytes())
    central = _central_entry(raw, "manifest.json")
    raw[central + 24: central + 28] = (200 * 1024 * 1024).to_bytes(4, "little")
    bad.write_bytes(bytes(raw))
    with pytest.raises(ArchiveError, match="over the limit"):
        check_archive(bad)


def test_damaged_compressed_data_is_one_line(exported: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Bytes flipped inside a deflated entry make zlib fail mid-read (found by the fuzz suite)."""
    raw = bytearray(exported.read_bytes())
    with zipfile.ZipFile(exported) as zf:
        info = zf.getinfo("case.json")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start:start + 4] = b"\xff\xff\xff\xff"  # a deflate block header with an invalid stored length
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(raw))
    assert cli_main(["case", "import", str(damaged)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("zairyu: damaged.zip: entry 'case.json' cannot be read") and len(err.splitlines()) == 1
