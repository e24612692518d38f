"""The store: the one object the CLI and the GUI use to read and change the user's cases.

Every change is one SQLite transaction (``BEGIN IMMEDIATE``), so a second process waits for the
first (up to the busy timeout) and a killed process leaves the last committed state. Attachments
are copied into the vault before the transaction that records them, so a committed row always
points at a complete file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zairyu import paths
from zairyu.domain.checklist import required_documents
from zairyu.domain.date_range import DateOutOfRange, check_date_range
from zairyu.domain.routes import DocumentSpec, RouteCatalog, RouteId
from zairyu.errors import DataFileError, UserInputError, ZairyuError
from zairyu.safe_text import display_name
from zairyu.store import backups
from zairyu.store.database import (
    DB_FILE_NAME,
    StoreError,
    connect,
    ensure_private_dir,
    read_snapshot,
    sqlite_errors,
    transaction,
)
from zairyu.store.events_link import validate_event
from zairyu.store.migrations import migrate, schema_version
from zairyu.store.models import (
    APPLICANT_DATE_FIELDS,
    APPLICANT_FIELDS,
    Applicant,
    Attachment,
    CaseDocument,
    CaseSummary,
    CaseView,
    PointsVersion,
)
from zairyu.store.points_link import claimed_points_items, pr_document_basis, validate_points_profile
from zairyu.store.reconcile import ReconcilePlan, StoredDocument, initial_translation, plan_reconciliation
from zairyu.store.schema import APPLICANT_RELATIONS, DOCUMENT_STATUSES, SCHEMA_VERSION, TRANSLATION_STATUSES
from zairyu.store.vault import AttachmentRefused, AttachmentsRefused, StagedFile, Vault, VaultFile, remove_if_new

if TYPE_CHECKING:
    from zairyu.store.archive import ArchivedPerson, CaseArchive, CheckedArchive

VAULT_DIR_NAME = "vault"
USER_DOCUMENT_POSITION = 10_000  # user-added documents list after the route's own
_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class _Unset(Enum):
    UNSET = 0


UNSET = _Unset.UNSET  # "leave this field as it is" (None means "clear it")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def parse_date(value: dt.date | str | None, field: str) -> str | None:
    """An ISO date (YYYY-MM-DD) within the range Zairyu handles, or None; UserInputError naming ``field``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        raise UserInputError(f"{field}: '{value}' is not a date (YYYY-MM-DD)", kind="date_invalid", field=field,
                             value=value) from None
    try:
        return check_date_range(day).isoformat()
    except DateOutOfRange as exc:
        raise UserInputError(f"{field}: {exc}", kind="date_out_of_range", field=field, value=value) from None


def _choice(value: str, valid: tuple[str, ...], field: str) -> str:
    if value not in valid:
        raise UserInputError(f"{field}: '{value}' is not valid; valid: {', '.join(valid)}")
    return value


def _employer_category(value: int | None) -> int | None:
    if value is not None and value not in (1, 2, 3, 4):
        raise UserInputError(f"employer category: '{value}' is not valid; valid: 1, 2, 3, 4")
    return value


class Store:
    """An open store. Use as a context manager or call close()."""

    def __init__(self, data_dir: Path, conn: sqlite3.Connection, catalog: RouteCatalog | None = None) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_FILE_NAME
        self.vault = Vault(data_dir / VAULT_DIR_NAME)
        self._conn = conn
        self._catalog = catalog

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def catalog(self) -> RouteCatalog:
        if self._catalog is None:
            self._catalog = RouteCatalog.load(paths.checklists_dir())
        return self._catalog

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection (tests and maintenance only: change data through the methods)."""
        return self._conn

    def _tx(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return transaction(self._conn, self.db_path)

    def _read(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return read_snapshot(self._conn, self.db_path)

    # -- cases -------------------------------------------------------------------------------

    def create_case(self, *, route: str, procedure: str, employer_category: int | None = None,
                    title: str = "", target_filing_date: dt.date | str | None = None, notes: str = "",
                    applicant: Mapping[str, Any] | None = None, applicant_id: int | None = None) -> int:
        """Create a case with its route's checklist; returns the new case id.

        ``applicant`` holds the main applicant's fields (name, nationality, birth_date, ...);
        ``applicant_id`` reuses an existing applicant instead (a second case for the same person).
        """
        spec = self.catalog.get(route)
        spec.procedure(procedure)
        _employer_category(employer_category)
        filing = parse_date(target_filing_date, "target filing date")
        expected = self._expected_documents(route, procedure, employer_category, None)
        fields = self._applicant_fields(applicant or {})
        now = _now()
        with self._tx() as conn:
            if applicant_id is None:
                columns = ["relation", *fields]
                cursor = conn.execute(
                    f"INSERT INTO applicants ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    ("main", *fields.values()))
                applicant_id = int(cursor.lastrowid or 0)
            elif conn.execute("SELECT 1 FROM applicants WHERE id = ?", (applicant_id,)).fetchone() is None:
                raise UserInputError(f"applicant {applicant_id}: no such applicant")
            cursor = conn.execute(
                "INSERT INTO cases (applicant_id, route, procedure, employer_category, title, target_filing_date,"
                " notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (applicant_id, spec.id.value, procedure, employer_category, title, filing, notes, now, now))
            case_id = int(cursor.lastrowid or 0)
            for position, doc in enumerate(expected):
                self._insert_route_document(conn, case_id, doc, position)
        return case_id

    def update_case(self, case_id: int, *, title: str | _Unset = UNSET,
                    employer_category: int | _Unset | None = UNSET,
                    target_filing_date: dt.date | str | _Unset | None = UNSET,
                    notes: str | _Unset = UNSET) -> None:
        """Change a case's own fields; a new employer category re-reconciles its checklist."""
        changes: dict[str, Any] = {}
        if not isinstance(title, _Unset):
            changes["title"] = title
        if not isinstance(employer_category, _Unset):
            changes["employer_category"] = _employer_category(employer_category)
        if not isinstance(target_filing_date, _Unset):
            changes["target_filing_date"] = parse_date(target_filing_date, "target filing date")
        if not isinstance(notes, _Unset):
            changes["notes"] = notes
        with self._tx() as conn:
            self._require_case(conn, case_id)
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                conn.execute(f"UPDATE cases SET {assignments}, updated_at = ? WHERE id = ?",
                             (*changes.values(), _now(), case_id))
            if "employer_category" in changes:
                self._reconcile(conn, case_id)  # same transaction: never a category without its checklist

    def delete_case(self, case_id: int) -> None:
        """Delete a case and its documents (vault files stay: other cases or backups may use them)."""
        with self._tx() as conn:
            self._require_case(conn, case_id)
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))

    def list_cases(self) -> list[CaseSummary]:
        with sqlite_errors(self.db_path):
            rows = self._conn.execute(
                """SELECT c.id, c.title, c.route, c.procedure, c.employer_category, a.name, c.updated_at,
                          (SELECT count(*) FROM documents d WHERE d.case_id = c.id AND d.required = 1),
                          (SELECT count(*) FROM documents d WHERE d.case_id = c.id AND d.required = 1
                              AND d.status IN ('ready', 'submitted', 'not_applicable'))
                   FROM cases c JOIN applicants a ON a.id = c.applicant_id ORDER BY c.id""").fetchall()
        return [CaseSummary(id=r[0], title=r[1], route=r[2], procedure=r[3], employer_category=r[4],
                            applicant_name=r[5], updated_at=r[6], documents_total=r[7], documents_ready=r[8])
                for r in rows]

    def case_ids(self) -> list[int]:
        with sqlite_errors(self.db_path):
            return [row[0] for row in self._conn.execute("SELECT id FROM cases ORDER BY id")]

    def get_case(self, case_id: int) -> CaseView:
        with self._read() as conn:
            row = conn.execute(
                "SELECT applicant_id, route, procedure, employer_category, title, target_filing_date, notes,"
                " created_at, updated_at FROM cases WHERE id = ?", (case_id,)).fetchone()
            if row is None:
                raise UserInputError(f"case {case_id}: no such case (see `zairyu case list`)")
            applicant = self._applicant(conn, row[0])
            family = [self._applicant(conn, r[0]) for r in conn.execute(
                "SELECT id FROM applicants WHERE main_applicant_id = ? ORDER BY id", (row[0],))]
            documents = self._documents(conn, case_id)
            history = [PointsVersion(saved_at=r[0], profile=json.loads(r[1])) for r in conn.execute(
                "SELECT saved_at, profile FROM points_history WHERE case_id = ? ORDER BY id", (case_id,))]
            events = [{"type": r[0], "date": r[1], **json.loads(r[2])} for r in conn.execute(
                "SELECT type, date, extra FROM events WHERE case_id = ? ORDER BY date, id", (case_id,))]
        return CaseView(id=case_id, applicant=applicant, family=family, route=row[1], procedure=row[2],
                        employer_category=row[3], title=row[4], target_filing_date=row[5], notes=row[6],
                        created_at=row[7], updated_at=row[8], documents=documents, points_history=history,
                        events=events)

    # -- applicants --------------------------------------------------------------------------

    def update_applicant(self, applicant_id: int, **fields: Any) -> None:
        """Change an applicant's fields (name, nationality, birth_date, passport_number, ...)."""
        values = self._applicant_fields(fields)
        if not values:
            return
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM applicants WHERE id = ?", (applicant_id,)).fetchone() is None:
                raise UserInputError(f"applicant {applicant_id}: no such applicant")
            assignments = ", ".join(f"{name} = ?" for name in values)
            conn.execute(f"UPDATE applicants SET {assignments} WHERE id = ?", (*values.values(), applicant_id))

    def case_applicant_id(self, case_id: int) -> int:
        with sqlite_errors(self.db_path):
            row = self._conn.execute("SELECT applicant_id FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise UserInputError(f"case {case_id}: no such case (see `zairyu case list`)")
        return int(row[0])

    def add_family_member(self, main_applicant_id: int, relation: str, **fields: Any) -> int:
        """Add a spouse, child or other family member to a main applicant; returns their id."""
        _choice(relation, tuple(r for r in APPLICANT_RELATIONS if r != "main"), "relation")
        values = self._applicant_fields(fields)
        with self._tx() as conn:
            row = conn.execute("SELECT relation FROM applicants WHERE id = ?", (main_applicant_id,)).fetchone()
            if row is None or row[0] != "main":
                raise UserInputError(f"applicant {main_applicant_id}: no such main applicant")
            columns = ["relation", "main_applicant_id", *values]
            cursor = conn.execute(
                f"INSERT INTO applicants ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                (relation, main_applicant_id, *values.values()))
            return int(cursor.lastrowid or 0)

    @staticmethod
    def _applicant_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, value in fields.items():
            if name not in APPLICANT_FIELDS:
                raise UserInputError(f"applicant: unknown field '{name}'; valid: {', '.join(APPLICANT_FIELDS)}")
            if name in APPLICANT_DATE_FIELDS:
                values[name] = parse_date(value, name.replace("_", " "))
            else:
                values[name] = "" if value is None else str(value).strip()
        return values

    # -- documents ---------------------------------------------------------------------------

    def set_document(self, case_id: int, code: str, *, status: str | None = None,
                     translation: str | None = None, issued: dt.date | str | _Unset | None = UNSET,
                     expiry: dt.date | str | _Unset | None = UNSET, copies: int | None = None,
                     notes: str | None = None) -> CaseDocument:
        """Update one document of a case; fields left out keep their value. Returns the document."""
        changes: dict[str, Any] = {}
        if status is not None:
            changes["status"] = _choice(status, DOCUMENT_STATUSES, "status")
        if translation is not None:
            changes["translation"] = _choice(translation, TRANSLATION_STATUSES, "translation")
        if not isinstance(issued, _Unset):
            changes["issued"] = parse_date(issued, "issued")
        if not isinstance(expiry, _Unset):
            changes["expiry"] = parse_date(expiry, "expiry")
        if copies is not None:
            if not 0 <= copies <= 99:
                raise UserInputError(f"copies: '{copies}' is not valid; give 0 to 99")
            changes["copies"] = copies
        if notes is not None:
            changes["notes"] = notes
        with self._tx() as conn:
            document_id = self._require_document(conn, case_id, code)
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                conn.execute(f"UPDATE documents SET {assignments} WHERE id = ?", (*changes.values(), document_id))
                self._touch(conn, case_id)
        return self.get_case(case_id).document(code)

    def add_document(self, case_id: int, code: str, name_en: str, name_ja: str = "", *,
                     translation: str = "not_needed", copies: int = 1, notes: str = "") -> CaseDocument:
        """Add a document of the user's own to a case (never touched by checklist reconciliation)."""
        if not _CODE.match(code):
            raise UserInputError(f"document code: '{code}' is not valid (lower-case letters, digits and '-')")
        if not name_en.strip():
            raise UserInputError("document name: give a name")
        _choice(translation, TRANSLATION_STATUSES, "translation")
        with self._tx() as conn:
            self._require_case(conn, case_id)
            if conn.execute("SELECT 1 FROM documents WHERE case_id = ? AND code = ?",
                            (case_id, code)).fetchone():
                raise UserInputError(f"document code: case {case_id} already has a document '{code}'")
            conn.execute(
                "INSERT INTO documents (case_id, code, name_en, name_ja, position, origin, required, status,"
                " translation, copies, notes) VALUES (?, ?, ?, ?, ?, 'user', 1, 'needed', ?, ?, ?)",
                (case_id, code, name_en.strip(), name_ja.strip(), USER_DOCUMENT_POSITION, translation, copies,
                 notes))
            self._touch(conn, case_id)
        return self.get_case(case_id).document(code)

    def remove_document(self, case_id: int, code: str) -> None:
        """Remove a document the user added (route documents are marked not_applicable instead)."""
        with self._tx() as conn:
            document_id = self._require_document(conn, case_id, code)
            origin = conn.execute("SELECT origin FROM documents WHERE id = ?", (document_id,)).fetchone()[0]
            if origin != "user":
                raise UserInputError(f"document '{code}': it is on the route's checklist; set its status to "
                                     "not_applicable instead")
            conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
            self._touch(conn, case_id)

    # -- attachments -------------------------------------------------------------------------

    def attach(self, case_id: int, code: str, file: Path, *, original_name: str | None = None) -> Attachment:
        """Check ``file``, copy it into the vault and attach it to a document. Attaching the same bytes
        to the same document twice is a no-op. Refused files raise AttachmentRefused (a UserInputError)."""
        return self.attach_files(case_id, code, [(file, original_name or file.name)])[0]

    def attach_files(self, case_id: int, code: str, files: Sequence[tuple[Path, str]]) -> list[Attachment]:
        """Attach several files (path, the name the user knows) all or nothing: every file is checked
        before any is attached. One refused file raises AttachmentRefused; several AttachmentsRefused."""
        with self._read() as conn:  # fail on a wrong case or code before copying anything
            self._require_document(conn, case_id, code)
        staged: list[tuple[StagedFile, str]] = []
        refused: list[AttachmentRefused] = []
        try:
            for path, name in files:
                shown = display_name(name)  # stored and printed: no undecodable bytes, no escapes
                try:
                    staged.append((self.vault.stage(path, shown), shown))
                except AttachmentRefused as exc:
                    refused.append(exc)
            if refused:
                raise refused[0] if len(files) == 1 else AttachmentsRefused(refused, len(files))
        except BaseException:
            for copy, _name in staged:
                self.vault.discard(copy)
            raise
        stored: list[tuple[VaultFile, str]] = []
        try:
            while staged:
                copy, shown = staged.pop(0)
                stored.append((self.vault.commit(copy), shown))
            with self._tx() as conn:
                document_id = self._require_document(conn, case_id, code)
                rows = []
                for blob, shown in stored:
                    conn.execute(
                        "INSERT INTO blobs (sha256, media_type, pages, size_bytes, encrypted_owner_only)"
                        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                        (blob.sha256, blob.media_type, blob.pages, blob.size_bytes, int(blob.encrypted_owner_only)))
                    conn.execute("INSERT INTO attachments (document_id, sha256, original_name, added_at)"
                                 " VALUES (?, ?, ?, ?) ON CONFLICT (document_id, sha256) DO NOTHING",
                                 (document_id, blob.sha256, shown, _now()))
                    rows.append(conn.execute("SELECT added_at, original_name FROM attachments"
                                             " WHERE document_id = ? AND sha256 = ?",
                                             (document_id, blob.sha256)).fetchone())
                self._touch(conn, case_id)
        except BaseException:
            # Nothing was recorded: a file this call stored would be an unreferenced copy.
            for copy, _name in staged:
                self.vault.discard(copy)
            remove_if_new([blob.path for blob, _name in stored if blob.new])
            raise
        return [Attachment(sha256=blob.sha256, original_name=row[1], media_type=blob.media_type, pages=blob.pages,
                           size_bytes=blob.size_bytes, path=blob.path, encrypted_owner_only=blob.encrypted_owner_only,
                           added_at=row[0]) for (blob, _name), row in zip(stored, rows, strict=True)]

    def detach(self, case_id: int, code: str, sha256: str) -> None:
        """Remove an attachment from a document (the vault file stays for other uses and backups)."""
        with self._tx() as conn:
            document_id = self._require_document(conn, case_id, code)
            cursor = conn.execute("DELETE FROM attachments WHERE document_id = ? AND sha256 = ?",
                                  (document_id, sha256))
            if cursor.rowcount == 0:
                raise UserInputError(f"document '{code}': no attachment {sha256[:12]}")
            self._touch(conn, case_id)

    # -- points and events -------------------------------------------------------------------

    def set_points(self, case_id: int, profile: Mapping[str, Any], *, source: str = "profile") -> None:
        """Validate a points profile with the points engine and add it as the newest dated version;
        the checklist then asks for the evidence of exactly the items it scores."""
        data = validate_points_profile(dict(profile), source=source)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        with self._tx() as conn:
            self._require_case(conn, case_id)
            conn.execute("INSERT INTO points_history (case_id, saved_at, profile) VALUES (?, ?, ?)",
                         (case_id, _now(), text))
            self._touch(conn, case_id)
            self._reconcile(conn, case_id)

    def add_event(self, case_id: int, type: str, date: dt.date | str, **extra: Any) -> int:
        """Record a dated event of the case (deadlines.md: coe_issued, landed, moved, employer_changed,
        stay_expires, departed; ``person=`` names a family member). Checked by the deadlines engine."""
        day = parse_date(date, "event date")
        event = validate_event({"type": type, "date": day, **extra})
        extra_text = json.dumps({k: v for k, v in event.items() if k not in ("type", "date")},
                                ensure_ascii=False, sort_keys=True)
        with self._tx() as conn:
            self._require_case(conn, case_id)
            cursor = conn.execute("INSERT INTO events (case_id, type, date, extra, added_at) VALUES (?, ?, ?, ?, ?)",
                                  (case_id, event["type"], event["date"], extra_text, _now()))
            self._touch(conn, case_id)
            return int(cursor.lastrowid or 0)

    def list_events(self, case_id: int) -> list[tuple[int, dict[str, Any]]]:
        """The case's events with their ids (for removal), in date order."""
        with self._read() as conn:
            self._require_case(conn, case_id)
            return [(r[0], {"type": r[1], "date": r[2], **json.loads(r[3])}) for r in conn.execute(
                "SELECT id, type, date, extra FROM events WHERE case_id = ? ORDER BY date, id", (case_id,))]

    def remove_event(self, case_id: int, event_id: int) -> None:
        with self._tx() as conn:
            if conn.execute("DELETE FROM events WHERE id = ? AND case_id = ?", (event_id, case_id)).rowcount == 0:
                raise UserInputError(f"case {case_id}: no event {event_id}")
            self._touch(conn, case_id)

    # -- reconciliation ----------------------------------------------------------------------

    def reconcile_case(self, case_id: int) -> bool:
        """Bring one case's documents in line with the route data; True when something changed."""
        with self._tx() as conn:
            return self._reconcile(conn, case_id)

    def reconcile_all(self) -> list[int]:
        """Reconcile every case; returns the ids of the cases that changed. A case whose route or
        procedure the data no longer has keeps its documents as they are."""
        changed: list[int] = []
        ids = self.case_ids()
        if not ids:
            return changed
        try:
            _ = self.catalog
        except DataFileError:
            # Broken route data must not lock people out of their cases; `zairyu checklist` and
            # `case new` report the file and key.
            return changed
        # Plan outside the write lock; only take it when a case needs a change.
        needs = [case_id for case_id in ids if self._plan(self._conn, case_id)]
        if needs:
            with self._tx() as conn:
                changed = [case_id for case_id in needs if self._reconcile(conn, case_id)]
        return changed

    def _plan(self, conn: sqlite3.Connection, case_id: int) -> ReconcilePlan | None:
        row = conn.execute("SELECT route, procedure, employer_category FROM cases WHERE id = ?",
                           (case_id,)).fetchone()
        if row is None:
            return None
        latest = conn.execute("SELECT profile FROM points_history WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                              (case_id,)).fetchone()
        try:
            expected = self._expected_documents(row[0], row[1], row[2], json.loads(latest[0]) if latest else None)
        except UserInputError:
            return None  # the route or procedure is gone from the data: keep everything as it is
        stored = [StoredDocument(id=r[0], code=r[1], name_en=r[2], name_ja=r[3], position=r[4],
                                 required=bool(r[5]), user_added=r[6] == "user", has_user_data=bool(r[7]))
                  for r in conn.execute(
                      """SELECT d.id, d.code, d.name_en, d.name_ja, d.position, d.required, d.origin,
                             (d.status != 'needed' OR d.translation NOT IN ('needed', 'not_needed')
                              OR d.issued IS NOT NULL OR d.expiry IS NOT NULL OR d.notes != ''
                              OR EXISTS (SELECT 1 FROM attachments a WHERE a.document_id = d.id))
                         FROM documents d WHERE d.case_id = ?""", (case_id,))]
        plan = plan_reconciliation(stored, expected)
        return plan or None

    def _reconcile(self, conn: sqlite3.Connection, case_id: int) -> bool:
        plan = self._plan(conn, case_id)
        if plan is None:
            return False
        for document_id in plan.delete:
            conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        for document_id in plan.retire:
            conn.execute("UPDATE documents SET required = 0 WHERE id = ?", (document_id,))
        # Renames first move codes out of the way (a code may pass from one row to another).
        for update in plan.update:
            conn.execute("UPDATE documents SET code = ? WHERE id = ?", (f"~{update.document_id}", update.document_id))
        for update in plan.update:
            conn.execute("UPDATE documents SET code = ?, name_en = ?, name_ja = ?, position = ?, required = 1,"
                         " origin = 'route' WHERE id = ?",
                         (update.code, update.name_en, update.name_ja, update.position, update.document_id))
        for spec, position in plan.insert:
            self._insert_route_document(conn, case_id, spec, position)
        self._touch(conn, case_id)
        return True

    def _expected_documents(self, route: str, procedure: str, employer_category: int | None,
                            profile: dict[str, Any] | None) -> list[DocumentSpec]:
        spec = self.catalog.get(route)
        # The 70/80-point basis only sorts a permanent-residence application's documents.
        pr_basis = pr_document_basis(profile) if spec.id is RouteId.PERMANENT_RESIDENCE else None
        items = required_documents(spec, procedure, employer_category=employer_category,
                                   claimed_items=claimed_points_items(profile), pr_basis=pr_basis)
        return [item.document for item in items]

    @staticmethod
    def _insert_route_document(conn: sqlite3.Connection, case_id: int, doc: DocumentSpec, position: int) -> None:
        conn.execute(
            "INSERT INTO documents (case_id, code, name_en, name_ja, position, origin, required, status,"
            " translation, copies) VALUES (?, ?, ?, ?, ?, 'route', 1, 'needed', ?, ?)",
            (case_id, doc.code, doc.name_en, doc.name_ja, position, initial_translation(doc), doc.copies))

    # -- backups -----------------------------------------------------------------------------

    def backup(self, destination: Path | None = None) -> Path:
        """A copy of the database now (in the backups folder unless ``destination`` is given)."""
        return backups.make_backup(self._conn, self.data_dir, "manual", destination=destination)

    def daily_backup_if_due(self) -> Path | None:
        """Take the automatic daily copy when the last is 24 hours old (a long-running window can
        call this on a timer; opening the store does it too). Nothing to copy in an empty store."""
        if not self.case_ids() or not backups.daily_backup_due(self.data_dir):
            return None
        return backups.make_backup(self._conn, self.data_dir, "daily", version=schema_version(self._conn))

    def restore(self, source: Path) -> tuple[Path, list[str]]:
        """Replace the data with the backup ``source``; returns (where the current data was kept,
        missing attachment files). The backup is checked before anything changes."""
        from zairyu.store.restore import restore_into

        return restore_into(self, source)

    # -- archives ----------------------------------------------------------------------------

    def export_case(self, case_id: int, output: Path) -> Path:
        """Write one case with its attachment files to a portable zip (archive.py)."""
        from zairyu.store.archive import export_case

        return export_case(self.get_case(case_id), output)

    def import_case(self, checked: CheckedArchive) -> int:
        """Add the case of a checked archive (``archive.check_archive``) as a new case; returns its id.
        The attachment files are checked again as they enter the vault; any failure leaves no trace."""
        case = checked.case
        route = self.catalog.get(case.route)
        route.procedure(case.procedure)
        stored: dict[str, VaultFile] = {}
        new_files: list[Path] = []
        try:
            for sha256, file in checked.files.items():
                existed = self.vault.path_for(sha256, file.media_type).exists()
                stored[sha256] = self.vault.add(file.path, file.path.name)
                if not existed:
                    new_files.append(stored[sha256].path)
            now = _now()
            with self._tx() as conn:
                case_id = self._insert_archived_case(conn, case, stored, now)
        except BaseException:
            remove_if_new(new_files)
            raise
        self.reconcile_case(case_id)
        return case_id

    @staticmethod
    def _insert_archived_case(conn: sqlite3.Connection, case: CaseArchive, stored: dict[str, VaultFile],
                              now: str) -> int:
        def insert_person(person: ArchivedPerson, relation: str, main_id: int | None) -> int:
            values = person.model_dump(exclude={"relation"})
            columns = ["relation", "main_applicant_id", *values]
            cursor = conn.execute(
                f"INSERT INTO applicants ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                (relation, main_id, *values.values()))
            return int(cursor.lastrowid or 0)

        applicant_id = insert_person(case.applicant, "main", None)
        for member in case.family:
            insert_person(member, member.relation if member.relation != "main" else "other", applicant_id)
        cursor = conn.execute(
            "INSERT INTO cases (applicant_id, route, procedure, employer_category, title, target_filing_date,"
            " notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (applicant_id, case.route, case.procedure, case.employer_category, case.title,
             case.target_filing_date, case.notes, case.created_at or now, now))
        case_id = int(cursor.lastrowid or 0)
        for position, doc in enumerate(case.documents):
            cursor = conn.execute(
                "INSERT INTO documents (case_id, code, name_en, name_ja, position, origin, required, status,"
                " translation, issued, expiry, copies, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (case_id, doc.code, doc.name_en, doc.name_ja,
                 USER_DOCUMENT_POSITION + position if doc.user_added else position,
                 "user" if doc.user_added else "route", int(doc.required), doc.status, doc.translation,
                 doc.issued, doc.expiry, doc.copies, doc.notes))
            document_id = int(cursor.lastrowid or 0)
            for attachment in doc.attachments:
                blob = stored[attachment.sha256]
                conn.execute(
                    "INSERT INTO blobs (sha256, media_type, pages, size_bytes, encrypted_owner_only)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                    (blob.sha256, blob.media_type, blob.pages, blob.size_bytes, int(blob.encrypted_owner_only)))
                conn.execute(
                    "INSERT INTO attachments (document_id, sha256, original_name, added_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (document_id, sha256) DO NOTHING",
                    (document_id, blob.sha256, attachment.original_name, attachment.added_at or now))
        for version in case.points_history:
            conn.execute("INSERT INTO points_history (case_id, saved_at, profile) VALUES (?, ?, ?)",
                         (case_id, version.saved_at, json.dumps(version.profile, ensure_ascii=False,
                                                                sort_keys=True)))
        for event in case.events:
            extra = {k: v for k, v in event.items() if k not in ("type", "date")}
            conn.execute("INSERT INTO events (case_id, type, date, extra, added_at) VALUES (?, ?, ?, ?, ?)",
                         (case_id, event["type"], event["date"], json.dumps(extra, ensure_ascii=False,
                                                                            sort_keys=True), now))
        return case_id

    # -- helpers -----------------------------------------------------------------------------

    def _applicant(self, conn: sqlite3.Connection, applicant_id: int) -> Applicant:
        row = conn.execute(f"SELECT id, relation, {', '.join(APPLICANT_FIELDS)} FROM applicants WHERE id = ?",
                           (applicant_id,)).fetchone()
        values = dict(zip(APPLICANT_FIELDS, row[2:], strict=True))
        return Applicant(id=row[0], relation=row[1], **values)

    def _documents(self, conn: sqlite3.Connection, case_id: int) -> list[CaseDocument]:
        attachments: dict[int, list[Attachment]] = {}
        for r in conn.execute(
                """SELECT a.document_id, a.sha256, a.original_name, b.media_type, b.pages, b.size_bytes,
                          b.encrypted_owner_only, a.added_at
                   FROM attachments a JOIN blobs b ON b.sha256 = a.sha256
                   JOIN documents d ON d.id = a.document_id WHERE d.case_id = ? ORDER BY a.id""", (case_id,)):
            attachments.setdefault(r[0], []).append(Attachment(
                sha256=r[1], original_name=r[2], media_type=r[3], pages=r[4], size_bytes=r[5],
                path=self.vault.path_for(r[1], r[3]).resolve(), encrypted_owner_only=bool(r[6]), added_at=r[7]))
        return [CaseDocument(code=r[1], name_en=r[2], name_ja=r[3], required=bool(r[4]), status=r[5],
                             translation=r[6], issued=r[7], expiry=r[8], copies=r[9], notes=r[10],
                             user_added=r[11] == "user", attachments=attachments.get(r[0], []))
                for r in conn.execute(
                    "SELECT id, code, name_en, name_ja, required, status, translation, issued, expiry, copies,"
                    " notes, origin FROM documents WHERE case_id = ?"
                    " ORDER BY required DESC, position, id", (case_id,))]

    @staticmethod
    def _require_case(conn: sqlite3.Connection, case_id: int) -> None:
        if conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
            raise UserInputError(f"case {case_id}: no such case (see `zairyu case list`)")

    def _require_document(self, conn: sqlite3.Connection, case_id: int, code: str) -> int:
        self._require_case(conn, case_id)
        row = conn.execute("SELECT id FROM documents WHERE case_id = ? AND code = ?", (case_id, code)).fetchone()
        if row is None:
            codes = [r[0] for r in conn.execute(
                "SELECT code FROM documents WHERE case_id = ? ORDER BY required DESC, position, id", (case_id,))]
            raise UserInputError(f"document code: case {case_id} has no document '{code}'; "
                                 f"its documents: {', '.join(codes)}")
        return int(row[0])

    @staticmethod
    def _touch(conn: sqlite3.Connection, case_id: int) -> None:
        conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (_now(), case_id))


def open_store(data_dir: Path | None = None, *, catalog: RouteCatalog | None = None,
               reconcile: bool = True, maintenance: bool = True) -> Store:
    """Open (creating or upgrading as needed) the store in ``data_dir`` (default: paths.data_dir()).

    On open: migrations run (after a backup of the old file), the daily backup is taken when due,
    copies left by a killed process are cleared, and with ``reconcile`` every case's checklist is
    brought in line with the route data. ``catalog`` replaces the packaged route data (tests).
    """
    folder = ensure_private_dir(data_dir or paths.data_dir(), "the data folder")
    db_path = folder / DB_FILE_NAME
    if db_path.is_dir():
        raise StoreError(f"{db_path}: is a folder, not a database file; move it away or choose another "
                         "folder with --data-dir")
    # A read-only folder (a read-only mount, a locked-down profile) would otherwise surface as an
    # obscure SQLite error at the first write; os.access also sees a read-only file system as root.
    for path in (folder, db_path):
        if path.exists() and not os.access(path, os.W_OK):
            raise StoreError(f"{path}: read-only; Zairyu keeps your data in {folder} and needs to save there "
                             "(check its permissions, or choose another folder with --data-dir)")
    conn = connect(db_path)
    try:
        def backup_before_migration(version: int) -> None:
            backups.make_backup(conn, folder, "pre-migration", version=version)

        migrate(conn, db_path, before=backup_before_migration)
        store = Store(folder, conn, catalog)
        if maintenance:
            store.vault.remove_stale_temps()
            backups.remove_stale_partials(folder)
            store.daily_backup_if_due()
        if reconcile:
            store.reconcile_all()
    except BaseException:
        conn.close()
        raise
    return store


def iter_attachment_problems(store: Store) -> Iterable[str]:
    """Attachments whose vault file is missing or no longer matches its SHA-256 (for restore and checks)."""
    with sqlite_errors(store.db_path):
        rows = store.connection.execute(
            "SELECT DISTINCT b.sha256, b.media_type, a.original_name FROM blobs b"
            " JOIN attachments a ON a.sha256 = b.sha256").fetchall()
    for sha256, media_type, name in rows:
        if not store.vault.has_intact(sha256, media_type):
            yield f"{name} ({sha256[:12]})"


__all__ = ["SCHEMA_VERSION", "UNSET", "Store", "ZairyuError", "iter_attachment_problems", "open_store"]
