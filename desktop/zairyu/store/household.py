"""Households: a dependant's case linked to the case of the principal it depends on.

- The link: ``cases.principal_case_id``. A dependant's applicant is stored as a family member
  (spouse, child or other) of the principal's applicant, so both cases know the family.
- Shared documents: what the principal supplies for the family (route files' ``shared_with_principal``:
  the employment certificate, tax certificates, residence-card copy, household 住民票) is on the
  checklist of every case of the household that needs it, the principal's included. Attaching or
  updating it in one case does it in all (one vault file), so it counts as done in each, and each
  case dates its freshness against its own filing date.
- The household's deadlines in one list, and the household conditions of the family routes.

The store calls these inside its own transactions (service.py); nothing here opens a connection.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from zairyu.domain.checklist import required_documents
from zairyu.domain.family import Eligibility, Household, Member, family_eligibility, principal_route_for
from zairyu.domain.routes import DocumentSpec, RouteCatalog, RouteId, RouteSpec
from zairyu.errors import UserInputError, ZairyuError

if TYPE_CHECKING:
    from zairyu.domain.deadlines import CalendarEntry
    from zairyu.store.models import CaseView
    from zairyu.store.service import Store

# The relation of the applicant when the route says it; dependent and j-find-family ask for it.
_RELATION_OF_ROUTE = {RouteId.HSP_SPOUSE_WORK: "spouse", RouteId.HSP_PARENT: "other",
                      RouteId.HSP_DOMESTIC_WORKER: "other"}
FAMILY_RELATIONS = ("spouse", "child", "other")
# How a household names a member whose stored relation is "other".
_ROLE_OF_ROUTE = {RouteId.HSP_PARENT.value: "parent", RouteId.HSP_DOMESTIC_WORKER.value: "domestic worker"}
_MIRRORED = ("status", "translation", "translator", "issued", "expiry", "notes")


@dataclass(frozen=True)
class ChecklistContext:
    """What a case's checklist depends on beyond the case itself."""

    principal_route: str | None = None  # the principal's route, for a linked dependant
    principal_abroad: bool | None = None  # the principal's own case is a COE: they are still abroad
    supplied: tuple[DocumentSpec, ...] = ()  # documents a principal supplies for its dependants


NO_CONTEXT = ChecklistContext()


@dataclass(frozen=True)
class Principal:
    case_id: int
    applicant_id: int
    route: RouteId
    abroad: bool


def _principal_row(conn: sqlite3.Connection, case_id: int) -> tuple[int, str, str, int | None] | None:
    row = conn.execute("SELECT applicant_id, route, procedure, principal_case_id FROM cases WHERE id = ?",
                       (case_id,)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]), row[3])


def link_principal(conn: sqlite3.Connection, route: RouteSpec, principal_case_id: int) -> Principal:
    """Check that a new case on ``route`` may depend on ``principal_case_id``."""
    row = _principal_row(conn, principal_case_id)
    if row is None:
        raise UserInputError(f"principal: case {principal_case_id}: no such case (see `zairyu case list`)",
                             kind="not_found", field="principal", value=principal_case_id)
    applicant_id, principal_route, procedure, its_principal = row
    if its_principal is not None:
        raise UserInputError(f"principal: case {principal_case_id} is itself a dependant of case {its_principal}; "
                             f"link to case {its_principal}", field="principal", value=principal_case_id)
    return Principal(principal_case_id, applicant_id, principal_route_for(route, principal_route),
                     abroad=procedure == "coe")


def relation_for(route: RouteSpec, relation: str | None) -> str:
    """The applicant's relation to the principal: given, or the one the route implies."""
    implied = _RELATION_OF_ROUTE.get(route.id)
    if relation is None:
        if implied is None:
            raise UserInputError(f"relation: say whether the applicant is the principal's spouse or child "
                                 f"(route {route.id.value})", kind="missing", field="relation")
        return implied
    # 家族滞在 and the J-Find family status are for a spouse or a child only.
    valid = FAMILY_RELATIONS if implied is not None else ("spouse", "child")
    if relation not in valid:
        raise UserInputError(f"relation: '{relation}' is not valid for route {route.id.value}; valid: "
                             f"{', '.join(valid)}", field="relation", value=relation)
    if implied is not None and relation != implied:
        role = _ROLE_OF_ROUTE.get(route.id.value, implied)
        raise UserInputError(f"relation: route {route.id.value} is for the principal's {role}, not {relation}",
                             field="relation", value=relation)
    return relation


def dependant_ids(conn: sqlite3.Connection, principal_case_id: int) -> list[int]:
    return [int(r[0]) for r in conn.execute("SELECT id FROM cases WHERE principal_case_id = ? ORDER BY id",
                                            (principal_case_id,))]


def household_root(conn: sqlite3.Connection, case_id: int) -> int:
    """The principal's case of the household ``case_id`` belongs to (itself when it is the principal)."""
    row = conn.execute("SELECT principal_case_id FROM cases WHERE id = ?", (case_id,)).fetchone()
    return int(row[0]) if row is not None and row[0] is not None else case_id


def household_case_ids(conn: sqlite3.Connection, case_id: int) -> list[int]:
    """The principal's case first, then its dependants' cases."""
    root = household_root(conn, case_id)
    return [root, *dependant_ids(conn, root)]


def _context_of(spec: RouteSpec, principal: Principal) -> ChecklistContext:
    if principal.route not in (spec.principal_routes or []):
        return NO_CONTEXT  # the route data changed: keep every conditional document listed
    return ChecklistContext(principal.route.value, principal.abroad)


def _dependant_checklist(catalog: RouteCatalog, route: str, procedure: str, principal: Principal) -> list[DocumentSpec]:
    spec = catalog.get(route)
    context = _context_of(spec, principal)
    return [item.document for item in required_documents(
        spec, procedure, principal_route=context.principal_route, principal_abroad=context.principal_abroad)]


def _principal_of(conn: sqlite3.Connection, case_id: int) -> Principal | None:
    row = _principal_row(conn, case_id)
    if row is None or row[3] is None:
        return None
    found = _principal_row(conn, row[3])
    if found is None:
        return None
    try:
        route = RouteId(found[1])
    except ValueError:
        return None
    return Principal(int(row[3]), found[0], route, abroad=found[2] == "coe")


def checklist_context(conn: sqlite3.Connection, catalog: RouteCatalog, case_id: int) -> ChecklistContext:
    """The principal of a dependant's case, or the documents a principal's case supplies."""
    principal = _principal_of(conn, case_id)
    if principal is not None:
        route = conn.execute("SELECT route FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
        return _context_of(catalog.get(route), principal)
    supplied: dict[str, DocumentSpec] = {}
    row = _principal_row(conn, case_id)
    if row is None:
        return NO_CONTEXT
    try:
        me = Principal(case_id, row[0], RouteId(row[1]), abroad=row[2] == "coe")
    except ValueError:
        return NO_CONTEXT
    for dependant in conn.execute("SELECT route, procedure FROM cases WHERE principal_case_id = ? ORDER BY id",
                                  (case_id,)).fetchall():
        try:
            documents = _dependant_checklist(catalog, dependant[0], dependant[1], me)
        except UserInputError:
            continue  # a route or procedure the data no longer has
        for doc in documents:
            if doc.shared_with_principal:
                supplied.setdefault(doc.code, doc)
    return ChecklistContext(supplied=tuple(supplied.values()))


def with_supplied(documents: list[DocumentSpec], context: ChecklistContext) -> list[DocumentSpec]:
    """A principal's own checklist, then what it supplies for the family (not already listed)."""
    codes = {doc.code for doc in documents}
    return documents + [doc for doc in context.supplied if doc.code not in codes]


def shared_codes(conn: sqlite3.Connection, catalog: RouteCatalog, case_id: int) -> set[str]:
    """Codes of the documents the household of ``case_id`` shares (held once, in every case that lists them)."""
    codes: set[str] = set()
    for other in household_case_ids(conn, case_id)[1:]:
        route = conn.execute("SELECT route FROM cases WHERE id = ?", (other,)).fetchone()[0]
        try:
            codes.update(d.code for d in catalog.get(route).documents if d.shared_with_principal)
        except UserInputError:
            continue
    return codes


def _rows(conn: sqlite3.Connection, case_ids: Iterable[int], code: str) -> list[tuple[int, int]]:
    """(case id, document id) of ``code`` in each of ``case_ids`` that has it, in that order."""
    found = []
    for case_id in case_ids:
        row = conn.execute("SELECT id FROM documents WHERE case_id = ? AND code = ?", (case_id, code)).fetchone()
        if row is not None:
            found.append((case_id, int(row[0])))
    return found


def _copy(conn: sqlite3.Connection, source: int, target: int) -> None:
    columns = ", ".join(_MIRRORED)
    values = conn.execute(f"SELECT {columns} FROM documents WHERE id = ?", (source,)).fetchone()
    conn.execute(f"UPDATE documents SET {', '.join(f'{c} = ?' for c in _MIRRORED)} WHERE id = ?", (*values, target))
    conn.execute("DELETE FROM attachments WHERE document_id = ? AND sha256 NOT IN"
                 " (SELECT sha256 FROM attachments WHERE document_id = ?)", (target, source))
    conn.execute("INSERT INTO attachments (document_id, sha256, original_name, added_at)"
                 " SELECT ?, sha256, original_name, added_at FROM attachments WHERE document_id = ?"
                 " ON CONFLICT (document_id, sha256) DO NOTHING", (target, source))


def mirror(conn: sqlite3.Connection, catalog: RouteCatalog, case_id: int, code: str, now: str) -> list[int]:
    """After a change to document ``code`` of ``case_id``: the same in every household case that
    lists it, when the household shares it. Returns the other cases changed."""
    if code not in shared_codes(conn, catalog, case_id):
        return []
    rows = _rows(conn, household_case_ids(conn, case_id), code)
    source = next(document_id for owner, document_id in rows if owner == case_id)
    changed = []
    for owner, document_id in rows:
        if owner != case_id:
            _copy(conn, source, document_id)
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (now, owner))
            changed.append(owner)
    return changed


def _has_data(conn: sqlite3.Connection, document_id: int) -> bool:
    row = conn.execute(
        "SELECT status != 'needed' OR issued IS NOT NULL OR expiry IS NOT NULL OR notes != '' OR translator != ''"
        " OR EXISTS (SELECT 1 FROM attachments WHERE document_id = ?) FROM documents WHERE id = ?",
        (document_id, document_id)).fetchone()
    return bool(row[0])


def sync_shared(conn: sqlite3.Connection, catalog: RouteCatalog, case_id: int) -> None:
    """After a link or a reconciliation added rows: give every household row of a shared document
    the data the household already holds for it (the principal's first)."""
    ids = household_case_ids(conn, case_id)
    for code in sorted(shared_codes(conn, catalog, case_id)):
        rows = _rows(conn, ids, code)
        source = next((document_id for _owner, document_id in rows if _has_data(conn, document_id)), None)
        if source is None:
            continue
        for _owner, document_id in rows:
            if document_id != source:
                _copy(conn, source, document_id)


# -- reading a household -------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdCase:
    case_id: int
    route: str
    procedure: str
    person: str
    relation: str  # principal, spouse, child, parent, domestic worker, other

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case_id, "route": self.route, "procedure": self.procedure, "person": self.person,
                "relation": self.relation}


def household_cases(store: Store, case_id: int) -> list[HouseholdCase]:
    """The household of ``case_id``: the principal's case first. A lone case is a household of one."""
    with store.reading() as conn:
        ids = household_case_ids(conn, case_id)
    out = []
    for index, member_id in enumerate(ids):
        case = store.get_case(member_id)
        relation = "principal" if index == 0 else _ROLE_OF_ROUTE.get(case.route, case.applicant.relation)
        out.append(HouseholdCase(member_id, case.route, case.procedure, case.applicant.name or f"case {member_id}",
                                 relation))
    return out


def shared_documents(store: Store, case: CaseView) -> list[str]:
    """The codes of ``case``'s documents that its household holds once for everyone."""
    with store.reading() as conn:
        codes = shared_codes(conn, store.catalog, case.id)
        others = len(household_case_ids(conn, case.id)) > 1
    return [doc.code for doc in case.documents if others and doc.code in codes]


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _principal_pay(case: CaseView) -> int | None:
    """The salary of the points profile (what the points are counted on), else the pay entered."""
    profile = case.points_profile
    if profile is not None and isinstance(profile.get("annual_salary_yen"), int):
        return int(profile["annual_salary_yen"])
    return case.annual_pay_yen


def eligibility(store: Store, case_id: int, today: dt.date) -> Eligibility | None:
    """The household conditions of a linked case on the parent or domestic-worker route (None for
    a case whose route has none, or that is not linked to a principal yet)."""
    case = store.get_case(case_id)
    if case.principal_case_id is None:
        return None
    route = store.catalog.get(case.route)
    principal = store.get_case(case.principal_case_id)
    try:
        principal_route = RouteId(principal.route)
    except ValueError:
        return None
    with store.reading() as conn:
        dependants = {int(r[0]): int(r[1]) for r in conn.execute(
            "SELECT applicant_id, id FROM cases WHERE principal_case_id = ?", (principal.id,))}
    members = []
    applicant: Member | None = None
    for person in principal.family:
        member_case = store.get_case(dependants[person.id]) if person.id in dependants else None
        try:
            member_route = RouteId(member_case.route) if member_case else RouteId.DEPENDENT
        except ValueError:
            continue
        member = Member(member_route, person.relation, _date(person.birth_date),
                        member_case.annual_pay_yen if member_case else None)
        members.append(member)
        if member_case is not None and member_case.id == case.id:
            applicant = member
    if applicant is None:
        return None
    births = [d for d in (_date(c.expected_birth) for c in [principal, *(store.get_case(i) for i in
                                                                        dependants.values())]) if d]
    household = Household(principal_route=principal_route, principal_pay_yen=_principal_pay(principal),
                          members=tuple(members), expected_birth=max(births) if births else None)
    on = _date(case.target_filing_date) or today
    try:
        return family_eligibility(route, household, applicant, on)
    except ZairyuError:
        return None  # the principal's route no longer supports this one in the data


# -- the household's deadlines -------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdDeadline:
    """One deadline of one person of the household: a case deadline or one that follows an event."""

    case_id: int
    person: str
    rule: str
    title_en: str
    title_ja: str
    due: dt.date
    act_by: dt.date
    severity: str
    subject: str | None
    source: str
    notes: tuple[str, ...]
    entry: CalendarEntry

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case_id, "person": self.person, "rule": self.rule, "title_en": self.title_en,
                "title_ja": self.title_ja, "due": self.due.isoformat(), "act_by": self.act_by.isoformat(),
                "severity": self.severity, "subject": self.subject, "source": self.source,
                "notes": list(self.notes)}

    def calendar_entry(self) -> CalendarEntry:
        return self.entry


def household_deadlines(store: Store, case_id: int, today: dt.date) -> list[HouseholdDeadline]:
    """Every person's deadlines in one list, soonest first: each case's own (document freshness for
    its own filing date, expiries, the period of stay) and those that follow its events (residence
    notification after landing, a child's birth report and status application)."""
    # The deadlines engine is loaded only when deadlines are wanted.
    from zairyu.domain.deadlines import compute_deadlines, stored_events
    from zairyu.store.deadlines_link import deadlines_for_case

    out: list[HouseholdDeadline] = []
    for member in household_cases(store, case_id):
        case = store.get_case(member.case_id)
        for d in deadlines_for_case(case, store.catalog, today):
            entry = d.calendar_entry()
            out.append(HouseholdDeadline(case.id, member.person, d.rule, d.title_en, d.title_ja, d.due, d.act_by,
                                         d.severity.value, d.subject, d.source, d.notes,
                                         replace(entry, summary=f"{entry.summary} — {member.person}")))
        # A case's events are its applicant's unless they name another person.
        events = stored_events([{**e, "person": e.get("person") or member.person} for e in case.events],
                               source=f"case {case.id}")
        for e in compute_deadlines(events):
            out.append(HouseholdDeadline(case.id, e.person or member.person, e.rule, e.title_en, e.title_ja, e.due,
                                         e.act_by, e.severity(today).value, None, e.source, e.notes,
                                         e.calendar_entry()))
    return sorted(out, key=lambda d: (d.act_by, d.due, d.case_id, d.rule, d.subject or ""))
