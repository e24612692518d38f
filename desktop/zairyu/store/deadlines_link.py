"""A stored case's own deadlines: the store's data handed to the deadlines engine.

The engine takes plain ``CaseFacts``; this is the one place that gathers them from a ``CaseView``:
the documents still to hand in with their freshness rule (from the route file), the applicant's
passport and residence-card expiry, the case's dated events (the end of the period of stay, the
day of landing that starts a status obtained with a COE) and the permanent-residence dates the
points engine finds in the case's points history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from zairyu.domain.deadlines import CaseDeadline, CaseFacts, PrEligibility, case_deadlines
from zairyu.domain.deadlines import CaseDocument as DeadlineDocument
from zairyu.domain.routes import RouteCatalog, RouteId
from zairyu.errors import ZairyuError
from zairyu.store.models import CaseView

# A status obtained with a certificate of eligibility begins on the day of landing.
_STATUS_STARTED_BY_LANDING = {
    RouteId.J_FIND: "j_find_start",
    RouteId.HSP_1A: "hsp1_start",
    RouteId.HSP_1B: "hsp1_start",
    RouteId.HSP_1C: "hsp1_start",
    RouteId.J_SKIP: "j_skip_start",
}
_DONE = ("submitted", "not_applicable")


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _main_applicant_events(events: Iterable[dict[str, Any]], event_type: str) -> list[dt.date]:
    """Dates of one event type for the main applicant (family members' events name a person)."""
    days = (_date(e.get("date")) for e in events if e.get("type") == event_type and not e.get("person"))
    return sorted(d for d in days if d is not None)


def _pr_eligibility(case: CaseView, residence_since: dt.date | None, today: dt.date) -> list[PrEligibility]:
    if not case.points_history or residence_since is None:
        return []
    from zairyu.domain.points import parse_profile, permanent_residence_timing

    try:
        history = [parse_profile(v.profile, source=f"points history {v.saved_at}") for v in case.points_history]
        timing = permanent_residence_timing(history, residence_since, from_date=today)
    except ZairyuError:
        return []  # a profile stored under an older format: no PR dates rather than a wrong one
    return [PrEligibility(route=r.basis, earliest=r.earliest_date, note_en="; ".join(r.reasons),
                          note_ja="。".join(reason.ja for reason in r.reasons) + "。")
            for r in timing.routes if r.earliest_date is not None]


def case_facts(case: CaseView, catalog: RouteCatalog, today: dt.date) -> CaseFacts:
    route = catalog.get(case.route)
    # A principal's case also lists what it supplies for its family (household.py): those
    # documents' freshness is in the family route files.
    supplied = {doc.code: doc.freshness for other in catalog for doc in other.documents if doc.shared_with_principal}
    freshness = supplied | {doc.code: doc.freshness for doc in route.documents}
    documents = [DeadlineDocument(code=d.code, name_en=d.name_en, name_ja=d.name_ja,
                                  freshness=freshness.get(d.code), issued=d.issued)
                 for d in case.documents if d.required and d.status not in _DONE]
    landed = _main_applicant_events(case.events, "landed")
    stay_expires = _main_applicant_events(case.events, "stay_expires")
    starts: dict[str, dt.date] = {}
    if case.procedure == "coe" and landed and route.id in _STATUS_STARTED_BY_LANDING:
        starts[_STATUS_STARTED_BY_LANDING[route.id]] = landed[-1]
    return CaseFacts(
        case_id=str(case.id),
        person=case.applicant.name or None,
        target_filing_date=case.target_filing_date,
        documents=documents,
        passport_expires=case.applicant.passport_expiry,
        residence_card_expires=case.applicant.residence_card_expiry,
        stay_expires=stay_expires[-1] if stay_expires else None,
        pr_eligibility=_pr_eligibility(case, landed[0] if landed else None, today),
        **starts,
    )


def deadlines_for_case(case: CaseView, catalog: RouteCatalog, today: dt.date) -> list[CaseDeadline]:
    """Every deadline and milestone of a stored case, soonest first, each with its rule and source."""
    return case_deadlines(case_facts(case, catalog, today), today)
