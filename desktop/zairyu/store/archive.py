"""Portable case archives: one case with its files in a zip, to move to another computer.

Layout (format ``zairyu-case-archive``, version 1):
    manifest.json             {"format", "version", "created_at", "app_version", "case": "case.json",
                               "files": [{"path", "sha256", "size"}, ...]}
    case.json                 the case (CaseArchive below), attachments referenced by SHA-256
    attachments/<sha256>.pdf|.jpg|.png

An archive comes from outside, so import trusts nothing in it and checks everything before it
writes anything: the manifest's format and version, every entry's name (no absolute paths, no
``..``, no links, no duplicates, nothing unlisted), sizes against fixed limits and the compression
ratio (zip bombs), every SHA-256 while reading with a hard byte cap, the case JSON against a strict
model, and each attachment with the same checks as ``case attach``. Only then is the case written,
in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, BinaryIO, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from zairyu import __version__
from zairyu.domain.date_range import check_date_range
from zairyu.errors import UserInputError, output_error
from zairyu.partial_files import new_partial
from zairyu.private_paths import describe_os_error
from zairyu.safe_text import display_name
from zairyu.store import crypto
from zairyu.store.database import fsync_dir
from zairyu.store.models import CaseView, DocumentStatus, Relation, TranslationStatus, iso
from zairyu.store.vault import EXTENSIONS, MAX_ATTACHMENT_BYTES, AttachmentRefused, check_content
from zairyu.user_files import parse_json_text

ARCHIVE_FORMAT = "zairyu-case-archive"
ARCHIVE_VERSION = 1
MANIFEST_NAME = "manifest.json"
CASE_NAME = "case.json"
MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
# Scans are already compressed (JPEG, PDF streams); a ratio above this is a compressed bomb.
# Entries under MIN_RATIO_CHECK bytes are too small to matter.
MAX_COMPRESSION_RATIO = 100
MIN_RATIO_CHECK = 1024 * 1024
_SHA256 = r"[0-9a-f]{64}"
_ATTACHMENT_PATH = re.compile(rf"^attachments/({_SHA256})(\.pdf|\.jpg|\.png)$")
_CHUNK = 1024 * 1024


class ArchiveError(UserInputError):
    """An archive that cannot be imported; the message names the archive (and entry) and why."""


# -- the case JSON ------------------------------------------------------------------------------

IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_date(value: str | None) -> str | None:
    if value is not None:
        check_date_range(dt.date.fromisoformat(value))
    return value


class ArchivedPerson(_Strict):
    name: str = ""
    nationality: str = ""
    birth_date: IsoDate | None = None
    passport_number: str = ""
    passport_expiry: IsoDate | None = None
    residence_card_number: str = ""
    residence_card_expiry: IsoDate | None = None
    relation: Relation = Relation.MAIN

    _dates = field_validator("birth_date", "passport_expiry", "residence_card_expiry")(_check_date)


class ArchivedAttachment(_Strict):
    sha256: Annotated[str, Field(pattern=rf"^{_SHA256}$")]
    original_name: Annotated[str, Field(min_length=1, max_length=1000)]
    added_at: str = ""

    # Shown in the terminal and in the packet's bookmarks: no escapes or bidi overrides, as at attach.
    _name = field_validator("original_name")(display_name)


class ArchivedDocument(_Strict):
    code: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
    name_en: str
    name_ja: str = ""
    required: bool = True
    user_added: bool = False
    status: DocumentStatus = DocumentStatus.NEEDED
    translation: TranslationStatus = TranslationStatus.NOT_NEEDED
    translator: str = ""  # archives written before the translator was recorded have none
    issued: IsoDate | None = None
    expiry: IsoDate | None = None
    copies: Annotated[int, Field(ge=0, le=99)] = 1
    notes: str = ""
    attachments: list[ArchivedAttachment] = []

    _dates = field_validator("issued", "expiry")(_check_date)


class ArchivedPoints(_Strict):
    saved_at: str
    profile: dict[str, Any]


class CaseArchive(_Strict):
    title: str = ""
    route: str
    procedure: str
    employer_category: Annotated[int, Field(ge=1, le=4)] | None = None
    target_filing_date: IsoDate | None = None
    notes: str = ""
    created_at: str = ""
    applicant: ArchivedPerson
    family: list[ArchivedPerson] = []
    documents: list[ArchivedDocument]
    points_history: list[ArchivedPoints] = []
    events: list[dict[str, Any]] = []

    _dates = field_validator("target_filing_date")(_check_date)

    @field_validator("documents")
    @classmethod
    def _unique_codes(cls, documents: list[ArchivedDocument]) -> list[ArchivedDocument]:
        seen: set[str] = set()
        for doc in documents:
            if doc.code in seen:
                raise ValueError(f"document code '{doc.code}' appears twice")
            seen.add(doc.code)
        return documents

    @field_validator("points_history")
    @classmethod
    def _profiles(cls, history: list[ArchivedPoints]) -> list[ArchivedPoints]:
        # The same check as `case set-points`: a profile the engine cannot read would make the case
        # impossible to export or score once imported.
        from zairyu.store.points_link import validate_points_profile

        for index, version in enumerate(history):
            try:
                validate_points_profile(version.profile, source=f"points_history[{index}]")
            except UserInputError as exc:
                raise ValueError(str(exc)) from None
        return history

    @field_validator("events")
    @classmethod
    def _events(cls, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        from zairyu.store.events_link import validate_event

        return [validate_event(event, source=f"events[{index}]") for index, event in enumerate(events)]


def case_to_archive(case: CaseView) -> CaseArchive:
    return CaseArchive(
        title=case.title, route=case.route, procedure=case.procedure, employer_category=case.employer_category,
        target_filing_date=iso(case.target_filing_date), notes=case.notes, created_at=case.created_at,
        applicant=ArchivedPerson(**case.applicant.to_json()),
        family=[ArchivedPerson(**member.to_json()) for member in case.family],
        documents=[ArchivedDocument(
            code=d.code, name_en=d.name_en, name_ja=d.name_ja, required=d.required, user_added=d.user_added,
            status=d.status, translation=d.translation, translator=d.translator, issued=iso(d.issued),
            expiry=iso(d.expiry), copies=d.copies, notes=d.notes,
            attachments=[ArchivedAttachment(sha256=a.sha256, original_name=a.original_name, added_at=a.added_at)
                         for a in d.attachments]) for d in case.documents],
        points_history=[ArchivedPoints(saved_at=v.saved_at, profile=v.profile) for v in case.points_history],
        events=case.events,
    )


# -- the manifest -------------------------------------------------------------------------------

class ManifestEntry(_Strict):
    path: str
    sha256: Annotated[str, Field(pattern=rf"^{_SHA256}$")]
    size: Annotated[int, Field(ge=0)]


class Manifest(_Strict):
    format: Literal["zairyu-case-archive"]
    version: Literal[1]
    created_at: str = ""
    app_version: str = ""
    case: Literal["case.json"] = "case.json"
    files: list[ManifestEntry]


# -- export -------------------------------------------------------------------------------------

def export_case(case: CaseView, output: Path, *, passphrase: str | None = None) -> Path:
    """Write ``case`` and its attachment files to ``output`` (a zip), atomically; with a
    ``passphrase``, the zip is encrypted as it is written (crypto.py), never on disk in the clear."""
    output = output.expanduser()
    if output.is_dir():
        raise output_error("output_is_folder", output, "is a folder; give a file name such as case.zip")
    if not output.parent.is_dir():
        raise output_error("output_folder_missing", output, f"the folder {output.parent} does not exist")
    case_bytes = json.dumps(case_to_archive(case).model_dump(mode="json"), ensure_ascii=False,
                            indent=2).encode("utf-8")
    files: dict[str, Path] = {}
    for doc in case.documents:
        for attachment in doc.attachments:
            files[f"attachments/{attachment.sha256}{EXTENSIONS[attachment.media_type]}"] = attachment.path
    entries = [ManifestEntry(path=CASE_NAME, sha256=hashlib.sha256(case_bytes).hexdigest(), size=len(case_bytes))]
    for name, path in sorted(files.items()):
        digest, size = _hash_file(path)
        expected = PurePosixPath(name).stem
        if digest != expected:
            raise UserInputError(f"{path}: the stored attachment no longer matches its SHA-256 (the vault file "
                                 "was changed or damaged); restore it from a backup before exporting")
        entries.append(ManifestEntry(path=name, sha256=digest, size=size))
    manifest = Manifest(format=ARCHIVE_FORMAT, version=ARCHIVE_VERSION,
                        created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                        app_version=__version__, files=entries)
    try:
        fd, temp = new_partial(output.parent, f".{output.name}.", ".partial")
    except OSError as exc:
        raise output_error("output_not_writable", output, f"cannot write there ({describe_os_error(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            sink = crypto.EncryptingWriter(handle, passphrase) if passphrase is not None else None
            with zipfile.ZipFile(cast(BinaryIO, sink or handle), "w") as archive:
                archive.writestr(MANIFEST_NAME, json.dumps(manifest.model_dump(mode="json"), indent=2),
                                 compress_type=zipfile.ZIP_DEFLATED)
                archive.writestr(CASE_NAME, case_bytes, compress_type=zipfile.ZIP_DEFLATED)
                for name, path in sorted(files.items()):
                    # Scans are compressed already; storing them keeps export fast.
                    archive.write(path, name, compress_type=zipfile.ZIP_STORED)
            if sink is not None:
                sink.close()
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, output)
        fsync_dir(output.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise output_error("output_write_failed", output,
                           f"the archive could not be written ({describe_os_error(exc)})") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return output


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise UserInputError(f"{path}: the stored attachment cannot be read ({describe_os_error(exc)})") from None
    return digest.hexdigest(), size


# -- import: validation -------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckedAttachmentFile:
    sha256: str
    path: Path  # the checked copy in the temporary folder
    media_type: str


@dataclass
class CheckedArchive:
    """An archive that passed every check; its files wait in ``workdir`` until imported."""

    case: CaseArchive
    files: dict[str, CheckedAttachmentFile]  # by SHA-256
    workdir: tempfile.TemporaryDirectory[str]

    def cleanup(self) -> None:
        self.workdir.cleanup()

    def __enter__(self) -> CheckedArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


def _safe_entry_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return False
    parts = name.split("/")
    return all(part not in ("", ".", "..") for part in parts)


def _pydantic_problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    return f"{where}: {first['msg']}"


def check_archive(path: Path, *, passphrase: str | None = None) -> CheckedArchive:
    """Validate the archive completely; raises ArchiveError (nothing written) or returns it checked.

    An encrypted archive (``crypto.is_encrypted``) needs its ``passphrase``; it is decrypted into
    the private working folder first, and a wrong passphrase or a changed file is refused there.
    """
    path = path.expanduser()
    label = path.name
    if not path.is_file():
        raise ArchiveError(f"{path}: no such archive", kind="archive_missing", file=path)
    workdir = tempfile.TemporaryDirectory(prefix="zairyu-import-")
    try:
        if crypto.is_encrypted(path):
            if passphrase is None:
                raise ArchiveError(f"{label}: the archive is encrypted; a passphrase is needed",
                                   kind="passphrase_needed", file=path)
            decrypted = Path(workdir.name) / "archive.zip"
            crypto.decrypt_file(path, decrypted, passphrase)
            path = decrypted
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise ArchiveError(f"{label}: not a Zairyu case archive (not a readable zip: {exc})") from None
        with archive:
            checked = _check_open_archive(archive, label, Path(workdir.name))
        return CheckedArchive(checked[0], checked[1], workdir)
    except BaseException:
        workdir.cleanup()
        raise


def _check_open_archive(archive: zipfile.ZipFile, label: str,
                        workdir: Path) -> tuple[CaseArchive, dict[str, CheckedAttachmentFile]]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ArchiveError(f"{label}: {len(infos)} entries, more than a case archive has (at most {MAX_ENTRIES})")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if not _safe_entry_name(name) or info.is_dir():
            raise ArchiveError(f"{label}: entry '{name}' has an unsafe path (absolute, '..', or a folder); "
                               "refused, nothing was imported")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ArchiveError(f"{label}: entry '{name}' is a symbolic link; refused, nothing was imported")
        if name in by_name:
            raise ArchiveError(f"{label}: entry '{name}' appears twice; refused, nothing was imported")
        if info.flag_bits & 0x1:
            raise ArchiveError(f"{label}: entry '{name}' is encrypted; refused, nothing was imported")
        limit = MAX_JSON_BYTES if name.endswith(".json") else MAX_ATTACHMENT_BYTES
        if info.file_size > limit:
            raise ArchiveError(f"{label}: entry '{name}' is {info.file_size} bytes, over the limit of {limit}; "
                               "refused, nothing was imported")
        if info.file_size > MIN_RATIO_CHECK and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise ArchiveError(f"{label}: entry '{name}' expands {info.file_size // max(info.compress_size, 1)} "
                               "times (a compressed bomb?); refused, nothing was imported")
        total += info.file_size
        by_name[name] = info
    if total > MAX_TOTAL_BYTES:
        raise ArchiveError(f"{label}: the archive expands to {total} bytes, over the limit; refused")

    if MANIFEST_NAME not in by_name:
        raise ArchiveError(f"{label}: not a Zairyu case archive (no {MANIFEST_NAME})")
    manifest_bytes = _read_capped(archive, by_name[MANIFEST_NAME], label, MAX_JSON_BYTES)
    raw_manifest = _parse_json(manifest_bytes, label, MANIFEST_NAME)
    if isinstance(raw_manifest, dict):
        if raw_manifest.get("format") != ARCHIVE_FORMAT:
            raise ArchiveError(f"{label}: not a Zairyu case archive (manifest format "
                               f"{raw_manifest.get('format')!r})")
        if raw_manifest.get("version") != ARCHIVE_VERSION:
            raise ArchiveError(f"{label}: archive version {raw_manifest.get('version')!r} is not supported; this "
                               f"Zairyu reads version {ARCHIVE_VERSION} (update Zairyu?)")
    try:
        manifest = Manifest.model_validate(raw_manifest)
    except ValidationError as exc:
        raise ArchiveError(f"{label}: {MANIFEST_NAME}: {_pydantic_problem(exc)}") from None

    listed = {entry.path: entry for entry in manifest.files}
    if len(listed) != len(manifest.files):
        raise ArchiveError(f"{label}: {MANIFEST_NAME}: a file is listed twice")
    for name in by_name:
        if name != MANIFEST_NAME and name not in listed:
            raise ArchiveError(f"{label}: entry '{name}' is not listed in the manifest; refused")
    for name in listed:
        if name not in by_name:
            raise ArchiveError(f"{label}: {name} is listed in the manifest but missing from the archive")
        if name != CASE_NAME and not _ATTACHMENT_PATH.match(name):
            raise ArchiveError(f"{label}: {MANIFEST_NAME}: unexpected file '{name}'")
    if CASE_NAME not in listed:
        raise ArchiveError(f"{label}: {MANIFEST_NAME} does not list {CASE_NAME}")

    case_entry = listed[CASE_NAME]
    case_bytes = _read_capped(archive, by_name[CASE_NAME], label, MAX_JSON_BYTES)
    _check_hash(label, case_entry, hashlib.sha256(case_bytes).hexdigest(), len(case_bytes))
    raw_case = _parse_json(case_bytes, label, CASE_NAME)
    try:
        case = CaseArchive.model_validate(raw_case)
    except ValidationError as exc:
        raise ArchiveError(f"{label}: {CASE_NAME}: {_pydantic_problem(exc)}") from None

    files: dict[str, CheckedAttachmentFile] = {}
    for name, entry in listed.items():
        match = _ATTACHMENT_PATH.match(name)
        if match is None:
            continue
        target = workdir / PurePosixPath(name).name  # our own name, never the archive's path
        digest, size = _extract_capped(archive, by_name[name], target, label, MAX_ATTACHMENT_BYTES)
        _check_hash(label, entry, digest, size)
        if digest != match.group(1):
            raise ArchiveError(f"{label}: {name}: the file name does not match its content's SHA-256")
        try:
            content = check_content(target, f"{label}: {name}")
        except AttachmentRefused as exc:
            raise ArchiveError(str(exc)) from None
        if EXTENSIONS[content.media_type] != match.group(2):
            raise ArchiveError(f"{label}: {name}: the content is {content.media_type}, not what its name says")
        files[digest] = CheckedAttachmentFile(digest, target, content.media_type)

    for doc in case.documents:
        for attachment in doc.attachments:
            if attachment.sha256 not in files:
                raise ArchiveError(f"{label}: {CASE_NAME}: document '{doc.code}' refers to attachment "
                                   f"{attachment.sha256[:12]}, which the archive does not contain")
    return case, files


def _check_hash(label: str, entry: ManifestEntry, digest: str, size: int) -> None:
    if size != entry.size or digest != entry.sha256:
        raise ArchiveError(f"{label}: {entry.path}: SHA-256 or size does not match the manifest (damaged or "
                           "altered archive); refused, nothing was imported")


def _parse_json(data: bytes, label: str, name: str) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ArchiveError(f"{label}: {name}: not UTF-8 text") from None
    try:
        return parse_json_text(text, f"{label}: {name}")
    except UserInputError as exc:
        raise ArchiveError(str(exc), kind=exc.kind, file=label) from None


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, cap: int) -> bytes:
    # The header's size can lie: read at most min(declared, cap) + 1 bytes and compare.
    allowed = min(info.file_size, cap)
    try:
        with archive.open(info) as handle:
            data = handle.read(allowed + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise ArchiveError(f"{label}: entry '{info.filename}' cannot be read ({exc})") from None
    if len(data) > allowed:
        raise ArchiveError(f"{label}: entry '{info.filename}' holds more data than it declares (a compressed "
                           "bomb?); refused, nothing was imported")
    return data


def _extract_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, label: str,
                    cap: int) -> tuple[str, int]:
    allowed = min(info.file_size, cap)
    digest = hashlib.sha256()
    written = 0
    try:
        with archive.open(info) as source, open(target, "wb") as out:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > allowed:
                    raise ArchiveError(f"{label}: entry '{info.filename}' holds more data than it declares "
                                       "(a compressed bomb?); refused, nothing was imported")
                digest.update(chunk)
                out.write(chunk)
    except ArchiveError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        raise ArchiveError(f"{label}: entry '{info.filename}' cannot be read ({exc})") from None
    except OSError as exc:
        raise ArchiveError(f"{label}: entry '{info.filename}' cannot be unpacked ({describe_os_error(exc)})") from None
    return digest.hexdigest(), written
