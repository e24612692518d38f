"""From what a person knows about their situation to a route and procedure to propose.

The new-case assistant asks plain questions (abroad or in Japan, the current status, the work,
whether the points reach 70, the J-Skip income) and this module turns the answers into a
proposal with its reasons (``Reason`` codes; the front end words them). It proposes, never
decides: the user confirms or picks the route themselves. The statuses are those of the
Immigration Control and Refugee Recognition Act, Appended Table I; the threshold of 70 points is
the ISA points system's (http://www.immi-moj.go.jp/newimmiact_3/en/system/index.html).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from zairyu.domain.routes import Procedure, RouteCatalog, RouteId


class Location(StrEnum):
    ABROAD = "abroad"
    IN_JAPAN = "in_japan"


class CurrentStatus(StrEnum):
    """The status of residence of someone living in Japan (the ones the routes build on)."""

    ENGINEER_SPECIALIST = "engineer-specialist"
    HSP_1 = "hsp-1"
    J_FIND = "j-find"
    J_SKIP = "j-skip"
    STUDENT = "student"
    OTHER = "other"


class Work(StrEnum):
    RESEARCH = "research"  # research or teaching at a university or research institute
    ENGINEERING = "engineering"  # engineering, humanities or international services at a company
    BUSINESS = "business"  # running or managing a business
    JOB_HUNTING = "job_hunting"  # a recent graduate of a top university looking for work or a start-up


class Aim(StrEnum):
    WORK = "work"  # a status for the work
    HSP_2 = "hsp-2"  # Highly Skilled Professional (ii), after HSP (i)
    PERMANENT = "permanent"  # permanent residence through the points


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"


@dataclass(frozen=True)
class Situation:
    location: Location
    work: Work = Work.ENGINEERING
    current_status: CurrentStatus | None = None  # in Japan
    aim: Aim = Aim.WORK
    points_70: Answer = Answer.NOT_SURE
    # ¥20M a year with a master's/doctor's/professional degree or 10 years' experience, or ¥40M
    # with 5 years of business management (the J-Skip conditions).
    j_skip_income: Answer = Answer.NO


class Reason(StrEnum):
    """Why the proposal is what it is (the front end words each one)."""

    PERMANENT = "permanent"
    HSP_2 = "hsp_2"
    J_FIND = "j_find"
    J_SKIP = "j_skip"
    HSP_POINTS = "hsp_points"
    CHECK_HSP_1B = "check_hsp_1b"
    ENGINEER = "engineer"
    CHECK_POINTS = "check_points"
    NOT_COVERED = "not_covered"
    COE = "coe"
    EXTENSION = "extension"
    CHANGE = "change"
    PROCEDURE_MISSING = "procedure_missing"


@dataclass(frozen=True)
class Proposal:
    route: RouteId | None  # None: no route in the data fits; the user chooses
    procedure: Procedure | None
    reasons: list[Reason] = field(default_factory=list)


_HSP_FOR_WORK = {Work.RESEARCH: RouteId.HSP_1A, Work.ENGINEERING: RouteId.HSP_1B, Work.BUSINESS: RouteId.HSP_1C}
# The status someone already holds, for telling an extension from a change.
_STATUS_OF_ROUTE = {
    RouteId.ENGINEER_SPECIALIST: CurrentStatus.ENGINEER_SPECIALIST,
    RouteId.HSP_1A: CurrentStatus.HSP_1, RouteId.HSP_1B: CurrentStatus.HSP_1, RouteId.HSP_1C: CurrentStatus.HSP_1,
    RouteId.J_FIND: CurrentStatus.J_FIND,
    RouteId.J_SKIP: CurrentStatus.J_SKIP,
}


def _route_for(situation: Situation, reasons: list[Reason]) -> RouteId | None:
    if situation.location is Location.IN_JAPAN and situation.aim is Aim.PERMANENT:
        reasons.append(Reason.PERMANENT)
        return RouteId.PERMANENT_RESIDENCE
    if situation.location is Location.IN_JAPAN and situation.aim is Aim.HSP_2:
        reasons.append(Reason.HSP_2)
        return RouteId.HSP_2
    if situation.work is Work.JOB_HUNTING:
        reasons.append(Reason.J_FIND)
        return RouteId.J_FIND
    if situation.work in (Work.RESEARCH, Work.ENGINEERING, Work.BUSINESS) and situation.j_skip_income is Answer.YES:
        reasons.append(Reason.J_SKIP)
        return RouteId.J_SKIP
    if situation.points_70 is Answer.YES:
        reasons.append(Reason.HSP_POINTS)
        return _HSP_FOR_WORK[situation.work]
    if situation.work is Work.ENGINEERING:
        if situation.points_70 is Answer.NOT_SURE:
            reasons.append(Reason.CHECK_HSP_1B)
        reasons.append(Reason.ENGINEER)
        return RouteId.ENGINEER_SPECIALIST
    if situation.points_70 is Answer.NOT_SURE:
        reasons.append(Reason.CHECK_POINTS)
        return _HSP_FOR_WORK[situation.work]
    reasons.append(Reason.NOT_COVERED)
    return None


def _procedure_for(route: RouteId, situation: Situation, catalog: RouteCatalog,
                   reasons: list[Reason]) -> Procedure | None:
    offered = [p.id for p in catalog.get(route).procedures]
    if situation.location is Location.ABROAD:
        wanted = Procedure.COE
        reasons.append(Reason.COE)
    elif route is RouteId.PERMANENT_RESIDENCE:
        wanted = Procedure.APPLICATION
    elif _STATUS_OF_ROUTE.get(route) is situation.current_status and situation.current_status is not None:
        wanted = Procedure.EXTENSION
        reasons.append(Reason.EXTENSION)
    else:
        wanted = Procedure.CHANGE
        reasons.append(Reason.CHANGE)
    if wanted in offered:
        return wanted
    reasons.append(Reason.PROCEDURE_MISSING)
    return offered[0] if offered else None


def propose(situation: Situation, catalog: RouteCatalog) -> Proposal:
    reasons: list[Reason] = []
    route = _route_for(situation, reasons)
    if route is None:
        return Proposal(None, None, reasons)
    return Proposal(route, _procedure_for(route, situation, catalog, reasons), reasons)
