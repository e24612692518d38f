"""The store: the one object the CLI and the GUI use to read and change the user's cases.

This module holds the rules (what may change, validation, reconciliation with the route data);
the SQL is in repository.py. Every change is one SQLite transaction (``BEGIN IMMEDIATE``), so a
second process waits for the first (up to the busy timeout) and a killed process leaves the last
committed state. Attachments are copied into the vault before the transaction that records them,
so a committed row always points at a complete file.

Errors are ``UserInputError`` with a stable ``kind`` and the domain's ``field`` (never a CLI
flag): ``invalid_date``, ``invalid_choice``, ``no_such_case``, ``no_such_document``,
``no_such_applicant``, ``duplicate_document``, ``not_removable``, ...
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zairyu import paths
from zairyu.domain.date_range import DateOutOfRange, check_date_range
from zairyu.domain.routes import DocumentSpec, RouteCatalog, RouteId
from zairyu.errors import DataFileError, UserInputError, ZairyuError
from zairyu.private_paths import ensure_private_dir, make_tree_private
from zairyu.safe_text import display_name
from zairyu.store import backups, household, repository
from zairyu.store.checklist_link import ChecklistFacts, expected_documents, read_facts, translation_rules
from zairyu.store.database import (
    DB_FILE_NAME,
    StoreError,
    connect,
    quick_check,
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
    DocumentStatus,
    PointsVersion,
    PreviousValues,
    Relation,
    TranslationStatus,
    parse_stored_date,
)
from zairyu.store.points_link import permanent_residence_basis, validate_points_profile
from zairyu.store.reconcile import ReconcilePlan, StoredDocument, initial_translation, plan_reconciliation
from zairyu.store.schema import SCHEMA_VERSION
from zairyu.store.vault import (
    AttachmentRefused,
    AttachmentsRefused,
    CopyProgress,
    StagedFile,
    Vault,
    VaultFile,
    remove_if_new,
)

if TYPE_CHECKING:
    from zairyu.store.archive import CaseArchive, CheckedArchive

VAULT_DIR_NAME = "vault"
USER_DOCUMENT_POSITION = 10_000  # user-added documents list after the route's own
_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class _Unset(Enum):
    UNSET = 0


UNSET = _Unset.UNSET  # "leave this field as it is" (None means "clear it")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def parse_date(value: dt.date | str | None, field: str) -> str | None:
    """An ISO date (YYYY-MM-DD) within the range Zairyu handles, or None; UserInputError (kind
    ``invalid_date`` or ``date_out_of_range``) naming ``field``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        label = field.replace("_", " ")
        raise UserInputError(f"{label}: '{value}' is not a date (YYYY-MM-DD)", kind="invalid_date", field=field,
                             value=value, problem="is not a date (YYYY-MM-DD)") from None
    try:
        return check_date_range(day).isoformat()
    except DateOutOfRange as exc:
        label = field.replace("_", " ")
        raise UserInputError(f"{label}: {exc}", kind="date_out_of_range", field=field, value=value,
                             problem=exc.problem) from None


def _choice(value: str, valid: Iterable[str], field: str) -> str:
    choices = tuple(str(v) for v in valid)
    if value not in choices:
        raise UserInputError(f"{field.replace('_', ' ')}: '{value}' is not valid; valid: {', '.join(choices)}",
                             kind="invalid_choice", field=field, value=value, choices=choices)
    return str(value)


def _pay(value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise UserInputError(f"annual pay: '{value}' is not valid; give a whole number of yen, 0 or more",
                             field="annual_pay_yen", value=value)
    return value


def _employer_category(value: int | None) -> int | None:
    if value is not None and value not in (1, 2, 3, 4):
        raise UserInputError(f"employer category: '{value}' is not valid; valid: 1, 2, 3, 4",
                             kind="invalid_choice", field="employer_category", value=value, choices=(1, 2, 3, 4))
    return value


_CASE_DATE_FIELDS = ("target_filing_date", "expected_birth")
_DOCUMENT_DATE_FIELDS = ("issued", "expiry")


def _differing(current: sqlite3.Row, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The checked ``changes`` (column → value as stored) that differ from the stored row."""
    return {name: value for name, value in changes.items() if current[name] != value}


def _previous(current: sqlite3.Row, changed: Mapping[str, Any], date_fields: Iterable[str]) -> PreviousValues:
    """The stored values of the ``changed`` columns, dates as ``datetime.date`` (as the setters take them)."""
    dates = frozenset(date_fields)
    return PreviousValues({name: parse_stored_date(current[name]) if name in dates else current[name]
                           for name in changed})


def _no_such_case(case_id: int) -> UserInputError:
    return UserInputError(f"case {case_id}: no such case", kind="no_such_case", field="case", value=case_id)


def _no_such_applicant(applicant_id: int, what: str = "applicant") -> UserInputError:
    return UserInputError(f"applicant {applicant_id}: no such {what}", kind="no_such_applicant", field="applicant",
                          value=applicant_id)


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

    def reading(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """A consistent read of several rows (household.py reads a household through it)."""
        return self._read()

    # -- cases -------------------------------------------------------------------------------

    def create_case(self, *, route: str, procedure: str, employer_category: int | None = None,
                    title: str = "", target_filing_date: dt.date | str | None = None, notes: str = "",
                    applicant: Mapping[str, Any] | None = None, applicant_id: int | None = None,
                    principal_case_id: int | None = None, relation: str | None = None,
                    annual_pay_yen: int | None = None, expected_birth: dt.date | str | None = None) -> int:
        """Create a case with its route's checklist; returns the new case id.

        ``applicant`` holds the main applicant's fields (name, nationality, birth_date, ...);
        ``applicant_id`` reuses an existing applicant instead (a second case for the same person).
        ``principal_case_id`` links a family route's case to the case of the person it depends on:
        its applicant becomes that person's ``relation`` (spouse, child, other) and the documents
        the principal supplies are shared (household.py).
        """
        spec = self.catalog.get(route)
        spec.procedure(procedure)
        _employer_category(employer_category)
        filing = parse_date(target_filing_date, "target_filing_date")
        pay = _pay(annual_pay_yen)
        birth = parse_date(expected_birth, "expected_birth")
        fields = self._applicant_fields(applicant or {})
        now = _now()
        with self._tx() as conn:
            principal = None
            context = household.NO_CONTEXT
            member_relation = "main"
            if principal_case_id is not None:
                principal = household.link_principal(conn, spec, principal_case_id)
                member_relation = household.relation_for(spec, relation)
                context = household.ChecklistContext(principal.route.value, principal.abroad)
            nationality = fields.get("nationality", "")
            if applicant_id is not None:
                existing = repository.read_applicant(conn, applicant_id)
                nationality = existing.nationality if existing else ""
            expected = self._expected_documents(route, procedure, ChecklistFacts(
                employer_category=employer_category, nationality=nationality, target_filing_date=filing), context)
            if applicant_id is None:
                applicant_id = repository.insert_applicant(
                    conn, fields, relation=member_relation,
                    main_applicant_id=principal.applicant_id if principal else None)
            elif repository.read_applicant(conn, applicant_id) is None:
                raise _no_such_applicant(applicant_id)
            case_id = repository.insert_case(
                conn, applicant_id=applicant_id, route=spec.id.value, procedure=procedure,
                employer_category=employer_category, title=title, target_filing_date=filing, notes=notes,
                created_at=now, updated_at=now, principal_case_id=principal_case_id, annual_pay_yen=pay,
                expected_birth=birth)
            for position, doc in enumerate(expected):
                self._insert_route_document(conn, case_id, doc, position)
            if principal is not None:
                # Same transaction: the principal's checklist gains what it now supplies, and the
                # new case's shared rows take what the household already holds.
                self._reconcile(conn, principal.case_id)
                household.sync_shared(conn, self.catalog, case_id)
        return case_id

    def update_case(self, case_id: int, *, title: str | _Unset = UNSET,
                    employer_category: int | _Unset | None = UNSET,
                    target_filing_date: dt.date | str | _Unset | None = UNSET,
                    notes: str | _Unset = UNSET, annual_pay_yen: int | _Unset | None = UNSET,
                    expected_birth: dt.date | str | _Unset | None = UNSET) -> PreviousValues:
        """Change a case's own fields; a new employer category re-reconciles its checklist.
        Returns the values replaced (nothing is written when every value is already stored)."""
        changes: dict[str, Any] = {}
        if not isinstance(annual_pay_yen, _Unset):
            changes["annual_pay_yen"] = _pay(annual_pay_yen)
        if not isinstance(expected_birth, _Unset):
            changes["expected_birth"] = parse_date(expected_birth, "expected birth")
        if not isinstance(title, _Unset):
            changes["title"] = title
        if not isinstance(employer_category, _Unset):
            changes["employer_category"] = _employer_category(employer_category)
        if not isinstance(target_filing_date, _Unset):
            changes["target_filing_date"] = parse_date(target_filing_date, "target_filing_date")
        if not isinstance(notes, _Unset):
            changes["notes"] = notes
        with self._tx() as conn:
            current = repository.row(conn, "SELECT * FROM cases WHERE id = ?", (case_id,))
            if current is None:
                raise _no_such_case(case_id)
            changed = _differing(current, changes)
            if changed:
                repository.update_row(conn, "cases", case_id, {**changed, "updated_at": _now()})
            if "employer_category" in changed or "target_filing_date" in changed:
                # Same transaction: never a category or a date without its checklist (rules with an
                # effective date follow the target filing date).
                self._reconcile(conn, case_id)
        return _previous(current, changed, _CASE_DATE_FIELDS)

    def delete_case(self, case_id: int) -> None:
        """Delete a case and its documents (vault files stay: other cases or backups may use them)."""
        with self._tx() as conn:
            self._require_case(conn, case_id)
            root = household.household_root(conn, case_id)
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            if root != case_id:
                self._reconcile(conn, root)  # the principal no longer supplies what only this case needed

    def list_cases(self) -> list[CaseSummary]:
        with sqlite_errors(self.db_path):
            return repository.read_case_summaries(self._conn)

    def case_ids(self) -> list[int]:
        with sqlite_errors(self.db_path):
            return [row["id"] for row in repository.rows(self._conn, "SELECT id FROM cases ORDER BY id")]

    def get_case(self, case_id: int) -> CaseView:
        with self._read() as conn:
            row = repository.row(conn, "SELECT * FROM cases WHERE id = ?", (case_id,))
            if row is None:
                raise _no_such_case(case_id)
            applicant = repository.read_applicant(conn, row["applicant_id"])
            assert applicant is not None  # a foreign key
            history = repository.read_points_history(conn, case_id)
            basis, reason = self._pr_basis(row["route"], history, row["target_filing_date"])
            return CaseView(
                id=case_id, applicant=applicant, family=repository.read_family(conn, applicant.id),
                route=row["route"], procedure=row["procedure"], employer_category=row["employer_category"],
                title=row["title"], target_filing_date=parse_stored_date(row["target_filing_date"]),
                notes=row["notes"], created_at=row["created_at"], updated_at=row["updated_at"],
                documents=repository.read_documents(conn, self.vault, case_id,
                                                    translation_rules=self._translation_rules(row["route"])),
                points_history=history,
                events=[event for _id, event in repository.read_events(conn, case_id)],
                principal_case_id=row["principal_case_id"], annual_pay_yen=row["annual_pay_yen"],
                expected_birth=parse_stored_date(row["expected_birth"]), pr_basis=basis, pr_basis_reason=reason)

    @staticmethod
    def _pr_basis(route: str, history: list[PointsVersion], filing: str | None) -> tuple[int | None, str | None]:
        """A permanent-residence case's 70/80-point basis and why; (None, None) on other routes."""
        if route != RouteId.PERMANENT_RESIDENCE.value:
            return None, None
        decision = permanent_residence_basis([version.profile for version in history], filing)
        if decision is None:
            return None, "no points profile saved yet: the basis follows the points history"
        return decision.basis, decision.reason

    def _translation_rules(self, route: str) -> dict[str, str]:
        try:
            return translation_rules(self.catalog, route)
        except DataFileError:
            return {}  # broken route data must not lock anyone out of their cases

    # -- applicants --------------------------------------------------------------------------

    def get_applicant(self, applicant_id: int) -> Applicant:
        with self._read() as conn:
            applicant = repository.read_applicant(conn, applicant_id)
        if applicant is None:
            raise _no_such_applicant(applicant_id)
        return applicant

    def update_applicant(self, applicant_id: int, **fields: Any) -> PreviousValues:
        """Change an applicant's fields (name, nationality, birth_date, passport_number, ...);
        returns the values replaced."""
        values = self._applicant_fields(fields)
        with self._tx() as conn:
            current = repository.row(conn, "SELECT * FROM applicants WHERE id = ?", (applicant_id,))
            if current is None:
                raise _no_such_applicant(applicant_id)
            changed = _differing(current, values)
            repository.update_row(conn, "applicants", applicant_id, changed)
            if "nationality" in changed:  # some documents depend on the applicant's nationality
                for found in repository.rows(conn, "SELECT id FROM cases WHERE applicant_id = ?", (applicant_id,)):
                    self._reconcile(conn, found["id"])
        return _previous(current, changed, APPLICANT_DATE_FIELDS)

    def case_applicant_id(self, case_id: int) -> int:
        with sqlite_errors(self.db_path):
            row = repository.row(self._conn, "SELECT applicant_id FROM cases WHERE id = ?", (case_id,))
        if row is None:
            raise _no_such_case(case_id)
        return int(row["applicant_id"])

    def add_family_member(self, main_applicant_id: int, relation: str, **fields: Any) -> int:
        """Add a spouse, child or other family member to a main applicant; returns their id."""
        _choice(relation, (r for r in Relation if r != Relation.MAIN), "relation")
        values = self._applicant_fields(fields)
        with self._tx() as conn:
            main = repository.read_applicant(conn, main_applicant_id)
            if main is None or main.relation != Relation.MAIN:
                raise _no_such_applicant(main_applicant_id, "main applicant")
            return repository.insert_applicant(conn, values, relation=relation, main_applicant_id=main_applicant_id)

    @staticmethod
    def _applicant_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, value in fields.items():
            if name not in APPLICANT_FIELDS:
                raise UserInputError(f"applicant: unknown field '{name}'; valid: {', '.join(APPLICANT_FIELDS)}",
                                     kind="unknown_field", field=name, choices=APPLICANT_FIELDS)
            if name in APPLICANT_DATE_FIELDS:
                values[name] = parse_date(value, name)
            else:
                values[name] = "" if value is None else str(value).strip()
        return values

    # -- documents ---------------------------------------------------------------------------

    def set_document(self, case_id: int, code: str, *, status: str | None = None,
                     translation: str | None = None, issued: dt.date | str | _Unset | None = UNSET,
                     expiry: dt.date | str | _Unset | None = UNSET, copies: int | None = None,
                     notes: str | None = None, translator: str | None = None,
                     translation_answered: bool | None = None) -> PreviousValues:
        """Update one document of a case; fields left out keep their value. Returns the values
        replaced (nothing is written when every value is already stored). Giving ``translation``
        answers the document's translation question; ``translation_answered`` sets that answer
        itself (what undoing a change of the translation puts back)."""
        changes: dict[str, Any] = {}
        if status is not None:
            changes["status"] = _choice(status, DocumentStatus, "status")
        if translation is not None:
            changes["translation"] = _choice(translation, TranslationStatus, "translation")
            changes["translation_answered"] = 1  # the question "is it in Japanese?" is answered
        if not isinstance(issued, _Unset):
            changes["issued"] = parse_date(issued, "issued")
        if not isinstance(expiry, _Unset):
            changes["expiry"] = parse_date(expiry, "expiry")
        if copies is not None:
            if not 0 <= copies <= 99:
                raise UserInputError(f"copies: '{copies}' is not valid; give 0 to 99", kind="out_of_range",
                                     field="copies", value=copies, minimum=0, maximum=99)
            changes["copies"] = copies
        if notes is not None:
            changes["notes"] = notes
        if translator is not None:
            changes["translator"] = translator.strip()
        if translation_answered is not None:
            changes["translation_answered"] = int(translation_answered)
        with self._tx() as conn:
            document_id = self._require_document(conn, case_id, code)
            current = repository.row(conn, "SELECT * FROM documents WHERE id = ?", (document_id,))
            assert current is not None  # just found
            changed = _differing(current, changes)
            if changed:
                repository.update_row(conn, "documents", document_id, changed)
                self._touch(conn, case_id)
                household.mirror(conn, self.catalog, case_id, code, _now())
        return _previous(current, changed, _DOCUMENT_DATE_FIELDS)

    def add_document(self, case_id: int, code: str, name_en: str, name_ja: str = "", *,
                     translation: str = "not_needed", copies: int = 1, notes: str = "") -> CaseDocument:
        """Add a document of the user's own to a case (never touched by checklist reconciliation)."""
        if not _CODE.match(code):
            raise UserInputError(f"document code: '{code}' is not valid (lower-case letters, digits and '-')",
                                 kind="invalid_code", field="document_code", value=code)
        if not name_en.strip():
            raise UserInputError("document name: give a name", kind="missing", field="document_name")
        _choice(translation, TranslationStatus, "translation")
        with self._tx() as conn:
            self._require_case(conn, case_id)
            if repository.document_id(conn, case_id, code) is not None:
                raise UserInputError(f"document code: case {case_id} already has a document '{code}'",
                                     kind="duplicate_document", field="document_code", value=code)
            repository.insert_document(conn, case_id, code=code, name_en=name_en.strip(), name_ja=name_ja.strip(),
                                       position=USER_DOCUMENT_POSITION, user_added=True, translation=translation,
                                       copies=copies, notes=notes)
            self._touch(conn, case_id)
        return self.get_case(case_id).document(code)

    def remove_document(self, case_id: int, code: str) -> None:
        """Remove a document the user added (route documents are marked not_applicable instead)."""
        with self._tx() as conn:
            document_id = self._require_document(conn, case_id, code)
            row = repository.row(conn, "SELECT origin FROM documents WHERE id = ?", (document_id,))
            if row is None or row["origin"] != "user":
                raise UserInputError(f"document '{code}': it is on the route's checklist; set its status to "
                                     "not_applicable instead", kind="not_removable", field="document_code",
                                     value=code)
            conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
            self._touch(conn, case_id)

    # -- attachments -------------------------------------------------------------------------

    def attach(self, case_id: int, code: str, file: Path, *, original_name: str | None = None,
               progress: CopyProgress | None = None) -> Attachment:
        """Check ``file``, copy it into the vault and attach it to a document. Attaching the same bytes
        to the same document twice is a no-op. Refused files raise AttachmentRefused (a UserInputError).
        ``progress`` follows the copy (Vault.add)."""
        return self.attach_files(case_id, code, [(file, original_name or file.name)], progress=progress)[0]

    def attach_files(self, case_id: int, code: str, files: Sequence[tuple[Path, str]], *,
                     progress: CopyProgress | None = None) -> list[Attachment]:
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
                    staged.append((self.vault.stage(path, shown, progress=progress), shown))
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
                attached = [self._record_attachment(conn, document_id, blob, shown) for blob, shown in stored]
                self._touch(conn, case_id)
                household.mirror(conn, self.catalog, case_id, code, _now())
        except BaseException:
            # Nothing was recorded: a file this call stored would be an unreferenced copy.
            for copy, _name in staged:
                self.vault.discard(copy)
            remove_if_new([blob.path for blob, _name in stored if blob.new])
            raise
        return attached

    def store_file(self, case_id: int, code: str, file: Path, original_name: str | None = None, *,
                   progress: CopyProgress | None = None) -> VaultFile:
        """The slow half of ``attach`` (the window's attach worker, which can be cancelled): copy and
        check ``file`` into the vault, recording nothing yet. An error ``progress`` raises stops the
        copy and leaves no partial file."""
        with self._read() as conn:  # fail on a wrong case or code before copying anything
            self._require_document(conn, case_id, code)
        return self.vault.add(file, display_name(original_name or file.name), progress=progress)

    def record_stored_file(self, case_id: int, code: str, stored: VaultFile, original_name: str) -> Attachment:
        """The quick half of ``attach``: attach a file ``store_file`` put in the vault (one transaction)."""
        with self._tx() as conn:
            document_id = self._require_document(conn, case_id, code)
            attachment = self._record_attachment(conn, document_id, stored, display_name(original_name))
            self._touch(conn, case_id)
            household.mirror(conn, self.catalog, case_id, code, _now())
        return attachment

    @staticmethod
    def _record_attachment(conn: sqlite3.Connection, document_id: int, blob: VaultFile, name: str) -> Attachment:
        repository.insert_blob(conn, blob)
        repository.insert_attachment(conn, document_id, blob.sha256, name, _now())
        row = repository.row(conn, "SELECT added_at, original_name FROM attachments"
                                   " WHERE document_id = ? AND sha256 = ?", (document_id, blob.sha256))
        assert row is not None
        return Attachment(sha256=blob.sha256, original_name=row["original_name"], media_type=blob.media_type,
                          pages=blob.pages, size_bytes=blob.size_bytes, path=blob.path,
                          encrypted_owner_only=blob.encrypted_owner_only, added_at=row["added_at"])

    def discard_stored_files(self, files: Iterable[VaultFile]) -> None:
        """Remove files ``store_file`` added to the vault that were never recorded (an attach
        cancelled): the ones it stored new, unless an attachment uses the same bytes meanwhile."""
        with sqlite_errors(self.db_path):
            for stored in files:
                used = repository.row(self._conn, "SELECT 1 FROM attachments WHERE sha256 = ?", (stored.sha256,))
                if stored.new and used is None:
                    with contextlib.suppress(OSError):
                        stored.path.unlink()

    def restore_attachment(self, case_id: int, code: str, attachment: Attachment) -> None:
        """Put back an attachment removed with detach() (its vault file stays when detached), with
        its original name and date: what undoing a removal does."""
        if not self.vault.has_intact(attachment.sha256, attachment.media_type):
            raise UserInputError(f"{attachment.original_name}: the stored file is missing or damaged",
                                 kind="attachment_missing", file=attachment.original_name)
        with self._tx() as conn:
            document_id = self._require_document(conn, case_id, code)
            repository.insert_attachment(conn, document_id, attachment.sha256, attachment.original_name,
                                         attachment.added_at or _now())
            self._touch(conn, case_id)
            household.mirror(conn, self.catalog, case_id, code, _now())

    def detach(self, case_id: int, code: str, sha256: str) -> None:
        """Remove an attachment from a document (the vault file stays for other uses and backups)."""
        with self._tx() as conn:
            document_id = self._require_document(conn, case_id, code)
            cursor = conn.execute("DELETE FROM attachments WHERE document_id = ? AND sha256 = ?",
                                  (document_id, sha256))
            if cursor.rowcount == 0:
                raise UserInputError(f"document '{code}': no attachment {sha256[:12]}", kind="no_such_attachment",
                                     field="attachment", value=sha256)
            self._touch(conn, case_id)
            household.mirror(conn, self.catalog, case_id, code, _now())

    # -- points and events -------------------------------------------------------------------

    def set_points(self, case_id: int, profile: Mapping[str, Any], *, source: str = "profile") -> None:
        """Validate a points profile with the points engine and add it as the newest dated version;
        the checklist then asks for the evidence of exactly the items it scores."""
        data = validate_points_profile(dict(profile), source=source)
        with self._tx() as conn:
            self._require_case(conn, case_id)
            repository.insert_points_version(conn, case_id, _now(), data)
            self._touch(conn, case_id)
            self._reconcile(conn, case_id)

    def remove_latest_points(self, case_id: int) -> None:
        """Remove the newest points version (undoing ``set_points``); the one before it counts again."""
        with self._tx() as conn:
            self._require_case(conn, case_id)
            newest = conn.execute("SELECT id FROM points_history WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                                  (case_id,)).fetchone()
            if newest is None:
                raise UserInputError(f"case {case_id}: has no points profile")
            conn.execute("DELETE FROM points_history WHERE id = ?", (newest[0],))
            self._touch(conn, case_id)
            self._reconcile(conn, case_id)

    def add_event(self, case_id: int, type: str, date: dt.date | str, **extra: Any) -> int:
        """Record a dated event of the case (coe_issued, landed, moved, employer_changed,
        stay_expires, departed; ``person=`` names a family member). Checked by the deadlines engine."""
        day = parse_date(date, "event_date")
        event = validate_event({"type": type, "date": day, **extra})
        with self._tx() as conn:
            self._require_case(conn, case_id)
            event_id = repository.insert_event(conn, case_id, event, _now())
            self._touch(conn, case_id)
            return event_id

    def list_events(self, case_id: int) -> list[tuple[int, dict[str, Any]]]:
        """The case's events with their ids (for removal), in date order."""
        with self._read() as conn:
            self._require_case(conn, case_id)
            return repository.read_events(conn, case_id)

    def remove_event(self, case_id: int, event_id: int) -> None:
        with self._tx() as conn:
            if conn.execute("DELETE FROM events WHERE id = ? AND case_id = ?", (event_id, case_id)).rowcount == 0:
                raise UserInputError(f"case {case_id}: no event {event_id}", kind="no_such_event", field="event",
                                     value=event_id)
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
        # Plan outside the write lock; only take it when a case needs a change. Whatever SQLite
        # reports on the way is a StoreError, as when opening the store ran this.
        with sqlite_errors(self.db_path):
            needs = [case_id for case_id in ids if self._plan(self._conn, case_id)]
            if needs:
                with self._tx() as conn:
                    changed = [case_id for case_id in needs if self._reconcile(conn, case_id)]
        return changed

    def _plan(self, conn: sqlite3.Connection, case_id: int) -> ReconcilePlan | None:
        case = repository.row(conn, "SELECT route, procedure FROM cases WHERE id = ?", (case_id,))
        facts = read_facts(conn, case_id)
        if case is None or facts is None:
            return None
        try:
            expected = self._expected_documents(case["route"], case["procedure"], facts,
                                                household.checklist_context(conn, self.catalog, case_id))
        except UserInputError:
            return None  # the route or procedure is gone from the data: keep everything as it is
        stored = [StoredDocument(id=r["id"], code=r["code"], name_en=r["name_en"], name_ja=r["name_ja"],
                                 position=r["position"], required=bool(r["required"]), user_added=r["origin"] == "user",
                                 has_user_data=bool(r["has_user_data"]))
                  for r in repository.rows(
                      conn,
                      """SELECT d.id, d.code, d.name_en, d.name_ja, d.position, d.required, d.origin,
                             (d.status != 'needed' OR d.translation NOT IN ('needed', 'not_needed')
                              OR d.issued IS NOT NULL OR d.expiry IS NOT NULL OR d.notes != '' OR d.translator != ''
                              OR EXISTS (SELECT 1 FROM attachments a WHERE a.document_id = d.id)) AS has_user_data
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
            repository.update_row(conn, "documents", document_id, {"required": 0})
        # Renames first move codes out of the way (a code may pass from one row to another).
        for update in plan.update:
            repository.update_row(conn, "documents", update.document_id, {"code": f"~{update.document_id}"})
        for update in plan.update:
            repository.update_row(conn, "documents", update.document_id, {
                "code": update.code, "name_en": update.name_en, "name_ja": update.name_ja,
                "position": update.position, "required": 1, "origin": "route"})
        for spec, position in plan.insert:
            self._insert_route_document(conn, case_id, spec, position)
        if plan.insert:
            household.sync_shared(conn, self.catalog, case_id)
        self._touch(conn, case_id)
        return True

    def _expected_documents(self, route: str, procedure: str, facts: ChecklistFacts,
                            context: household.ChecklistContext = household.NO_CONTEXT) -> list[DocumentSpec]:
        return household.with_supplied(expected_documents(
            self.catalog, route, procedure, facts, principal_route=context.principal_route,
            principal_abroad=context.principal_abroad), context)

    @staticmethod
    def _insert_route_document(conn: sqlite3.Connection, case_id: int, doc: DocumentSpec, position: int) -> None:
        repository.insert_document(conn, case_id, code=doc.code, name_en=doc.name_en, name_ja=doc.name_ja,
                                   position=position, user_added=False, translation=initial_translation(doc),
                                   copies=doc.copies)

    # -- backups -----------------------------------------------------------------------------

    def backup(self, destination: Path | None = None, *, passphrase: str | None = None) -> Path:
        """A copy of the database now (in the backups folder unless ``destination`` is given),
        encrypted with ``passphrase`` when one is given."""
        return backups.make_backup(self._conn, self.data_dir, "manual", destination=destination,
                                   passphrase=passphrase)

    def daily_backup_if_due(self) -> Path | None:
        """Take the automatic daily copy when the last is 24 hours old (a long-running window can
        call this on a timer; opening the store does it too). Nothing to copy in an empty store."""
        if not self.case_ids() or not backups.daily_backup_due(self.data_dir):
            return None
        return backups.make_backup(self._conn, self.data_dir, "daily", version=schema_version(self._conn))

    def restore(self, source: Path, *, passphrase: str | None = None) -> tuple[Path, list[str]]:
        """Replace the data with the backup ``source`` (``passphrase`` when it is encrypted); returns
        (where the current data was kept, missing attachment files). The backup is checked before
        anything changes. A damaged database cannot be opened: see restore.restore_data_dir."""
        from zairyu.store.restore import restore_into

        return restore_into(self, source, passphrase)

    # -- archives ----------------------------------------------------------------------------

    def export_case(self, case_id: int, output: Path, *, passphrase: str | None = None) -> Path:
        """Write one case with its attachment files to a portable zip (archive.py), encrypted with
        ``passphrase`` when one is given."""
        from zairyu.store.archive import export_case

        return export_case(self.get_case(case_id), output, passphrase=passphrase)

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
        applicant_id = repository.insert_applicant(conn, case.applicant.model_dump(exclude={"relation"}))
        for member in case.family:
            repository.insert_applicant(conn, member.model_dump(exclude={"relation"}),
                                        relation=member.relation if member.relation != Relation.MAIN
                                        else Relation.OTHER, main_applicant_id=applicant_id)
        case_id = repository.insert_case(
            conn, applicant_id=applicant_id, route=case.route, procedure=case.procedure,
            employer_category=case.employer_category, title=case.title, target_filing_date=case.target_filing_date,
            notes=case.notes, created_at=case.created_at or now, updated_at=now)
        for position, doc in enumerate(case.documents):
            document_id = repository.insert_document(
                conn, case_id, code=doc.code, name_en=doc.name_en, name_ja=doc.name_ja,
                position=USER_DOCUMENT_POSITION + position if doc.user_added else position,
                user_added=doc.user_added, required=doc.required, status=doc.status, translation=doc.translation,
                issued=doc.issued, expiry=doc.expiry, copies=doc.copies, notes=doc.notes, translator=doc.translator)
            for attachment in doc.attachments:
                blob = stored[attachment.sha256]
                repository.insert_blob(conn, blob)
                repository.insert_attachment(conn, document_id, blob.sha256, attachment.original_name,
                                             attachment.added_at or now)
        for version in case.points_history:
            repository.insert_points_version(conn, case_id, version.saved_at, version.profile)
        for event in case.events:
            repository.insert_event(conn, case_id, event, now)
        return case_id

    # -- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _require_case(conn: sqlite3.Connection, case_id: int) -> None:
        if repository.row(conn, "SELECT 1 FROM cases WHERE id = ?", (case_id,)) is None:
            raise _no_such_case(case_id)

    def _require_document(self, conn: sqlite3.Connection, case_id: int, code: str) -> int:
        self._require_case(conn, case_id)
        document_id = repository.document_id(conn, case_id, code)
        if document_id is None:
            codes = repository.document_codes(conn, case_id)
            raise UserInputError(f"document code: case {case_id} has no document '{code}'; "
                                 f"its documents: {', '.join(codes)}", kind="no_such_document",
                                 field="document_code", value=code, choices=tuple(codes))
        return document_id

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
    make_tree_private(folder)
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

        # A damaged file is refused here, before a migration or the daily backup copies it; and
        # whatever SQLite reports during the steps below becomes a StoreError, never a traceback.
        quick_check(conn, db_path)
        with sqlite_errors(db_path):
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
