"""Deadlines and milestones from a case's own data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from zairyu.domain.deadlines import (
    CaseDeadline,
    CaseDocument,
    CaseFacts,
    PrEligibility,
    Severity,
    case_deadlines,
)
from zairyu.domain.routes import FRESHNESS_RULES, FreshnessRule

D = dt.date
TODAY = D(2026, 1, 15)
CERT = FreshnessRule.JAPAN_CERTIFICATE_3_MONTHS
PHOTO = FreshnessRule.PHOTO_6_MONTHS


def by_subject(found: list[CaseDeadline]) -> dict[str | None, CaseDeadline]:
    return {d.subject: d for d in found}


def test_certificate_not_yet_issued_gets_a_window() -> None:
    facts = CaseFacts(target_filing_date=D(2026, 3, 31), documents=[
        CaseDocument(code="resident-tax", name_en="Resident tax certificate", freshness=CERT),
        CaseDocument(code="photo", name_en="Photo", freshness=PHOTO),
        CaseDocument(code="cv", name_en="CV")])  # no freshness rule: nothing to date
    found = by_subject(case_deadlines(facts, TODAY))
    assert set(found) == {"resident-tax", "photo"}
    cert = found["resident-tax"]
    assert (cert.rule, cert.opens, cert.due, cert.act_by) == ("document_freshness", D(2025, 12, 31),
                                                             D(2026, 3, 31), D(2026, 3, 31))
    assert "no earlier than 2025-12-31 and submit by 2026-03-31" in cert.title_en
    assert cert.source == FRESHNESS_RULES[CERT][3]
    photo = found["photo"]
    assert photo.opens == D(2025, 9, 30) and "take it no earlier than" in photo.title_en
    assert photo.source == FRESHNESS_RULES[PHOTO][3]


def test_certificate_issued_in_time_and_too_early() -> None:
    facts = CaseFacts(target_filing_date=D(2026, 3, 31), documents=[
        CaseDocument(code="fresh", name_en="Fresh", freshness=CERT, issued=D(2026, 1, 10)),
        CaseDocument(code="stale", name_en="Stale", freshness=CERT, issued=D(2025, 12, 1)),
        CaseDocument(code="edge", name_en="Edge", freshness=CERT, issued=D(2025, 12, 31))])
    found = by_subject(case_deadlines(facts, TODAY))
    assert (found["fresh"].due, found["fresh"].act_by) == (D(2026, 4, 10), D(2026, 4, 10))
    assert found["edge"].due == D(2026, 3, 31)  # the last day it can still be used
    stale = found["stale"]
    assert (stale.due, stale.opens) == (D(2026, 3, 31), D(2025, 12, 31))
    assert "too old" in stale.title_en
    assert any("only until 2026-03-01" in note for note in stale.notes)


def test_certificate_without_target_date_runs_to_its_own_end_on_an_open_day() -> None:
    facts = CaseFacts(documents=[CaseDocument(code="c", name_en="C", freshness=CERT, issued=D(2025, 10, 3))])
    [found] = case_deadlines(facts, TODAY)
    assert found.due == D(2026, 1, 3)  # inside the year-end closure: submit on the last open day
    assert found.act_by == D(2025, 12, 26)
    assert any("year-end closure" in note for note in found.notes)
    assert not any("Art. 2" in note for note in found.notes)  # freshness is not a legal period


def test_expiries_and_the_extension_window() -> None:
    facts = CaseFacts(target_filing_date=D(2026, 6, 1), passport_expires=D(2026, 5, 31),
                      residence_card_expires=D(2026, 5, 6), stay_expires=D(2026, 5, 6))
    found = {d.rule: d for d in case_deadlines(facts, TODAY)}
    passport = found["passport_expiry"]
    assert (passport.due, passport.act_by) == (D(2026, 5, 31), D(2026, 5, 31))  # renewed abroad: no JP calendar
    assert any("before the target filing date" in note for note in passport.notes)
    card = found["residence_card_expiry"]
    assert (card.due, card.act_by) == (D(2026, 5, 6), D(2026, 5, 1))
    extension = found["extension_application"]
    assert (extension.opens, extension.due, extension.act_by) == (D(2026, 2, 6), D(2026, 5, 6), D(2026, 5, 1))
    assert any("target filing date 2026-06-01 is after" in note for note in extension.notes)
    assert "16-3" in extension.source


def test_j_find_two_year_limit() -> None:
    [found] = case_deadlines(CaseFacts(j_find_start=D(2025, 6, 1)), TODAY)
    assert (found.rule, found.due, found.act_by, found.kind) == ("j_find_limit", D(2027, 6, 1), D(2027, 6, 1),
                                                                 "deadline")
    assert "mofa.go.jp" in found.source
    [leap] = case_deadlines(CaseFacts(j_find_start=D(2024, 2, 29)), TODAY)
    assert (leap.due, leap.act_by) == (D(2026, 2, 28), D(2026, 2, 27))  # 28 Feb 2026 is a Saturday


def test_hsp2_eligibility_milestones() -> None:
    found = {d.rule: d for d in case_deadlines(CaseFacts(hsp1_start=D(2023, 4, 1), j_skip_start=D(2025, 5, 10)),
                                               TODAY)}
    hsp = found["hsp2_eligibility"]
    assert (hsp.kind, hsp.due, hsp.severity) == ("milestone", D(2026, 4, 2), Severity.INFO)
    assert found["hsp2_eligibility_j_skip"].due == D(2026, 5, 11)


def test_permanent_residence_dates_from_the_points_history() -> None:
    facts = CaseFacts(pr_eligibility=[
        PrEligibility(route="80", earliest=D(2026, 9, 1)),
        PrEligibility(route="70-points", earliest=D(2027, 4, 1), source="custom source text")])
    found = by_subject(case_deadlines(facts, TODAY))
    assert found["80"].due == D(2026, 9, 1)
    assert found["80"].kind == "milestone" and found["80"].severity is Severity.INFO
    assert found["80"].title_en.endswith("(80 points, 1 year)")
    assert "永住許可に関するガイドライン" in found["80"].source
    assert found["70-points"].source == "custom source text"


@pytest.mark.parametrize(("expires", "severity"), [
    (D(2026, 1, 14), Severity.OVERDUE),
    (D(2026, 1, 15), Severity.URGENT),
    (D(2026, 1, 29), Severity.URGENT),
    (D(2026, 1, 30), Severity.SOON),
    (D(2026, 3, 16), Severity.SOON),
    (D(2026, 3, 17), Severity.LATER),
])
def test_severity_by_nearness(expires: dt.date, severity: Severity) -> None:
    [found] = case_deadlines(CaseFacts(passport_expires=expires), TODAY)
    assert found.severity is severity


def test_severity_counts_from_the_safe_day() -> None:
    # Due Sunday 25 Jan, but the safe day is Friday 23 Jan: 8 days away, urgent.
    [found] = case_deadlines(CaseFacts(residence_card_expires=D(2026, 1, 25)), TODAY)
    assert found.act_by == D(2026, 1, 23) and found.severity is Severity.URGENT


def test_sorted_and_stable_uids_per_case() -> None:
    facts = CaseFacts(case_id="a", passport_expires=D(2027, 1, 1), stay_expires=D(2026, 7, 15),
                      j_find_start=D(2025, 6, 1))
    found = case_deadlines(facts, TODAY)
    assert [d.act_by for d in found] == sorted(d.act_by for d in found)
    again = case_deadlines(dataclasses.replace(facts, passport_expires=D(2028, 1, 1)), TODAY)
    # The passport was renewed: same UID, new date, so the calendar event moves.
    assert {d.rule: d.uid for d in found} == {d.rule: d.uid for d in again}
    other_case = case_deadlines(dataclasses.replace(facts, case_id="b"), TODAY)
    assert not {d.uid for d in found} & {d.uid for d in other_case}


def test_empty_case_and_unknown_fields() -> None:
    assert case_deadlines(CaseFacts(), TODAY) == []
    misspelt: dict[str, Any] = {"passport_expiry": D(2027, 1, 1)}
    with pytest.raises(TypeError, match="passport_expiry"):
        CaseFacts(**misspelt)


def test_json_names_rule_source_and_severity() -> None:
    [found] = case_deadlines(CaseFacts(passport_expires=D(2026, 2, 1)), TODAY)
    data = found.to_json()
    assert data["rule"] == "passport_expiry" and data["severity"] == "soon" and data["source"]


def test_an_applicants_name_longer_than_an_events_person_does_not_stop_the_extension_window() -> None:
    """The store takes a name of any length; the case's own period of stay names no person."""
    facts = CaseFacts(person="長い名前" * 30, stay_expires=D(2026, 5, 6))
    found = {d.rule: d for d in case_deadlines(facts, TODAY)}
    assert found["extension_application"].due == D(2026, 5, 6)
