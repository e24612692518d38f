"""The new-case assistant's proposals: answers a person knows lead to a route and procedure."""

from __future__ import annotations

import copy

import pytest

from zairyu.cli.common import route_catalog
from zairyu.domain.route_advice import (
    Aim,
    Answer,
    CurrentStatus,
    Location,
    Reason,
    Situation,
    Work,
    propose,
)
from zairyu.domain.routes import Procedure, RouteCatalog, RouteId

CASES = [
    (Situation(Location.ABROAD, Work.ENGINEERING, points_70=Answer.NO), RouteId.ENGINEER_SPECIALIST, Procedure.COE),
    (Situation(Location.ABROAD, Work.ENGINEERING, points_70=Answer.YES), RouteId.HSP_1B, Procedure.COE),
    (Situation(Location.ABROAD, Work.RESEARCH, points_70=Answer.YES), RouteId.HSP_1A, Procedure.COE),
    (Situation(Location.ABROAD, Work.BUSINESS, points_70=Answer.NOT_SURE), RouteId.HSP_1C, Procedure.COE),
    (Situation(Location.ABROAD, Work.JOB_HUNTING), RouteId.J_FIND, Procedure.COE),
    (Situation(Location.ABROAD, Work.RESEARCH, j_skip_income=Answer.YES), RouteId.J_SKIP, Procedure.COE),
    (Situation(Location.IN_JAPAN, Work.ENGINEERING, CurrentStatus.ENGINEER_SPECIALIST, points_70=Answer.NO),
     RouteId.ENGINEER_SPECIALIST, Procedure.EXTENSION),
    (Situation(Location.IN_JAPAN, Work.ENGINEERING, CurrentStatus.ENGINEER_SPECIALIST, points_70=Answer.YES),
     RouteId.HSP_1B, Procedure.CHANGE),
    (Situation(Location.IN_JAPAN, Work.ENGINEERING, CurrentStatus.STUDENT, points_70=Answer.NO),
     RouteId.ENGINEER_SPECIALIST, Procedure.CHANGE),
    (Situation(Location.IN_JAPAN, current_status=CurrentStatus.HSP_1, aim=Aim.PERMANENT),
     RouteId.PERMANENT_RESIDENCE, Procedure.APPLICATION),
    (Situation(Location.IN_JAPAN, current_status=CurrentStatus.HSP_1, aim=Aim.HSP_2), RouteId.HSP_2, Procedure.CHANGE),
]


@pytest.mark.parametrize(("situation", "route", "procedure"), CASES)
def test_answers_lead_to_the_route_and_procedure(situation: Situation, route: RouteId, procedure: Procedure) -> None:
    proposal = propose(situation, route_catalog())
    assert (proposal.route, proposal.procedure) == (route, procedure)
    assert proposal.reasons


def test_research_under_70_points_is_not_covered_and_says_so() -> None:
    proposal = propose(Situation(Location.ABROAD, Work.RESEARCH, points_70=Answer.NO), route_catalog())
    assert proposal.route is None and proposal.reasons == [Reason.NOT_COVERED]


def test_j_find_by_change_of_status_inside_japan() -> None:
    proposal = propose(Situation(Location.IN_JAPAN, Work.JOB_HUNTING, CurrentStatus.STUDENT), route_catalog())
    assert (proposal.route, proposal.procedure) == (RouteId.J_FIND, Procedure.CHANGE)
    assert Reason.PROCEDURE_MISSING not in proposal.reasons


def test_a_procedure_the_route_does_not_offer_falls_back_and_says_so() -> None:
    # Route data without J-Find's change of status (as before 2026): someone in Japan is told.
    catalog = route_catalog()
    j_find = catalog.get(RouteId.J_FIND)
    # A shallow copy with one field swapped: replace() would validate it again, and the documents
    # still name the change procedure.
    without_change = copy.copy(j_find)
    object.__setattr__(without_change, "procedures", [p for p in j_find.procedures if p.id is not Procedure.CHANGE])
    older = RouteCatalog({route.id: without_change if route.id is RouteId.J_FIND else route for route in catalog})
    proposal = propose(Situation(Location.IN_JAPAN, Work.JOB_HUNTING, CurrentStatus.STUDENT), older)
    offered = [p.id for p in without_change.procedures]
    assert proposal.route is RouteId.J_FIND and proposal.procedure in offered
    assert Reason.PROCEDURE_MISSING in proposal.reasons
