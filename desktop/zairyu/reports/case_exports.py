"""A stored case as its PDFs (checklist, points, packet, online set): the one place that adapts
``CaseView`` to the renderers.

The renderers take plain rows (``ChecklistRow``, ``PacketDocument``, ``PointsColumn``) so they can
be tested without a store; the CLI (``zairyu export``) and the desktop app call these functions.
Each renderer is imported by the export that uses it: a packet, which only merges files behind its
cover, does not load the checklist and points renderers, and a window that offers every export
loads none of them until one runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zairyu.domain.routes import (
    FRESHNESS_RULES,
    ISSUER_LABELS,
    ROUTE_SCHEMA_VERSION,
    RouteCatalog,
    RouteSpec,
    Submission,
)
from zairyu.errors import UserInputError
from zairyu.redaction import Redactor
from zairyu.reports.atomic import ExportControl
from zairyu.store.models import CaseDocument, CaseView

if TYPE_CHECKING:
    from zairyu.domain.points import PointsProfile
    from zairyu.reports.checklist_pdf import ChecklistHeader, ChecklistRow
    from zairyu.reports.online_set import OnlineSetResult
    from zairyu.reports.packet import PacketCover, PacketResult
    from zairyu.reports.sources import PacketDocument


def applicant_label(case: CaseView) -> str | None:
    name = case.applicant.name.strip()
    if not name:
        return None
    if case.family:
        return f"{name} (+{len(case.family)} family 家族)"
    return name


def _documents_in_checklist(case: CaseView) -> list[CaseDocument]:
    """Documents the route still lists, and the ones the user added; in the case's order."""
    return [d for d in case.documents if d.required or d.user_added]


def redactor_for_case(case: CaseView, *, redact: bool) -> Redactor:
    """My Numbers are masked in every export; with ``redact`` also the passport and residence-card
    numbers of the case's people (redaction.py)."""
    people = [case.applicant, *case.family]
    known = [n for person in people for n in (person.passport_number, person.residence_card_number) if n]
    return Redactor(known, identity_numbers=redact)


def checklist_for_case(case: CaseView, route: RouteSpec, *,
                       redact: bool = False) -> tuple[ChecklistHeader, list[ChecklistRow]]:
    from zairyu.reports.checklist_pdf import ChecklistHeader, ChecklistRow

    proc = route.procedure(case.procedure)
    mask = redactor_for_case(case, redact=redact)
    header = ChecklistHeader(route_en=route.name_en, route_ja=route.name_ja, procedure_en=proc.name_en,
                             procedure_ja=proc.name_ja, rules_date=route.rules_date,
                             rules_version=f"route data v{ROUTE_SCHEMA_VERSION}",
                             applicant=mask.optional(applicant_label(case)), title=mask(case.title) or None,
                             employer_category=case.employer_category, target_filing_date=case.target_filing_date)
    specs = {doc.code: doc for doc in route.documents}
    rows = []
    for doc in _documents_in_checklist(case):
        spec = specs.get(doc.code)
        issuer_en, issuer_ja = ISSUER_LABELS[spec.issuer] if spec else ("—", "")
        months = fresh_en = fresh_ja = None
        if spec is not None and spec.freshness is not None:
            months, fresh_en, fresh_ja, _source = FRESHNESS_RULES[spec.freshness]
        notes = " ".join(n for n in (doc.notes, spec.notes_en if spec else "") if n)
        files = len(doc.attachments)
        if files:
            notes = (notes + " " if notes else "") + f"[{files} file{'s' if files > 1 else ''} attached 添付済]"
        rows.append(ChecklistRow(
            code=doc.code, name_en=mask(doc.name_en), name_ja=mask(doc.name_ja), issuer_en=issuer_en,
            issuer_ja=issuer_ja,
            submit=spec.submit.value if spec else "original", copies=doc.copies,
            translation_required=spec.foreign_language if spec else False, translation=doc.translation,
            status=doc.status, issued=doc.issued, freshness_months=months, freshness_en=fresh_en,
            freshness_ja=fresh_ja, form_number=spec.form_number if spec else None, notes=mask(notes),
            unverified=bool(spec and spec.unverified),
        ))
    return header, rows


def packet_for_case(case: CaseView, route: RouteSpec, *,
                    redact: bool = False) -> tuple[PacketCover, list[PacketDocument]]:
    """The cover and the documents; the names on the cover (and in the bookmarks) masked as
    ``redactor_for_case`` says. The scans themselves are the documents the office needs: unchanged."""
    from zairyu.reports.packet import PacketCover
    from zairyu.reports.sources import PacketDocument, PacketFile

    proc = route.procedure(case.procedure)
    mask = redactor_for_case(case, redact=redact)
    cover = PacketCover(route_en=route.name_en, route_ja=route.name_ja, procedure_en=proc.name_en,
                        procedure_ja=proc.name_ja, applicant=mask.optional(applicant_label(case)),
                        title=mask(case.title) or None)
    documents = [PacketDocument(mask(d.name_en), mask(d.name_ja),
                                tuple(PacketFile(a.path, mask(a.original_name)) for a in d.attachments),
                                code=d.code)
                 for d in case.documents]
    return cover, documents


@dataclass(frozen=True)
class CasePoints:
    profile: PointsProfile
    history: list[PointsProfile]
    permanent_residence: bool


def points_for_case(case: CaseView) -> CasePoints:
    if case.points_profile is None:
        raise UserInputError(f"case {case.id}: has no points profile", kind="no_points_profile", field="case",
                             value=case.id)
    from zairyu.domain.points import parse_profile

    profile = parse_profile(case.points_profile)
    # Several saved versions can describe one filing date; the newest one of each date counts.
    by_date: dict[dt.date, PointsProfile] = {}
    for version in case.points_history:
        try:
            parsed = parse_profile(version.profile)
        except UserInputError:
            continue  # an old version the current rules reject does not stop the summary
        by_date[parsed.application_date] = parsed
    by_date[profile.application_date] = profile
    return CasePoints(profile, [by_date[d] for d in sorted(by_date)], case.route == "permanent-residence")


def export_checklist(case: CaseView, catalog: RouteCatalog, output: Path, *,
                     control: ExportControl | None = None, redact: bool = False) -> None:
    header, rows = checklist_for_case(case, catalog.get(case.route), redact=redact)
    from zairyu.reports.checklist_pdf import write_checklist_pdf

    write_checklist_pdf(header, rows, output, control=control)


def export_points(case: CaseView, output: Path, *, control: ExportControl | None = None) -> None:
    points = points_for_case(case)
    from zairyu.domain.points import score
    from zairyu.reports.points_pdf import write_for_profile

    write_for_profile(score(points.profile), points.profile, output, applicant=applicant_label(case),
                      permanent_residence=points.permanent_residence, history=points.history, control=control)


def export_packet(case: CaseView, catalog: RouteCatalog, output: Path, *, max_mb: float | None = None,
                  control: ExportControl | None = None, redact: bool = False) -> PacketResult:
    from zairyu.reports.packet import build_packet

    cover, documents = packet_for_case(case, catalog.get(case.route), redact=redact)
    return build_packet(cover, documents, output, max_mb=max_mb, control=control)


def export_online_set(case: CaseView, catalog: RouteCatalog, output_dir: Path, *, limit_bytes: int | None = None,
                      control: ExportControl | None = None) -> OnlineSetResult:
    """The case's documents as the online system's upload set: one PDF per document with files."""
    from zairyu.reports.online_set import build_online_set

    _cover, documents = packet_for_case(case, catalog.get(case.route))
    return build_online_set(documents, output_dir, limit_bytes=limit_bytes, control=control)


def documents_without_files(case: CaseView, catalog: RouteCatalog) -> list[CaseDocument]:
    """Required documents the packet will not contain (nothing attached, not marked not applicable).

    Documents that are only shown at the counter (passport, residence card on a change) are not
    missing from a packet: they are never handed in."""
    shown_only = {doc.code for doc in catalog.get(case.route).documents if doc.submit == Submission.SHOW}
    return [d for d in case.documents
            if d.required and not d.attachments and d.code not in shown_only
            and d.status not in ("not_applicable", "submitted")]
