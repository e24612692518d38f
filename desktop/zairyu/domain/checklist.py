"""Which documents a route and procedure need, given what is known about the applicant.

Conditions the caller has answered (employer category, claimed points items, the permanent-
residence basis, whether the applicant holds HSP status, the applicant's nationality) filter the
list exactly. Conditions nobody answered keep the document in the list, marked ``conditional``
with the reason, so nothing is silently dropped. Rules with an effective date follow the target
filing date (today when there is none).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from zairyu.domain.nationality import country_name, nationality_code
from zairyu.domain.points_items import FORM_NUMBER, PointsItem
from zairyu.domain.routes import (
    FRESHNESS_RULES,
    ISSUER_LABELS,
    Condition,
    DocumentSpec,
    Procedure,
    RouteSpec,
    principal_route_for,
)
from zairyu.errors import UserInputError

EMPLOYER_CATEGORIES = (1, 2, 3, 4)


@dataclass(frozen=True)
class ChecklistItem:
    document: DocumentSpec
    # Why the document is listed although an unanswered condition decides it, or None.
    conditional_en: str | None = None

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        issuer_en, issuer_ja = ISSUER_LABELS[doc.issuer]
        freshness = None
        if doc.freshness is not None:
            months, text_en, text_ja, source = FRESHNESS_RULES[doc.freshness]
            freshness = {"rule": doc.freshness.value, "months": months, "en": text_en, "ja": text_ja,
                         "source": source}
        return {
            "code": doc.code,
            "name_en": doc.name_en,
            "name_ja": doc.name_ja,
            "issuer": doc.issuer.value,
            "issuer_en": issuer_en,
            "issuer_ja": issuer_ja,
            "submit": doc.submit.value,
            "copies": doc.copies,
            "translation_rule": doc.translation_rule.value,
            "translation_required": doc.foreign_language,  # translation_rule == "always"
            "freshness": freshness,
            "form_number": doc.form_number,
            # The conditions as data, so a caller can re-filter without the route file.
            "points_items": [i.value for i in doc.when.points_items] if doc.when.points_items else None,
            "employer_categories": doc.when.employer_categories,
            "pr_basis": doc.when.pr_basis,
            "principal_routes": [r.value for r in doc.when.principal_routes] if doc.when.principal_routes else None,
            "principal_abroad": doc.when.principal_abroad,
            "shared_with_principal": doc.shared_with_principal,
            "hsp_holder": doc.when.hsp_holder,
            "nationalities": doc.when.nationalities,
            "nationality_from": ({code: day.isoformat() for code, day in doc.when.nationality_from.items()}
                                 if doc.when.nationality_from else None),
            "filed_from": doc.when.filed_from.isoformat() if doc.when.filed_from else None,
            "filed_before": doc.when.filed_before.isoformat() if doc.when.filed_before else None,
            "notes_en": doc.notes_en,
            "notes_ja": doc.notes_ja,
            "conditional": self.conditional_en,
            "condition_note_en": doc.when.note_en,
            "condition_note_ja": doc.when.note_ja,
            "unverified": doc.unverified,
            "source": doc.source,
            "source_tier": doc.source_tier,
        }


def validate_employer_category(category: int | None) -> None:
    if category is not None and category not in EMPLOYER_CATEGORIES:
        raise UserInputError(f"employer category '{category}' is not valid; valid: 1, 2, 3, 4")


def in_force(when: Condition, filing_date: dt.date) -> bool:
    """Whether a rule with an effective date applies to an application filed on ``filing_date``."""
    if when.filed_from is not None and filing_date < when.filed_from:
        return False
    return when.filed_before is None or filing_date < when.filed_before


def _nationalities_in_force(when: Condition, filing_date: dt.date) -> list[str]:
    """The nationalities a phased-in rule covers on ``filing_date``."""
    starts = when.nationality_from or {}
    return [code for code in when.nationalities or [] if code not in starts or filing_date >= starts[code]]


def required_documents(
    route: RouteSpec,
    procedure: str,
    *,
    employer_category: int | None = None,
    claimed_items: Collection[PointsItem] | None = None,
    pr_basis: int | None = None,
    principal_route: str | None = None,
    principal_abroad: bool | None = None,
    hsp_holder: bool | None = None,
    nationality: str | None = None,
    filing_date: dt.date | None = None,
) -> list[ChecklistItem]:
    """The documents ``route`` needs for ``procedure``, in the route file's order.

    ``claimed_items`` is the set of points items a profile actually scores (from the points
    engine); None means no profile was given. ``pr_basis`` is 70 or 80 for permanent residence.
    ``principal_route`` and ``principal_abroad`` describe the principal of a family route's
    applicant (their route; whether they are still abroad); None means not known.
    ``nationality`` is the applicant's nationality as typed (a name or an ISO 3166-1 alpha-3 code);
    one that is not recognised counts as unanswered. ``filing_date`` defaults to today.
    """
    proc = Procedure(route.procedure(procedure).id)
    validate_employer_category(employer_category)
    if pr_basis is not None and pr_basis not in (70, 80):
        raise UserInputError(f"permanent-residence basis '{pr_basis}' is not valid; valid: 70, 80")
    claimed = set(claimed_items) if claimed_items is not None else None
    principal = principal_route_for(route, principal_route) if principal_route is not None else None
    filing = filing_date or dt.date.today()
    country = nationality_code(nationality)

    items: list[ChecklistItem] = []
    for doc in route.documents:
        when = doc.when
        if when.procedures is not None and proc not in when.procedures:
            continue
        if not in_force(when, filing):
            continue
        reasons: list[str] = []
        if when.employer_categories is not None:
            if employer_category is None:
                if route.uses_employer_category:
                    cats = ", ".join(str(c) for c in when.employer_categories)
                    reasons.append(f"employer category {cats}")
            elif employer_category not in when.employer_categories:
                continue
        if when.points_items is not None:
            if claimed is None:
                numbers = sorted({FORM_NUMBER[i] for i in when.points_items if FORM_NUMBER[i]})
                reasons.append("if you claim points item " + " ".join(numbers))
            elif not claimed.intersection(when.points_items):
                continue
        if when.pr_basis is not None:
            if pr_basis is None:
                reasons.append("on the " + " / ".join(f"{b}-point" for b in when.pr_basis) + " basis")
            elif pr_basis not in when.pr_basis:
                continue
        if when.principal_routes is not None:
            if principal is None:
                reasons.append("if the principal's route is " + " or ".join(r.value for r in when.principal_routes))
            elif principal not in when.principal_routes:
                continue
        if when.principal_abroad is not None:
            if principal_abroad is None:
                reasons.append("if the principal is " + ("still abroad" if when.principal_abroad else "in Japan"))
            elif principal_abroad != when.principal_abroad:
                continue
        if when.hsp_holder is not None:
            if hsp_holder is None:
                reasons.append("if you hold Highly Skilled Professional status" if when.hsp_holder
                               else "if you do not hold Highly Skilled Professional status")
            elif hsp_holder is not when.hsp_holder:
                continue
        if when.nationalities is not None:
            covered = _nationalities_in_force(when, filing)
            if not covered:
                continue
            if country is None:
                reasons.append("if you are a national of " + _names(covered))
            elif country not in covered:
                continue
        items.append(ChecklistItem(doc, "; ".join(reasons) or None))
    return items


def _names(codes: list[str]) -> str:
    names = [country_name(code) for code in codes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
