"""What the store hands out: plain, immutable dataclasses (no Qt, no SQLite rows).

Dates are ``datetime.date`` (or None), statuses the ``StrEnum``s below (they compare equal to
their string values, which is what the database and the JSON hold). ``to_json()`` gives the shape
of ``zairyu case show --format json`` and of the case inside an archive, so the CLI, the GUI and
the archive agree on one description of a case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any


class DocumentStatus(StrEnum):
    """Where a document of a case stands (the values are stored; schema.py CHECKs them)."""

    NEEDED = "needed"
    REQUESTED = "requested"
    RECEIVED = "received"
    TRANSLATING = "translating"
    READY = "ready"
    SUBMITTED = "submitted"
    NOT_APPLICABLE = "not_applicable"


# Statuses that count as done: nothing more to do for the document before filing.
DONE_STATUSES = frozenset({DocumentStatus.READY, DocumentStatus.SUBMITTED, DocumentStatus.NOT_APPLICABLE})


class TranslationStatus(StrEnum):
    NOT_NEEDED = "not_needed"
    NEEDED = "needed"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CERTIFIED = "certified"


# Translations still to be made (needed, or started and not finished).
OPEN_TRANSLATIONS = frozenset({TranslationStatus.NEEDED, TranslationStatus.IN_PROGRESS})


class Relation(StrEnum):
    MAIN = "main"
    SPOUSE = "spouse"
    CHILD = "child"
    OTHER = "other"


def iso(value: dt.date | None) -> str | None:
    """A date as YYYY-MM-DD (how the database, the JSON and the archive hold it)."""
    return value.isoformat() if value is not None else None


def parse_stored_date(value: str | None) -> dt.date | None:
    """A date read from the database; a malformed one (edited by hand) reads as no date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class Applicant:
    """A person of a case: the main applicant or a family member. The one definition of the
    applicant's fields: APPLICANT_FIELDS, the SQL and the JSON are derived from it."""

    id: int
    name: str = ""
    nationality: str = ""
    birth_date: dt.date | None = None
    passport_number: str = ""
    passport_expiry: dt.date | None = None
    residence_card_number: str = ""
    residence_card_expiry: dt.date | None = None
    relation: Relation = Relation.MAIN

    def to_json(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in APPLICANT_FIELDS:
            value = getattr(self, name)
            values[name] = iso(value) if name in APPLICANT_DATE_FIELDS else value
        values["relation"] = str(self.relation)
        return values


# The fields a user fills in (not the id, not the relation), in form order; the dates among them.
APPLICANT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Applicant) if f.name not in ("id", "relation"))
APPLICANT_DATE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Applicant)
                                               if f.name in APPLICANT_FIELDS and "dt.date" in str(f.type))


@dataclass(frozen=True)
class Attachment:
    sha256: str
    original_name: str
    media_type: str
    pages: int
    size_bytes: int
    path: Path  # absolute, in the vault
    encrypted_owner_only: bool
    added_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "original_name": self.original_name,
            "media_type": self.media_type,
            "pages": self.pages,
            "size_bytes": self.size_bytes,
            "path": str(self.path),
            "encrypted_owner_only": self.encrypted_owner_only,
            "added_at": self.added_at,
        }


@dataclass(frozen=True)
class CaseDocument:
    code: str
    name_en: str
    name_ja: str
    required: bool  # False once the route data no longer lists it (kept because it holds user data)
    status: DocumentStatus
    translation: TranslationStatus
    issued: dt.date | None
    expiry: dt.date | None
    copies: int
    notes: str
    attachments: list[Attachment] = field(default_factory=list)
    user_added: bool = False  # added by the user, not by the route's checklist
    # From the route data: "always", "if_not_japanese" or "never" (None: a document of the user's own).
    translation_rule: str | None = None
    # True until the user says whether an "if_not_japanese" document is in Japanese: ask once.
    translation_question: bool = False
    translator: str = ""  # who makes the Japanese translation (a person or a service), as the user wrote it

    @property
    def done(self) -> bool:
        return self.status in DONE_STATUSES

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name_en": self.name_en,
            "name_ja": self.name_ja,
            "required": self.required,
            "user_added": self.user_added,
            "status": str(self.status),
            "translation": str(self.translation),
            "translation_rule": self.translation_rule,
            "translation_question": self.translation_question,
            "translator": self.translator,
            "issued": iso(self.issued),
            "expiry": iso(self.expiry),
            "copies": self.copies,
            "notes": self.notes,
            "attachments": [a.to_json() for a in self.attachments],
        }


@dataclass(frozen=True)
class PreviousValues:
    """What a setter replaced: the fields it changed with their values before, keyed as the setter
    takes them, so calling the setter again with ``values`` undoes the change. Empty (false) when
    every value given was already the stored one and nothing was written."""

    values: Mapping[str, Any] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.values)


@dataclass(frozen=True)
class PointsVersion:
    saved_at: str
    profile: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"saved_at": self.saved_at, "profile": self.profile}


@dataclass(frozen=True)
class CaseSummary:
    id: int
    title: str
    route: str
    procedure: str
    employer_category: int | None
    applicant_name: str
    documents_total: int
    documents_ready: int  # ready or submitted or not applicable, among the required ones
    updated_at: str
    applicant_id: int = 0
    principal_case_id: int | None = None  # a dependant's case: its principal's (household.py)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "route": self.route, "procedure": self.procedure,
            "employer_category": self.employer_category, "applicant_name": self.applicant_name,
            "documents_total": self.documents_total, "documents_ready": self.documents_ready,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True)
class CaseView:
    id: int
    applicant: Applicant
    family: list[Applicant]
    route: str
    procedure: str
    employer_category: int | None
    title: str
    target_filing_date: dt.date | None
    notes: str
    created_at: str
    updated_at: str
    documents: list[CaseDocument]
    points_history: list[PointsVersion]
    # Dated events for the deadlines engine: {"type": ..., "date": "YYYY-MM-DD", **extra}.
    events: list[dict[str, Any]]
    # Households (household.py): the principal's case of a dependant's, the pay the applicant earns
    # or will earn a year, a pregnancy's expected date of birth. Not in to_json: an archive holds
    # one case, without its household.
    principal_case_id: int | None = None
    annual_pay_yen: int | None = None
    expected_birth: dt.date | None = None
    # Permanent residence: the 80- or 70-point basis the points history supports (None: neither,
    # or another route) and why.
    pr_basis: int | None = None
    pr_basis_reason: str | None = None

    @property
    def points_profile(self) -> dict[str, Any] | None:
        """The latest stored points profile, or None."""
        return self.points_history[-1].profile if self.points_history else None

    def document(self, code: str) -> CaseDocument:
        for doc in self.documents:
            if doc.code == code:
                return doc
        raise KeyError(code)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "route": self.route,
            "procedure": self.procedure,
            "employer_category": self.employer_category,
            "target_filing_date": iso(self.target_filing_date),
            "notes": self.notes,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "applicant": self.applicant.to_json(),
            "family": [member.to_json() for member in self.family],
            "documents": [doc.to_json() for doc in self.documents],
            "points_profile": self.points_profile,
            "points_history": [version.to_json() for version in self.points_history],
            "events": self.events,
            "pr_basis": self.pr_basis,
            "pr_basis_reason": self.pr_basis_reason,
        }
