"""Band edges (salary floor, 10 years, the 30th/35th/40th birthday and the day before, leap days) and
hypothesis properties of the engine."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zairyu.domain.dates import age_on, years_between
from zairyu.domain.points import Bonus, Research, parse_profile, score
from zairyu.domain.points_items import PointsItem
from zairyu.errors import UserInputError

from .helpers import make

D = dt.date


@pytest.mark.parametrize("category", ["b", "c"])
def test_exactly_three_million_meets_the_floor(category: str) -> None:
    assert score(make(category=category, annual_salary_yen=3_000_000)).salary_floor_met
    assert not score(make(category=category, annual_salary_yen=2_999_999)).salary_floor_met


@pytest.mark.parametrize(("category", "at_ten", "just_below"), [("b", 20, 15), ("c", 25, 20), ("a", 15, 15)])
def test_exactly_ten_years(category: str, at_ten: int, just_below: int) -> None:
    assert score(make(category=category, experience_years=10)).points_of(PointsItem.EXPERIENCE) == at_ten
    assert score(make(category=category, experience_years=9.999)).points_of(PointsItem.EXPERIENCE) == just_below


@pytest.mark.parametrize(("age", "age_before", "age_on_day", "salary", "salary_before", "salary_on_day"), [
    (30, 15, 10, 4_500_000, 10, 0),  # ¥4.5M: rows for 30–34 start at ¥5M
    (35, 10, 5, 5_500_000, 15, 0),  # ¥5.5M: rows for 35–39 start at ¥6M
    (40, 5, 0, 7_500_000, 25, 0),  # ¥7.5M: rows for 40+ start at ¥8M
])
@pytest.mark.parametrize("category", ["a", "b"])
def test_the_day_of_a_birthday_and_the_day_before(category: str, age: int, age_before: int, age_on_day: int,
                                                  salary: int, salary_before: int, salary_on_day: int) -> None:
    birth = D(1990, 6, 15)
    birthday = D(1990 + age, 6, 15)
    day_before = birthday - dt.timedelta(days=1)
    before = score(make(category=category, birth_date=birth, application_date=day_before, annual_salary_yen=salary))
    on_day = score(make(category=category, birth_date=birth, application_date=birthday, annual_salary_yen=salary))
    assert (before.age, on_day.age) == (age - 1, age)
    assert before.points_of(PointsItem.AGE) == age_before and on_day.points_of(PointsItem.AGE) == age_on_day
    assert before.points_of(PointsItem.SALARY) == salary_before
    assert on_day.points_of(PointsItem.SALARY) == salary_on_day
    assert before.total - on_day.total == (age_before - age_on_day) + (salary_before - salary_on_day)


def test_leap_day_birthday() -> None:
    # Born 29 Feb: in a common year the new age starts on 1 March (年齢計算ニ関スル法律, 民法143条).
    birth = D(1996, 2, 29)
    assert age_on(birth, D(2026, 2, 28)) == 29
    assert age_on(birth, D(2026, 3, 1)) == 30
    assert age_on(birth, D(2028, 2, 28)) == 31
    assert age_on(birth, D(2028, 2, 29)) == 32
    before = score(make(birth_date=birth, application_date=D(2026, 2, 28)))
    after = score(make(birth_date=birth, application_date=D(2026, 3, 1)))
    assert before.points_of(PointsItem.AGE) == 15 and after.points_of(PointsItem.AGE) == 10


def test_score_on_another_date_uses_the_age_then() -> None:
    profile = make(birth_date=D(1996, 6, 1), application_date=D(2026, 5, 1))
    assert score(profile).age == 29
    assert score(profile, D(2026, 6, 1)).age == 30
    assert score(profile, D(2026, 6, 1)).computed_for == D(2026, 6, 1)


def test_no_points_before_birth() -> None:
    with pytest.raises(UserInputError, match="before birth_date"):
        score(make(birth_date=D(1996, 6, 1)), D(1990, 1, 1))


def test_years_between_is_whole_on_anniversaries() -> None:
    assert years_between(D(2016, 4, 1), D(2026, 4, 1)) == 10
    assert years_between(D(2016, 4, 1), D(2026, 3, 31)) < 10
    assert years_between(D(2016, 2, 29), D(2026, 3, 1)) == 10
    assert years_between(D(2026, 4, 1), D(2016, 4, 1)) == -10


# ---- properties -----------------------------------------------------------------------------------------------

NOT_IN = {
    "a": {"licenses": 3, "position": "representative", "bonuses": ["investment_100m", "investment_management"]},
    "b": {"position": "director", "bonuses": ["investment_100m"]},
    "c": {"licenses": 2, "research": ["patent", "papers"], "birth_date": "1999-01-01"},
}


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    category = draw(st.sampled_from(["a", "b", "c"]))
    application = draw(st.dates(D(2023, 4, 1), D(2035, 12, 31)))
    birth = draw(st.dates(application - dt.timedelta(days=365 * 70), application - dt.timedelta(days=365 * 18)))
    education = draw(st.sampled_from(["doctorate", "mba_mot", "master", "professional", "bachelor", "none"]))
    bonuses = draw(st.lists(st.sampled_from(list(Bonus)), unique=True))
    if Bonus.JICA_TRAINING in bonuses and Bonus.JICA_TRAINING_JAPANESE_UNIVERSITY in bonuses:
        bonuses.remove(Bonus.JICA_TRAINING)
    data: dict[str, Any] = {
        "category": category,
        "application_date": application.isoformat(),
        "birth_date": birth.isoformat(),
        "education": education,
        "multiple_degrees": education in ("doctorate", "mba_mot", "master", "professional") and draw(st.booleans()),
        "experience_years": draw(st.floats(0, 17, allow_nan=False)),
        "annual_salary_yen": draw(st.integers(0, 60_000_000)),
        "research": draw(st.lists(st.sampled_from([r.value for r in Research]), unique=True)),
        "licenses": draw(st.integers(0, 4)),
        "bonuses": [b.value for b in bonuses],
    }
    if category == "c":
        data["position"] = draw(st.sampled_from([None, "director", "representative"]))
    return data


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_total_is_the_sum_of_the_items(data: dict[str, Any]) -> None:
    result = score(parse_profile(data))
    assert result.total == sum(item.points for item in result.items)
    assert all(item.points >= 0 for item in result.items)
    assert result.eligible == (result.total >= 70 and result.salary_floor_met)


@settings(max_examples=300, deadline=None)
@given(profiles(), st.integers(0, 60_000_000), st.integers(0, 60_000_000))
def test_raising_the_salary_never_lowers_the_points(data: dict[str, Any], one: int, two: int) -> None:
    low, high = sorted((one, two))
    at_low = score(parse_profile({**data, "annual_salary_yen": low}))
    at_high = score(parse_profile({**data, "annual_salary_yen": high}))
    assert at_high.total >= at_low.total
    assert at_high.eligible or not at_low.eligible


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_items_outside_the_category_never_change_the_total(data: dict[str, Any]) -> None:
    base = score(parse_profile(data))
    extra = NOT_IN[data["category"]]
    changed = dict(data)
    for key, value in extra.items():
        if key == "bonuses":
            changed["bonuses"] = sorted({*data["bonuses"], *value})
        elif key == "research":
            changed["research"] = sorted({*data["research"], *value})
        else:
            changed[key] = value
    result = score(parse_profile(changed))
    assert result.total == base.total
    assert result.eligible == base.eligible
