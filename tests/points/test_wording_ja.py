"""Every text the points engine shows a person — the breakdown's reasons, the warnings, the verdict's
reasons, the best changes and the points timeline — is worded in Japanese as well as in English,
and the English (what the CLI and JSON print) is unchanged."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from wording_check import foreign_words, is_japanese
from zairyu.domain.points import PointsProfile, best_improvements, birthday_warnings, points_timeline, score
from zairyu.domain.points_items import PointsItem
from zairyu.domain.wording import Text
from zairyu.errors import UserInputError

from .helpers import make

D = dt.date
BIRTH = D(1996, 6, 1)  # turns 30 on 2026-06-01


def all_texts(profile: PointsProfile, today: dt.date | None = None) -> list[str]:
    result = score(profile)
    return [*(i.note for i in result.items if i.note), *result.warnings, *result.reasons,
            *birthday_warnings(profile, today), *(i.description for i in best_improvements(profile)),
            *(c.reason for c in points_timeline(profile))]


def assert_japanese(texts: list[str]) -> None:
    for text in texts:
        assert isinstance(text, Text), text
        assert is_japanese(text.ja), (text, text.ja, foreign_words(text.ja))


# Each profile triggers the English phrase beside it; its Japanese must exist too.
WARNING_KINDS = [
    (make(application_date=D(2023, 1, 10)), "use the ISA form in force from"),
    (make(category="a", position="representative"), "position: ⑳ applies only to category c"),
    (make(category="c", annual_salary_yen=10_000_000, research=["patent"]), "research: ④–⑦ do not apply"),
    (make(category="a", licenses=1), "licenses: ⑧ applies only to category b"),
    (make(category="b", bonuses=["investment_100m"]), "investment_100m (⑲) does not apply"),
    (make(bonuses=["innovation_support_sme"]), "scores only together with innovation_support"),
    (make(bonuses=["japanese_n1", "japanese_n2"]), "japanese_n2 (⑮-Ⅱ) does not add"),
    (make(bonuses=["japanese_university", "jica_training_japanese_university"]), "does not stack with"),
    (make(bonuses=["innovation_support", "local_government_support"]), "UNVERIFIED"),
]


@pytest.mark.parametrize(("profile", "english"), WARNING_KINDS)
def test_each_scoring_warning_has_its_japanese(profile: PointsProfile, english: str) -> None:
    warnings = score(profile).warnings
    matching = [w for w in warnings if english in w]
    assert matching, warnings
    assert_japanese(warnings)


BIRTHDAY_KINDS = [
    (make(birth_date=BIRTH, application_date=D(2026, 5, 1), annual_salary_yen=4_500_000), None,
     "comes 31 days after filing", "31日後"),
    (make(birth_date=BIRTH, application_date=D(2026, 6, 1)), None, "costs 5 points", "5点少なく"),
    (make(birth_date=BIRTH, application_date=D(2026, 5, 31)), None, "end of the day before the birthday",
     "誕生日の前日"),
    (make(birth_date=BIRTH, application_date=D(2026, 6, 20)), D(2026, 5, 10), "before the planned filing date",
     "予定の申請日"),
]


@pytest.mark.parametrize(("profile", "today", "english", "japanese"), BIRTHDAY_KINDS)
def test_each_birthday_warning_has_its_japanese(profile: PointsProfile, today: dt.date | None, english: str,
                                                japanese: str) -> None:
    (warning,) = [w for w in birthday_warnings(profile, today) if english in w]
    assert isinstance(warning, Text) and japanese in warning.ja
    assert is_japanese(warning.ja), foreign_words(warning.ja)


def test_the_decision_window_warning_says_the_loss_and_the_threshold_in_japanese() -> None:
    profile = make(birth_date=BIRTH, application_date=D(2026, 5, 1), education="master", experience_years=5,
                   annual_salary_yen=5_000_000, bonuses=["japanese_n2"])  # 70 at 29, 65 at 30 (age 15 → 10)
    (warning,) = birthday_warnings(profile)
    assert "below the 70 threshold" in warning
    assert "2026-06-01の30歳の誕生日は申請日の31日後" in warning.ja
    assert "70点 → 65点（−5点）となり、70点を下回ります" in warning.ja
    assert "2026-06-01" in warning.ja and "1～3か月" in warning.ja


def test_each_improvement_has_its_japanese() -> None:
    found = {i.item: i for i in best_improvements(make(category="b", work_start_date=D(2025, 4, 1),
                                                       experience_years=1, annual_salary_yen=2_000_000))}
    assert {PointsItem.JAPANESE_N1, PointsItem.JAPANESE_N2, PointsItem.SALARY, PointsItem.EXPERIENCE,
            PointsItem.LICENSES} <= set(found)
    reached = found[PointsItem.EXPERIENCE].description.rsplit(" ", 1)[1]  # "…, reached on 2028-04-01"
    assert found[PointsItem.EXPERIENCE].description.ja == f"実務経験3年（次の区分）、{reached}に到達"
    floor = [i for i in best_improvements(make(annual_salary_yen=2_000_000, education="doctorate",
                                               experience_years=10, bonuses=["japanese_n1", "designated_university"]))
             if "3,000,000" in i.description]
    assert floor and floor[0].description.ja == "年収3,000,000円（ロの年収の下限）"
    position = {i.item: i for i in best_improvements(make(category="c", annual_salary_yen=10_000_000))}
    assert_japanese([i.description for i in [*found.values(), *floor, *position.values()]])
    assert PointsItem.POSITION in position


@pytest.mark.parametrize("overrides", [
    {"category": "a", "education": "mba_mot", "multiple_degrees": True, "research": ["patent", "grants", "papers"]},
    {"category": "b", "education": "master", "research": ["patent", "grants"], "licenses": 2,
     "bonuses": ["designated_university", "sme_rd_over_3pct", "innovation_support_sme"]},
    {"category": "c", "education": "doctorate", "annual_salary_yen": 2_000_000, "position": "director"},
    {"category": "b", "birth_date": "1994-01-01", "annual_salary_yen": 4_000_000, "experience_years": 3},
    {"category": "b", "birth_date": "1985-01-01", "annual_salary_yen": 4_000_000, "education": "none"},
    {"category": "a", "birth_date": "1990-05-01", "work_start_date": "2020-04-01", "experience_years": 6,
     "education": "professional"},
])
def test_every_text_of_a_profile_has_its_japanese(overrides: dict[str, object]) -> None:
    texts = all_texts(make(**overrides), today=D(2026, 1, 1))
    assert len(texts) >= 4
    assert_japanese(texts)


def test_the_breakdown_speaks_the_forms_words() -> None:
    result = score(make(category="b", birth_date="1997-01-20", education="master", experience_years=6,
                        annual_salary_yen=8_500_000, bonuses=["designated_university"]))
    notes = {item.code: item.note for item in result.items}
    assert notes[PointsItem.EDUCATION.value].ja == "最終学歴：修士学位"
    assert notes[PointsItem.EXPERIENCE.value].ja == "実務経験6年 ≥ 5年"
    assert notes[PointsItem.SALARY.value].ja == "8,500,000円 ≥ 8,000,000円"
    assert notes[PointsItem.AGE.value].ja == "29歳（30歳未満）"
    assert "出入国在留管理庁の一覧" in notes[PointsItem.DESIGNATED_UNIVERSITY.value].ja
    assert notes[PointsItem.DESIGNATED_UNIVERSITY.value].ja.count("令和") == 1


def test_the_json_output_keeps_the_english() -> None:
    result = score(make(category="a", position="representative"))
    document = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    assert document["warnings"] == ["position: ⑳ applies only to category c; ignored in category a"]
    assert document["items"][0]["note"] == "highest degree: bachelor's degree or equivalent"


@pytest.mark.parametrize("overrides", [
    {"category": "b", "birth_date": None},
    {"birth_date": "2026-04-01"},
    {"birth_date": "2000-01-01", "experience_years": 30},
    {"education": "bachelor", "multiple_degrees": True},
    {"bonuses": ["jica_training", "jica_training_japanese_university"]},
    {"birth_date": "1990-01-01", "work_start_date": "1989-01-01", "experience_years": 30},
    {"work_start_date": "2020-04-01", "experience_years": 2},
])
def test_each_problem_of_a_profile_has_its_japanese(overrides: dict[str, object]) -> None:
    with pytest.raises(UserInputError) as caught:
        make(**overrides)
    problem_ja = caught.value.details["problem_ja"]
    assert caught.value.field in overrides and is_japanese(problem_ja), (str(caught.value), problem_ja)
