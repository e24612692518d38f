"""Keep a saved case's documents in step with the route data, without losing what the user entered.

The route files change (a new ISA list, a corrected name). For each case the checklist is
recomputed and compared with the stored documents by code:
- still listed: names and order follow the data; a document that had been dropped and comes back
  is required again;
- listed under a new code that names the old one in ``former_codes``: renamed in place, so its
  status, dates, notes and attachments follow;
- newly listed: added as ``needed`` (translation ``needed`` unless the document is never foreign);
- no longer listed: deleted only when the user never touched it; otherwise (attachments, a
  status, dates or notes) kept and marked not required;
- added by the user: never touched.
This module only plans; the store applies the plan in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zairyu.domain.routes import DocumentSpec, TranslationRule


@dataclass(frozen=True)
class StoredDocument:
    id: int
    code: str
    name_en: str
    name_ja: str
    position: int
    required: bool
    user_added: bool
    has_user_data: bool


@dataclass(frozen=True)
class Update:
    document_id: int
    code: str
    name_en: str
    name_ja: str
    position: int


@dataclass
class ReconcilePlan:
    insert: list[tuple[DocumentSpec, int]] = field(default_factory=list)  # (spec, position)
    update: list[Update] = field(default_factory=list)  # code/names/position changed or required again
    retire: list[int] = field(default_factory=list)  # kept, marked not required
    delete: list[int] = field(default_factory=list)  # untouched and no longer listed

    def __bool__(self) -> bool:
        return bool(self.insert or self.update or self.retire or self.delete)


def initial_translation(spec: DocumentSpec) -> str:
    # A document in a foreign language needs a Japanese translation (入管法施行規則 第62条). One that may
    # be in either language starts as needed until the user says it is in Japanese.
    return "not_needed" if spec.translation_rule is TranslationRule.NEVER else "needed"


def plan_reconciliation(stored: list[StoredDocument], expected: list[DocumentSpec]) -> ReconcilePlan:
    plan = ReconcilePlan()
    by_code = {doc.code: doc for doc in stored}
    claimed: set[int] = set()
    expected_codes = {spec.code for spec in expected}

    for position, spec in enumerate(expected):
        match = by_code.get(spec.code)
        if match is None:
            # A rename: the first former code still stored that is not itself listed any more.
            for former in spec.former_codes:
                candidate = by_code.get(former)
                if candidate is not None and former not in expected_codes and candidate.id not in claimed:
                    match = candidate
                    break
        if match is None:
            plan.insert.append((spec, position))
            continue
        claimed.add(match.id)
        if (match.code, match.name_en, match.name_ja, match.position, match.required, match.user_added) != (
                spec.code, spec.name_en, spec.name_ja, position, True, False):
            plan.update.append(Update(match.id, spec.code, spec.name_en, spec.name_ja, position))

    for doc in stored:
        if doc.id in claimed or doc.user_added:
            continue
        if doc.has_user_data:
            if doc.required:
                plan.retire.append(doc.id)
        else:
            plan.delete.append(doc.id)
    return plan
