"""What a stored case tells the checklist, in one place.

A case's documents depend on its route and procedure and on what the store knows about it: the
employer category, the points history (the evidence of the items claimed, and for permanent
residence the 70/80-point basis and whether the applicant holds HSP status), the applicant's
nationality and the target filing date (rules with an effective date; none: today).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from zairyu.domain.checklist import required_documents
from zairyu.domain.routes import DocumentSpec, RouteCatalog, RouteId
from zairyu.errors import ZairyuError
from zairyu.store import repository
from zairyu.store.points_link import claimed_points_items, permanent_residence_basis


@dataclass(frozen=True)
class ChecklistFacts:
    employer_category: int | None = None
    points_history: list[dict[str, Any]] = field(default_factory=list)  # oldest first
    nationality: str = ""
    target_filing_date: str | None = None  # ISO date

    @property
    def filing_date(self) -> dt.date:
        return dt.date.fromisoformat(self.target_filing_date) if self.target_filing_date else dt.date.today()


def read_facts(conn: sqlite3.Connection, case_id: int) -> ChecklistFacts | None:
    """The facts of a stored case (None when there is no such case)."""
    row = repository.read_checklist_facts(conn, case_id)
    if row is None:
        return None
    return ChecklistFacts(employer_category=row["employer_category"], target_filing_date=row["target_filing_date"],
                          nationality=row["nationality"] or "",
                          points_history=[v.profile for v in repository.read_points_history(conn, case_id)])


def expected_documents(catalog: RouteCatalog, route: str, procedure: str, facts: ChecklistFacts, *,
                       principal_route: str | None = None,
                       principal_abroad: bool | None = None) -> list[DocumentSpec]:
    """The route documents a case with these facts needs, in the route file's order (a dependant's
    case also by its principal's route and whether the principal is still abroad)."""
    spec = catalog.get(route)
    latest = facts.points_history[-1] if facts.points_history else None
    basis: int | None = None
    holder: bool | None = None
    if spec.id is RouteId.PERMANENT_RESIDENCE:  # the 70/80-point basis only sorts a PR application
        decision = permanent_residence_basis(facts.points_history, facts.target_filing_date)
        if decision is not None:
            basis, holder = decision.basis, decision.hsp_holder
    items = required_documents(spec, procedure, employer_category=facts.employer_category,
                               claimed_items=claimed_points_items(latest), pr_basis=basis, hsp_holder=holder,
                               nationality=facts.nationality, filing_date=facts.filing_date,
                               principal_route=principal_route, principal_abroad=principal_abroad)
    return [item.document for item in items]


def translation_rules(catalog: RouteCatalog, route: str) -> dict[str, str]:
    """Each document code's translation rule: the route's own, then any route's (a household lists
    documents of the principal's route too); empty when the route data cannot be read."""
    try:
        routes = list(catalog)
        own = catalog.get(route)
    except ZairyuError:
        return {}
    rules: dict[str, str] = {}
    for spec in (own, *routes):
        for doc in spec.documents:
            rules.setdefault(doc.code, doc.translation_rule.value)
    return rules
