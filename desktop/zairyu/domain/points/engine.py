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
from zairyu.domain.points.profile import CATEGORY_KANA, Bonus, Category, Education, PointsProfile, Research
from zairyu.domain.points.table import LABELS, PointsTable, points_table
from zairyu.domain.points.universities import designated_universities
from zairyu.domain.points_items import FORM_NUMBER, PointsItem
from zairyu.domain.wording import Text, yen_ja
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


NO_NOTE = Text("", "")

# Row ⑳ (sheet C r30–r32).
POSITION_NAMES: dict[str, Text] = {
    "representative": Text("representative", "代表取締役、代表執行役又は代表権のある業務執行社員"),
    "director": Text("director", "取締役、執行役又は業務執行社員"),
}


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
    note: Text = NO_NOTE  # why this row scores what it does

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
    warnings: list[Text]
    annual_salary_yen: int
    salary_floor_yen: int
    form_date: dt.date
    experience_years: float = 0.0
    reasons: list[Text] = field(default_factory=list)  # why the result is what it is

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


def _item(code: PointsItem, points: int, note: Text = NO_NOTE) -> ScoredItem:
    label_en, label_ja = LABELS[code]
    return ScoredItem(code.value, points, FORM_NUMBER[code], label_en, label_ja,
                      code if points > 0 else None, note)


def salary_points(table: PointsTable, category: Category, salary: int, age: int | None) -> tuple[int, Text]:
    """Row ③. For (a)/(b) the rows open by age (ordinance: <30 イ–ト, 30–34 イ–ヘ, 35–39 イ–ホ, 40+ イ–ハ)."""
    for band in table.salary_bands(category):
        if salary < band.min_yen:
            continue
        if band.below_age is not None and (age is None or age >= band.below_age):
            lowest = min((b.min_yen for b in table.salary_bands(category)
                          if b.below_age is None or (age is not None and age < b.below_age)), default=0)
            return 0, Text(f"{_yen(salary)} scores nothing at age {age}: from that age the salary rows "
                           f"start at {_yen(lowest)}",
                           f"{age}歳では{yen_ja(salary)}は加点されません（この年齢の年収の区分は"
                           f"{yen_ja(lowest)}以上からです）")
        return band.points, Text(f"{_yen(salary)} ≥ {_yen(band.min_yen)}", f"{yen_ja(salary)} ≥ {yen_ja(band.min_yen)}")
    lowest = min((b.min_yen for b in table.salary_bands(category)
                  if b.below_age is None or (age is not None and age < b.below_age)), default=0)
    with_age = category is not Category.C and age is not None
    at_age = f" at age {age}" if with_age else ""
    at_age_ja = f"{age}歳の" if with_age else ""
    return 0, Text(f"{_yen(salary)} is below the lowest salary row{at_age} ({_yen(lowest)})",
                   f"{yen_ja(salary)}は{at_age_ja}年収の最低区分（{yen_ja(lowest)}）に届きません")


def experience_points(table: PointsTable, category: Category, years: float) -> tuple[int, Text]:
    """Row ②: "X年以上 Y年未満" bands."""
    for band in table.category(category).experience:
        if years >= band.min_years:
            return band.points, Text(f"{years:g} years ≥ {band.min_years:g}",
                                     f"実務経験{years:g}年 ≥ {band.min_years:g}年")
    lowest = min(b.min_years for b in table.category(category).experience)
    return 0, Text(f"{years:g} years is below {lowest:g}", f"実務経験{years:g}年は{lowest:g}年未満です")


DEGREE_NAMES: dict[Education, Text] = {  # the Japanese in the form's words (rows ① of sheets A–C)
    Education.DOCTORATE: Text("doctorate", "博士学位"),
    Education.MBA_MOT: Text("MBA/MOT", "経営管理に関する専門職学位（MBA・MOT）"),
    Education.MASTER: Text("master's degree", "修士学位"),
    Education.PROFESSIONAL: Text("professional degree (専門職学位)", "専門職学位"),
    Education.BACHELOR: Text("bachelor's degree or equivalent", "大卒又はこれと同等以上の教育"),
    Education.NONE: Text("no degree counted", "加点対象の学歴なし"),
}


def education_note(category: Category, education: Education) -> Text:
    """Row ①, in words, with the two category traps spelled out (they look like errors to a reader)."""
    degree = DEGREE_NAMES[education]
    note = Text(f"highest degree: {degree}", f"最終学歴：{degree.ja}")
    if category is Category.A and education is Education.MBA_MOT:
        # Sheet A r14 「修士又は専門職学位」 20; the 25-point MBA/MOT row exists only on sheets B (r13) and C (r13).
        note = note.plus(Text("— a professional degree, so 20 in category a (the 25-point MBA/MOT row is only "
                              "in b and c)",
                              "（専門職学位のため、イでは20点です。25点の区分はロ・ハのみにあります）"))
    elif category is Category.C and education is Education.DOCTORATE:
        # Sheet C r14 「博士若しくは修士の学位又は専門職学位」 20: no 30-point doctorate row in 1号ハ.
        note = note.plus(Text("— 20 in category c, the same row as a master's (the 30-point doctorate row is "
                              "only in a and b)",
                              "（ハでは修士と同じ区分で20点です。30点の博士の区分はイ・ロのみにあります）"))
    return note


def age_points(table: PointsTable, category: Category, age: int) -> tuple[int, Text]:
    for band in table.category(category).age:
        if age < band.below:
            return band.points, Text(f"age {age} < {band.below}", f"{age}歳（{band.below}歳未満）")
    return 0, Text(f"age {age}: no age points from 40", f"{age}歳：40歳以上は年齢の加点がありません")


def score(profile: PointsProfile, on: dt.date | None = None, *, table: PointsTable | None = None) -> PointsResult:
    """The points of ``profile`` as of ``on`` (default: its filing date)."""
    table = table or points_table()
    on = on or profile.application_date
    category = profile.category
    cat = table.category(category)
    warnings: list[Text] = []
    items: list[ScoredItem] = []

    if profile.birth_date is not None and on < profile.birth_date:
        raise UserInputError(f"cannot compute points for {on}: it is before birth_date {profile.birth_date}")
    age = age_on(profile.birth_date, on) if profile.birth_date is not None else None
    if on < table.form_date:
        # The only table the app holds is the form of 2023-04-01; a date before it (a permanent-residence
        # history, an old filing) is scored with today's rows, and ⑪ only went nationwide on 2023-03-31
        # (Kyoto Prefecture's notice).
        warnings.append(Text(
            f"points for {on} use the ISA form in force from {table.form_date}; the rules before "
            "that date may differ (for example ⑪ local-government support only began nationwide on 2023-03-31)",
            f"{on}の点数は{table.form_date}から適用されているポイント計算表で計算しています。それより前の基準は"
            "異なる場合があります（例えば⑪地方公共団体の支援による加算が全国で始まったのは2023-03-31です）。"))

    # ① 学歴: only the highest degree counts (注1), so one row.
    edu_points = cat.education[profile.education]
    items.append(_item(PointsItem.EDUCATION, edu_points, education_note(category, profile.education)))
    # ① 複数分野 (注2): two or more doctor/master/professional degrees in different fields.
    if profile.multiple_degrees:
        items.append(_item(PointsItem.MULTIPLE_DEGREES, cat.multiple_degrees,
                           Text("two or more graduate degrees", "異なる分野の２以上の博士・修士の学位又は専門職学位")))

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
        items.append(_item(PointsItem.POSITION, pos_points, POSITION_NAMES[profile.position]))
    elif profile.position is not None:
        warnings.append(Text(f"position: ⑳ applies only to category c; ignored in category {category.value}",
                             f"地位（⑳）はハのみの項目のため、{CATEGORY_KANA[category]}では加算しません。"))

    # ④–⑦ 研究実績
    claimed_research = [r for r in Research if r in profile.research]
    if claimed_research and cat.research is not None:
        for index, research in enumerate(claimed_research):
            if index == 0:
                points, note = cat.research.one, Text("one research achievement", "研究実績１項目")
            elif index == 1:
                points = cat.research.two_or_more - cat.research.one
                note = (Text("two or more achievements (「2以上に該当する場合は25」)", "２項目以上に該当（25点）")
                        if points else Text("research points in 1ロ are a flat 15 however many items apply",
                                            "ロの研究実績は該当する項目の数にかかわらず15点です"))
            else:
                points, note = 0, Text("already at the research maximum", "研究実績は既に上限の点数です")
            items.append(_item(RESEARCH_ITEMS[research], points, note))
    elif claimed_research:
        warnings.append(Text(f"research: ④–⑦ do not apply to category {category.value}; ignored",
                             f"研究実績（④～⑦）は{CATEGORY_KANA[category]}の項目にないため、加算しません。"))

    # ⑧ 資格 (sheet B r45–r47)
    if profile.licenses and cat.licenses is not None:
        lic_points = cat.licenses.one if profile.licenses == 1 else cat.licenses.two_or_more
        items.append(_item(PointsItem.LICENSES, lic_points,
                           Text(f"{profile.licenses} licence(s)", f"資格{profile.licenses}つ")))
    elif profile.licenses:
        warnings.append(Text(f"licenses: ⑧ applies only to category b; ignored in category {category.value}",
                             f"資格（⑧）はロのみの項目のため、{CATEGORY_KANA[category]}では加算しません。"))

    # ⑨–㉑ 特別加算
    bonuses = set(profile.bonuses)
    for bonus in BONUS_ORDER:
        if bonus not in bonuses:
            continue
        item = PointsItem(bonus.value)
        if bonus not in cat.bonuses:
            warnings.append(Text(f"bonuses: {bonus.value} ({FORM_NUMBER[item]}) does not apply to category "
                                 f"{category.value}; ignored",
                                 f"特別加算{FORM_NUMBER[item]}（{LABELS[item][1]}）は{CATEGORY_KANA[category]}の項目に"
                                 "ないため、加算しません。"))
            continue
        points = cat.bonuses[bonus]
        note = NO_NOTE
        if bonus is Bonus.INNOVATION_SUPPORT_SME and Bonus.INNOVATION_SUPPORT not in bonuses:
            # Ⅱ「Ⅰに該当する企業であって，中小企業基本法に規定する中小企業者」: only with ⑨.
            points, note = 0, Text("⑩ counts only together with ⑨ (innovation_support)", "⑩は⑨と併せてのみ加算されます")
            warnings.append(Text("bonuses: innovation_support_sme (⑩) scores only together with innovation_support (⑨)",
                                 "⑩（⑨に該当する企業であって中小企業者）は、⑨と併せてのみ加算されます。"))
        elif bonus is Bonus.JAPANESE_N2 and (Bonus.JAPANESE_N1 in bonuses or Bonus.JAPANESE_UNIVERSITY in bonuses):
            # ⑮Ⅱ「※⑭…及びⅠに該当する者を除く」
            points, note = 0, Text("N2 does not count with ⑭ (Japanese university) or ⑮-Ⅰ (N1)",
                                   "⑭（日本の大学を卒業又は大学院の課程を修了）又は⑮Ⅰに該当する場合、⑮Ⅱは加算されません")
            warnings.append(Text("bonuses: japanese_n2 (⑮-Ⅱ) does not add to japanese_university (⑭) or japanese_n1",
                                 "⑮Ⅱ（日本語能力試験Ｎ２合格相当）は、⑭又は⑮Ⅰに該当する者を除くため、加算しません。"))
        elif bonus is Bonus.JICA_TRAINING_JAPANESE_UNIVERSITY and Bonus.JAPANESE_UNIVERSITY in bonuses:
            # ⑱ (注)「本邦の大学又は大学院の授業を利用して行われる研修…⑭と重複して加算することは認められません」
            points, note = 0, Text("JICA training through Japanese university classes does not stack with ⑭",
                                   "本邦の大学等の授業を利用した研修は⑭と重複して加算できません")
            warnings.append(Text("bonuses: jica_training_japanese_university (⑱) does not stack with "
                                 "japanese_university (⑭)",
                                 "⑱の研修が本邦の大学又は大学院の授業を利用して行われた場合、⑭と重複して加算する"
                                 "ことは認められません。"))
        elif bonus is Bonus.SME_RD_OVER_3PCT:
            # Form row ⑫ 「売上高の３％超」 (strictly over); the period is the business year before
            # the filing's (疎明資料 ⑫). The profile holds only a yes/no, so the row says what it must mean.
            note = Text("R&D and development costs over 3% of sales (exactly 3% is not enough) in the business "
                        "year before the filing",
                        "申請の前事業年度の試験研究費及び開発費が売上高の３％超（ちょうど３％は該当しません）")
        elif bonus is Bonus.DESIGNATED_UNIVERSITY:
            # The app shows the list's date: the ISA list is refreshed about every January.
            as_of_en, _slash, as_of_ja = designated_universities().data.as_of_label.partition(" / ")
            note = Text(f"check the university is on the ISA list ({designated_universities().data.as_of_label})",
                        f"卒業した大学が出入国在留管理庁の一覧（{as_of_ja or as_of_en}）にあるか確認してください")
        elif bonus is Bonus.LOCAL_GOVERNMENT_SUPPORT and Bonus.INNOVATION_SUPPORT in bonuses:
            # no source shows a cap, but the current ordinance table was not seen.
            warnings.append(Text(
                "bonuses: ⑪ local-government support (+10) is counted on top of ⑨ innovation support; "
                "no source found limits the two together, but the current ordinance table was not "
                "seen (UNVERIFIED): if the result depends on these 10 points, confirm with the "
                "immigration office",
                "⑪地方公共団体の支援（10点）を⑨イノベーション促進支援措置に加えて計算しています。両方の加算を"
                "制限する資料は見つかっていませんが、現行の省令の表は確認できていません（未確認）。結果がこの10点に"
                "左右される場合は、地方出入国在留管理官署に確認してください。"))
        items.append(_item(item, points, note))

    total = sum(i.points for i in items)
    floor_applies = category in table.salary_floor_categories
    floor_met = profile.annual_salary_yen >= table.salary_floor_yen or not floor_applies
    eligible = total >= table.threshold and floor_met

    reasons: list[Text] = []
    salary, floor = profile.annual_salary_yen, table.salary_floor_yen
    if total >= table.threshold:
        reasons.append(Text(f"total {total} ≥ threshold {table.threshold}", f"合計{total}点 ≥ {table.threshold}点"))
    else:
        reasons.append(Text(f"total {total} < threshold {table.threshold} ({table.threshold - total} points short)",
                            f"合計{total}点 < {table.threshold}点（{table.threshold - total}点不足）"))
    if floor_applies:
        if floor_met:
            reasons.append(Text(f"salary {_yen(salary)} meets the {_yen(floor)} floor",
                                f"年収{yen_ja(salary)}は下限の{yen_ja(floor)}以上です"))
        else:
            reasons.append(Text(f"salary {_yen(salary)} is below the {_yen(floor)} "
                                f"floor: in category {category.value} this rules out HSP whatever the points "
                                "(form note ③: 年収が300万円に満たないときは…認められません)",
                                f"年収{yen_ja(salary)}は下限の{yen_ja(floor)}未満です。年収が300万円に満たないときは、"
                                "他の項目の合計が70点以上でも、高度専門職外国人としては認められません"))
    else:
        reasons.append(Text("category a has no minimum salary", "イには年収の下限がありません"))

    return PointsResult(
        category=category, age=age, computed_for=on, items=items, total=total, threshold=table.threshold,
        salary_floor_met=floor_met, eligible=eligible, warnings=warnings,
        annual_salary_yen=profile.annual_salary_yen, salary_floor_yen=table.salary_floor_yen,
        form_date=table.form_date, experience_years=years, reasons=reasons,
    )
