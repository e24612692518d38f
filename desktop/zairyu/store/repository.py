"""The store's SQL: one insert helper per table and the readers that turn rows into views.

Everything here runs inside a transaction or read snapshot the caller opened (service.py owns
those, and the rules: validation, reconciliation). Creating a case and importing an archive use
the same inserts, so a column added to a table is written in one place. Rows are read by column
name (sqlite3.Row), never by position.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from zairyu.store.models import (
    APPLICANT_DATE_FIELDS,
    APPLICANT_FIELDS,
    Applicant,
    Attachment,
    CaseDocument,
    CaseSummary,
    DocumentStatus,
    PointsVersion,
    Relation,
    TranslationStatus,
    parse_stored_date,
)
from zairyu.store.vault import Vault, VaultFile

# Documents in the order the checklist lists them: the route's own (by position), then those
# no longer required (kept for their data).
DOCUMENT_ORDER = "required DESC, position, id"


def rows(conn: sqlite3.Connection, sql: str, parameters: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    """The rows of a query, readable by column name."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, parameters).fetchall()


def row(conn: sqlite3.Connection, sql: str, parameters: tuple[Any, ...] = ()) -> sqlite3.Row | None:
    found = rows(conn, sql, parameters)
    return found[0] if found else None


def _insert(conn: sqlite3.Connection, table: str, values: Mapping[str, Any], *, suffix: str = "") -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cursor = conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks}){suffix}", tuple(values.values()))
    return int(cursor.lastrowid or 0)


# -- inserts ------------------------------------------------------------------------------------

def insert_applicant(conn: sqlite3.Connection, fields: Mapping[str, Any], *, relation: str = Relation.MAIN,
                     main_applicant_id: int | None = None) -> int:
    """``fields``: checked applicant fields (APPLICANT_FIELDS, dates as YYYY-MM-DD)."""
    return _insert(conn, "applicants", {"relation": str(relation), "main_applicant_id": main_applicant_id,
                                        **fields})


def insert_case(conn: sqlite3.Connection, *, applicant_id: int, route: str, procedure: str,
                employer_category: int | None, title: str, target_filing_date: str | None, notes: str,
                created_at: str, updated_at: str, principal_case_id: int | None = None,
                annual_pay_yen: int | None = None, expected_birth: str | None = None) -> int:
    return _insert(conn, "cases", {
        "applicant_id": applicant_id, "route": route, "procedure": procedure,
        "employer_category": employer_category, "title": title, "target_filing_date": target_filing_date,
        "notes": notes, "created_at": created_at, "updated_at": updated_at,
        "principal_case_id": principal_case_id, "annual_pay_yen": annual_pay_yen, "expected_birth": expected_birth})


def insert_document(conn: sqlite3.Connection, case_id: int, *, code: str, name_en: str, name_ja: str,
                    position: int, user_added: bool, translation: str, copies: int, required: bool = True,
                    status: str = DocumentStatus.NEEDED, issued: str | None = None, expiry: str | None = None,
                    notes: str = "", translator: str = "") -> int:
    return _insert(conn, "documents", {
        "case_id": case_id, "code": code, "name_en": name_en, "name_ja": name_ja, "position": position,
        "origin": "user" if user_added else "route", "required": int(required), "status": str(status),
        "translation": str(translation), "issued": issued, "expiry": expiry, "copies": copies, "notes": notes,
        "translator": translator})


def insert_blob(conn: sqlite3.Connection, blob: VaultFile) -> None:
    """Record a vault file (once per SHA-256; the same bytes attached twice share it)."""
    _insert(conn, "blobs", {"sha256": blob.sha256, "media_type": blob.media_type, "pages": blob.pages,
                            "size_bytes": blob.size_bytes, "encrypted_owner_only": int(blob.encrypted_owner_only)},
            suffix=" ON CONFLICT (sha256) DO NOTHING")


def insert_attachment(conn: sqlite3.Connection, document_id: int, sha256: str, original_name: str,
                      added_at: str) -> None:
    """Attach a recorded blob to a document; attaching the same bytes again changes nothing."""
    _insert(conn, "attachments", {"document_id": document_id, "sha256": sha256, "original_name": original_name,
                                  "added_at": added_at}, suffix=" ON CONFLICT (document_id, sha256) DO NOTHING")


def insert_points_version(conn: sqlite3.Connection, case_id: int, saved_at: str, profile: Mapping[str, Any]) -> None:
    _insert(conn, "points_history", {"case_id": case_id, "saved_at": saved_at,
                                     "profile": json.dumps(profile, ensure_ascii=False, sort_keys=True)})


def insert_event(conn: sqlite3.Connection, case_id: int, event: Mapping[str, Any], added_at: str) -> int:
    """``event``: a checked event ({"type", "date", **extra})."""
    extra = {k: v for k, v in event.items() if k not in ("type", "date")}
    return _insert(conn, "events", {"case_id": case_id, "type": event["type"], "date": event["date"],
                                    "extra": json.dumps(extra, ensure_ascii=False, sort_keys=True),
                                    "added_at": added_at})


# -- readers ------------------------------------------------------------------------------------

def read_applicant(conn: sqlite3.Connection, applicant_id: int) -> Applicant | None:
    found = row(conn, f"SELECT id, relation, {', '.join(APPLICANT_FIELDS)} FROM applicants WHERE id = ?",
                (applicant_id,))
    if found is None:
        return None
    values: dict[str, Any] = {}
    for name in APPLICANT_FIELDS:
        values[name] = parse_stored_date(found[name]) if name in APPLICANT_DATE_FIELDS else found[name]
    return Applicant(id=found["id"], relation=Relation(found["relation"]), **values)


def read_family(conn: sqlite3.Connection, main_applicant_id: int) -> list[Applicant]:
    ids = [r["id"] for r in rows(conn, "SELECT id FROM applicants WHERE main_applicant_id = ? ORDER BY id",
                                 (main_applicant_id,))]
    return [member for member in (read_applicant(conn, i) for i in ids) if member is not None]


def read_documents(conn: sqlite3.Connection, vault: Vault, case_id: int, *,
                   translation_rules: Mapping[str, str] | None = None) -> list[CaseDocument]:
    """The case's documents; ``translation_rules`` (code → the route data's rule) marks each route
    document's rule, and the question still to ask for one that may be in Japanese."""
    rules = translation_rules or {}
    attachments: dict[int, list[Attachment]] = {}
    for r in rows(conn, """SELECT a.document_id, a.sha256, a.original_name, a.added_at, b.media_type, b.pages,
                                  b.size_bytes, b.encrypted_owner_only
                           FROM attachments a JOIN blobs b ON b.sha256 = a.sha256
                           JOIN documents d ON d.id = a.document_id WHERE d.case_id = ? ORDER BY a.id""",
                  (case_id,)):
        attachments.setdefault(r["document_id"], []).append(Attachment(
            sha256=r["sha256"], original_name=r["original_name"], media_type=r["media_type"], pages=r["pages"],
            size_bytes=r["size_bytes"], path=vault.path_for(r["sha256"], r["media_type"]).resolve(),
            encrypted_owner_only=bool(r["encrypted_owner_only"]), added_at=r["added_at"]))
    return [CaseDocument(code=r["code"], name_en=r["name_en"], name_ja=r["name_ja"], required=bool(r["required"]),
                         status=DocumentStatus(r["status"]), translation=TranslationStatus(r["translation"]),
                         issued=parse_stored_date(r["issued"]), expiry=parse_stored_date(r["expiry"]),
                         copies=r["copies"], notes=r["notes"], user_added=r["origin"] == "user",
                         attachments=attachments.get(r["id"], []),
                         translation_rule=None if r["origin"] == "user" else rules.get(r["code"]),
                         translation_question=(r["origin"] != "user" and rules.get(r["code"]) == "if_not_japanese"
                                               and not r["translation_answered"]),
                         translator=r["translator"])
            for r in rows(conn, f"SELECT * FROM documents WHERE case_id = ? ORDER BY {DOCUMENT_ORDER}",
                          (case_id,))]


def read_points_history(conn: sqlite3.Connection, case_id: int) -> list[PointsVersion]:
    return [PointsVersion(saved_at=r["saved_at"], profile=json.loads(r["profile"]))
            for r in rows(conn, "SELECT saved_at, profile FROM points_history WHERE case_id = ? ORDER BY id",
                          (case_id,))]


def read_checklist_facts(conn: sqlite3.Connection, case_id: int) -> sqlite3.Row | None:
    """What a case's checklist depends on besides its points history (None: no such case)."""
    return row(conn, "SELECT c.employer_category, c.target_filing_date, a.nationality FROM cases c"
                     " JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?", (case_id,))


def latest_points_profile(conn: sqlite3.Connection, case_id: int) -> dict[str, Any] | None:
    found = row(conn, "SELECT profile FROM points_history WHERE case_id = ? ORDER BY id DESC LIMIT 1", (case_id,))
    return json.loads(found["profile"]) if found is not None else None


def read_events(conn: sqlite3.Connection, case_id: int) -> list[tuple[int, dict[str, Any]]]:
    """The case's events with their ids, in date order."""
    return [(r["id"], {"type": r["type"], "date": r["date"], **json.loads(r["extra"])})
            for r in rows(conn, "SELECT id, type, date, extra FROM events WHERE case_id = ? ORDER BY date, id",
                          (case_id,))]


def read_case_summaries(conn: sqlite3.Connection) -> list[CaseSummary]:
    done = ", ".join(f"'{s}'" for s in (DocumentStatus.READY, DocumentStatus.SUBMITTED,
                                        DocumentStatus.NOT_APPLICABLE))
    return [CaseSummary(id=r["id"], title=r["title"], route=r["route"], procedure=r["procedure"],
                        employer_category=r["employer_category"], applicant_name=r["name"],
                        applicant_id=r["applicant_id"], updated_at=r["updated_at"], documents_total=r["total"],
                        documents_ready=r["ready"], principal_case_id=r["principal_case_id"])
            for r in rows(conn, f"""SELECT c.id, c.title, c.route, c.procedure, c.employer_category, c.applicant_id,
                                          a.name, c.updated_at, c.principal_case_id,
                                          (SELECT count(*) FROM documents d WHERE d.case_id = c.id
                                              AND d.required = 1) AS total,
                                          (SELECT count(*) FROM documents d WHERE d.case_id = c.id
                                              AND d.required = 1 AND d.status IN ({done})) AS ready
                                   FROM cases c JOIN applicants a ON a.id = c.applicant_id ORDER BY c.id""")]


def document_id(conn: sqlite3.Connection, case_id: int, code: str) -> int | None:
    found = row(conn, "SELECT id FROM documents WHERE case_id = ? AND code = ?", (case_id, code))
    return int(found["id"]) if found is not None else None


def document_codes(conn: sqlite3.Connection, case_id: int) -> list[str]:
    return [r["code"] for r in rows(conn, f"SELECT code FROM documents WHERE case_id = ? ORDER BY {DOCUMENT_ORDER}",
                                    (case_id,))]


def update_row(conn: sqlite3.Connection, table: str, row_id: int, changes: Mapping[str, Any]) -> None:
    """Set ``changes`` (column → value, column names from this module's callers only) on one row."""
    if changes:
        assignments = ", ".join(f"{name} = ?" for name in changes)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*changes.values(), row_id))

