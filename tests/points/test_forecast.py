"""Forecast: the birthday trap, experience anniversaries, and the single changes worth most."""

from __future__ import annotations

import datetime as dt
import re

from zairyu.domain.points import best_improvements, birthday_warnings, forecast, points_timeline, score
from zairyu.domain.points.forecast import add_months
from zairyu.domain.points_items import PointsItem

from .helpers import make

D = dt.date
BIRTH = D(1996, 6, 1)  # turns 30 on 2026-06-01


def test_birthday_within_the_decision_window_is_warned() -> None:
    profile = make(birth_date=BIRTH, application_date=D(2026, 5, 1), annual_salary_yen=4_500_000)
    warnings = birthday_warnings(profile)
    # age 15 → 10 and the ¥4.5M salary row (open only under 30) 10 → 0: −15
    assert len(warnings) == 1
    assert "30th birthday" in warnings[0] and "2026-06-01" in warnings[0] and "−15" in warnings[0]


def test_birthday_three_months_after_filing_is_still_in_the_window() -> None:
    profile = make(birth_date=BIRTH, application_date=D(2026, 3, 1))
    assert add_months(D(2026, 3, 1), 3) == D(2026, 6, 1)
    assert any("2026-06-01" in w for w in birthday_warnings(profile))


def test_birthday_days_after_filing_is_not_described_as_one_to_three_months_away() -> None:
    # The birthday 10 days after filing is inside the window; the text must say so plainly, and cite the
    # ordinance rather than a developer document the user does not have.
    profile = make(birth_date=BIRTH, application_date=D(2026, 5, 22), annual_salary_yen=4_500_000)
    (warning,) = birthday_warnings(profile)
    assert "comes 10 days after filing" in warning and "1–3 months of filing" not in warning
    assert not re.search(r"\w+\.md\b", warning) and "第一号許可等を受ける時点" in warning


def test_birthday_after_the_window_is_not_warned() -> None:
    profile = make(birth_date=BIRTH, application_date=D(2026, 2, 28))
    assert birthday_warnings(profile) == []


def test_birthday_that_costs_nothing_is_not_warned() -> None:
    profile = make(birth_date=D(1980, 6, 1), application_date=D(2026, 5, 15), annual_salary_yen=9_000_000)
    assert birthday_warnings(profile) == []  # 45 → 46: no age points, the ¥8M+ rows stay open


def test_birthday_trap_that_costs_eligibility() -> None:
    # At 29: master 20 + 7 years 15 + ¥4.2M 10 + age 15 + ⑰ 10 = 70. At 30 the ¥4M row closes and age
    # drops to 10: 55, no longer eligible.
    profile = make(birth_date=BIRTH, application_date=D(2026, 5, 20), education="master", experience_years=7,
                   annual_salary_yen=4_200_000, bonuses=["designated_university"])
    before = score(profile)
    after = score(profile, BIRTH.replace(year=2026))
    assert before.total == 20 + 15 + 10 + 15 + 10 == 70 and before.eligible
    assert after.total == 20 + 15 + 0 + 10 + 10 == 55 and not after.eligible
    warnings = birthday_warnings(profile)
    assert any("below the 70 threshold" in w for w in warnings)


def test_filing_on_the_birthday_itself_is_warned() -> None:
    profile = make(birth_date=BIRTH, application_date=D(2026, 6, 1))
    warnings = birthday_warnings(profile)
    assert any("30th birthday" in w and "costs 5 points" in w and "2026-05-31" in w for w in warnings)


def test_filing_the_day_before_the_birthday_gets_the_legal_age_note() -> None:
    profile = make(birth_date=BIRTH, application_date=D(2026, 5, 31))
    assert any("end of the day before the birthday" in w for w in birthday_warnings(profile))


def test_a_birthday_between_today_and_the_filing_date_is_warned() -> None:
    profile = make(birth_date=BIRTH, application_date=D(2026, 6, 20))
    warnings = birthday_warnings(profile, today=D(2026, 5, 10))
    assert any("before the planned filing date" in w and "2026-06-01" in w for w in warnings)
    assert not any("before the planned filing date" in w for w in birthday_warnings(profile, today=D(2026, 6, 5)))


def test_timeline_lists_birthdays_and_experience_anniversaries() -> None:
    profile = make(category="b", birth_date=D(1992, 9, 10), application_date=D(2026, 1, 15), experience_years=6,
                   work_start_date=D(2019, 4, 1), annual_salary_yen=6_000_000)
    changes = points_timeline(profile, end=D(2030, 1, 1))
    by_date = {c.date: c for c in changes}
    # 7 years in the current job on 2026-04-01 (5–7 → 7–10 years: 10 → 15 points)
    assert by_date[D(2026, 4, 1)].reason == "7 years of experience"
    assert by_date[D(2026, 4, 1)].total_after - by_date[D(2026, 4, 1)].total_before == 5
    assert by_date[D(2029, 4, 1)].reason == "10 years of experience"
    # 35th birthday: age 10 → 5; ¥6M stays open for 35–39
    assert by_date[D(2027, 9, 10)].total_after - by_date[D(2027, 9, 10)].total_before == -5
    assert score(profile, D(2029, 4, 1)).points_of(PointsItem.EXPERIENCE) == 20
    assert score(profile, D(2029, 3, 31)).points_of(PointsItem.EXPERIENCE) == 15


def test_experience_rounded_down_to_whole_years_never_jumps_a_band_after_filing() -> None:
    # 4.5 years stated, 4.7 years already in the current job: accepted (rounded-down figures are normal), and
    # the day after filing the experience stays in the same 3–5 year band; the 5-year band opens later.
    profile = make(category="b", application_date=D(2026, 4, 1), experience_years=4.5,
                   work_start_date=D(2021, 7, 1))
    assert score(profile, D(2026, 4, 2)).points_of(PointsItem.EXPERIENCE) == 5
    assert [c.reason for c in points_timeline(profile, end=D(2027, 4, 1))] == ["5 years of experience"]
    assert points_timeline(profile, end=D(2027, 4, 1))[0].date == D(2026, 7, 1)


def test_without_a_work_start_date_experience_is_held() -> None:
    profile = make(experience_years=6)
    assert score(profile, D(2040, 1, 1)).points_of(PointsItem.EXPERIENCE) == 10


def test_best_improvements() -> None:
    profile = make(category="b", birth_date=D(1997, 1, 1), application_date=D(2026, 4, 1), education="master",
                   experience_years=4, annual_salary_yen=4_500_000)
    found = {i.item: i for i in best_improvements(profile)}
    assert found[PointsItem.JAPANESE_N1].gain == 15
    assert found[PointsItem.JAPANESE_N2].gain == 10
    assert found[PointsItem.SALARY].gain == 5 and "5,000,000" in found[PointsItem.SALARY].description
    assert found[PointsItem.EXPERIENCE].gain == 5
    assert found[PointsItem.LICENSES].gain == 5
    gains = [i.gain for i in best_improvements(profile) if not i.makes_eligible]
    assert gains == sorted(gains, reverse=True)


def test_n2_holder_gains_5_from_n1_and_japanese_graduate_gets_no_n2_suggestion() -> None:
    n2 = {i.item: i for i in best_improvements(make(bonuses=["japanese_n2"]))}
    assert n2[PointsItem.JAPANESE_N1].gain == 5 and PointsItem.JAPANESE_N2 not in n2
    graduate = {i.item: i for i in best_improvements(make(bonuses=["japanese_university"]))}
    assert graduate[PointsItem.JAPANESE_N1].gain == 15 and PointsItem.JAPANESE_N2 not in graduate


def test_improvement_that_makes_the_profile_eligible_comes_first() -> None:
    profile = make(category="b", education="doctorate", experience_years=10, annual_salary_yen=2_000_000,
                   bonuses=["japanese_n1", "designated_university"])
    found = best_improvements(profile)
    assert found[0].makes_eligible and found[0].item is PointsItem.SALARY  # ¥8M at 45: +30 and over the floor
    floor = [i for i in found if "3,000,000" in i.description]
    assert len(floor) == 1 and floor[0].makes_eligible and floor[0].gain == 0
    assert all(i.makes_eligible for i in found[: found.index(floor[0]) + 1])


def test_forecast_json() -> None:
    document = forecast(make(birth_date=BIRTH, application_date=D(2026, 5, 1))).to_json()
    assert set(document) == {"warnings", "changes", "improvements"}
    assert document["changes"][0]["date"] == "2026-06-01"


def test_what_if() -> None:
    from zairyu.domain.points import what_if
    from zairyu.errors import UserInputError

    profile = make(birth_date=D(1997, 1, 1), annual_salary_yen=4_500_000)
    now, then = what_if(profile, annual_salary_yen=8_000_000, bonuses=["japanese_n1"])
    assert then.total - now.total == (30 - 10) + 15
    try:
        what_if(profile, annual_salary_yen=-1)
    except UserInputError as error:
        assert "annual_salary_yen" in str(error)
    else:
        raise AssertionError("a negative salary must be refused")
