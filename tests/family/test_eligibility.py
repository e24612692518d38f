"""The household conditions of the parent and domestic-worker routes, at their edges."""

from __future__ import annotations

import datetime as dt

import pytest

from zairyu.domain.family import Eligibility, Finding, Household, Member, family_eligibility, principal_route_for
from zairyu.domain.routes import RouteCatalog, RouteId
from zairyu.errors import UserInputError

ON = dt.date(2027, 4, 1)
PARENT = Member(route=RouteId.HSP_PARENT, relation="other", birth_date=dt.date(1960, 1, 1))


def _household(pay: int | None, spouse_pay: int | None = 0, child_born: dt.date | None = dt.date(2025, 1, 1),
               expected_birth: dt.date | None = None, route: RouteId = RouteId.HSP_1B,
               extra: tuple[Member, ...] = ()) -> Household:
    members = [Member(route=RouteId.HSP_SPOUSE_WORK, relation="spouse", annual_pay_yen=spouse_pay)]
    if child_born is not None:
        members.append(Member(route=RouteId.DEPENDENT, relation="child", birth_date=child_born))
    return Household(principal_route=route, principal_pay_yen=pay, members=(*members, *extra),
                     expected_birth=expected_birth)


def _finding(result: Eligibility | None, condition: str) -> Finding:
    assert result is not None
    return next(f for f in result.findings if f.condition == condition)


@pytest.mark.parametrize("pay, spouse, met", [(8_000_000, 0, True), (7_999_999, 0, False),
                                             (5_000_000, 3_000_000, True), (5_000_000, 2_999_999, False)])
def test_the_parent_route_needs_a_household_income_of_8_million(
        catalog: RouteCatalog, pay: int, spouse: int, met: bool) -> None:
    result = family_eligibility(catalog.get("hsp-parent"), _household(pay, spouse), PARENT, ON)
    income = _finding(result, "household_income")
    assert income.met is met
    assert result is not None and result.eligible is met
    if not met:
        assert "¥8,000,000" in income.text_en and result.refusals == [income]


def test_an_unknown_spouse_pay_leaves_the_income_unknown_unless_the_principal_alone_suffices(
        catalog: RouteCatalog) -> None:
    route = catalog.get("hsp-parent")
    unknown = _finding(family_eligibility(route, _household(6_000_000, None), PARENT, ON), "household_income")
    assert unknown.met is None and "the spouse's pay not entered" in unknown.text_en
    enough = _finding(family_eligibility(route, _household(9_000_000, None), PARENT, ON), "household_income")
    assert enough.met is True


def test_the_parent_route_ends_on_the_youngest_childs_seventh_birthday(catalog: RouteCatalog) -> None:
    route = catalog.get("hsp-parent")
    born = dt.date(2020, 4, 2)
    day_before = _finding(family_eligibility(route, _household(9_000_000, child_born=born), PARENT,
                                             dt.date(2027, 4, 1)), "child_or_pregnancy")
    assert day_before.met is True
    seventh = family_eligibility(route, _household(9_000_000, child_born=born), PARENT, dt.date(2027, 4, 2))
    found = _finding(seventh, "child_or_pregnancy")
    assert found.met is False and "is 7 on 2027-04-02" in found.text_en
    assert seventh is not None and seventh.eligible is False


def test_a_pregnancy_stands_in_for_a_young_child(catalog: RouteCatalog) -> None:
    route = catalog.get("hsp-parent")
    result = family_eligibility(route, _household(9_000_000, child_born=None, expected_birth=dt.date(2027, 8, 1)),
                                PARENT, ON)
    assert result is not None and result.eligible is True
    after = family_eligibility(route, _household(9_000_000, child_born=None, expected_birth=dt.date(2027, 3, 31)),
                               PARENT, ON)
    assert after is not None and _finding(after, "child_or_pregnancy").met is False


def _worker(pay: int | None = 2_400_000, born: dt.date | None = dt.date(1990, 1, 1)) -> Member:
    return Member(route=RouteId.HSP_DOMESTIC_WORKER, relation="other", birth_date=born, annual_pay_yen=pay)


@pytest.mark.parametrize("pay, met", [(10_000_000, True), (9_999_999, False)])
def test_a_domestic_worker_needs_a_household_income_of_10_million(catalog: RouteCatalog, pay: int, met: bool) -> None:
    worker = _worker()
    result = family_eligibility(catalog.get("hsp-domestic-worker"), _household(pay, extra=(worker,)), worker, ON)
    assert _finding(result, "household_income").met is met
    assert result is not None and result.eligible is met


@pytest.mark.parametrize("pay, met", [(2_400_000, True), (2_399_999, False)])
def test_a_domestic_worker_is_paid_at_least_200000_yen_a_month(catalog: RouteCatalog, pay: int, met: bool) -> None:
    worker = _worker(pay)
    result = family_eligibility(catalog.get("hsp-domestic-worker"), _household(12_000_000, extra=(worker,)),
                                worker, ON)
    assert _finding(result, "worker_pay").met is met


@pytest.mark.parametrize("born, met", [(dt.date(2009, 4, 1), True), (dt.date(2009, 4, 2), False)])
def test_a_domestic_worker_is_18_or_older(catalog: RouteCatalog, born: dt.date, met: bool) -> None:
    worker = _worker(born=born)
    result = family_eligibility(catalog.get("hsp-domestic-worker"), _household(12_000_000, extra=(worker,)),
                                worker, ON)
    assert _finding(result, "worker_age").met is met


@pytest.mark.parametrize("route, income, met", [(RouteId.HSP_1B, 40_000_000, False),
                                                (RouteId.J_SKIP, 30_000_000, True),
                                                (RouteId.J_SKIP, 29_999_999, False)])
def test_only_a_j_skip_household_with_30_million_may_employ_a_second_worker(
        catalog: RouteCatalog, route: RouteId, income: int, met: bool) -> None:
    first, second = _worker(), _worker()
    household = _household(income, route=route, extra=(first, second))
    result = family_eligibility(catalog.get("hsp-domestic-worker"), household, second, ON)
    assert _finding(result, "one_worker").met is met


def test_the_principal_must_hold_a_status_that_allows_the_route(catalog: RouteCatalog) -> None:
    # A dependant of an HSP holder or of an Engineer/Specialist holder may hold 家族滞在 …
    for principal in ("hsp-1b", "engineer-specialist"):
        assert principal_route_for(catalog.get("dependent"), principal).value == principal
    # … but the working spouse, the parent and the domestic worker are HSP benefits only.
    for route in ("hsp-spouse-work", "hsp-parent", "hsp-domestic-worker"):
        assert principal_route_for(catalog.get(route), "j-skip") is RouteId.J_SKIP
        with pytest.raises(UserInputError, match="cannot support") as refused:
            principal_route_for(catalog.get(route), "engineer-specialist")
        assert refused.value.field == "principal"
    # A J-Find holder's family is not 家族滞在 but 特定活動 (未来創造人材の配偶者等).
    with pytest.raises(UserInputError, match="must be on engineer-specialist"):
        principal_route_for(catalog.get("dependent"), "j-find")
    assert principal_route_for(catalog.get("j-find-family"), "j-find") is RouteId.J_FIND


def test_the_family_modules_load_no_pydantic_until_a_rules_file_is_validated() -> None:
    # Short commands stay fast: pydantic is loaded only to validate a rules file that is not cached.
    import subprocess
    import sys

    script = ("import sys; import zairyu.store.service, zairyu.store.household, zairyu.domain.checklist, "
              "zairyu.domain.family; print('pydantic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
