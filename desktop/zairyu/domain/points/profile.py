"""The points profile: what an applicant claims (a JSON object; README).

Unknown keys are an error (a typo must not silently score zero), and so are impossible dates,
negative amounts and items that contradict each other. Every error names the field.
Items that merely do not apply to the chosen category are *not* errors: the engine ignores them
with a warning, because the same person may be checked against several categories.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from zairyu.domain.date_range import check_date_range
from zairyu.domain.dates import age_on
from zairyu.errors import UserInputError
from zairyu.user_files import read_json_file


class Category(StrEnum):
    A = "a"  # 高度専門職1号イ advanced academic research
    B = "b"  # 高度専門職1号ロ advanced specialised/technical
    C = "c"  # 高度専門職1号ハ advanced business management


# The categories as the form names them (高度専門職第１号イ／ロ／ハ), for the Japanese wordings.
CATEGORY_KANA: dict[Category, str] = {Category.A: "イ", Category.B: "ロ", Category.C: "ハ"}


class Education(StrEnum):
    DOCTORATE = "doctorate"
    MBA_MOT = "mba_mot"
    MASTER = "master"
    PROFESSIONAL = "professional"
    BACHELOR = "bachelor"
    NONE = "none"


# Degrees that count towards the multiple-degree +5: "複数の分野における２以上の博士若しくは修士の学位
# 又は専門職学位" (form row ①, 注2). A bachelor does not.
GRADUATE_DEGREES = frozenset({Education.DOCTORATE, Education.MBA_MOT, Education.MASTER, Education.PROFESSIONAL})


class Research(StrEnum):
    PATENT = "patent"  # ④
    GRANTS = "grants"  # ⑤
    PAPERS = "papers"  # ⑥
    OTHER = "other"  # ⑦


class Bonus(StrEnum):
    INNOVATION_SUPPORT = "innovation_support"  # ⑨
    INNOVATION_SUPPORT_SME = "innovation_support_sme"  # ⑩
    LOCAL_GOVERNMENT_SUPPORT = "local_government_support"  # ⑪
    SME_RD_OVER_3PCT = "sme_rd_over_3pct"  # ⑫
    FOREIGN_QUALIFICATION = "foreign_qualification"  # ⑬
    JAPANESE_UNIVERSITY = "japanese_university"  # ⑭
    JAPANESE_N1 = "japanese_n1"  # ⑮-Ⅰ
    JAPANESE_N2 = "japanese_n2"  # ⑮-Ⅱ
    GROWTH_FIELD_PROJECT = "growth_field_project"  # ⑯
    DESIGNATED_UNIVERSITY = "designated_university"  # ⑰
    JICA_TRAINING = "jica_training"  # ⑱
    JICA_TRAINING_JAPANESE_UNIVERSITY = "jica_training_japanese_university"  # ⑱ via Japanese university classes
    INVESTMENT_100M = "investment_100m"  # ⑲
    INVESTMENT_MANAGEMENT = "investment_management"  # ㉑


MAX_SALARY_YEN = 1_000_000_000_000


class PointsProfile(BaseModel):
    """One applicant's claims for one category on one filing date."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    category: Category
    application_date: dt.date
    birth_date: dt.date | None = None
    education: Education
    # strict: JSON true is not 1 year or ¥1, and "5000000" as text is a mistake worth reporting.
    multiple_degrees: bool = Field(default=False, strict=True)
    experience_years: float = Field(default=0, ge=0, le=80, strict=True)
    # ¥1 trillion is far above any salary and keeps the figure printable on the summary page.
    annual_salary_yen: int = Field(ge=0, le=MAX_SALARY_YEN, strict=True)
    research: list[Research] = Field(default_factory=list)
    position: Literal["representative", "director"] | None = None
    licenses: int = Field(default=0, ge=0, le=100, strict=True)
    bonuses: list[Bonus] = Field(default_factory=list)
    # Additive (later than the first profile format): the day the applicant's current, continuing experience in
    # the work began. Given it, the forecast moves the experience bands on its anniversaries
    work_start_date: dt.date | None = None
    # Whether the applicant holds Highly Skilled Professional status on this profile's date (None:
    # not said). Permanent residence: a holder hands in ISA's points result notice
    # (高度専門職ポイント計算結果通知書) instead of a points table as of an earlier date.
    holds_hsp_status: bool | None = Field(default=None, strict=True)

    @field_validator("research", "bonuses")
    @classmethod
    def _no_duplicates(cls, value: list[Any]) -> list[Any]:
        seen: set[Any] = set()
        for element in value:
            if element in seen:
                raise ValueError(f"'{element.value}' appears twice")
            seen.add(element)
        return value

    @field_validator("application_date", "birth_date", "work_start_date", mode="before")
    @classmethod
    def _iso_date_text(cls, value: Any) -> Any:
        # JSON has no date type; refuse numbers, which pydantic would read as Unix timestamps.
        if value is not None and not isinstance(value, (str, dt.date)):
            raise ValueError("must be a date written YYYY-MM-DD")
        return value

    @field_validator("application_date", "birth_date", "work_start_date")
    @classmethod
    def _plausible_date(cls, value: dt.date | None) -> dt.date | None:
        return value if value is None else check_date_range(value)

    @field_validator("experience_years", mode="before")
    @classmethod
    def _finite_number(cls, value: Any) -> Any:
        if isinstance(value, bool) or (isinstance(value, float) and value != value):  # NaN
            raise ValueError("must be a number of years")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> PointsProfile:
        if self.birth_date is None and self.category in (Category.A, Category.B):
            raise _FieldProblem("birth_date", f"required for category {self.category.value} (age points)",
                                f"{CATEGORY_KANA[self.category]}では年齢の加点があるため必要です")
        if self.birth_date is not None:
            if self.birth_date >= self.application_date:
                raise _FieldProblem("birth_date", "must be before application_date", "申請日より前の日付にしてください")
            age_years = (self.application_date - self.birth_date).days / 365.25
            if age_years > 130:
                raise _FieldProblem("birth_date", "is more than 130 years before application_date",
                                    "申請日の130年以上前になっています")
            if self.experience_years > age_years:
                raise _FieldProblem("experience_years", "is more than the applicant's age",
                                    "申請人の年齢を超えています")
        if self.multiple_degrees and self.education not in GRADUATE_DEGREES:
            raise _FieldProblem(
                "multiple_degrees",
                f"needs two doctor's/master's/professional degrees, but education is '{self.education.value}'",
                "２以上の博士・修士の学位又は専門職学位が必要ですが、最終学歴がこれに当たりません",
            )
        if Bonus.JICA_TRAINING in self.bonuses and Bonus.JICA_TRAINING_JAPANESE_UNIVERSITY in self.bonuses:
            raise _FieldProblem(
                "bonuses", "'jica_training' and 'jica_training_japanese_university' are the same item ⑱; give one",
                "⑱の２つの選択肢は同じ項目です。どちらか一方にしてください",
            )
        if self.work_start_date is not None and self.birth_date is not None \
                and self.work_start_date <= self.birth_date:
            raise _FieldProblem("work_start_date", "must be after birth_date", "生年月日より後の日付にしてください")
        if self.work_start_date is not None and self.work_start_date <= self.application_date:
            # The experience includes the current job, so it cannot be less than the whole years already
            # spent in it (a figure rounded down to whole years is fine: it never moves a band).
            in_job = age_on(self.work_start_date, self.application_date)
            if self.experience_years < in_job:
                raise _FieldProblem(
                    "experience_years",
                    f"{self.experience_years:g} is less than the {in_job} whole years since work_start_date "
                    f"{self.work_start_date} (the experience includes the current job)",
                    f"{self.experience_years:g}年は、現在の仕事の開始日{self.work_start_date}からの{in_job}年より"
                    "短くなっています（実務経験には現在の仕事を含みます）")
        return self

    def with_changes(self, **changes: Any) -> PointsProfile:
        """A validated copy with some fields replaced (used by the what-if analysis)."""
        data = self.model_dump()
        data.update(changes)
        return PointsProfile.model_validate(data)


class _FieldProblem(ValueError):
    """A cross-field problem that should be reported against one named field (worded in English and,
    for the window, in Japanese)."""

    def __init__(self, field: str, problem: str, problem_ja: str) -> None:
        self.field = field
        self.problem = problem
        self.problem_ja = problem_ja
        super().__init__(f"{field}: {problem}")


def _cross_field_problem(exc: ValidationError) -> _FieldProblem | None:
    error = (exc.errors()[0].get("ctx") or {}).get("error")
    return error if isinstance(error, _FieldProblem) else None


def _format_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    loc = [str(part) for part in first["loc"]]
    ctx = first.get("ctx") or {}
    error = ctx.get("error")
    if isinstance(error, _FieldProblem):
        return f"{error.field}: {error.problem}"
    field = loc[0] if loc else "(top level)"
    if len(loc) > 1:
        field += "".join(f"[{part}]" if part.isdigit() else f".{part}" for part in loc[1:])
    kind = first["type"]
    message = first["msg"]
    if kind == "extra_forbidden":
        return f"{field}: unknown key (not part of a points profile)"
    if kind == "missing":
        return f"{field}: required"
    if kind == "greater_than_equal":
        return f"{field}: must be ≥ {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"{field}: must be ≤ {ctx.get('le')}"
    if kind.startswith("date"):
        return f"{field}: not a valid date (YYYY-MM-DD): {first.get('input')!r}"
    if kind == "enum" or kind == "literal_error":
        return f"{field}: {message}"
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return f"{field}: {message}"


def parse_profile(data: object, *, source: str = "profile") -> PointsProfile:
    """Validate a decoded JSON object; errors are one line, ``source: field: problem``."""
    if not isinstance(data, dict):
        raise UserInputError(f"{source}: a points profile must be a JSON object")
    try:
        return PointsProfile.model_validate(data)
    except ValidationError as exc:
        problem = _format_error(exc)
        cross_field = _cross_field_problem(exc)
        # The field is the key the problem is about ("birth_date", "research[0]"), for the GUI to point at;
        # problem_ja, where known, is the problem in Japanese for the window.
        raise UserInputError(f"{source}: {problem}", field=problem.split(":", 1)[0],
                             problem_ja=cross_field.problem_ja if cross_field else None) from None


def load_profile(path: Path) -> PointsProfile:
    """Read a points profile JSON file; a missing file, bad JSON or bad field is a UserInputError."""
    data = read_json_file(path, "profile")
    return parse_profile(data, source=path.name)
