"""File names and arguments that are not plain text: undecodable bytes, terminal escapes, line
breaks, bidirectional overrides. They are shown as escapes, never run in the terminal or written
raw into the packet; a multi-file attach checks every file first and attaches all or none."""

from __future__ import annotations

import os
from pathlib import Path

import pikepdf
import pytest

from store.helpers import make_image, make_pdf, run_zairyu
from zairyu.cli.main import main as cli_main
from zairyu.store import Store
from zairyu.store.vault import AttachmentsRefused

HOSTILE_NAME = "bill\x1b[2J\n\u202egpj.exe"  # clear-screen escape, a line break, right-to-left override
SHOWN = "bill\\x1b[2J\\x0a\\u202egpj.exe"


@pytest.fixture
def case_id(store: Store) -> int:
    return store.create_case(route="engineer-specialist", procedure="coe", employer_category=1)


def _vault_files(store: Store) -> list[str]:
    return sorted(p.name for p in store.vault.root.iterdir()) if store.vault.root.exists() else []


def test_control_and_bidi_characters_are_shown_as_escapes_everywhere(store: Store, case_id: int, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    scan = make_pdf(tmp_path / f"{HOSTILE_NAME}.pdf")
    assert cli_main(["case", "attach", str(case_id), "photo", str(scan)]) == 0
    out = capsys.readouterr().out
    assert f"Attached {SHOWN}.pdf to photo" in out and "\x1b" not in out and "\u202e" not in out
    assert store.get_case(case_id).document("photo").attachments[0].original_name == f"{SHOWN}.pdf"
    packet = tmp_path / "packet.pdf"
    assert cli_main(["export", "packet", str(case_id), "-o", str(packet)]) == 0
    with pikepdf.open(packet) as pdf, pdf.open_outline() as outline:
        titles = [child.title for item in outline.root for child in item.children]
    assert titles == [f"{SHOWN}.pdf"]


def test_a_refusal_names_the_users_file_escaped_never_the_vault_copy(store: Store, case_id: int, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / f"{HOSTILE_NAME}.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n" + bytes(range(256)) * 4)
    assert cli_main(["case", "attach", str(case_id), "photo", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"zairyu: {SHOWN}.pdf: ") and len(err.splitlines()) == 1
    assert ".incoming" not in err and "vault" not in err and "\x1b" not in err


def test_undecodable_file_names_attach_and_print(isolated_data_dir: Path, tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/scan-\xff\xfe.jpg"
    make_image(Path(os.fsdecode(raw)))
    created = run_zairyu(isolated_data_dir, "case", "new", "--route", "engineer-specialist", "--procedure", "coe")
    assert created.returncode == 0, created.stderr
    attached = run_zairyu(isolated_data_dir, "case", "attach", "1", "photo", os.fsdecode(raw))
    assert attached.returncode == 0, attached.stderr
    assert "Attached scan-\ufffd\ufffd.jpg to photo: JPEG" in attached.stdout
    shown = run_zairyu(isolated_data_dir, "case", "show", "1")
    assert shown.returncode == 0 and "scan-\ufffd\ufffd.jpg" in shown.stdout


def test_undecodable_text_arguments_are_refused_by_field(isolated_data_dir: Path) -> None:
    done = run_zairyu(isolated_data_dir, "case", "new", "--route", "engineer-specialist", "--procedure", "coe",
                      "--title", os.fsdecode(b"caf\xe9"))
    assert done.returncode == 2
    assert done.stderr.strip() == "zairyu: title: 'caf\ufffd' is not valid UTF-8 text (is the terminal set to UTF-8?)"
    assert "Traceback" not in done.stderr


def test_a_multi_file_attach_is_all_or_nothing_and_lists_every_refusal(store: Store, case_id: int, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    good = [make_pdf(tmp_path / "one.pdf", marker="1"), make_image(tmp_path / "two.jpg")]
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    heic = tmp_path / "photo.heic"
    heic.write_bytes(b"\0\0\0\x18ftypheic" + b"\0" * 64)
    files = [good[0], empty, good[1], heic, tmp_path / "typo.pdf"]
    with pytest.raises(AttachmentsRefused) as refused:
        store.attach_files(case_id, "photo", [(f, f.name) for f in files])
    assert [one.file_name for one in refused.value.refused] == ["empty.pdf", "photo.heic", str(files[-1])]
    assert store.get_case(case_id).document("photo").attachments == []
    assert _vault_files(store) == [], "no copy of the good files is left behind"
    assert cli_main(["case", "attach", str(case_id), "photo", *map(str, files)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert err.startswith("zairyu: 3 of 5 files cannot be attached, so none was: empty.pdf: the file is empty; "
                          "photo.heic: is a HEIC photo")
    assert "typo.pdf: no such file" in err
    assert cli_main(["case", "attach", str(case_id), "photo", *map(str, good)]) == 0
    assert len(store.get_case(case_id).document("photo").attachments) == 2


def test_a_failed_record_leaves_no_unreferenced_vault_copy(store: Store, case_id: int, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The database refuses the row (here: the document vanished between check and record)."""
    scan = make_pdf(tmp_path / "scan.pdf", marker="x")
    original = store._require_document
    calls = {"n": 0}

    def vanishing(conn, case, code):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:  # the second look-up is inside the transaction that records the file
            raise RuntimeError("disk I/O error")
        return original(conn, case, code)

    monkeypatch.setattr(store, "_require_document", vanishing)
    with pytest.raises(RuntimeError):
        store.attach(case_id, "photo", scan)
    assert _vault_files(store) == []
