"""The attachment vault: checked copies of the user's scans, named by their SHA-256.

A file attached twice (to two documents, or two cases) is stored once. A copy is written to a
temporary file in the vault, fsynced, checked (the copy, not the original, so what is stored is
what was checked) and renamed to ``<sha256>.<ext>``: a crash leaves either no file or a complete
one, never half of one. The folder is 0700 and the files 0600: they are passports and tax papers.

Only files the immigration office accepts as scans are let in: a PDF that opens without a password
and passes the bounded checks of ``zairyu.scan_safety`` (the same ones the packet export runs), or
a JPEG / PNG within the pixel cap that Pillow decodes completely.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from zairyu import safe_text
from zairyu.errors import UserInputError
from zairyu.partial_files import new_partial, remove_leftovers
from zairyu.private_paths import PRIVATE_FILE_MODE, describe_os_error, ensure_private_dir
from zairyu.store.database import StoreError, fsync_dir

# No scan a person attaches is this big; the limit stops a disk image or video attached by mistake.
MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TEMP_PREFIX = ".incoming-"
_CHUNK = 1024 * 1024

# Formats people try to attach, to say what the file is instead of only what it is not.
_KNOWN_OTHER_FORMATS: tuple[tuple[bytes, int, str], ...] = (
    (b"ftypheic", 4, "a HEIC photo (convert it to JPEG first)"),
    (b"ftypheix", 4, "a HEIC photo (convert it to JPEG first)"),
    (b"ftypmif1", 4, "a HEIF photo (convert it to JPEG first)"),
    (b"PK\x03\x04", 0, "a ZIP or Office document (save it as PDF first)"),
    (b"\xd0\xcf\x11\xe0", 0, "an old Office document (save it as PDF first)"),
    (b"II*\x00", 0, "a TIFF image (convert it to PDF or PNG first)"),
    (b"MM\x00*", 0, "a TIFF image (convert it to PDF or PNG first)"),
    (b"GIF8", 0, "a GIF image (convert it to PNG first)"),
    (b"RIFF", 0, "a WebP or other RIFF file (convert it to JPEG or PNG first)"),
)


@dataclass(frozen=True)
class VaultFile:
    """A checked file in the vault."""

    sha256: str
    media_type: str
    pages: int
    size_bytes: int
    encrypted_owner_only: bool
    path: Path
    new: bool = False  # this call stored the file (no earlier attachment had the same bytes)


# Called after each chunk copied into the vault with (bytes copied, the file's size). It may raise
# (a cancelled attach raises its own error): the partial copy is removed and the error goes on.
CopyProgress = Callable[[int, int], None]


class AttachmentRefused(UserInputError):
    """A file that cannot be attached; the message names the file and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        self.file_name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}", kind="attachment_refused", file=name, reason=reason)


class AttachmentsRefused(UserInputError):
    """Some of several files cannot be attached, so none was; names every refused file."""

    def __init__(self, refused: list[AttachmentRefused], total: int) -> None:
        self.refused = refused
        listed = "; ".join(str(one) for one in refused)
        super().__init__(f"{len(refused)} of {total} files cannot be attached, so none was: {listed}",
                         kind="attachments_refused", files=[one.file_name for one in refused])


def sniff_media_type(head: bytes) -> str | None:
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    # ISO 32000-1 §7.5.2: the header; readers accept it within the first 1024 bytes.
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    return None


def _describe_other(head: bytes) -> str:
    for magic, offset, label in _KNOWN_OTHER_FORMATS:
        if head[offset:offset + len(magic)] == magic:
            return f"is {label}; only PDF, JPEG and PNG files can be attached"
    return "is not a PDF, JPEG or PNG file; only those can be attached"


@dataclass(frozen=True)
class CheckedContent:
    media_type: str
    pages: int
    encrypted_owner_only: bool


def check_content(path: Path, display_name: str) -> CheckedContent:
    """Check that ``path`` is a readable PDF, JPEG or PNG; AttachmentRefused otherwise."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if not head:
        raise AttachmentRefused(display_name, "the file is empty")
    media_type = sniff_media_type(head)
    if media_type is None:
        raise AttachmentRefused(display_name, _describe_other(head))
    if media_type == "application/pdf":
        return _check_pdf(path, display_name)
    return _check_image(path, display_name, media_type)


def _check_pdf(path: Path, name: str) -> CheckedContent:
    # The checks bring pikepdf and Pillow, which opening the store (the window's start) does not need.
    from zairyu import scan_safety

    try:
        facts = scan_safety.check_pdf(path)
    except scan_safety.ScanRefused as exc:
        raise AttachmentRefused(name, str(exc)) from None
    return CheckedContent("application/pdf", facts.pages, facts.encrypted_owner_only)


def _check_image(path: Path, name: str, media_type: str) -> CheckedContent:
    from PIL import Image

    from zairyu import scan_safety

    expected = "PNG" if media_type == "image/png" else "JPEG"
    try:
        scan_safety.check_image_header(path, expected)
        if media_type == "image/png":
            scan_safety.check_png_structure(path)
        with Image.open(path) as image:
            image.verify()
        # verify() checks structure only; a truncated JPEG shows up when the pixels are decoded.
        with Image.open(path) as image:
            image.load()
    except scan_safety.ScanRefused as exc:
        raise AttachmentRefused(name, str(exc)) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise AttachmentRefused(name, f"not a readable {expected} image ({exc})") from None
    return CheckedContent(media_type, 1, False)


@dataclass(frozen=True)
class StagedFile:
    """A checked copy waiting in the vault under a temporary name."""

    temp: Path
    sha256: str
    size_bytes: int
    content: CheckedContent


class Vault:
    """The folder of attachment files beside the database."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def ensure(self) -> None:
        ensure_private_dir(self.root, "the attachment folder")
        with contextlib.suppress(OSError):
            os.chmod(self.root, 0o700)

    def path_for(self, sha256: str, media_type: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / f"{sha256}{EXTENSIONS[media_type]}"

    def has_intact(self, sha256: str, media_type: str) -> bool:
        """True when the stored file is there and its content still hashes to its name."""
        path = self.path_for(sha256, media_type)
        try:
            return file_sha256(path) == sha256
        except OSError:
            return False

    def add(self, source: Path, display_name: str | None = None, *,
            progress: CopyProgress | None = None) -> VaultFile:
        """Copy ``source`` into the vault after checking it; returns the stored file. ``progress``
        follows the copy, chunk by chunk (the chunks hashed on the way in)."""
        return self.commit(self.stage(source, display_name, progress=progress))

    def stage(self, source: Path, display_name: str | None = None, *,
              progress: CopyProgress | None = None) -> StagedFile:
        """Copy ``source`` to a temporary file in the vault and check the copy; AttachmentRefused
        (naming ``display_name``, never the temporary copy) when it cannot be attached."""
        name = display_name or source.name
        if source.is_dir():
            raise AttachmentRefused(name, "is a folder, not a file")
        try:
            size = source.stat().st_size
        except FileNotFoundError:  # the whole path as given: the typo may be in a folder's name
            raise AttachmentRefused(safe_text.display_name(str(source)), "no such file") from None
        except OSError as exc:
            raise AttachmentRefused(name, f"cannot be read ({describe_os_error(exc)})") from None
        if size > MAX_ATTACHMENT_BYTES:
            raise AttachmentRefused(name, f"the file is {size / 1048576:.0f} MB; attachments are limited to "
                                          f"{MAX_ATTACHMENT_BYTES // 1048576} MB")
        self.ensure()
        temp, sha256, copied = self._copy_in(source, name, size, progress)
        try:
            content = check_content(temp, name)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        return StagedFile(temp, sha256, copied, content)

    def commit(self, staged: StagedFile) -> VaultFile:
        """Move a staged copy to its final name (or drop it when the same bytes are stored already)."""
        content = staged.content
        final = self.path_for(staged.sha256, content.media_type)
        try:
            if final.exists() and file_sha256(final) == staged.sha256:
                staged.temp.unlink()  # already stored: the same bytes were attached before
                new = False
            else:
                os.replace(staged.temp, final)
                fsync_dir(self.root)
                new = True
        except BaseException:
            self.discard(staged)
            raise
        return VaultFile(staged.sha256, content.media_type, content.pages, staged.size_bytes,
                         content.encrypted_owner_only, final, new)

    @staticmethod
    def discard(staged: StagedFile) -> None:
        with contextlib.suppress(OSError):
            staged.temp.unlink()

    def _copy_in(self, source: Path, name: str, size: int = 0,
                 progress: CopyProgress | None = None) -> tuple[Path, str, int]:
        digest = hashlib.sha256()
        copied = 0
        try:
            fd, temp_name = _private_temp(self.root)
        except OSError as exc:
            raise StoreError(f"{self.root}: cannot write to the attachment folder "
                             f"({describe_os_error(exc)})") from None
        temp = Path(temp_name)
        try:
            with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(_CHUNK):
                    copied += len(chunk)
                    if copied > MAX_ATTACHMENT_BYTES:
                        raise AttachmentRefused(name, "the file grew past the attachment size limit while "
                                                      "it was being copied")
                    digest.update(chunk)
                    dst.write(chunk)
                    if progress is not None:
                        progress(copied, max(size, copied))  # a file growing while read: never past 100 %
                dst.flush()
                os.fsync(dst.fileno())
        except OSError as exc:
            temp.unlink(missing_ok=True)
            if exc.filename is not None and Path(exc.filename) == source:
                raise AttachmentRefused(name, f"cannot be read ({describe_os_error(exc)})") from None
            raise StoreError(f"{self.root}: could not store {name} ({describe_os_error(exc)}; is the disk "
                             "full or the folder read-only?); nothing was attached") from None
        except BaseException:  # refused, cancelled, interrupted: no partial copy stays behind
            temp.unlink(missing_ok=True)
            raise
        if copied == 0:
            temp.unlink(missing_ok=True)
            raise AttachmentRefused(name, "the file is empty")
        return temp, digest.hexdigest(), copied

    def remove_stale_temps(self) -> None:
        """Drop copies left by a process killed mid-copy (never one a running process is writing)."""
        if self.root.is_dir():
            remove_leftovers(self.root, _TEMP_PREFIX)


def _private_temp(folder: Path) -> tuple[int, str]:
    fd, path = new_partial(folder, _TEMP_PREFIX)  # mkstemp creates it 0600
    # By path: os.fchmod exists on Windows only from Python 3.13 (where only the read-only bit counts).
    os.chmod(path, PRIVATE_FILE_MODE)
    return fd, str(path)


def remove_if_new(paths: list[Path]) -> None:
    """Remove vault files this process stored for a change that was then not recorded."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
