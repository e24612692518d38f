"""Every deadline's title and notes — the rules' own notes, the closed-day advice, the re-entry cap,
the documents' freshness and the status and permanent-residence milestones — are worded in
Japanese as well as in English, and the English (what the CLI, JSON and calendars print) is kept."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from wording_check import foreign_words, is_japanese
from zairyu.domain.deadlines import (
    CaseDeadline,
    CaseDocument,
    CaseFacts,
    Deadline,
    EventType,
    PrEligibility,
    case_deadlines,
    compute_deadlines,
    default_rules,
    load_rules,
    parse_events,
)
from zairyu.domain.deadlines.rules import RULES_FILE, EventRule
from zairyu.domain.routes import FreshnessRule
from zairyu.domain.wording import Text
from zairyu.errors import DataFileError
from zairyu.paths import checklists_dir

D = dt.date
TODAY = D(2026, 1, 15)


def assert_japanese(deadlines: list[Deadline] | list[CaseDeadline]) -> None:
    for deadline in deadlines:
        assert is_japanese(deadline.title_ja), (deadline.rule, deadline.title_ja)
        for note in deadline.notes:
            assert isinstance(note, Text), (deadline.rule, note)
            assert is_japanese(note.ja), (deadline.rule, note.ja, foreign_words(note.ja))


def test_every_event_rule_has_its_notes_in_japanese() -> None:
    # Each event on a day whose deadline falls on a closed day (a municipal, an immigration and a
    # no-office rule), and a departure capped by the end of the period of stay.
    events = parse_events({"events": [
        {"type": "coe_issued", "date": "2026-01-03"},
        {"type": "landed", "date": "2025-10-26"},  # due 2025-11-09, a Sunday (municipal)
        {"type": "moved", "date": "2025-12-20"},  # due 2026-01-03, the year-end closure
        {"type": "employer_changed", "date": "2026-04-22"},  # due 2026-05-06, 振替休日 (immigration)
        {"type": "stay_expires", "date": "2026-05-03"},  # 憲法記念日, with the rule's closed-day note
        {"type": "departed", "date": "2026-03-01"},  # capped by the period of stay
        {"type": "child_born", "date": "2026-04-27"},
    ]}, source="test")
    found = compute_deadlines(events)
    assert {d.event for d in found} == set(EventType)
    notes = [note for d in found for note in d.notes]
    assert any("Capped" in n for n in notes) and any("UNVERIFIED" in n for n in notes)
    assert any("overstay is still judged" in n for n in notes) and any("Art. 2" in n for n in notes)
    assert_japanese(found)
    extension = next(d for d in found if d.event is EventType.STAY_EXPIRES)
    assert any("本来の満了日" in n.ja for n in extension.notes)


def test_every_case_deadline_has_its_title_and_notes_in_japanese() -> None:
    cert, photo = FreshnessRule.JAPAN_CERTIFICATE_3_MONTHS, FreshnessRule.PHOTO_6_MONTHS
    facts = CaseFacts(
        target_filing_date=D(2026, 6, 1), passport_expires=D(2026, 5, 31), residence_card_expires=D(2026, 5, 6),
        stay_expires=D(2026, 5, 6), j_find_start=D(2025, 6, 1), hsp1_start=D(2023, 4, 1),
        j_skip_start=D(2025, 4, 1),
        documents=[CaseDocument(code="tax", name_en="Resident tax certificate", name_ja="住民税の課税証明書",
                                freshness=cert),
                   CaseDocument(code="photo", name_en="Photo", name_ja="写真", freshness=photo,
                                issued=D(2026, 1, 10)),
                   CaseDocument(code="old", name_en="Certificate of residence", name_ja="住民票", freshness=cert,
                                issued=D(2025, 10, 3))],
        pr_eligibility=[PrEligibility(route="80", earliest=D(2027, 4, 1), note_en="80 points now and a year before",
                                      note_ja="現在及び１年前に80点以上")])
    found = case_deadlines(facts, TODAY)
    assert {d.rule for d in found} >= {"document_freshness", "passport_expiry", "residence_card_expiry",
                                       "extension_application", "j_find_limit", "hsp2_eligibility",
                                       "hsp2_eligibility_j_skip", "pr_eligibility"}
    assert_japanese(found)
    titles = {d.subject: d.title_ja for d in found if d.rule == "document_freshness"}
    assert titles["tax"] == "住民税の課税証明書：2026-03-01以降に取得し、2026-06-01までに提出"
    assert titles["photo"].startswith("写真（2026-01-10撮影）：") and titles["photo"].endswith("までに提出")
    assert titles["old"] == "住民票：2026-06-01の提出には古いため、2026-03-01以降に改めて取得"
    pr = next(d for d in found if d.rule == "pr_eligibility")
    assert pr.title_ja.endswith("（80点・1年）") and pr.notes[0].ja == "現在及び１年前に80点以上"
    # The English is what it was.
    assert pr.title_en == "Permanent residence via points: earliest application date (80 points, 1 year)"
    assert pr.to_json()["notes"][0] == "80 points now and a year before"


@pytest.mark.parametrize("rule", [*default_rules().rules, *default_rules().case_rules], ids=lambda r: r.id)
def test_each_rule_note_is_given_in_both_languages(rule: EventRule) -> None:
    assert bool(rule.note_en) == bool(rule.note_ja)
    if rule.note_ja:
        assert is_japanese(rule.note_ja), foreign_words(rule.note_ja)


def test_a_rule_with_an_english_note_only_is_refused(tmp_path: Path) -> None:
    text = (checklists_dir() / RULES_FILE).read_text(encoding="utf-8")
    first_note_ja = re.search(r'^note_ja = ".+"$', text, re.MULTILINE)
    assert first_note_ja is not None
    edited = tmp_path / RULES_FILE
    edited.write_text(text.replace(first_note_ja.group(0), 'note_ja = ""', 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"rules\[0\] \(id=coe_entry\): note_en and note_ja: give both"):
        load_rules(edited)
    edited.write_text(text.replace('id = "coe_entry"', 'id = "coe_entry"\nclosed_day_note_en = "In practice…"', 1),
                      encoding="utf-8")
    with pytest.raises(DataFileError, match="closed_day_note_en and closed_day_note_ja: give both or neither"):
        load_rules(edited)
