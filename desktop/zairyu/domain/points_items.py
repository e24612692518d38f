"""The points items a profile can claim, each with the number of its evidence row.

These codes link three things: the points engine (which items a profile actually scores),
the route files in ``checklists/`` (an evidence document lists the items it proves in
``when.points_items``) and the PDFs (which print the form number beside each item).

Source: ISA 高度専門職ポイント計算表 (令和5年4月1日以降, 930001673.xls), sheet 疎明資料（基本例）,
rows ①–㉑ (the form is the source).
"""

from __future__ import annotations

from enum import StrEnum


class PointsItem(StrEnum):
    EDUCATION = "education"  # ① 学歴
    MULTIPLE_DEGREES = "multiple_degrees"  # ① 複数分野の学位 (+5)
    EXPERIENCE = "experience"  # ② 職歴
    SALARY = "salary"  # ③ 年収
    AGE = "age"  # 年齢 (proved by the passport; no row of its own)
    RESEARCH_PATENT = "research_patent"  # ④
    RESEARCH_GRANTS = "research_grants"  # ⑤
    RESEARCH_PAPERS = "research_papers"  # ⑥
    RESEARCH_OTHER = "research_other"  # ⑦
    LICENSES = "licenses"  # ⑧ 資格
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
    POSITION = "position"  # ⑳ 地位
    INVESTMENT_MANAGEMENT = "investment_management"  # ㉑


# The evidence row (疎明資料) number printed on the official form for each item.
FORM_NUMBER: dict[PointsItem, str] = {
    PointsItem.EDUCATION: "①",
    PointsItem.MULTIPLE_DEGREES: "①",
    PointsItem.EXPERIENCE: "②",
    PointsItem.SALARY: "③",
    PointsItem.AGE: "",
    PointsItem.RESEARCH_PATENT: "④",
    PointsItem.RESEARCH_GRANTS: "⑤",
    PointsItem.RESEARCH_PAPERS: "⑥",
    PointsItem.RESEARCH_OTHER: "⑦",
    PointsItem.LICENSES: "⑧",
    PointsItem.INNOVATION_SUPPORT: "⑨",
    PointsItem.INNOVATION_SUPPORT_SME: "⑩",
    PointsItem.LOCAL_GOVERNMENT_SUPPORT: "⑪",
    PointsItem.SME_RD_OVER_3PCT: "⑫",
    PointsItem.FOREIGN_QUALIFICATION: "⑬",
    PointsItem.JAPANESE_UNIVERSITY: "⑭",
    PointsItem.JAPANESE_N1: "⑮",
    PointsItem.JAPANESE_N2: "⑮",
    PointsItem.GROWTH_FIELD_PROJECT: "⑯",
    PointsItem.DESIGNATED_UNIVERSITY: "⑰",
    PointsItem.JICA_TRAINING: "⑱",
    PointsItem.JICA_TRAINING_JAPANESE_UNIVERSITY: "⑱",
    PointsItem.INVESTMENT_100M: "⑲",
    PointsItem.POSITION: "⑳",
    PointsItem.INVESTMENT_MANAGEMENT: "㉑",
}
