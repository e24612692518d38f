"""The visa routes and their documents, as read from ``checklists/<route>.toml``.

The route files are the heart of the product: which documents each route needs, in English and
Japanese, who issues them, and under which conditions. They are data that a reader can check
against the official lists; these pydantic models only say what shape the data must have, and a
malformed file fails with the file, the key and what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.points_items import FORM_NUMBER, PointsItem
from zairyu.errors import DataFileError, UserInputError

ROUTE_SCHEMA_VERSION = 1


class RouteId(StrEnum):
    ENGINEER_SPECIALIST = "engineer-specialist"
    HSP_1A = "hsp-1a"
    HSP_1B = "hsp-1b"
    HSP_1C = "hsp-1c"
    HSP_2 = "hsp-2"
    J_SKIP = "j-skip"
    J_FIND = "j-find"
    PERMANENT_RESIDENCE = "permanent-residence"


class Procedure(StrEnum):
    COE = "coe"  # 在留資格認定証明書交付申請, from abroad
    CHANGE = "change"  # 在留資格変更許可申請
    EXTENSION = "extension"  # 在留期間更新許可申請
    APPLICATION = "application"  # 永住許可申請


class Submission(StrEnum):
    ORIGINAL = "original"
    COPY = "copy"
    SHOW = "show"  # shown at the counter (提示), not handed in


class Issuer(StrEnum):
    """Who produces a document. Labels in ISSUER_LABELS."""

    APPLICANT = "applicant"
    EMPLOYER = "employer"
    UNIVERSITY = "university"
    MUNICIPAL_OFFICE = "municipal_office"
    TAX_OFFICE = "tax_office"
    LEGAL_AFFAIRS_BUREAU = "legal_affairs_bureau"
    IMMIGRATION = "immigration"
    PASSPORT_AUTHORITY = "passport_authority"
    BANK = "bank"
    PENSION_AND_INSURANCE = "pension_and_insurance"
    EXAM_BODY = "exam_body"
    GOVERNMENT_BODY = "government_body"
    JICA = "jica"
    PHOTO_STUDIO = "photo_studio"
    GUARANTOR = "guarantor"
    FORMER_EMPLOYER = "former_employer"
    OTHER = "other"


ISSUER_LABELS: dict[Issuer, tuple[str, str]] = {
    Issuer.APPLICANT: ("Applicant", "申請人"),
    Issuer.EMPLOYER: ("Employer (accepting organisation)", "所属機関"),
    # Also vocational and language schools: the 専門士 title, a student's transcript (facts.md §5.1, §5.2).
    Issuer.UNIVERSITY: ("University or school", "大学・学校"),
    Issuer.MUNICIPAL_OFFICE: ("Municipal office", "市区町村役場"),
    Issuer.TAX_OFFICE: ("Tax office", "税務署"),
    Issuer.LEGAL_AFFAIRS_BUREAU: ("Legal Affairs Bureau", "法務局"),
    Issuer.IMMIGRATION: ("Immigration Services Agency", "出入国在留管理庁"),
    Issuer.PASSPORT_AUTHORITY: ("Passport authority of your country", "旅券発給国"),
    Issuer.BANK: ("Bank", "金融機関"),
    Issuer.PENSION_AND_INSURANCE: ("Pension / health-insurance office", "年金事務所・保険者"),
    Issuer.EXAM_BODY: ("Examining or awarding body", "試験・認定機関"),
    Issuer.GOVERNMENT_BODY: ("Government body", "行政機関"),
    Issuer.JICA: ("JICA", "独立行政法人国際協力機構"),
    Issuer.PHOTO_STUDIO: ("Photo (taken by you or a studio)", "写真"),
    Issuer.GUARANTOR: ("Guarantor", "身元保証人"),
    Issuer.FORMER_EMPLOYER: ("Former employer", "前所属機関"),
    Issuer.OTHER: ("Other", "その他"),
}


class FreshnessRule(StrEnum):
    """How recent a document must be on the day it is submitted."""

    JAPAN_CERTIFICATE_3_MONTHS = "japan_certificate_3_months"
    PHOTO_6_MONTHS = "photo_6_months"


# (months, English, Japanese, source)
FRESHNESS_RULES: dict[FreshnessRule, tuple[int, str, str, str]] = {
    FreshnessRule.JAPAN_CERTIFICATE_3_MONTHS: (
        3,
        "issued within 3 months before submission",
        "発行日から3か月以内",
        # 「日本で発行される証明書は全て，発行日から3か月以内のものを提出してください」 (ISA lists; facts.md §5.0)
        "https://www.moj.go.jp/isa/content/001409112.pdf",
    ),
    FreshnessRule.PHOTO_6_MONTHS: (
        6,
        "taken within 6 months before submission",
        "提出の日前6か月以内に撮影",
        # ISA 提出写真の規格 (facts.md §5.0)
        "https://www.moj.go.jp/isa/applications/status/photo_info_00002.html",
    ),
}

SourceTier = Literal["official", "official-copy", "law-mirror", "institutional", "secondary"]
DocumentCode = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]


class _Strict(BaseModel):
    # defer_build: pydantic builds the validator at the first validation, which a run served
    # from the rules cache (rules_cache.py) never needs.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Condition(_Strict):
    """When a document is required. Every given list must match; an omitted list always matches."""

    procedures: list[Procedure] | None = None
    employer_categories: list[Annotated[int, Field(ge=1, le=4)]] | None = None
    # Required when the profile claims ANY of these items (points evidence).
    points_items: list[PointsItem] | None = None
    # Permanent residence via points: the 70-point (3 years) or 80-point (1 year) basis.
    pr_basis: list[Literal[70, 80]] | None = None
    # A condition the app cannot check, shown to the user ("if you are a dispatched worker").
    note_en: str | None = None
    note_ja: str | None = None


class DocumentSpec(_Strict):
    code: DocumentCode
    name_en: str = Field(min_length=1)
    name_ja: str = Field(min_length=1)
    issuer: Issuer
    submit: Submission = Submission.ORIGINAL
    copies: int = Field(default=1, ge=0, le=10)
    # Usually written in a foreign language, so it needs a Japanese translation
    # (入管法施行規則 第62条; facts.md §5.0).
    foreign_language: bool = False
    freshness: FreshnessRule | None = None
    when: Condition = Field(default_factory=Condition)  # not Condition(): that would build the validator at import
    form_number: str | None = None  # the evidence row ①–㉑ of the points form
    notes_en: str = ""
    notes_ja: str = ""
    source: str = Field(min_length=8)
    source_tier: SourceTier
    # Set when facts.md (or our own research) could not confirm this entry; shown to the user.
    unverified: str | None = None
    # Codes this document had in earlier route data: the store carries a saved case's status,
    # dates and attachments over to the new code instead of treating it as removed + added.
    former_codes: list[DocumentCode] = Field(default_factory=list)


class ProcedureSpec(_Strict):
    id: Procedure
    name_en: str
    name_ja: str
    source: str = Field(min_length=8)
    notes_en: str = ""


class RouteSpec(_Strict):
    schema_version: Literal[1] = 1  # ROUTE_SCHEMA_VERSION
    id: RouteId
    name_en: str
    name_ja: str
    status_ja: str  # the residence status (在留資格) the route leads to
    summary_en: str
    rules_date: dt.date  # when this file was last checked against its sources
    uses_employer_category: bool = False
    uses_points: bool = False
    source: str = Field(min_length=8)
    procedures: list[ProcedureSpec] = Field(min_length=1)
    documents: list[DocumentSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> RouteSpec:
        seen: set[str] = set()
        for index, doc in enumerate(self.documents):
            if doc.code in seen:
                raise ValueError(f"documents[{index}].code: '{doc.code}' appears twice in the route")
            seen.add(doc.code)
        declared = {p.id for p in self.procedures}
        if len(declared) != len(self.procedures):
            raise ValueError("procedures: a procedure id appears twice")
        for index, doc in enumerate(self.documents):
            where = f"documents[{index}] (code={doc.code})"
            for proc in doc.when.procedures or []:
                if proc not in declared:
                    raise ValueError(
                        f"{where}.when.procedures: '{proc}' is not a procedure of "
                        f"this route ({', '.join(sorted(declared))})"
                    )
            # A condition the route cannot ask about would silently hide or always show a document.
            if doc.when.employer_categories is not None and not self.uses_employer_category:
                raise ValueError(f"{where}.when.employer_categories: the route does not use employer categories")
            if doc.when.points_items is not None and not self.uses_points:
                raise ValueError(f"{where}.when.points_items: the route does not use points")
            if doc.when.pr_basis is not None and Procedure.APPLICATION not in declared:
                raise ValueError(f"{where}.when.pr_basis: only a permanent-residence application has a basis")
            # The evidence row printed beside a document must be the row of the items it proves.
            if doc.form_number is not None:
                rows = {FORM_NUMBER[item] for item in doc.when.points_items or []}
                if doc.form_number not in rows:
                    raise ValueError(
                        f"{where}.form_number: '{doc.form_number}' is not the evidence row of its "
                        f"when.points_items ({', '.join(sorted(rows)) or 'none'})"
                    )
        return self

    def procedure(self, procedure: str) -> ProcedureSpec:
        for spec in self.procedures:
            if spec.id == procedure:
                return spec
        valid = ", ".join(p.id.value for p in self.procedures)
        raise UserInputError(f"procedure '{procedure}' is not available for route {self.id}; valid: {valid}")


def load_route_file(path: Path) -> RouteSpec:
    """Read and validate one route file; a malformed file raises DataFileError naming file and key."""
    route = load_toml_model(path, RouteSpec)
    if path.stem != route.id:
        raise DataFileError(str(path), "id", f"'{route.id}' does not match the file name '{path.stem}'")
    return route


class RouteCatalog:
    """All route files of a checklists folder, validated once."""

    def __init__(self, routes: dict[RouteId, RouteSpec]) -> None:
        self._routes = routes

    @classmethod
    def load(cls, directory: Path) -> RouteCatalog:
        routes: dict[RouteId, RouteSpec] = {}
        for route_id in RouteId:
            path = directory / f"{route_id.value}.toml"
            if not path.exists():
                raise DataFileError(str(path), "(file)", "the route file is missing")
            routes[route_id] = load_route_file(path)
        return cls(routes)

    def __iter__(self) -> Iterator[RouteSpec]:
        return iter(self._routes.values())

    def get(self, route_id: str) -> RouteSpec:
        try:
            return self._routes[RouteId(route_id)]
        except ValueError:
            valid = ", ".join(r.value for r in RouteId)
            raise UserInputError(f"unknown route '{route_id}'; valid: {valid}") from None
