"""The household conditions of the HSP family routes, checked from what the store knows.

Each condition gives a ``Finding``: met, not met (with the reason in plain words) or unknown
(the data is missing: a salary or a birth date not entered yet). Zairyu never refuses to organise
a case; it says which condition fails and why, so the family can fix the data or choose another
route. Thresholds and their sources are data (``checklists/family-conditions.toml``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from zairyu.domain.dates import age_on, birthday_of_age
from zairyu.domain.family.conditions import FamilyConditions, default_family_conditions
from zairyu.domain.routes import RouteId, RouteSpec, principal_route_for


@dataclass(frozen=True)
class Member:
    """One person of the household other than the principal, as far as the store knows them."""

    route: RouteId
    relation: str  # spouse, child or other (the applicants table's relation)
    birth_date: dt.date | None = None
    annual_pay_yen: int | None = None


@dataclass(frozen=True)
class Household:
    principal_route: RouteId
    principal_pay_yen: int | None  # the points profile's salary, or the pay entered on the case
    members: tuple[Member, ...] = ()
    # The expected date of birth when the principal or the spouse is pregnant.
    expected_birth: dt.date | None = None


@dataclass(frozen=True)
class Finding:
    condition: str  # a stable id: household_income, child_under_7_or_pregnancy, worker_pay, ...
    met: bool | None  # None: not known from the data entered
    text_en: str
    source: str
    unverified: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"condition": self.condition, "met": self.met, "text_en": self.text_en, "source": self.source,
                "unverified": self.unverified}


@dataclass(frozen=True)
class Eligibility:
    route: RouteId
    on: dt.date
    findings: tuple[Finding, ...]

    @property
    def eligible(self) -> bool | None:
        """False when a condition fails, None when one is not known, True when all are met."""
        if any(f.met is False for f in self.findings):
            return False
        if any(f.met is None for f in self.findings):
            return None
        return True

    @property
    def refusals(self) -> list[Finding]:
        return [f for f in self.findings if f.met is False]

    def to_json(self) -> dict[str, Any]:
        return {"route": self.route.value, "on": self.on.isoformat(), "eligible": self.eligible,
                "findings": [f.to_json() for f in self.findings]}


def _yen(amount: int) -> str:
    return f"¥{amount:,}"


def _household_income(household: Household, minimum: int, source: str, unverified: str | None) -> Finding:
    """The HSP holder's pay plus the spouse's against ``minimum``; unknown pay counts as unknown."""
    known = household.principal_pay_yen or 0
    unknown = ["the principal's pay"] if household.principal_pay_yen is None else []
    for member in household.members:
        if member.relation != "spouse":
            continue
        if member.annual_pay_yen is None:
            unknown.append("the spouse's pay")
        else:
            known += member.annual_pay_yen
    if known >= minimum:
        return Finding("household_income", True, f"Household income {_yen(known)} a year: at least "
                       f"{_yen(minimum)}.", source, unverified)
    if unknown:
        return Finding("household_income", None, f"Household income: at least {_yen(minimum)} a year is needed; "
                       f"{_yen(known)} is known, {' and '.join(unknown)} not entered.", source, unverified)
    return Finding("household_income", False, f"Household income {_yen(known)} a year is under {_yen(minimum)} "
                   "(the HSP holder's pay plus the spouse's; nobody else's pay counts).", source, unverified)


def _members(household: Household, relation: str) -> list[Member]:
    return [m for m in household.members if m.relation == relation]


def _child_under(household: Household, age: int, on: dt.date) -> tuple[bool | None, str]:
    """Whether a child of the household is under ``age`` on ``on``, and the words why."""

    children = _members(household, "child")
    young = [c for c in children if c.birth_date is not None and c.birth_date <= on and age_on(c.birth_date, on) < age]
    if young:
        youngest = max(c.birth_date for c in young if c.birth_date is not None)
        return True, f"a child born {youngest.isoformat()} is under {age} on {on.isoformat()} " \
                     f"(until {birthday_of_age(youngest, age).isoformat()})"
    if any(c.birth_date is None for c in children):
        return None, f"a child's birth date is not entered, so whether one is under {age} is not known"
    if children:
        youngest = max(c.birth_date for c in children if c.birth_date is not None)
        return False, f"the youngest child (born {youngest.isoformat()}) is {age_on(youngest, on)} on {on.isoformat()}"
    return False, "no child of the household is entered"


def _parent(household: Household, on: dt.date, conditions: FamilyConditions) -> list[Finding]:
    rule = conditions.parent
    findings = [_household_income(household, rule.household_income_min_yen, rule.source, rule.unverified)]
    child, why = _child_under(household, rule.child_age_under, on)
    pregnant = household.expected_birth is not None and household.expected_birth >= on
    if pregnant:
        assert household.expected_birth is not None
        findings.append(Finding("child_or_pregnancy", True, f"A pregnancy in the household (expected birth "
                                f"{household.expected_birth.isoformat()}).", rule.source, rule.unverified))
    else:
        text = (f"A child under {rule.child_age_under} or a pregnancy is needed: {why}." if child is not True
                else f"To raise a child under {rule.child_age_under}: {why}.")
        findings.append(Finding("child_or_pregnancy", child, text, rule.source, rule.unverified))
    return findings


def _domestic_worker(household: Household, applicant: Member, on: dt.date,
                     conditions: FamilyConditions) -> list[Finding]:

    rule = conditions.domestic_worker
    findings = [_household_income(household, rule.household_income_min_yen, rule.source, rule.unverified)]
    # The notice sets a monthly pay; the store holds the annual pay, so 12 months of it are compared.
    yearly = 12 * rule.monthly_pay_min_yen
    if applicant.annual_pay_yen is None:
        findings.append(Finding("worker_pay", None, f"The worker's pay: at least {_yen(rule.monthly_pay_min_yen)} "
                                "a month is needed; no pay entered.", rule.source, rule.unverified))
    else:
        met = applicant.annual_pay_yen >= yearly
        findings.append(Finding("worker_pay", met, f"The worker's pay {_yen(applicant.annual_pay_yen)} a year is "
                                f"{'at least' if met else 'under'} 12 × {_yen(rule.monthly_pay_min_yen)} a month "
                                f"({_yen(yearly)}).", rule.source, rule.unverified))
    if applicant.birth_date is None:
        findings.append(Finding("worker_age", None, f"The worker must be {rule.worker_age_min} or older; no birth "
                                "date entered.", rule.source, rule.unverified))
    else:
        age = age_on(applicant.birth_date, on)
        findings.append(Finding("worker_age", age >= rule.worker_age_min, f"The worker is {age} on {on.isoformat()} "
                                f"({rule.worker_age_min} or older needed).", rule.source, rule.unverified))
    others = sum(1 for m in household.members if m.route is RouteId.HSP_DOMESTIC_WORKER) - 1
    if others > 0:
        income = household.principal_pay_yen or 0
        income += sum(m.annual_pay_yen or 0 for m in _members(household, "spouse"))
        second = household.principal_route is RouteId.J_SKIP and income >= rule.j_skip_two_workers_income_min_yen
        text = ("A second domestic worker: a J-Skip household with at least "
                f"{_yen(rule.j_skip_two_workers_income_min_yen)} a year may employ two." if second else
                "The household already has a domestic worker: only one is allowed (a J-Skip household with at "
                f"least {_yen(rule.j_skip_two_workers_income_min_yen)} a year may employ two).")
        findings.append(Finding("one_worker", second and others == 1, text, rule.source, rule.unverified))
    return findings


def family_eligibility(route: RouteSpec, household: Household, applicant: Member, on: dt.date,
                       conditions: FamilyConditions | None = None) -> Eligibility | None:
    """The household conditions of ``route`` for ``applicant`` on ``on`` (None: the route has none
    Zairyu can check). ``applicant`` is also one of ``household.members``."""
    conditions = conditions or default_family_conditions()
    principal_route_for(route, household.principal_route.value)
    if route.id is RouteId.HSP_PARENT:
        return Eligibility(route.id, on, tuple(_parent(household, on, conditions)))
    if route.id is RouteId.HSP_DOMESTIC_WORKER:
        return Eligibility(route.id, on, tuple(_domestic_worker(household, applicant, on, conditions)))
    return None
