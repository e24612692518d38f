"""The point values of the ISA form, read from ``checklists/points-table.toml``.

The numbers are data (a reader can check them against the form, row by row); the labels of each
row are here because they are the form's own wording and never change with the values.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.points.profile import Bonus, Category, Education
from zairyu.domain.points_items import PointsItem
from zairyu.errors import DataFileError
from zairyu.paths import checklists_dir

TABLE_FILE = "points-table.toml"


class _Strict(BaseModel):
    # defer_build: pydantic builds the validator at the first validation, which a run served
    # from the rules cache (rules_cache.py) never needs.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ExperienceBand(_Strict):
    min_years: float = Field(gt=0)
    points: int = Field(gt=0)


class AgeBand(_Strict):
    below: int = Field(gt=0)
    points: int = Field(gt=0)


class SalaryBand(_Strict):
    min_yen: int = Field(gt=0)
    points: int = Field(gt=0)
    below_age: int | None = None  # the row counts only for an age below this


class ResearchPoints(_Strict):
    one: int
    two_or_more: int


class LicensePoints(_Strict):
    one: int
    two_or_more: int


class PositionPoints(_Strict):
    representative: int
    director: int


class CategoryTable(_Strict):
    name_en: str
    name_ja: str
    sheet: str
    education: dict[Education, int]
    multiple_degrees: int
    experience: list[ExperienceBand]
    age: list[AgeBand]
    salary_table: Literal["age_coupled", "flat"]
    salary: list[SalaryBand] = Field(default_factory=list)
    research: ResearchPoints | None = None
    licenses: LicensePoints | None = None
    position: PositionPoints | None = None
    bonuses: dict[Bonus, int]


class PointsTable(_Strict):
    schema_version: Literal[1]
    form_date: dt.date
    form_title_ja: str
    source: str = Field(min_length=8)
    source_url: str
    threshold: int
    salary_floor_yen: int
    salary_floor_categories: list[Category]
    categories: dict[Category, CategoryTable]
    age_coupled_salary: list[SalaryBand]

    def category(self, category: Category) -> CategoryTable:
        return self.categories[category]

    def salary_bands(self, category: Category) -> list[SalaryBand]:
        table = self.categories[category]
        return self.age_coupled_salary if table.salary_table == "age_coupled" else table.salary


def load_points_table(path: Path) -> PointsTable:
    table = load_toml_model(path, PointsTable)
    for category in Category:
        if category not in table.categories:
            raise DataFileError(str(path), f"categories.{category.value}", "missing")
        missing = set(Education) - set(table.categories[category].education)
        if missing:
            raise DataFileError(str(path), f"categories.{category.value}.education",
                                f"missing {', '.join(sorted(m.value for m in missing))}")
    return table


@cache
def points_table() -> PointsTable:
    """The packaged table, loaded once per process."""
    return load_points_table(checklists_dir() / TABLE_FILE)


# The form's wording of each row (English after the ISA English points leaflet, 001398892.pdf).
LABELS: dict[PointsItem, tuple[str, str]] = {
    PointsItem.EDUCATION: ("Academic background", "学歴"),
    PointsItem.MULTIPLE_DEGREES: ("Degrees in two or more fields (doctor/master/professional)",
                                  "複数の分野における２以上の博士若しくは修士の学位又は専門職学位"),
    PointsItem.EXPERIENCE: ("Professional career (practical experience)", "職歴（実務経験）"),
    PointsItem.SALARY: ("Annual salary", "年収"),
    PointsItem.AGE: ("Age on the filing date", "年齢（申請の時点）"),
    PointsItem.RESEARCH_PATENT: ("Research: patented invention as inventor", "研究実績：発明者として特許を受けた発明"),
    PointsItem.RESEARCH_GRANTS: ("Research: 3+ projects funded by a foreign government grant",
                                 "研究実績：外国政府から補助金等を受けた研究に３回以上従事"),
    PointsItem.RESEARCH_PAPERS: ("Research: 3+ papers in database-listed journals (first/corresponding author)",
                                 "研究実績：学術論文データベース登載誌の論文３本以上（責任著者又は筆頭著者）"),
    PointsItem.RESEARCH_OTHER: ("Research: other achievements recognised by the Minister of Justice",
                                "研究実績：その他法務大臣が認める研究実績"),
    PointsItem.LICENSES: ("Japanese national licence / IT-notice qualification", "資格（日本の国家資格・IT告示）"),
    PointsItem.INNOVATION_SUPPORT: ("Organisation receives innovation-promotion support",
                                    "イノベーション促進支援措置を受けている"),
    PointsItem.INNOVATION_SUPPORT_SME: ("…and it is a small or medium-sized enterprise",
                                        "Ⅰに該当する企業であって中小企業者"),
    PointsItem.LOCAL_GOVERNMENT_SUPPORT: ("Organisation receives local-government support recognised by MoJ",
                                          "地方公共団体の支援として法務大臣が認めるものを受けている"),
    PointsItem.SME_RD_OVER_3PCT: ("SME spending over 3% of sales on R&D", "中小企業者で試験研究費等が売上高の３％超"),
    PointsItem.FOREIGN_QUALIFICATION: ("Work-related foreign qualification or award",
                                       "業務に関連する外国の資格，表彰等"),
    PointsItem.JAPANESE_UNIVERSITY: ("Graduated from a Japanese university / graduate school",
                                     "日本の大学を卒業又は大学院の課程を修了"),
    PointsItem.JAPANESE_N1: ("Japanese: JLPT N1 or equivalent, or a Japanese major abroad",
                             "日本語専攻で外国の大学を卒業又は日本語能力試験Ｎ１合格相当"),
    PointsItem.JAPANESE_N2: ("Japanese: JLPT N2 or equivalent", "日本語能力試験Ｎ２合格相当"),
    PointsItem.GROWTH_FIELD_PROJECT: ("Advanced project in a growth field (ministry-supported)",
                                      "各省が関与する成長分野の先端プロジェクトに従事"),
    PointsItem.DESIGNATED_UNIVERSITY: ("Graduated from a designated university", "以下のいずれかの大学を卒業"),
    PointsItem.JICA_TRAINING: ("Completed JICA Innovative Asia training", "ＪＩＣＡが実施する研修を修了"),
    PointsItem.JICA_TRAINING_JAPANESE_UNIVERSITY: (
        "Completed JICA Innovative Asia training (through Japanese university classes)",
        "ＪＩＣＡが実施する研修を修了（本邦の大学の授業を利用）"),
    PointsItem.INVESTMENT_100M: ("Invested ¥100 million or more in the business in Japan",
                                 "本邦の事業に１億円以上を投資"),
    PointsItem.POSITION: ("Position (representative director / director)", "地位"),
    PointsItem.INVESTMENT_MANAGEMENT: ("Engaged in investment-management business", "投資運用業等に係る業務に従事"),
}
