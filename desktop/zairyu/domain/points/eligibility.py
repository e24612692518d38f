"""Eligibility for the routes next to the points: J-Skip, J-Find, and permanent residence via points.

- J-Skip (特別高度人材): 特別高度人材の基準を定める省令 (e-Gov 505M60000010025). (a)/(b):
  remuneration ≥ ¥20,000,000 and a master's/doctor's/professional degree or ≥ 10 years' experience;
  (c): ≥ ¥40,000,000 and ≥ 5 years' business management experience.
- J-Find (未来創造人材): a top-100 university in ≥ 2 of QS/THE/ARWU (the applicant asserts
  it; ISA publishes the list), the degree conferred within 5 years, savings ≥ ¥200,000, age ≥ 18.
  MOFA https://www.mofa.go.jp/ca/fna/page22e_001037.html.
- Permanent residence (永住許可に関するガイドライン): ≥ 70 points now and 3 years before
  with 3 years' continuous residence; ≥ 80 now and 1 year before with 1 year's residence; or the J-Skip
  criteria now and 1 year before with 1 year's residence (added 2023-04-21).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from zairyu.domain.dates import add_years, age_on
from zairyu.domain.points.engine import experience_on, score
from zairyu.domain.points.forecast import experience_crossing
from zairyu.domain.points.profile import GRADUATE_DEGREES, Category, PointsProfile
from zairyu.domain.wording import Text
from zairyu.errors import UserInputError

J_SKIP_SOURCE = "特別高度人材の基準を定める省令 https://elaws.jp/view/505M60000010025"
J_SKIP_RESEARCH_SALARY = 20_000_000
J_SKIP_RESEARCH_EXPERIENCE = 10
J_SKIP_BUSINESS_SALARY = 40_000_000  # practitioners quoting ISA; the ordinance excerpt seen was cut short
J_SKIP_BUSINESS_EXPERIENCE = 5

J_FIND_SOURCE = "MOFA https://www.mofa.go.jp/ca/fna/page22e_001037.html"
J_FIND_DEGREE_YEARS = 5
J_FIND_SAVINGS_YEN = 200_000
J_FIND_MIN_AGE = 18

PR_SOURCE = ("永住許可に関するガイドライン（令和6年11月18日改訂） "
             "https://www.moj.go.jp/isa/applications/resources/nyukan_nyukan50.html")


@dataclass(frozen=True)
class RouteCheck:
    route: str
    eligible: bool
    reasons: list[str]
    earliest_date: dt.date | None = None  # when it opens, if it is not open on the date checked
    latest_date: dt.date | None = None  # the last day it is open
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"route": self.route, "eligible": self.eligible, "reasons": list(self.reasons),
                "earliest_date": self.earliest_date.isoformat() if self.earliest_date else None,
                "latest_date": self.latest_date.isoformat() if self.latest_date else None,
                "source": self.source}


def j_skip_check(profile: PointsProfile, on: dt.date | None = None) -> RouteCheck:
    """Does the profile meet the J-Skip (特別高度人材) criteria on ``on`` (default: its filing date)?"""
    on = on or profile.application_date
    salary = profile.annual_salary_yen
    years = experience_on(profile, on)
    reasons: list[str] = []
    if profile.category is Category.C:
        salary_ok = salary >= J_SKIP_BUSINESS_SALARY
        experience_ok = years >= J_SKIP_BUSINESS_EXPERIENCE
        reasons.append(f"salary ¥{salary:,} {'≥' if salary_ok else '<'} ¥{J_SKIP_BUSINESS_SALARY:,}")
        reasons.append(f"{years:g} years of business management {'≥' if experience_ok else '<'} "
                       f"{J_SKIP_BUSINESS_EXPERIENCE}")
        eligible = salary_ok and experience_ok
    else:
        salary_ok = salary >= J_SKIP_RESEARCH_SALARY
        degree_ok = profile.education in GRADUATE_DEGREES
        experience_ok = years >= J_SKIP_RESEARCH_EXPERIENCE
        reasons.append(f"salary ¥{salary:,} {'≥' if salary_ok else '<'} ¥{J_SKIP_RESEARCH_SALARY:,}")
        if degree_ok:
            reasons.append(f"holds a graduate degree ({profile.education.value})")
        else:
            reasons.append(f"no master's/doctor's/professional degree, so {J_SKIP_RESEARCH_EXPERIENCE} years' "
                           f"experience are needed: {years:g} {'≥' if experience_ok else '<'} "
                           f"{J_SKIP_RESEARCH_EXPERIENCE}")
        eligible = salary_ok and (degree_ok or experience_ok)
    earliest = None
    if not eligible and salary_ok and profile.work_start_date is not None:
        # Only experience grows by itself; with a work start date the route opens on an anniversary.
        needed = J_SKIP_BUSINESS_EXPERIENCE if profile.category is Category.C else J_SKIP_RESEARCH_EXPERIENCE
        earliest = experience_crossing(profile, needed, on, add_years(on, 40))
        if earliest is not None:
            reasons.append(f"the experience requirement is met from {earliest}")
    return RouteCheck("j-skip", eligible, reasons, earliest_date=earliest, source=J_SKIP_SOURCE)


class JFindProfile(BaseModel):
    """What J-Find asks; the university's top-100 status is the applicant's own assertion."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    application_date: dt.date
    birth_date: dt.date | None = None
    # strict, as in the points profile: JSON true is not ¥1, and "yes" or "200000" as text is a mistake to report.
    top100_university: bool = Field(strict=True)
    degree: Literal["bachelor", "master", "doctorate", "professional"]
    degree_date: dt.date
    savings_yen: int = Field(ge=0, strict=True)

    @model_validator(mode="after")
    def _dates(self) -> JFindProfile:
        if self.birth_date is not None and self.birth_date >= self.degree_date:
            raise ValueError("birth_date: must be before degree_date")
        return self


def parse_j_find(data: object, *, source: str = "profile") -> JFindProfile:
    if not isinstance(data, dict):
        raise UserInputError(f"{source}: a J-Find profile must be a JSON object")
    try:
        return JFindProfile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = first["msg"].removeprefix("Value error, ")
        if not first["loc"] and message.split(":")[0] in JFindProfile.model_fields:
            # A cross-field check already names its field ("birth_date: must be before degree_date").
            raise UserInputError(f"{source}: {message}") from None
        field_name = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise UserInputError(f"{source}: {field_name}: {message}") from None


def j_find_check(profile: JFindProfile) -> RouteCheck:
    """J-Find on the filing date, with the window the degree leaves open."""
    reasons: list[str] = []
    filing = profile.application_date
    # 「学位を取得した日から5年以内」: counted from the day after conferral (民法140条), so the window
    # ends on the 5th anniversary of the conferral date (民法143条; 29 Feb → 28 Feb).
    latest = add_years(profile.degree_date, J_FIND_DEGREE_YEARS)
    earliest = profile.degree_date
    ok = True
    if profile.top100_university:
        reasons.append("university asserted to be in the top 100 of at least two of QS / THE / ARWU "
                       "(check the ISA list and the latest rankings)")
    else:
        ok = False
        reasons.append("the university must be in the top 100 of at least two of QS / THE / ARWU")
    if filing < profile.degree_date:
        ok = False
        reasons.append(f"the degree is conferred on {profile.degree_date}, after the filing date")
    elif filing > latest:
        ok = False
        reasons.append(f"the degree of {profile.degree_date} is more than {J_FIND_DEGREE_YEARS} years old on "
                       f"{filing} (the window closed on {latest})")
    else:
        reasons.append(f"degree conferred {profile.degree_date}: within {J_FIND_DEGREE_YEARS} years until {latest}")
    if profile.savings_yen >= J_FIND_SAVINGS_YEN:
        reasons.append(f"savings ¥{profile.savings_yen:,} ≥ ¥{J_FIND_SAVINGS_YEN:,}")
    else:
        ok = False
        reasons.append(f"savings ¥{profile.savings_yen:,} < ¥{J_FIND_SAVINGS_YEN:,} (滞在当初の生計維持費)")
    if profile.birth_date is not None:
        age = age_on(profile.birth_date, filing)
        if age < J_FIND_MIN_AGE:
            ok = False
            reasons.append(f"age {age} < {J_FIND_MIN_AGE}")
            earliest = max(earliest, add_years(profile.birth_date, J_FIND_MIN_AGE))
    return RouteCheck("j-find", ok, reasons, earliest_date=earliest, latest_date=latest, source=J_FIND_SOURCE)


PRRouteBasis = Literal["80", "70", "j-skip"]


@dataclass(frozen=True)
class PRRoute:
    basis: PRRouteBasis
    years: int
    earliest_date: dt.date | None  # None: not within the horizon
    reasons: list[Text]

    def to_json(self) -> dict[str, Any]:
        return {"basis": self.basis, "years": self.years,
                "earliest_date": self.earliest_date.isoformat() if self.earliest_date else None,
                "reasons": list(self.reasons)}


@dataclass(frozen=True)
class PRTiming:
    routes: list[PRRoute]
    earliest: PRRoute | None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"routes": [r.to_json() for r in self.routes],
                "earliest": self.earliest.to_json() if self.earliest else None,
                "notes": list(self.notes), "source": PR_SOURCE}


class _History:
    """Points on any date from a list of profiles, each in force from its application_date."""

    def __init__(self, history: Sequence[PointsProfile]) -> None:
        if not history:
            raise UserInputError("history: give at least one points profile")
        self.profiles = sorted(history, key=lambda p: p.application_date)
        for earlier, later in zip(self.profiles, self.profiles[1:], strict=False):
            if earlier.application_date == later.application_date:
                raise UserInputError(f"history: two profiles dated {later.application_date}")
        self._cache: dict[tuple[str, dt.date], bool] = {}

    def in_force(self, day: dt.date) -> PointsProfile | None:
        current = None
        for profile in self.profiles:
            if profile.application_date <= day:
                current = profile
        return current

    def meets(self, basis: PRRouteBasis, day: dt.date) -> bool:
        key = (basis, day)
        if key not in self._cache:
            profile = self.in_force(day)
            if profile is None:
                self._cache[key] = False
            elif basis == "j-skip":
                self._cache[key] = j_skip_check(profile, day).eligible
            else:
                self._cache[key] = score(profile, day).total >= int(basis)
        return self._cache[key]


def permanent_residence_timing(history: Sequence[PointsProfile], residence_since: dt.date, *,
                               from_date: dt.date | None = None, horizon_years: int = 10) -> PRTiming:
    """The earliest date each points route to permanent residence opens.

    ``history``: points profiles, each describing the applicant from its application_date until the
    next one (age and, with work_start_date, experience move on by themselves in between).
    ``residence_since``: the start of the current continuous residence in Japan.
    The search starts at ``from_date`` (default: the newest profile's date) and covers ``horizon_years``.
    """
    points = _History(history)
    start = from_date or points.profiles[-1].application_date
    end = add_years(start, horizon_years)
    rules: list[tuple[PRRouteBasis, int, str]] = [
        ("80", 1, "≥80 points now and 1 year before, and 1 year of continuous residence"),
        ("70", 3, "≥70 points now and 3 years before, and 3 years of continuous residence"),
        ("j-skip", 1, "J-Skip criteria met now and 1 year before, and 1 year of continuous residence"),
    ]
    routes: list[PRRoute] = []
    for basis, years, rule in rules:
        first = max(start, add_years(residence_since, years))

        def opens(day: dt.date, basis: PRRouteBasis = basis, years: int = years) -> bool:
            return points.meets(basis, day) and points.meets(basis, add_years(day, -years))

        found = _first_day(first, end, opens)
        reasons = [Text(rule, PR_RULES_JA[basis])]
        if found is None:
            reasons.append(Text(f"not reached by {end} with the profiles given",
                                f"入力されたポイントでは{end}までに満たしません"))
        elif found > start:
            reasons.append(Text(f"opens on {found}", f"{found}から申請できます"))
        else:
            reasons.append(Text(f"open on {found}", f"{found}に申請できます"))
        routes.append(PRRoute(basis, years, found, reasons))
    open_routes = [r for r in routes if r.earliest_date is not None]
    earliest = min(open_routes, key=lambda r: (r.earliest_date, r.years)) if open_routes else None
    notes = ["The other PR requirements still apply: good conduct, independent livelihood, taxes, pension "
             "and health insurance paid on time, the longest period of stay (永住許可に関するガイドライン).",
             "Holders recognised as HSP for the whole period ((ア) paths) qualify the same way; this "
             "check uses the points as of the earlier date ((イ) paths)."]
    return PRTiming(routes, earliest, notes)


# The three points bases of the guideline, in Japanese (the English is in permanent_residence_timing).
PR_RULES_JA = {
    "80": "現在及び１年前に80点以上で、引き続き１年以上在留",
    "70": "現在及び３年前に70点以上で、引き続き３年以上在留",
    "j-skip": "現在及び１年前に特別高度人材の基準を満たし、引き続き１年以上在留",
}


def _first_day(first: dt.date, end: dt.date, ok: Callable[[dt.date], bool]) -> dt.date | None:
    day = first
    while day <= end:
        if ok(day):
            return day
        day += dt.timedelta(days=1)
    return None


PR_BASIS_RULES: tuple[tuple[Literal[70, 80], int], ...] = ((80, 1), (70, 3))


@dataclass(frozen=True)
class PRBasis:
    """Which permanent-residence document set a points history supports on a filing date."""

    basis: Literal[70, 80] | None  # None: neither basis holds (see ``reason``)
    reason: str
    filing_date: dt.date
    hsp_holder: bool | None  # what the newest profile says about the applicant's status

    def to_json(self) -> dict[str, Any]:
        return {"pr_basis": self.basis, "pr_basis_reason": self.reason, "filing_date": self.filing_date.isoformat(),
                "hsp_holder": self.hsp_holder}


def pr_basis(history: Sequence[PointsProfile], filing_date: dt.date | None = None) -> PRBasis:
    """The permanent-residence basis from the points history (永住許可に関するガイドライン).

    The 80-point basis needs ≥ 80 points on the filing date and throughout the year before it
    (as of one year before, at every later version of the profile, and on the filing date); else
    the 70-point basis needs ≥ 70 throughout the 3 years before; else neither holds, and the reason
    says what is missing. A high total today is not enough: 75 points a year ago and 95 now is not
    the 80-point basis. ``filing_date`` defaults to the newest profile's application date. Each
    profile describes the applicant from its application date until the next one.
    """
    points = _History(history)
    filing = filing_date or points.profiles[-1].application_date
    newest = points.in_force(filing) or points.profiles[0]
    holder = newest.holds_hsp_status
    failures: list[str] = []
    for basis, years in PR_BASIS_RULES:
        problem = _not_held(points, basis, add_years(filing, -years), filing)
        if problem is None:
            start = add_years(filing, -years)
            held = (f"{basis}-point basis: at least {basis} points from {start} ({_total(points, start)} then) "
                    f"to {filing} ({_total(points, filing)} then)")
            if failures:
                held += "; not the 80-point basis: " + failures[0]
            return PRBasis(basis, held, filing, holder)
        failures.append(problem)
    reason = ("neither points basis holds on " + str(filing) + ": 80-point basis: " + failures[0]
              + "; 70-point basis: " + failures[1])
    return PRBasis(None, reason, filing, holder)


def _total(points: _History, day: dt.date) -> int:
    profile = points.in_force(day)
    return score(profile, day).total if profile is not None else 0


def _not_held(points: _History, basis: int, start: dt.date, end: dt.date) -> str | None:
    """Why ``basis`` points were not held from ``start`` to ``end``, or None when they were."""
    if points.in_force(start) is None:
        first = points.profiles[0].application_date
        return (f"the points on {start} are not known (the earliest points profile is dated {first}; "
                f"add one as of {start} or earlier)")
    checkpoints = [start, *(p.application_date for p in points.profiles if start < p.application_date <= end), end]
    for day in checkpoints:
        total = _total(points, day)
        if total < basis:
            return f"{total} points on {day}, below {basis}"
    return None
