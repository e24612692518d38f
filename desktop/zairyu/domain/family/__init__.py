"""Families: who may join whom, and the household conditions of the HSP family routes.

- ``principal_route_for(route, principal_route)``: the principal a family route's case may be linked to
- ``family_eligibility(route, household, applicant, on)``: the income and age conditions, each met,
  not met (with the reason) or unknown (the data is missing)
"""

from zairyu.domain.family.conditions import FamilyConditions, default_family_conditions, load_family_conditions
from zairyu.domain.family.eligibility import Eligibility, Finding, Household, Member, family_eligibility
from zairyu.domain.routes import principal_route_for

__all__ = [
    "Eligibility",
    "FamilyConditions",
    "Finding",
    "Household",
    "Member",
    "default_family_conditions",
    "family_eligibility",
    "load_family_conditions",
    "principal_route_for",
]
