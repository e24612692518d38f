"""Points on future dates, the birthday trap, and the single changes worth most.

Age bands (and, in (a)/(b), the salary rows open to that age) change on birthdays; experience bands
change on anniversaries of ``work_start_date`` when it is given. The form counts age on the filing
date ("申請の時点の年齢"), but the ordinance's reference point is the grant of permission
("第一号許可等を受ける時点"), so the app warns when a birthday that costs points falls between filing
and a plausible decision date, filing + 1–3 months.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from zairyu.domain.dates import add_years, age_on, birthday_of_age
from zairyu.domain.points.engine import PointsResult, experience_on, score
from zairyu.domain.points.profile import CATEGORY_KANA, Bonus, PointsProfile, parse_profile
from zairyu.domain.points.table import points_table
from zairyu.domain.points_items import PointsItem
from zairyu.domain.wording import Text, yen_ja

DECISION_WINDOW_MONTHS = (1, 3)  # a plausible decision comes 1–3 months after filing
TIMELINE_YEARS = 5  # HSP(i) is granted for 5 years


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the last day of that month (民法143条)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class PointsChange:
    """On ``date`` the total moves from ``total_before`` to ``total_after``."""

    date: dt.date
    total_before: int
    total_after: int
    eligible_before: bool
    eligible_after: bool
    reason: Text

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "total_before": self.total_before,
                "total_after": self.total_after, "eligible_before": self.eligible_before,
                "eligible_after": self.eligible_after, "reason": self.reason}


@dataclass(frozen=True)
class Improvement:
    """One change to the profile and what it would add."""

    item: PointsItem
    description: Text
    gain: int
    new_total: int
    makes_eligible: bool

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item.value, "description": self.description, "gain": self.gain,
                "new_total": self.new_total, "makes_eligible": self.makes_eligible}


@dataclass(frozen=True)
class Forecast:
    warnings: list[Text]
    changes: list[PointsChange] = field(default_factory=list)
    improvements: list[Improvement] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"warnings": list(self.warnings), "changes": [c.to_json() for c in self.changes],
                "improvements": [i.to_json() for i in self.improvements]}


def experience_crossing(profile: PointsProfile, years: float, start: dt.date, end: dt.date) -> dt.date | None:
    """The first day in (start, end] on which the experience reaches ``years`` (binary search)."""
    if profile.work_start_date is None or experience_on(profile, end) < years \
            or experience_on(profile, start) >= years:
        return None
    low, high = start, end  # experience(low) < years <= experience(high)
    while (high - low).days > 1:
        middle = low + dt.timedelta(days=(high - low).days // 2)
        if experience_on(profile, middle) >= years:
            high = middle
        else:
            low = middle
    return high


def points_timeline(profile: PointsProfile, start: dt.date | None = None,
                    end: dt.date | None = None) -> list[PointsChange]:
    """Every day in (start, end] on which the total changes, with the reason (birthday, experience)."""
    start = start or profile.application_date
    end = end or add_years(start, TIMELINE_YEARS)
    candidates: dict[dt.date, Text] = {}
    if profile.birth_date is not None:
        for age in range(age_on(profile.birth_date, start) + 1, age_on(profile.birth_date, end) + 1):
            candidates[birthday_of_age(profile.birth_date, age)] = Text(f"{_ordinal(age)} birthday (age {age})",
                                                                        f"{age}歳の誕生日")
    for band in points_table().category(profile.category).experience:
        crossing = experience_crossing(profile, band.min_years, start, end)
        if crossing is not None:
            candidates[crossing] = Text(f"{band.min_years:g} years of experience",
                                        f"実務経験{band.min_years:g}年への到達")
    changes = []
    for day in sorted(candidates):
        before, after = score(profile, day - dt.timedelta(days=1)), score(profile, day)
        if before.total != after.total or before.eligible != after.eligible:
            changes.append(PointsChange(day, before.total, after.total, before.eligible, after.eligible,
                                        candidates[day]))
    return changes


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _loss_text(before: PointsResult | int, after: PointsResult, threshold: int) -> Text:
    total_before = before if isinstance(before, int) else before.total
    lost = total_before - after.total
    if total_before >= threshold > after.total:
        return Text(f"{total_before} → {after.total} points (−{lost}), below the {threshold} threshold",
                    f"{total_before}点 → {after.total}点（−{lost}点）となり、{threshold}点を下回ります")
    return Text(f"{total_before} → {after.total} points (−{lost})",
                f"{total_before}点 → {after.total}点（−{lost}点）となります")


def birthday_warnings(profile: PointsProfile, today: dt.date | None = None) -> list[Text]:
    """Warnings when a birthday that costs points is too close to the filing or decision date."""
    if profile.birth_date is None:
        return []
    threshold = points_table().threshold
    filing = profile.application_date
    at_filing = score(profile)
    warnings: list[Text] = []
    day_before = score(profile, filing - dt.timedelta(days=1))
    if day_before.total > at_filing.total:
        lost, earlier = day_before.total - at_filing.total, filing - dt.timedelta(days=1)
        crosses = day_before.total >= threshold > at_filing.total
        warnings.append(Text(
            f"filing on {filing}, the applicant's {_ordinal(at_filing.age or 0)} birthday, costs {lost} "
            f"points: filed on {earlier} the total would be {day_before.total}, not {at_filing.total}"
            + (f" (above the {threshold} threshold instead of below it)" if crosses else ""),
            f"申請日{filing}は申請人の{at_filing.age or 0}歳の誕生日で、{lost}点少なくなります。{earlier}に"
            f"申請すれば合計は{at_filing.total}点ではなく{day_before.total}点です"
            + (f"（{threshold}点を下回らずに済みます）" if crosses else "") + "。"))
    if today is not None and today < filing:
        for change in points_timeline(profile, today, filing - dt.timedelta(days=1)):
            if change.total_after < change.total_before:
                kept = change.total_before - change.total_after
                warnings.append(Text(
                    f"the {change.reason} on {change.date} comes before the planned filing date {filing}: "
                    f"filing before {change.date} keeps {kept} more points",
                    f"{change.date}の{change.reason.ja}は予定の申請日{filing}より前です。{change.date}より前に"
                    f"申請すれば{kept}点多く保てます。"))
    tomorrow = filing + dt.timedelta(days=1)
    if score(profile, tomorrow).total < at_filing.total:
        warnings.append(Text(
            f"the filing date {filing} is the day before a birthday that costs points; legally a year of age "
            "is completed at the end of the day before the birthday (年齢計算ニ関スル法律, 民法143条) — whether ISA "
            "counts that for 申請の時点 is UNVERIFIED: file at least a day earlier to be safe",
            f"申請日{filing}は点数が下がる誕生日の前日です。法律上、年齢は誕生日の前日の終了時に加わります"
            "（年齢計算ニ関スル法律、民法第143条）。出入国在留管理庁がこれを「申請の時点」の年齢に数えるかは"
            "未確認のため、念のため少なくとも１日早く申請してください。"))
    window_end = add_months(filing, DECISION_WINDOW_MONTHS[1])
    for change in points_timeline(profile, filing, window_end):
        if change.total_after >= change.total_before:
            continue
        after = score(profile, change.date)
        # The window is every day up to filing + 3 months: a birthday 10 days after filing is just as risky,
        # so the text must not say "1–3 months" as if the first month were safe.
        days = (change.date - filing).days
        loss = _loss_text(change.total_before, after, threshold)
        low, high = DECISION_WINDOW_MONTHS
        warnings.append(Text(
            f"the {change.reason} on {change.date} comes {days} day{'s' if days != 1 else ''} after filing, "
            f"possibly before the decision (decisions usually take {low}–{high} months): if age is counted on the "
            f"decision date, {loss}. The form counts age on the "
            "filing date (申請の時点), but the ordinance (平成26年法務省令第37号 Art. 1) refers to the time "
            "permission is granted (第一号許可等を受ける時点)",
            f"{change.date}の{change.reason.ja}は申請日の{days}日後で、処分日より前になる可能性があります"
            f"（審査には通常{low}～{high}か月かかります）。処分日の年齢で計算されると、{loss.ja}。"
            "ポイント計算表は申請の時点の年齢で計算しますが、省令（平成26年法務省令第37号第1条）は"
            "「第一号許可等を受ける時点」を基準としています。"))
    return warnings


def _try(profile: PointsProfile, base: PointsResult, item: PointsItem, description: Text,
         **changes: Any) -> Improvement | None:
    try:
        changed = profile.with_changes(**changes)
    except ValueError:
        return None
    result = score(changed)
    gain = result.total - base.total
    if gain <= 0 and not (result.eligible and not base.eligible):
        return None
    return Improvement(item, description, gain, result.total, result.eligible and not base.eligible)


def best_improvements(profile: PointsProfile) -> list[Improvement]:
    """The single changes that would raise the total, most valuable first."""
    base = score(profile)
    tbl = points_table()
    cat = tbl.category(profile.category)
    bonuses = list(profile.bonuses)
    found: list[Improvement | None] = []

    # A higher JLPT level: N1 (⑮-Ⅰ, 15) replaces N2; N2 (⑮-Ⅱ, 10) only without ⑭ and N1.
    if Bonus.JAPANESE_N1 not in bonuses:
        with_n1 = [b for b in bonuses if b is not Bonus.JAPANESE_N2] + [Bonus.JAPANESE_N1]
        found.append(_try(profile, base, PointsItem.JAPANESE_N1,
                          Text("pass JLPT N1 (or BJT 480+)", "日本語能力試験Ｎ１に合格（又はＢＪＴで480点以上）"),
                          bonuses=with_n1))
        if Bonus.JAPANESE_N2 not in bonuses:
            found.append(_try(profile, base, PointsItem.JAPANESE_N2,
                              Text("pass JLPT N2 (or BJT 400+)", "日本語能力試験Ｎ２に合格（又はＢＪＴで400点以上）"),
                              bonuses=[*bonuses, Bonus.JAPANESE_N2]))

    # The next salary band open at this age.
    bands = tbl.salary_bands(profile.category)
    open_bands = sorted(b.min_yen for b in bands
                        if b.below_age is None or (base.age is not None and base.age < b.below_age))
    higher = [m for m in open_bands if m > profile.annual_salary_yen]
    if higher:
        found.append(_try(profile, base, PointsItem.SALARY,
                          Text(f"annual salary of ¥{higher[0]:,} (the next band)",
                               f"年収{yen_ja(higher[0])}（次の区分）"),
                          annual_salary_yen=higher[0]))
    if not base.salary_floor_met:
        found.append(_try(profile, base, PointsItem.SALARY,
                          Text(f"annual salary of ¥{tbl.salary_floor_yen:,} (the minimum for category "
                               f"{profile.category.value})",
                               f"年収{yen_ja(tbl.salary_floor_yen)}（{CATEGORY_KANA[profile.category]}の年収の下限）"),
                          annual_salary_yen=tbl.salary_floor_yen))

    # The next experience band.
    mins = sorted(b.min_years for b in cat.experience)
    next_years = [m for m in mins if m > base.experience_years]
    if next_years:
        target = next_years[0]
        description = Text(f"{target:g} years of experience (the next band)", f"実務経験{target:g}年（次の区分）")
        reached = experience_crossing(profile, target, profile.application_date,
                                       add_years(profile.application_date, 20))
        if reached is not None:
            description = description.plus(Text(f", reached on {reached}", f"、{reached}に到達"), sep_en="")
        found.append(_try(profile, base, PointsItem.EXPERIENCE, description, experience_years=target))

    if cat.licenses is not None and profile.licenses < 2:
        found.append(_try(profile, base, PointsItem.LICENSES,
                          Text("one more Japanese national licence / IT exam",
                               "日本の国家資格又はIT告示の試験・資格をもう１つ取得"),
                          licenses=profile.licenses + 1))
    if cat.position is not None and profile.position != "representative":
        found.append(_try(profile, base, PointsItem.POSITION,
                          Text("a representative director position", "代表取締役等の代表権のある地位に就く"),
                          position="representative"))
    improvements = [i for i in found if i is not None]
    improvements.sort(key=lambda i: (not i.makes_eligible, -i.gain))
    return improvements


def what_if(profile: PointsProfile, **changes: Any) -> tuple[PointsResult, PointsResult]:
    """The result now and with ``changes`` applied (e.g. ``annual_salary_yen=8_000_000``).

    Invalid changes raise UserInputError naming the field, like a profile file would.
    """
    data = profile.model_dump(mode="json")
    data.update({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in changes.items()})
    return score(profile), score(parse_profile(data, source="what-if"))


def forecast(profile: PointsProfile, today: dt.date | None = None) -> Forecast:
    """Warnings about timing, the point changes over the next 5 years, and the best single changes."""
    return Forecast(warnings=birthday_warnings(profile, today), changes=points_timeline(profile),
                    improvements=best_improvements(profile))


__all__ = [
    "DECISION_WINDOW_MONTHS",
    "Forecast",
    "Improvement",
    "PointsChange",
    "add_months",
    "best_improvements",
    "birthday_warnings",
    "experience_crossing",
    "forecast",
    "points_timeline",
    "what_if",
]
