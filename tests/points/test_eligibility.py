"""J-Skip, J-Find and the timing of permanent residence via points."""

from __future__ import annotations

import datetime as dt

import pytest

from zairyu.domain.points import j_find_check, j_skip_check, parse_j_find, permanent_residence_timing, score
from zairyu.errors import UserInputError

from .helpers import make

D = dt.date


# ---- J-Skip -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("category", "education", "years", "salary", "eligible"), [
    ("b", "master", 0, 20_000_000, True),
    ("b", "master", 0, 19_999_999, False),
    ("a", "doctorate", 0, 20_000_000, True),
    ("b", "professional", 0, 20_000_000, True),
    ("b", "bachelor", 9.99, 25_000_000, False),  # no graduate degree: 10 years needed
    ("b", "bachelor", 10, 20_000_000, True),
    ("b", "none", 10, 20_000_000, True),
    ("c", "mba_mot", 5, 40_000_000, True),
    ("c", "doctorate", 5, 39_999_999, False),
    ("c", "none", 4.99, 50_000_000, False),
    ("c", "none", 5, 40_000_000, True),
])
def test_j_skip(category: str, education: str, years: float, salary: int, eligible: bool) -> None:
    check = j_skip_check(make(category=category, education=education, experience_years=years,
                              annual_salary_yen=salary))
    assert check.eligible is eligible
    assert check.route == "j-skip" and check.reasons and "505M60000010025" in check.source


# ---- J-Find --------------------------------------------------------------------------------------

def j_find(**change: object) -> dict[str, object]:
    return {"application_date": "2026-03-25", "top100_university": True, "degree": "bachelor",
            "degree_date": "2021-03-25", "savings_yen": 200_000, **change}


def test_j_find_eligible_on_the_last_day_of_the_5_years() -> None:
    check = j_find_check(parse_j_find(j_find()))
    assert check.eligible and check.latest_date == D(2026, 3, 25)


def test_j_find_closed_the_day_after() -> None:
    check = j_find_check(parse_j_find(j_find(application_date="2026-03-26")))
    assert not check.eligible and any("more than 5 years" in r for r in check.reasons)


def test_j_find_leap_day_degree() -> None:
    assert j_find_check(parse_j_find(j_find(degree_date="2020-02-29"))).latest_date == D(2025, 2, 28)


@pytest.mark.parametrize(("change", "reason"), [
    ({"savings_yen": 199_999}, "savings"),
    ({"top100_university": False}, "top 100"),
    ({"degree_date": "2026-06-30"}, "after the filing date"),
    ({"birth_date": "2008-06-01", "degree_date": "2026-03-01"}, "age 17"),
])
def test_j_find_not_eligible(change: dict[str, object], reason: str) -> None:
    check = j_find_check(parse_j_find(j_find(**change)))
    assert not check.eligible and any(reason in r for r in check.reasons)


def test_j_find_bad_input_names_the_field() -> None:
    with pytest.raises(UserInputError, match="savings_yen"):
        parse_j_find(j_find(savings_yen=-1))
    with pytest.raises(UserInputError, match="extra_key"):
        parse_j_find(j_find(extra_key=1))


def test_j_find_cross_field_and_shape_errors_read_plainly() -> None:
    with pytest.raises(UserInputError) as error:
        parse_j_find(j_find(birth_date="2022-01-01"), source="f.json")
    assert str(error.value) == "f.json: birth_date: must be before degree_date"
    with pytest.raises(UserInputError, match="a J-Find profile must be a JSON object"):
        parse_j_find([j_find()], source="f.json")


@pytest.mark.parametrize(("change", "field"), [
    ({"savings_yen": True}, "savings_yen"),  # JSON true is not ¥1
    ({"savings_yen": "250000"}, "savings_yen"),
    ({"top100_university": "yes"}, "top100_university"),  # the one assertion J-Find rests on: a real boolean
    ({"top100_university": 1}, "top100_university"),
])
def test_j_find_is_as_strict_as_the_points_profile(change: dict[str, object], field: str) -> None:
    with pytest.raises(UserInputError, match=field):
        parse_j_find(j_find(**change))


# ---- permanent residence ------------------------------------------------------------------------

STRONG = {"category": "b", "birth_date": "1980-01-01", "education": "doctorate", "experience_years": 10,
          "annual_salary_yen": 10_000_000}  # 30 + 20 + 40 = 90 (age 45+: no age points)


def test_eighty_points_opens_after_one_year() -> None:
    history = [make(application_date=D(2024, 5, 1), **STRONG)]
    timing = permanent_residence_timing(history, residence_since=D(2024, 5, 1))
    routes = {r.basis: r for r in timing.routes}
    assert routes["80"].earliest_date == D(2025, 5, 1)
    assert routes["70"].earliest_date == D(2027, 5, 1)
    assert timing.earliest is not None and timing.earliest.basis == "80"


def test_seventy_points_wait_three_years() -> None:
    profile = make(application_date=D(2024, 5, 1), **{**STRONG, "annual_salary_yen": 8_500_000,
                                                         "education": "master"})  # 20 + 20 + 30 = 70
    assert score(profile).total == 70
    timing = permanent_residence_timing([profile], residence_since=D(2023, 1, 1))
    routes = {r.basis: r for r in timing.routes}
    assert routes["80"].earliest_date is None
    assert routes["70"].earliest_date == D(2027, 5, 1)  # points 3 years before are needed too


def test_points_must_hold_one_year_before_not_only_now() -> None:
    history = [make(application_date=D(2024, 1, 1), **{**STRONG, "annual_salary_yen": 6_000_000}),  # 50
               make(application_date=D(2025, 7, 1), **STRONG)]  # 90 from 2025-07-01
    timing = permanent_residence_timing(history, residence_since=D(2020, 1, 1), from_date=D(2025, 7, 1))
    assert {r.basis: r for r in timing.routes}["80"].earliest_date == D(2026, 7, 1)


def test_a_birthday_can_close_the_80_point_route() -> None:
    # 80 at 29 (age 15), 75 from the 30th birthday: the 80-point route needs ≥80 both now and a year before.
    profile = make(application_date=D(2025, 1, 10), category="b", birth_date="1995-06-01", education="master",
                   experience_years=7, annual_salary_yen=6_000_000, bonuses=["designated_university"])
    assert score(profile).total == 20 + 15 + 20 + 15 + 10 == 80
    assert score(profile, D(2025, 6, 1)).total == 75
    routes = {r.basis: r for r in permanent_residence_timing([profile], residence_since=D(2024, 1, 1)).routes}
    assert routes["80"].earliest_date is None
    assert routes["70"].earliest_date == D(2028, 1, 10)


def test_j_skip_route_to_permanent_residence() -> None:
    profile = make(application_date=D(2024, 4, 1), **{**STRONG, "annual_salary_yen": 20_000_000})
    timing = permanent_residence_timing([profile], residence_since=D(2024, 4, 1))
    assert {r.basis: r for r in timing.routes}["j-skip"].earliest_date == D(2025, 4, 1)


def test_history_must_not_be_empty_or_repeat_a_date() -> None:
    with pytest.raises(UserInputError):
        permanent_residence_timing([], residence_since=D(2020, 1, 1))
    profile = make(application_date=D(2024, 4, 1), **STRONG)
    with pytest.raises(UserInputError, match="two profiles"):
        permanent_residence_timing([profile, profile], residence_since=D(2020, 1, 1))


def test_j_skip_opens_on_the_tenth_anniversary_of_work() -> None:
    profile = make(category="b", education="bachelor", experience_years=8, work_start_date=D(2018, 4, 1),
                   annual_salary_yen=25_000_000, application_date=D(2026, 4, 1))
    check = j_skip_check(profile)
    assert not check.eligible and check.earliest_date == D(2028, 4, 1)
    assert j_skip_check(profile, D(2028, 4, 1)).eligible
