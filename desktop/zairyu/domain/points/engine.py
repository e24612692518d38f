"""The HSP points calculation, row by row as on the ISA form of 2023-04-01.

Each rule cites the form row it implements (the sheet and row numbers of the ISA form
930001673.xls). The point values come from checklists/points-table.toml.

Where a group of rows scores once (research ④–⑦), the points are attributed to the rows in form
order, so that the items sum to the total *and* the evidence list names exactly what must be proved:
in 1ロ a second research item adds nothing (flat 15) and so needs no evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from zairyu.domain.dates import age_on, years_between
from zairyu.domain.points.profile import Bonus, Category, Education, PointsProfile, Research
from zairyu.domain.points.table import LABELS, PointsTable, points_table
from zairyu.domain.points.universities import designated_universities
from zairyu.domain.points_items import FORM_NUMBER, PointsItem
from zairyu.errors import UserInputError

RESEARCH_ITEMS: dict[Research, PointsItem] = {
    Research.PATENT: PointsItem.RESEARCH_PATENT,
    Research.GRANTS: PointsItem.RESEARCH_GRANTS,
    Research.PAPERS: PointsItem.RESEARCH_PAPERS,
    Research.OTHER: PointsItem.RESEARCH_OTHER,
}

# The special additions in the order the sheets print them (A r42–r81, B r49–r94, C r34–r80).
BONUS_ORDER: tuple[Bonus, ...] = (
    Bonus.INNOVATION_SUPPORT,
    Bonus.INNOVATION_SUPPORT_SME,
    Bonus.LOCAL_GOVERNMENT_SUPPORT,
    Bonus.SME_RD_OVER_3PCT,
    Bonus.FOREIGN_QUALIFICATION,
    Bonus.JAPANESE_UNIVERSITY,
    Bonus.JAPANESE_N1,
    Bonus.JAPANESE_N2,
    Bonus.GROWTH_FIELD_PROJECT,
    Bonus.DESIGNATED_UNIVERSITY,
    Bonus.JICA_TRAINING,
    Bonus.JICA_TRAINING_JAPANESE_UNIVERSITY,
    Bonus.INVESTMENT_100M,
    Bonus.INVESTMENT_MANAGEMENT,
)


def _yen(amount: int) -> str:
    return f"¥{amount:,}"


@dataclass(frozen=True)
class ScoredItem:
    code: str  # a PointsItem value
    points: int
    form_number: str  # ①…㉑ ("" for age, which has no evidence row)
    label_en: str
    label_ja: str
    claim: PointsItem | None  # the item whose evidence proves these points; None when it scores 0
    note: str = ""  # why this row scores what it does

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "points": self.points, "form_number": self.form_number,
                "label_en": self.label_en, "label_ja": self.label_ja, "note": self.note}


@dataclass(frozen=True)
class PointsResult:
    category: Category
    age: int | None
    computed_for: dt.date
    items: list[ScoredItem]
    total: int
    threshold: int
    salary_floor_met: bool
    eligible: bool
    warnings: list[str]
    annual_salary_yen: int
    salary_floor_yen: int
    form_date: dt.date
    experience_years: float = 0.0
    reasons: list[str] = field(default_factory=list)  # why the result is what it is

    def to_json(self) -> dict[str, Any]:
        """The documented JSON; keys after ``warnings`` are additive."""
        return {
            "category": self.category.value,
            "age": self.age,
            "items": [item.to_json() for item in self.items],
            "total": self.total,
            "threshold": self.threshold,
            "salary_floor_met": self.salary_floor_met,
            "eligible": self.eligible,
            "warnings": list(self.warnings),
            "computed_for": self.computed_for.isoformat(),
            "form_date": self.form_date.isoformat(),
            "reasons": list(self.reasons),
        }

    def points_of(self, item: PointsItem) -> int:
        return sum(i.points for i in self.items if i.code == item.value)


def claimed_items(result: PointsResult) -> set[PointsItem]:
    """The items that score in this category: exactly the ones whose evidence must be submitted."""
    return {item.claim for item in result.items if item.points > 0 and item.claim is not None}


def experience_on(profile: PointsProfile, on: dt.date) -> float:
    """Years of practical experience on ``on``.

    ``experience_years`` is the figure on the filing date. With ``work_start_date`` the experience
    grows (or, looking back, shrinks) with the time spent in the current job, whole years counting
    on its anniversaries; without it the figure is held as given.
    """
    start = profile.work_start_date
    if start is None or on == profile.application_date:
        return profile.experience_years
    earlier = max(0.0, years_between(start, profile.application_date))
    prior = max(0.0, profile.experience_years - earlier)  # experience before the current job
    return max(0.0, prior + max(0.0, years_between(start, on)))


def _item(code: PointsItem, points: int, note: str = "") -> ScoredItem:
    label_en, label_ja = LABELS[code]
    return ScoredItem(code.value, points, FORM_NUMBER[code], label_en, label_ja,
                      code if points > 0 else None, note)


def salary_points(table: PointsTable, category: Category, salary: int, age: int | None) -> tuple[int, str]:
    """Row ③. For (a)/(b) the rows open by age (ordinance: <30 イ–ト, 30–34 イ–ヘ, 35–39 イ–ホ, 40+ イ–ハ)."""
    for band in table.salary_bands(category):
        if salary < band.min_yen:
            continue
        if band.below_age is not None and (age is None or age >= band.below_age):
            lowest = min((b.min_yen for b in table.salary_bands(category)
                          if b.below_age is None or (age is not None and age < b.below_age)), default=0)
            return 0, (f"{_yen(salary)} scores nothing at age {age}: from that age the salary rows "
                       f"start at {_yen(lowest)}")
        return band.points, f"{_yen(salary)} ≥ {_yen(band.min_yen)}"
    lowest = min((b.min_yen for b in table.salary_bands(category)
                  if b.below_age is None or (age is not None and age < b.below_age)), default=0)
    at_age = f" at age {age}" if category is not Category.C and age is not None else ""
    return 0, f"{_yen(salary)} is below the lowest salary row{at_age} ({_yen(lowest)})"


def experience_points(table: PointsTable, category: Category, years: float) -> tuple[int, str]:
    """Row ②: "X年以上 Y年未満" bands."""
    for band in table.category(category).experience:
        if years >= band.min_years:
            return band.points, f"{years:g} years ≥ {band.min_years:g}"
    lowest = min(b.min_years for b in table.category(category).experience)
    return 0, f"{years:g} years is below {lowest:g}"


DEGREE_NAMES: dict[Education, str] = {
    Education.DOCTORATE: "doctorate",
    Education.MBA_MOT: "MBA/MOT",
    Education.MASTER: "master's degree",
    Education.PROFESSIONAL: "professional degree (専門職学位)",
    Education.BACHELOR: "bachelor's degree or equivalent",
    Education.NONE: "no degree counted",
}


def education_note(category: Category, education: Education) -> str:
    """Row ①, in words, with the two category traps spelled out (they look like errors to a reader)."""
    note = f"highest degree: {DEGREE_NAMES[education]}"
    if category is Category.A and education is Education.MBA_MOT:
        # Sheet A r14 「修士又は専門職学位」 20; the 25-point MBA/MOT row exists only on sheets B (r13) and C (r13).
        note += " — a professional degree, so 20 in category a (the 25-point MBA/MOT row is only in b and c)"
    elif category is Category.C and education is Education.DOCTORATE:
        # Sheet C r14 「博士若しくは修士の学位又は専門職学位」 20: no 30-point doctorate row in 1号ハ.
        note += " — 20 in category c, the same row as a master's (the 30-point doctorate row is only in a and b)"
    return note


def age_points(table: PointsTable, category: Category, age: int) -> tuple[int, str]:
    for band in table.category(category).age:
        if age < band.below:
            return band.points, f"age {age} < {band.below}"
    return 0, f"age {age}: no age points from 40"


def score(profile: PointsProfile, on: dt.date | None = None, *, table: PointsTable | None = None) -> PointsResult:
    """The points of ``profile`` as of ``on`` (default: its filing date)."""
    table = table or points_table()
    on = on or profile.application_date
    category = profile.category
    cat = table.category(category)
    warnings: list[str] = []
    items: list[ScoredItem] = []

    if profile.birth_date is not None and on < profile.birth_date:
        raise UserInputError(f"cannot compute points for {on}: it is before birth_date {profile.birth_date}")
    age = age_on(profile.birth_date, on) if profile.birth_date is not None else None
    if on < table.form_date:
        # The only table the app holds is the form of 2023-04-01; a date before it (a permanent-residence
        # history, an old filing) is scored with today's rows, and ⑪ only went nationwide on 2023-03-31
        # (Kyoto Prefecture's notice).
        warnings.append(f"points for {on} use the ISA form in force from {table.form_date}; the rules before "
                        "that date may differ (for example ⑪ local-government support only began nationwide "
                        "on 2023-03-31)")

    # ① 学歴: only the highest degree counts (注1), so one row.
    edu_points = cat.education[profile.education]
    items.append(_item(PointsItem.EDUCATION, edu_points, education_note(category, profile.education)))
    # ① 複数分野 (注2): two or more doctor/master/professional degrees in different fields.
    if profile.multiple_degrees:
        items.append(_item(PointsItem.MULTIPLE_DEGREES, cat.multiple_degrees, "two or more graduate degrees"))

    # ② 職歴
    years = experience_on(profile, on)
    exp_points, exp_note = experience_points(table, category, years)
    items.append(_item(PointsItem.EXPERIENCE, exp_points, exp_note))

    # ③ 年収
    sal_points, sal_note = salary_points(table, category, profile.annual_salary_yen, age)
    items.append(_item(PointsItem.SALARY, sal_points, sal_note))

    # 年齢 (A r30–r33, B r33–r36; none on sheet C)
    if cat.age:
        assert age is not None  # the profile requires birth_date for (a) and (b)
        age_pts, age_note = age_points(table, category, age)
        items.append(_item(PointsItem.AGE, age_pts, age_note))

    # ⑳ 地位 (sheet C r30–r32, printed right after the salary rows)
    if category is Category.C and profile.position is not None:
        assert cat.position is not None
        pos_points = getattr(cat.position, profile.position)
        items.append(_item(PointsItem.POSITION, pos_points, profile.position))
    elif profile.position is not None:
        warnings.append(f"position: ⑳ applies only to category c; ignored in category {category.value}")

    # ④–⑦ 研究実績
    claimed_research = [r for r in Research if r in profile.research]
    if claimed_research and cat.research is not None:
        for index, research in enumerate(claimed_research):
            if index == 0:
                points, note = cat.research.one, "one research achievement"
            elif index == 1:
                points = cat.research.two_or_more - cat.research.one
                note = ("two or more achievements (「2以上に該当する場合は25」)" if points
                        else "research points in 1ロ are a flat 15 however many items apply")
            else:
                points, note = 0, "already at the research maximum"
            items.append(_item(RESEARCH_ITEMS[research], points, note))
    elif claimed_research:
        warnings.append(f"research: ④–⑦ do not apply to category {category.value}; ignored")

    # ⑧ 資格 (sheet B r45–r47)
    if profile.licenses and cat.licenses is not None:
        lic_points = cat.licenses.one if profile.licenses == 1 else cat.licenses.two_or_more
        items.append(_item(PointsItem.LICENSES, lic_points, f"{profile.licenses} licence(s)"))
    elif profile.licenses:
        warnings.append(f"licenses: ⑧ applies only to category b; ignored in category {category.value}")

    # ⑨–㉑ 特別加算
    bonuses = set(profile.bonuses)
    for bonus in BONUS_ORDER:
        if bonus not in bonuses:
            continue
        item = PointsItem(bonus.value)
        if bonus not in cat.bonuses:
            warnings.append(f"bonuses: {bonus.value} ({FORM_NUMBER[item]}) does not apply to category "
                            f"{category.value}; ignored")
            continue
        points = cat.bonuses[bonus]
        note = ""
        if bonus is Bonus.INNOVATION_SUPPORT_SME and Bonus.INNOVATION_SUPPORT not in bonuses:
            # Ⅱ「Ⅰに該当する企業であって，中小企業基本法に規定する中小企業者」: only with ⑨.
            points, note = 0, "⑩ counts only together with ⑨ (innovation_support)"
            warnings.append("bonuses: innovation_support_sme (⑩) scores only together with innovation_support (⑨)")
        elif bonus is Bonus.JAPANESE_N2 and (Bonus.JAPANESE_N1 in bonuses or Bonus.JAPANESE_UNIVERSITY in bonuses):
            # ⑮Ⅱ「※⑭…及びⅠに該当する者を除く」
            points, note = 0, "N2 does not count with ⑭ (Japanese university) or ⑮-Ⅰ (N1)"
            warnings.append("bonuses: japanese_n2 (⑮-Ⅱ) does not add to japanese_university (⑭) or japanese_n1")
        elif bonus is Bonus.JICA_TRAINING_JAPANESE_UNIVERSITY and Bonus.JAPANESE_UNIVERSITY in bonuses:
            # ⑱ (注)「本邦の大学又は大学院の授業を利用して行われる研修…⑭と重複して加算することは認められません」
            points, note = 0, "JICA training through Japanese university classes does not stack with ⑭"
            warnings.append("bonuses: jica_training_japanese_university (⑱) does not stack with "
                            "japanese_university (⑭)")
        elif bonus is Bonus.SME_RD_OVER_3PCT:
            # Form row ⑫ 「売上高の３％超」 (strictly over); the period is the business year before
            # the filing's (疎明資料 ⑫). The profile holds only a yes/no, so the row says what it must mean.
            note = ("R&D and development costs over 3% of sales (exactly 3% is not enough) in the business year "
                    "before the filing")
        elif bonus is Bonus.DESIGNATED_UNIVERSITY:
            # The app shows the list's date: the ISA list is refreshed about every January.
            note = f"check the university is on the ISA list ({designated_universities().data.as_of_label})"
        elif bonus is Bonus.LOCAL_GOVERNMENT_SUPPORT and Bonus.INNOVATION_SUPPORT in bonuses:
            # no source shows a cap, but the current ordinance table was not seen.
            warnings.append("bonuses: ⑪ local-government support (+10) is counted on top of ⑨ innovation support; "
                            "no source found limits the two together, but the current ordinance table was not "
                            "seen (UNVERIFIED): if the result depends on these 10 points, confirm with the "
                            "immigration office")
        items.append(_item(item, points, note))

    total = sum(i.points for i in items)
    floor_applies = category in table.salary_floor_categories
    floor_met = profile.annual_salary_yen >= table.salary_floor_yen or not floor_applies
    eligible = total >= table.threshold and floor_met

    reasons: list[str] = []
    if total >= table.threshold:
        reasons.append(f"total {total} ≥ threshold {table.threshold}")
    else:
        reasons.append(f"total {total} < threshold {table.threshold} ({table.threshold - total} points short)")
    if floor_applies:
        if floor_met:
            reasons.append(f"salary {_yen(profile.annual_salary_yen)} meets the {_yen(table.salary_floor_yen)} floor")
        else:
            reasons.append(f"salary {_yen(profile.annual_salary_yen)} is below the {_yen(table.salary_floor_yen)} "
                           f"floor: in category {category.value} this rules out HSP whatever the points "
                           "(form note ③: 年収が300万円に満たないときは…認められません)")
    else:
        reasons.append("category a has no minimum salary")

    return PointsResult(
        category=category, age=age, computed_for=on, items=items, total=total, threshold=table.threshold,
        salary_floor_met=floor_met, eligible=eligible, warnings=warnings,
        annual_salary_yen=profile.annual_salary_yen, salary_floor_yen=table.salary_floor_yen,
        form_date=table.form_date, experience_years=years, reasons=reasons,
    )
