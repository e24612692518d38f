"""The attachment vault: what is let in, what is refused (with the file's name and why), and how it is stored."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PIL import Image

from store.helpers import make_image, make_large_png, make_pdf
from zairyu.scan_safety import MAX_IMAGE_PIXELS
from zairyu.store import AttachmentRefused, Store
from zairyu.store.vault import Vault, file_sha256


def _new_case(store: Store) -> int:
    return store.create_case(route="engineer-specialist", procedure="change", employer_category=3)


def test_pdf_jpeg_png_are_stored_by_sha256_with_type_pages_and_size(store: Store, tmp_path: Path) -> None:
    case_id = _new_case(store)
    pdf = make_pdf(tmp_path / "diploma.pdf", pages=3)
    jpeg = make_image(tmp_path / "photo.jpg", "JPEG")
    png = make_image(tmp_path / "card.png", "PNG")
    results = [store.attach(case_id, "photo", f) for f in (pdf, jpeg, png)]
    assert [(a.media_type, a.pages) for a in results] == [("application/pdf", 3), ("image/jpeg", 1),
                                                           ("image/png", 1)]
    for attachment, source in zip(results, (pdf, jpeg, png), strict=True):
        assert attachment.sha256 == file_sha256(source)
        assert attachment.path.name.startswith(attachment.sha256)
        assert attachment.path.read_bytes() == source.read_bytes()
        assert attachment.size_bytes == source.stat().st_size
        assert attachment.path.is_absolute()
        assert stat.S_IMODE(attachment.path.stat().st_mode) == 0o600
        assert not attachment.encrypted_owner_only
    assert stat.S_IMODE(store.vault.root.stat().st_mode) == 0o700
    shown = store.get_case(case_id).document("photo").attachments
    assert [a.original_name for a in shown] == ["diploma.pdf", "photo.jpg", "card.png"]


def test_the_same_file_attached_twice_is_stored_once(store: Store, tmp_path: Path) -> None:
    case_id = _new_case(store)
    pdf = make_pdf(tmp_path / "passport.pdf")
    copy = tmp_path / "passport-copy.pdf"
    copy.write_bytes(pdf.read_bytes())
    store.attach(case_id, "photo", pdf)
    store.attach(case_id, "photo", pdf)  # same document: no second row
    store.attach(case_id, "passport", copy)  # another document, same bytes: one vault file
    assert len(store.get_case(case_id).document("photo").attachments) == 1
    assert len(list(store.vault.root.iterdir())) == 1


def test_owner_password_only_pdf_is_accepted_and_noted(store: Store, tmp_path: Path) -> None:
    case_id = _new_case(store)
    pdf = make_pdf(tmp_path / "tax-certificate.pdf", pages=2, owner="secret-owner")
    attachment = store.attach(case_id, "photo", pdf)
    assert attachment.encrypted_owner_only
    assert attachment.pages == 2
    assert store.get_case(case_id).document("photo").attachments[0].encrypted_owner_only


def test_user_password_pdf_is_refused_with_name_and_reason(store: Store, tmp_path: Path) -> None:
    case_id = _new_case(store)
    pdf = make_pdf(tmp_path / "bank-statement.pdf", owner="o", user="open-me")
    with pytest.raises(AttachmentRefused, match=r"^bank-statement\.pdf: .*password"):
        store.attach(case_id, "photo", pdf)
    assert store.get_case(case_id).document("photo").attachments == []
    assert list(store.vault.root.iterdir()) == []  # no temporary copy left behind


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("notes.txt", b"just some text", "not a PDF, JPEG or PNG"),
    ("empty.pdf", b"", "empty"),
    ("broken.pdf", b"%PDF-1.7\nthis is not really a pdf\n", "not a readable PDF"),
    ("photo.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC"),
    ("letter.docx", b"PK\x03\x04" + b"\x00" * 40, "Office document"),
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "not a readable PNG"),
])
def test_unreadable_or_foreign_files_are_refused(store: Store, tmp_path: Path, name: str, content: bytes,
                                                 reason: str) -> None:
    case_id = _new_case(store)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AttachmentRefused) as refused:
        store.attach(case_id, "photo", path)
    assert str(refused.value).startswith(f"{name}: ")
    assert reason in str(refused.value)


def test_truncated_jpeg_is_refused(store: Store, tmp_path: Path) -> None:
    case_id = _new_case(store)
    # Noise does not compress, so cutting the file in half removes real scan data.
    import os
    image = Image.frombytes("RGB", (256, 256), os.urandom(256 * 256 * 3))
    full = tmp_path / "full.jpg"
    image.save(full, "JPEG", quality=95)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    with pytest.raises(AttachmentRefused, match=r"^cut\.jpg: not a readable JPEG"):
        store.attach(case_id, "photo", cut)


def test_image_larger_than_a_scan_is_refused(tmp_path: Path) -> None:
    # A PNG of one colour compresses to almost nothing: a decompression bomb in miniature.
    side = int(MAX_IMAGE_PIXELS ** 0.5) + 100
    bomb = tmp_path / "bomb.png"
    Image.new("1", (side, side)).save(bomb, "PNG")
    with pytest.raises(AttachmentRefused, match=r"^bomb\.png: .*pixels|too large"):
        Vault(tmp_path / "vault").add(bomb)


def test_missing_file_and_folder_are_refused(store: Store, tmp_path: Path) -> None:
    case_id = _new_case(store)
    with pytest.raises(AttachmentRefused, match=r"/nothing\.pdf: no such file"):
        store.attach(case_id, "photo", tmp_path / "nothing.pdf")
    with pytest.raises(AttachmentRefused, match="is a folder"):
        store.attach(case_id, "photo", tmp_path)


def test_a_damaged_vault_copy_is_replaced_on_the_next_attach(store: Store, tmp_path: Path) -> None:
    case_id = _new_case(store)
    pdf = make_pdf(tmp_path / "a.pdf")
    attachment = store.attach(case_id, "photo", pdf)
    attachment.path.write_bytes(b"damaged")
    assert not store.vault.has_intact(attachment.sha256, attachment.media_type)
    store.attach(case_id, "passport", pdf)
    assert store.vault.has_intact(attachment.sha256, attachment.media_type)


def test_the_copy_reports_its_bytes_up_to_the_file_size(store: Store, tmp_path: Path) -> None:
    scan = make_large_png(tmp_path / "scan.png")
    size = scan.stat().st_size
    assert size > 5_000_000
    seen: list[tuple[int, int]] = []
    store.attach(store.create_case(route="engineer-specialist", procedure="coe"), "photo", scan,
                 progress=lambda copied, total: seen.append((copied, total)))
    assert len(seen) > 3  # chunk by chunk, not once at the end
    assert [copied for copied, _total in seen] == sorted(copied for copied, _total in seen)
    assert seen[-1] == (size, size) and {total for _copied, total in seen} == {size}


class _Stop(Exception):
    pass


def test_a_copy_stopped_by_its_progress_leaves_the_vault_as_it_was(store: Store, tmp_path: Path) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe")
    store.attach(case_id, "photo", make_image(tmp_path / "photo.jpg"))
    before = sorted(p.name for p in store.vault.root.iterdir())

    def stop_halfway(copied: int, total: int) -> None:
        if copied > total // 2:
            raise _Stop

    with pytest.raises(_Stop):
        store.attach(case_id, "diploma", make_large_png(tmp_path / "diploma.png"), progress=stop_halfway)
    assert sorted(p.name for p in store.vault.root.iterdir()) == before
    assert store.get_case(case_id).document("diploma").attachments == []


def test_stored_files_never_recorded_are_discarded_unless_in_use(store: Store, tmp_path: Path) -> None:
    case_id = store.create_case(route="engineer-specialist", procedure="coe")
    used = store.attach(case_id, "photo", make_image(tmp_path / "photo.jpg"))
    again = store.store_file(case_id, "diploma", tmp_path / "photo.jpg")  # the same bytes: not new
    fresh = store.store_file(case_id, "diploma", make_large_png(tmp_path / "diploma.png", side=300))
    assert (again.new, fresh.new) == (False, True)
    store.discard_stored_files([again, fresh])
    assert used.path.is_file() and not fresh.path.exists()


def test_attaching_works_where_python_has_no_fchmod(store: Store, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has os.fchmod only from Python 3.13; the vault's copy is still made private."""
    import os

    monkeypatch.delattr(os, "fchmod")
    attachment = store.attach(_new_case(store), "photo", make_image(tmp_path / "photo.jpg", "JPEG"))
    assert stat.S_IMODE(attachment.path.stat().st_mode) == 0o600
