"""The visa routes and their documents, as read from ``checklists/<route>.toml``.

The route files are the heart of the product: which documents each route needs, in English and
Japanese, who issues them, and under which conditions. They are data that a reader can check
against the official lists; these classes only say what shape the data must have, and a malformed
file fails with the file, the key and what is wrong.

They are plain frozen dataclasses that pydantic validates (``data_files.load_toml_model``: types,
allowed values, unknown keys) when a file is read for the first time, with the ranges and lengths
and the checks across fields in ``__post_init__``, which pydantic runs after the types. A run
served from the rules cache then imports neither pydantic nor its constraint types, which together
cost more than the rest of ``zairyu checklist``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal

from zairyu.domain.data_files import load_toml_model
from zairyu.domain.nationality import COUNTRIES
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
    # Family routes: a dependant's case is linked to the case of the principal it depends on.
    DEPENDENT = "dependent"
    HSP_SPOUSE_WORK = "hsp-spouse-work"
    HSP_PARENT = "hsp-parent"
    HSP_DOMESTIC_WORKER = "hsp-domestic-worker"
    J_FIND_FAMILY = "j-find-family"


class Procedure(StrEnum):
    COE = "coe"  # 在留資格認定証明書交付申請, from abroad
    CHANGE = "change"  # 在留資格変更許可申請
    EXTENSION = "extension"  # 在留期間更新許可申請
    APPLICATION = "application"  # 永住許可申請
    ACQUISITION = "acquisition"  # 在留資格取得許可申請 (入管法 第22条の2): a child born in Japan


class Submission(StrEnum):
    ORIGINAL = "original"
    COPY = "copy"
    SHOW = "show"  # shown at the counter (提示), not handed in


class TranslationRule(StrEnum):
    """Whether a document needs a Japanese translation. 入管法施行規則 第62条: every document
    written in a foreign language comes with a translation."""

    ALWAYS = "always"  # written abroad or by the applicant in another language (a foreign diploma, a CV)
    IF_NOT_JAPANESE = "if_not_japanese"  # often either (an employer's contract): the user says which
    NEVER = "never"  # issued in Japanese (a Japanese certificate, the ISA form)


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
    # Also vocational and language schools: the 専門士 title, a student's transcript.
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
        # 「日本で発行される証明書は全て，発行日から3か月以内のものを提出してください」 (the ISA document lists)
        "https://www.moj.go.jp/isa/content/001409112.pdf",
    ),
    FreshnessRule.PHOTO_6_MONTHS: (
        6,
        "taken within 6 months before submission",
        "提出の日前6か月以内に撮影",
        # ISA 提出写真の規格
        "https://www.moj.go.jp/isa/applications/status/photo_info_00002.html",
    ),
}

SourceTier = Literal["official", "official-copy", "law-mirror", "institutional", "secondary"]
_DOCUMENT_CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
# Unknown keys are an error (a misspelt key would otherwise be silently ignored).
_STRICT = {"extra": "forbid"}


def check(ok: object, key: str, problem: str) -> None:
    """A rule of the data beyond its types; pydantic reports the ValueError as "KEY: problem" at the
    object's place in the file (``documents[3] (code=photo).copies``)."""
    if not ok:
        raise ValueError(f"{key}: {problem}")


def check_source(key: str, source: str) -> None:
    check(len(source) >= 8, key, "must be the URL or citation of the source")


def _check_code(key: str, code: str) -> None:
    check(_DOCUMENT_CODE.fullmatch(code), key, f"'{code}' is not a document code (lowercase letters, digits "
          "and hyphens, at most 64)")


@dataclass(frozen=True, kw_only=True)
class Condition:
    """When a document is required. Every given list must match; an omitted list always matches."""

    __pydantic_config__ = _STRICT

    procedures: list[Procedure] | None = None
    employer_categories: list[int] | None = None  # 1-4
    # Required when the profile claims ANY of these items (points evidence).
    points_items: list[PointsItem] | None = None
    # Permanent residence via points: the 70-point (3 years) or 80-point (1 year) basis.
    pr_basis: list[Literal[70, 80]] | None = None
    # Family routes: required only when the principal's case is on one of these routes.
    principal_routes: list[RouteId] | None = None
    # Family routes: required only when the principal is still abroad (their case is a COE: the
    # family files together with them) or only when the principal already lives in Japan.
    principal_abroad: bool | None = None
    # Whether the applicant holds Highly Skilled Professional status now (permanent residence:
    # holders hand in ISA's points result notice instead of a table as of an earlier date).
    hsp_holder: bool | None = None
    # The applicant's nationality (ISO 3166-1 alpha-3). ``nationality_from`` gives, per code, the
    # first filing date on which the rule applies to that nationality (rules phased in by country).
    nationalities: list[str] | None = None  # ISO 3166-1 alpha-3, checked against COUNTRIES
    nationality_from: dict[str, dt.date] | None = None
    # The target filing date: the rule applies to applications filed on or after ``filed_from``
    # and before ``filed_before`` (rules with an effective date).
    filed_from: dt.date | None = None
    filed_before: dt.date | None = None
    # A condition the app cannot check, shown to the user ("if you are a dispatched worker").
    note_en: str | None = None
    note_ja: str | None = None

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        for index, category in enumerate(self.employer_categories or []):
            check(1 <= category <= 4, f"employer_categories[{index}]", f"{category} is not a category (1-4)")
        for index, code in enumerate(self.nationalities or []):
            check(code in COUNTRIES, f"nationalities[{index}]",
                  f"'{code}' is not a country the app knows (zairyu/domain/nationality.py)")
        extra = set(self.nationality_from or {}) - set(self.nationalities or [])
        check(not extra, "nationality_from", f"{', '.join(sorted(extra))} is not in nationalities")
        check(not (self.filed_from and self.filed_before and self.filed_from >= self.filed_before),
              "filed_before", "must be after filed_from")


@dataclass(frozen=True, kw_only=True)
class DocumentSpec:
    __pydantic_config__ = _STRICT

    code: str
    name_en: str
    name_ja: str
    issuer: Issuer
    submit: Submission = Submission.ORIGINAL
    copies: int = 1  # 0-10
    # Every document states its rule; there is no default, so none is forgotten.
    translation_rule: TranslationRule
    freshness: FreshnessRule | None = None
    when: Condition = field(default_factory=Condition)
    form_number: str | None = None  # the evidence row ①–㉑ of the points form
    notes_en: str = ""
    notes_ja: str = ""
    source: str
    source_tier: SourceTier
    # Set when no official source confirmed this entry (the reason); shown to the user.
    unverified: str | None = None
    # A document the principal supplies for the family (their employment certificate, tax
    # certificates, residence-card copy): a household holds it once, and it counts in every case
    # of the household that lists it, the principal's included.
    shared_with_principal: bool = False
    # Codes this document had in earlier route data: the store carries a saved case's status,
    # dates and attachments over to the new code instead of treating it as removed + added.
    former_codes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        _check_code("code", self.code)
        check(self.name_en, "name_en", "must not be empty")
        check(self.name_ja, "name_ja", "must not be empty")
        check(0 <= self.copies <= 10, "copies", f"{self.copies} is not between 0 and 10")
        check_source("source", self.source)
        for index, former in enumerate(self.former_codes):
            _check_code(f"former_codes[{index}]", former)

    @property
    def foreign_language(self) -> bool:
        """True when a translation is always needed (``translation_rule = "always"``)."""
        return self.translation_rule is TranslationRule.ALWAYS


@dataclass(frozen=True, kw_only=True)
class ProcedureSpec:
    __pydantic_config__ = _STRICT

    id: Procedure
    name_en: str
    name_ja: str
    source: str
    notes_en: str = ""

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        check_source("source", self.source)


@dataclass(frozen=True, kw_only=True)
class RouteSpec:
    __pydantic_config__ = _STRICT

    schema_version: Literal[1] = 1  # ROUTE_SCHEMA_VERSION
    id: RouteId
    name_en: str
    name_ja: str
    status_ja: str  # the residence status (在留資格) the route leads to
    summary_en: str
    rules_date: dt.date  # when this file was last checked against its sources
    uses_employer_category: bool = False
    uses_points: bool = False
    # A family route: the routes of the principal a case on this route can be linked to.
    principal_routes: list[RouteId] | None = None
    source: str
    procedures: list[ProcedureSpec]
    documents: list[DocumentSpec]

    def __post_init__(self) -> None:  # pydantic runs it after validating the fields
        check_source("source", self.source)
        check(self.procedures, "procedures", "at least one procedure is needed")
        check(self.documents, "documents", "at least one document is needed")
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
            if not self.principal_routes and (doc.shared_with_principal or doc.when.principal_routes is not None
                                              or doc.when.principal_abroad is not None):
                raise ValueError(f"{where}: only a family route (with principal_routes) has a principal")
            outside = set(doc.when.principal_routes or []) - set(self.principal_routes or [])
            if outside:
                raise ValueError(f"{where}.when.principal_routes: {', '.join(sorted(outside))} is not one of "
                                 "the route's principal_routes")
            if doc.when.pr_basis is not None and Procedure.APPLICATION not in declared:
                raise ValueError(f"{where}.when.pr_basis: only a permanent-residence application has a basis")
            if doc.when.hsp_holder is not None and Procedure.APPLICATION not in declared:
                raise ValueError(f"{where}.when.hsp_holder: only a permanent-residence application asks it")
            # The evidence row printed beside a document must be the row of the items it proves.
            if doc.form_number is not None:
                rows = {FORM_NUMBER[item] for item in doc.when.points_items or []}
                if doc.form_number not in rows:
                    raise ValueError(
                        f"{where}.form_number: '{doc.form_number}' is not the evidence row of its "
                        f"when.points_items ({', '.join(sorted(rows)) or 'none'})"
                    )

    def procedure(self, procedure: str) -> ProcedureSpec:
        for spec in self.procedures:
            if spec.id == procedure:
                return spec
        valid = ", ".join(p.id.value for p in self.procedures)
        raise UserInputError(f"procedure '{procedure}' is not available for route {self.id}; valid: {valid}")

    @property
    def is_family_route(self) -> bool:
        return bool(self.principal_routes)


def principal_route_for(route: RouteSpec, principal_route: str) -> RouteId:
    """The principal's route when ``route`` may depend on it; UserInputError saying why not."""
    allowed = route.principal_routes or []
    if principal_route not in {r.value for r in allowed}:
        if not allowed:
            raise UserInputError(f"route {route.id.value} is not a family route: it has no principal",
                                 kind="not_family_route", field="principal", value=principal_route)
        raise UserInputError(
            f"principal: a case on route {principal_route} cannot support one on route {route.id.value} "
            f"({route.status_ja}); the principal must be on {', '.join(r.value for r in allowed)}",
            kind="principal_route", field="principal", value=principal_route)
    return RouteId(principal_route)


def load_route_file(path: Path) -> RouteSpec:
    """Read and validate one route file; a malformed file raises DataFileError naming file and key."""
    route = load_toml_model(path, RouteSpec)
    if path.stem != route.id:
        raise DataFileError(str(path), "id", f"'{route.id}' does not match the file name '{path.stem}'")
    return route


def route_id_of(text: str) -> RouteId:
    """The route ``text`` names; UserInputError listing the valid ids."""
    try:
        return RouteId(text)
    except ValueError:
        valid = ", ".join(r.value for r in RouteId)
        raise UserInputError(f"unknown route '{text}'; valid: {valid}") from None


def load_route(directory: Path, route_id: RouteId) -> RouteSpec:
    """The route file of ``route_id`` in a checklists folder, validated."""
    path = directory / f"{route_id.value}.toml"
    if not path.exists():
        raise DataFileError(str(path), "(file)", "the route file is missing")
    return load_route_file(path)


class RouteCatalog:
    """All route files of a checklists folder, validated once."""

    def __init__(self, routes: dict[RouteId, RouteSpec]) -> None:
        self._routes = routes

    @classmethod
    def load(cls, directory: Path) -> RouteCatalog:
        return cls({route_id: load_route(directory, route_id) for route_id in RouteId})

    def __iter__(self) -> Iterator[RouteSpec]:
        return iter(self._routes.values())

    def get(self, route_id: str) -> RouteSpec:
        return self._routes[route_id_of(route_id)]
