"""One worked example per rule of the ISA form (930001673.xls), including each known trap."""

from __future__ import annotations

import pytest

from zairyu.domain.points import claimed_items, score
from zairyu.domain.points_items import PointsItem
from zairyu.errors import UserInputError

from .helpers import make

It = PointsItem


def points(item: PointsItem, **profile: object) -> int:
    return score(make(**profile)).points_of(item)


# ---- ① education -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("category", "education", "expected"), [
    ("a", "doctorate", 30), ("b", "doctorate", 30),
    ("c", "doctorate", 20),  # trap: a doctorate is only 20 in (c) — 「博士若しくは修士の学位又は専門職学位」
    ("a", "mba_mot", 20),  # trap: no MBA row in (a); an MBA is a 専門職学位 → 20
    ("b", "mba_mot", 25), ("c", "mba_mot", 25),
    ("a", "master", 20), ("b", "master", 20), ("c", "master", 20),
    ("a", "professional", 20), ("b", "professional", 20), ("c", "professional", 20),
    ("a", "bachelor", 10), ("b", "bachelor", 10), ("c", "bachelor", 10),
    ("a", "none", 0), ("b", "none", 0), ("c", "none", 0),
])
def test_education_row(category: str, education: str, expected: int) -> None:
    assert points(It.EDUCATION, category=category, education=education) == expected


@pytest.mark.parametrize("category", ["a", "b", "c"])
@pytest.mark.parametrize("education", ["doctorate", "mba_mot", "master", "professional"])
def test_multiple_degrees_adds_5_to_graduate_degrees(category: str, education: str) -> None:
    assert points(It.MULTIPLE_DEGREES, category=category, education=education, multiple_degrees=True) == 5


@pytest.mark.parametrize("education", ["bachelor", "none"])
def test_multiple_degrees_needs_two_graduate_degrees(education: str) -> None:
    # Trap: a bachelor + a master in different fields does not earn +5 (only doctor/master/professional
    # degrees count); claiming it with a bachelor as the highest degree is a contradiction.
    with pytest.raises(UserInputError, match="multiple_degrees"):
        make(education=education, multiple_degrees=True)


def test_education_row_explains_the_category_traps_in_words() -> None:
    # A reader who sees 20 for an MBA in (a), or 20 for a doctorate in (c), should be told why, in words.
    mba_in_a = score(make(category="a", education="mba_mot")).items[0]
    assert mba_in_a.points == 20 and "MBA/MOT" in mba_in_a.note and "only in b and c" in mba_in_a.note
    doctorate_in_c = score(make(category="c", education="doctorate")).items[0]
    assert doctorate_in_c.points == 20 and "only in a and b" in doctorate_in_c.note
    assert score(make(category="b", education="mba_mot")).items[0].note == "highest degree: MBA/MOT"


def test_only_the_highest_degree_counts() -> None:
    # 注1: 博士と修士の両方の学位を有している場合は，３０点 — doctorate and master do not add up.
    result = score(make(category="b", education="doctorate"))
    assert [i.code for i in result.items if i.form_number == "①"] == ["education"]
    assert result.points_of(It.EDUCATION) == 30


# ---- ② experience ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("category", "years", "expected"), [
    ("a", 2.99, 0), ("a", 3, 5), ("a", 5, 10), ("a", 7, 15), ("a", 10, 15), ("a", 30, 15),  # no 10-year row
    ("b", 2.99, 0), ("b", 3, 5), ("b", 4.99, 5), ("b", 5, 10), ("b", 7, 15), ("b", 9.99, 15), ("b", 10, 20),
    ("c", 2.99, 0), ("c", 3, 10), ("c", 5, 15), ("c", 7, 20), ("c", 9.99, 20), ("c", 10, 25),
])
def test_experience_bands(category: str, years: float, expected: int) -> None:
    assert points(It.EXPERIENCE, category=category, experience_years=years) == expected


# ---- ③ salary ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("age", "salary", "expected"), [
    (29, 3_999_999, 0), (29, 4_000_000, 10), (29, 5_000_000, 15), (29, 6_000_000, 20), (29, 7_000_000, 25),
    (29, 8_000_000, 30), (29, 9_000_000, 35), (29, 9_999_999, 35), (29, 10_000_000, 40), (29, 50_000_000, 40),
    (32, 4_999_999, 0), (32, 5_000_000, 15),  # 30–34: rows イ–ヘ (down to ¥5M)
    (37, 5_999_999, 0), (37, 6_000_000, 20), (37, 7_000_000, 25),  # 35–39: rows イ–ホ (down to ¥6M)
    (45, 7_999_999, 0), (45, 8_000_000, 30), (45, 10_000_000, 40),  # 40+: rows イ–ハ (down to ¥8M)
])
@pytest.mark.parametrize("category", ["a", "b"])
def test_salary_rows_open_by_age(category: str, age: int, salary: int, expected: int) -> None:
    birth = f"{2026 - age - 1}-12-31"  # completed `age` years on 2026-04-01
    assert score(make(category=category, birth_date=birth, annual_salary_yen=salary)).age == age
    assert points(It.SALARY, category=category, birth_date=birth, annual_salary_yen=salary) == expected


@pytest.mark.parametrize(("salary", "expected"), [
    (9_999_999, 0), (10_000_000, 10), (14_999_999, 10), (15_000_000, 20), (20_000_000, 30),
    (25_000_000, 40), (29_999_999, 40), (30_000_000, 50), (100_000_000, 50),
])
def test_salary_in_c_is_flat_and_not_coupled_to_age(salary: int, expected: int) -> None:
    for birth in ("1960-01-01", "2000-01-01"):
        assert points(It.SALARY, category="c", birth_date=birth, annual_salary_yen=salary) == expected


def test_salary_under_3m_is_a_gate_not_zero_points_in_b_and_c() -> None:
    # Trap: (注) 年収が300万円に満たないときは，他の項目の合計が70点以上でも…認められません。
    strong = {"education": "doctorate", "experience_years": 10, "bonuses": ["japanese_n1", "japanese_university",
                                                                           "designated_university"]}
    b = score(make(category="b", annual_salary_yen=2_999_999, **strong))
    assert b.total >= 70 and not b.salary_floor_met and not b.eligible
    c = score(make(category="c", annual_salary_yen=2_999_999, **strong))
    assert c.total >= 70 and not c.salary_floor_met and not c.eligible
    assert any("floor" in reason for reason in b.reasons)


def test_category_a_has_no_salary_floor() -> None:
    result = score(make(category="a", annual_salary_yen=1_000_000, education="doctorate", experience_years=7,
                        research=["patent", "papers"]))
    assert result.total == 30 + 15 + 25
    assert result.salary_floor_met and result.eligible


# ---- age ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("age", "expected"), [(18, 15), (29, 15), (30, 10), (34, 10), (35, 5), (39, 5), (40, 0)])
@pytest.mark.parametrize("category", ["a", "b"])
def test_age_points(category: str, age: int, expected: int) -> None:
    assert points(It.AGE, category=category, birth_date=f"{2026 - age - 1}-12-31") == expected


def test_no_age_points_in_c_and_birth_date_optional() -> None:
    result = score(make(category="c", birth_date="2000-01-01"))
    assert result.age == 26
    assert "age" not in [i.code for i in result.items]
    no_birth = score(make(category="c", birth_date=None))
    assert no_birth.age is None
    assert no_birth.to_json()["age"] is None


# ---- ④–⑦ research ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("research", "expected"), [
    (["patent"], 20), (["papers"], 20), (["grants"], 20), (["other"], 20),
    (["patent", "papers"], 25), (["patent", "grants", "papers", "other"], 25),  # 「2以上に該当する場合は25」
])
def test_research_in_a_is_20_or_25(research: list[str], expected: int) -> None:
    result = score(make(category="a", research=research))
    assert result.total == 10 + expected  # bachelor 10 + research


@pytest.mark.parametrize("research", [["patent"], ["patent", "papers"], ["patent", "grants", "papers", "other"]])
def test_research_in_b_is_a_flat_15(research: list[str]) -> None:
    # Trap: one merged cell of 15 on sheet B; calculators that give 20/25 here are wrong.
    assert score(make(category="b", research=research)).total == 10 + 15


def test_research_evidence_is_only_what_scores() -> None:
    b = score(make(category="b", research=["papers", "patent"]))
    research_claims = {i for i in claimed_items(b) if i.value.startswith("research")}
    assert research_claims == {It.RESEARCH_PATENT}  # form order: ④ patent before ⑥ papers
    a = score(make(category="a", research=["papers", "patent", "other"]))
    assert {i for i in claimed_items(a) if i.value.startswith("research")} == {It.RESEARCH_PATENT, It.RESEARCH_PAPERS}


def test_research_does_not_apply_to_c() -> None:
    result = score(make(category="c", research=["patent"]))
    assert result.total == 10
    assert any("research" in w for w in result.warnings)


# ---- ⑧ licences, ⑳ position -----------------------------------------------------------------------------

@pytest.mark.parametrize(("count", "expected"), [(0, 0), (1, 5), (2, 10), (7, 10)])
def test_licences_in_b(count: int, expected: int) -> None:
    assert points(It.LICENSES, category="b", licenses=count) == expected


@pytest.mark.parametrize("category", ["a", "c"])
def test_licences_only_in_b(category: str) -> None:
    result = score(make(category=category, licenses=2))
    assert result.total == 10 and any("licenses" in w for w in result.warnings)


@pytest.mark.parametrize(("position", "expected"), [("representative", 10), ("director", 5)])
def test_position_in_c(position: str, expected: int) -> None:
    assert points(It.POSITION, category="c", position=position) == expected


def test_position_only_in_c() -> None:
    result = score(make(category="b", position="representative"))
    assert result.total == 10 and any("position" in w for w in result.warnings)


# ---- ⑨–㉑ special additions ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("bonus", "expected"), [
    ("innovation_support", 10), ("local_government_support", 10), ("sme_rd_over_3pct", 5),
    ("foreign_qualification", 5), ("japanese_university", 10), ("japanese_n1", 15), ("japanese_n2", 10),
    ("growth_field_project", 10), ("designated_university", 10), ("jica_training", 5),
    ("jica_training_japanese_university", 5),
])
@pytest.mark.parametrize("category", ["a", "b", "c"])
def test_each_addition_alone(category: str, bonus: str, expected: int) -> None:
    assert score(make(category=category, bonuses=[bonus])).total == 10 + expected


def test_sme_plus_10_needs_innovation_plus_10() -> None:
    # Trap: ⑩ 「Ⅰに該当する企業であって…中小企業者」 counts only with ⑨.
    alone = score(make(bonuses=["innovation_support_sme"]))
    assert alone.total == 10 and alone.points_of(It.INNOVATION_SUPPORT_SME) == 0
    assert It.INNOVATION_SUPPORT_SME not in claimed_items(alone)
    assert any("⑨" in w for w in alone.warnings)
    both = score(make(bonuses=["innovation_support", "innovation_support_sme"]))
    assert both.total == 10 + 20


def test_local_government_support_stacks_with_innovation_with_a_note() -> None:
    result = score(make(bonuses=["innovation_support", "local_government_support"]))
    assert result.total == 10 + 20
    assert any("UNVERIFIED" in w for w in result.warnings)
    # Said in words a non-lawyer can act on, not only "no cap found".
    (note,) = result.warnings
    assert "on top of ⑨" in note and "confirm with the immigration office" in note


@pytest.mark.parametrize("other", ["japanese_university", "japanese_n1"])
def test_n2_does_not_add_to_japanese_degree_or_n1(other: str) -> None:
    # Trap: ⑮-Ⅱ 「※⑭…及びⅠに該当する者を除く」
    result = score(make(bonuses=[other, "japanese_n2"]))
    assert result.total == 10 + {"japanese_university": 10, "japanese_n1": 15}[other]
    assert result.points_of(It.JAPANESE_N2) == 0 and It.JAPANESE_N2 not in claimed_items(result)


def test_n1_stacks_with_japanese_degree_and_designated_university() -> None:
    # The form: 15 + 10 + 10 = 35.
    result = score(make(bonuses=["japanese_n1", "japanese_university", "designated_university"]))
    assert result.total == 10 + 35


def test_designated_university_stacks_with_japanese_degree() -> None:
    # ⑰ (注) ⑭と重複して加算することが認められています。
    assert score(make(bonuses=["designated_university", "japanese_university"])).total == 10 + 20


def test_jica_through_japanese_university_does_not_stack_with_japanese_degree() -> None:
    # ⑱ (注) 本邦の大学又は大学院の授業を利用して行われる研修…⑭と重複して加算することは認められません。
    via_university = score(make(bonuses=["jica_training_japanese_university", "japanese_university"]))
    assert via_university.total == 10 + 10
    assert via_university.points_of(It.JICA_TRAINING_JAPANESE_UNIVERSITY) == 0
    other_jica = score(make(bonuses=["jica_training", "japanese_university"]))
    assert other_jica.total == 10 + 15


def test_both_jica_variants_contradict() -> None:
    with pytest.raises(UserInputError, match="bonuses"):
        make(bonuses=["jica_training", "jica_training_japanese_university"])


@pytest.mark.parametrize(("category", "expected"), [("a", 0), ("b", 0), ("c", 5)])
def test_investment_100m_only_in_c(category: str, expected: int) -> None:
    result = score(make(category=category, bonuses=["investment_100m"]))
    assert result.total == 10 + expected
    assert (expected == 0) == any("investment_100m" in w for w in result.warnings)


@pytest.mark.parametrize(("category", "expected"), [("a", 0), ("b", 10), ("c", 10)])
def test_investment_management_in_b_and_c(category: str, expected: int) -> None:
    assert score(make(category=category, bonuses=["investment_management"])).total == 10 + expected


# ---- whole profiles, one per category -------------------------------------------------------------------------

def test_worked_example_a() -> None:
    result = score(make(category="a", application_date="2026-04-01", birth_date="1993-01-15", education="doctorate",
                        experience_years=7, annual_salary_yen=6_000_000, research=["patent", "papers"]))
    # doctorate 30 + 7 years 15 + ¥6M at 33 20 + age 33 10 + research ×2 25
    assert [(i.code, i.points) for i in result.items] == [
        ("education", 30), ("experience", 15), ("salary", 20), ("age", 10),
        ("research_patent", 20), ("research_papers", 5)]
    assert result.total == 100 and result.eligible and result.age == 33


def test_worked_example_b() -> None:
    result = score(make(category="b", birth_date="1997-03-31", education="master", multiple_degrees=True,
                        experience_years=10, annual_salary_yen=4_000_000, bonuses=["japanese_n1"]))
    # master 20 + multiple 5 + 10 years 20 + ¥4M at 29 10 + age 29 15 + N1 15
    assert result.total == 85 and result.eligible
    assert claimed_items(result) == {It.EDUCATION, It.MULTIPLE_DEGREES, It.EXPERIENCE, It.SALARY, It.AGE,
                                     It.JAPANESE_N1}


def test_worked_example_c() -> None:
    eligible = score(make(category="c", birth_date=None, education="mba_mot", experience_years=10,
                          annual_salary_yen=30_000_000, position="representative", bonuses=["investment_100m"]))
    assert eligible.total == 25 + 25 + 50 + 10 + 5 and eligible.eligible
    short = score(make(category="c", birth_date=None, education="bachelor", experience_years=5,
                       annual_salary_yen=12_000_000, position="director", bonuses=["japanese_n2"]))
    assert short.total == 10 + 15 + 10 + 5 + 10 == 50
    assert not short.eligible and short.salary_floor_met
    assert any("20 points short" in r for r in short.reasons)


def test_threshold_is_70_inclusive() -> None:
    exactly = score(make(category="b", education="doctorate", experience_years=10, annual_salary_yen=8_000_000,
                         bonuses=[]))  # 30 + 20 + 30 at 45 = 80
    assert exactly.total == 80
    seventy = score(make(category="b", education="doctorate", experience_years=10, annual_salary_yen=3_000_000,
                         bonuses=["japanese_n2", "designated_university"]))  # 30 + 20 + 0 + 10 + 10
    assert seventy.total == 70 and seventy.eligible
    sixty_nine = score(make(category="b", education="doctorate", experience_years=10, annual_salary_yen=3_000_000,
                            bonuses=["foreign_qualification", "japanese_n2"], licenses=0))  # 30+20+5+10=65
    assert sixty_nine.total == 65 and not sixty_nine.eligible


def test_items_follow_the_form_order() -> None:
    every_bonus = ["investment_management", "designated_university", "japanese_n1", "innovation_support",
                   "innovation_support_sme", "local_government_support", "sme_rd_over_3pct", "foreign_qualification",
                   "japanese_university", "growth_field_project", "jica_training", "investment_100m"]
    b = score(make(category="b", education="master", multiple_degrees=True, research=["other", "patent"],
                   licenses=1, bonuses=every_bonus))
    assert [i.code for i in b.items] == [
        "education", "multiple_degrees", "experience", "salary", "age", "research_patent", "research_other",
        "licenses", "innovation_support", "innovation_support_sme", "local_government_support", "sme_rd_over_3pct",
        "foreign_qualification", "japanese_university", "japanese_n1", "growth_field_project",
        "designated_university", "jica_training", "investment_management"]
    c = score(make(category="c", position="director", bonuses=every_bonus))
    assert [i.code for i in c.items][:4] == ["education", "experience", "salary", "position"]
    assert [i.code for i in c.items][-2:] == ["investment_100m", "investment_management"]
    assert [i.form_number for i in c.items] == ["①", "②", "③", "⑳", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯",
                                                "⑰", "⑱", "⑲", "㉑"]


def test_json_has_the_documented_shape() -> None:
    document = score(make(category="b", birth_date="1997-01-01", education="master",
                          annual_salary_yen=6_000_000)).to_json()
    assert list(document)[:8] == ["category", "age", "items", "total", "threshold", "salary_floor_met",
                                  "eligible", "warnings"]
    assert document["category"] == "b" and document["age"] == 29 and document["threshold"] == 70
    assert document["items"][0]["code"] == "education" and document["items"][0]["points"] == 20
    assert document["total"] == sum(item["points"] for item in document["items"])
    assert document["eligible"] is (document["total"] >= 70 and document["salary_floor_met"])


def test_sme_rd_row_says_strictly_over_three_percent() -> None:
    # ⑫ 「売上高の３％超」: the profile is a yes/no, so the row must tell the reader that exactly 3% fails.
    result = score(make(category="c", bonuses=["sme_rd_over_3pct"]))
    row = next(i for i in result.items if i.code == "sme_rd_over_3pct")
    assert row.points == 5 and row.form_number == "⑫" and "exactly 3% is not enough" in row.note
    assert result.points_of(PointsItem.INNOVATION_SUPPORT) == 0  # ⑫ does not need ⑨


def test_a_date_before_the_form_of_2023_04_01_is_flagged() -> None:
    # The app holds one table (the form of 2023-04-01); an earlier date is scored with it, and says so.
    old = score(make(application_date="2022-06-01", birth_date="1981-01-01"))
    assert any("2023-04-01" in w for w in old.warnings)
    assert not any("2023-04-01" in w for w in score(make(application_date="2023-04-01")).warnings)


def test_designated_university_row_shows_the_list_date() -> None:
    result = score(make(bonuses=["designated_university"]))
    row = next(i for i in result.items if i.code == "designated_university")
    assert row.form_number == "⑰" and "January 2026" in row.note


def test_a_malformed_points_table_names_file_and_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from zairyu.domain.points.table import load_points_table
    from zairyu.errors import DataFileError
    from zairyu.paths import checklists_dir

    text = (checklists_dir() / "points-table.toml").read_text(encoding="utf-8")
    broken = tmp_path / "points-table.toml"
    broken.write_text(text.replace("threshold = 70", "threshold = \"seventy\""), encoding="utf-8")
    with pytest.raises(DataFileError, match="threshold"):
        load_points_table(broken)
    broken.write_text(text.replace("[categories.c]", "[categories_c]"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"points-table\.toml"):
        load_points_table(broken)
    table = load_points_table(checklists_dir() / "points-table.toml")
    assert table.form_date.isoformat() == "2023-04-01" and "930001673" in table.source
