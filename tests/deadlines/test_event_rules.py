"""Each deadline rule with ordinary dates and the edges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zairyu.domain.deadlines import Deadline, EventType, compute_deadlines, default_rules, load_rules, parse_events
from zairyu.errors import DataFileError
from zairyu.paths import checklists_dir

D = dt.date


def deadlines(*events: dict[str, str]) -> list[Deadline]:
    return compute_deadlines(parse_events({"events": list(events)}, "test"))


def one(event_type: str, date: str) -> Deadline:
    [found] = deadlines({"type": event_type, "date": date})
    return found


def test_every_event_type_has_a_rule_with_a_source() -> None:
    rules = default_rules()
    assert {r.event for r in rules.rules} == set(EventType)
    expected = {"coe_issued": "coe_entry", "landed": "residence_notification",
                "moved": "address_change_notification", "employer_changed": "affiliation_notification",
                "stay_expires": "extension_application", "departed": "special_reentry_return",
                "child_born": "birth_notification status_acquisition"}
    got: dict[str, str] = {}
    for rule in rules.rules:
        got[rule.event.value] = f"{got[rule.event.value]} {rule.id}" if rule.event.value in got else rule.id
    assert got == expected
    for rule in [*rules.rules, *rules.case_rules]:
        assert len(rule.source) > 20, rule.id


# --- child_born: the birth report (14 days, the day of birth counted) and the status (30 days) ---

def test_a_birth_starts_the_birth_report_and_the_status_application() -> None:
    report, status = deadlines({"type": "child_born", "date": "2027-03-05", "person": "Mia"})
    # 戸籍法 第43条: the day of birth is day 1 of the 14, so the report is due 13 days later.
    assert (report.rule, report.due, report.act_by) == ("birth_notification", D(2027, 3, 18), D(2027, 3, 18))
    assert report.office.value == "municipal" and "第49条" in report.source
    # 入管法 第22条の2: 30 days counted by the Civil Code (the day of birth not counted).
    assert (status.rule, status.due) == ("status_acquisition", D(2027, 4, 4))
    assert status.act_by == D(2027, 4, 2)  # 4 April 2027 is a Sunday: the Friday before
    assert "第22条の2" in status.source and status.person == "Mia"


def test_a_birth_at_the_end_of_a_month_counts_into_the_next() -> None:
    report, status = deadlines({"type": "child_born", "date": "2027-01-31"})
    assert report.due == D(2027, 2, 13)
    assert status.due == D(2027, 3, 2)


# --- coe_entry: 3 months, no office ------------------------------------------------------------

def test_coe_entry_ordinary_and_on_a_national_holiday() -> None:
    found = one("coe_issued", "2025-10-12")
    assert (found.rule, found.due, found.act_by, found.opens) == ("coe_entry", D(2026, 1, 12), D(2026, 1, 12), None)
    # 2026-01-12 is 成人の日, but entering Japan needs no office: act_by stays, no closed-day note.
    assert not any("closed" in note for note in found.notes)


def test_coe_entry_month_end_and_leap_year() -> None:
    assert one("coe_issued", "2025-11-30").due == D(2026, 2, 28)
    assert one("coe_issued", "2023-11-30").due == D(2024, 2, 29)


# --- the 14-day notifications --------------------------------------------------------------------

def test_residence_notification_26_october_is_9_november_a_sunday() -> None:
    found = one("landed", "2025-10-26")
    assert found.rule == "residence_notification"
    assert found.due == D(2025, 11, 9)
    assert found.act_by == D(2025, 11, 7)
    assert any("UNVERIFIED" in note and "2025-11-10" in note for note in found.notes)


def test_residence_notification_ordinary() -> None:
    found = one("landed", "2026-06-03")
    assert (found.due, found.act_by) == (D(2026, 6, 17), D(2026, 6, 17))
    assert not any("closed" in note for note in found.notes)


def test_address_change_inside_the_year_end_closure() -> None:
    found = one("moved", "2025-12-20")
    assert found.rule == "address_change_notification"
    assert found.due == D(2026, 1, 3)
    assert found.act_by == D(2025, 12, 26)
    assert any("year-end closure" in note and "UNVERIFIED" in note for note in found.notes)
    assert one("moved", "2025-12-15").act_by == D(2025, 12, 26)  # due 29 Dec, first day of the closure


def test_affiliation_notification_on_substitute_holidays() -> None:
    found = one("employer_changed", "2025-02-10")
    assert found.rule == "affiliation_notification"
    assert (found.due, found.act_by) == (D(2025, 2, 24), D(2025, 2, 21))
    note = next(note for note in found.notes if "振替休日" in note)
    # A national (immigration) procedure: the law's roll-over, not the municipal UNVERIFIED wording.
    assert "行政機関の休日に関する法律 Art. 2" in note and "2025-02-25" in note and "UNVERIFIED" not in note
    golden_week = one("employer_changed", "2026-04-22")
    assert (golden_week.due, golden_week.act_by) == (D(2026, 5, 6), D(2026, 5, 1))


def test_affiliation_notification_on_a_national_holiday() -> None:
    found = one("employer_changed", "2026-10-20")  # due 3 Nov, 文化の日 (a Tuesday)
    assert (found.due, found.act_by) == (D(2026, 11, 3), D(2026, 11, 2))


# --- extension_application: the date itself, opens 3 months before -----------------------------

def test_extension_ordinary() -> None:
    found = one("stay_expires", "2026-07-15")
    assert (found.rule, found.due, found.act_by, found.opens) == (
        "extension_application", D(2026, 7, 15), D(2026, 7, 15), D(2026, 4, 15))


def test_extension_on_a_substitute_holiday() -> None:
    found = one("stay_expires", "2026-05-06")
    assert (found.due, found.act_by, found.opens) == (D(2026, 5, 6), D(2026, 5, 1), D(2026, 2, 6))
    assert any("overstay is still judged from the original expiry date" in note for note in found.notes)


def test_extension_at_a_month_end_on_a_sunday() -> None:
    found = one("stay_expires", "2026-05-31")
    assert (found.due, found.act_by, found.opens) == (D(2026, 5, 31), D(2026, 5, 29), D(2026, 2, 28))


def test_extension_inside_the_year_end_closure() -> None:
    found = one("stay_expires", "2026-12-31")
    assert (found.due, found.act_by) == (D(2026, 12, 31), D(2026, 12, 28))


# --- special_reentry_return: 1 year, capped by the period of stay --------------------------------

def test_special_reentry_one_year_and_leap_day() -> None:
    assert one("departed", "2025-03-10").due == D(2026, 3, 10)
    leap = one("departed", "2024-02-29")
    assert (leap.due, leap.act_by) == (D(2025, 2, 28), D(2025, 2, 28))


def test_special_reentry_capped_by_an_earlier_end_of_stay() -> None:
    found = {d.rule: d for d in deadlines({"type": "departed", "date": "2025-03-10"},
                                          {"type": "stay_expires", "date": "2025-12-31"})}
    reentry = found["special_reentry_return"]
    assert reentry.due == D(2025, 12, 31)
    assert reentry.act_by == D(2025, 12, 31)  # no office needed: the closure does not matter
    assert any("Capped" in note for note in reentry.notes)


def test_special_reentry_not_capped_by_a_later_stay_or_another_person() -> None:
    later = {d.rule: d for d in deadlines({"type": "departed", "date": "2025-03-10"},
                                          {"type": "stay_expires", "date": "2027-01-31"})}
    assert later["special_reentry_return"].due == D(2026, 3, 10)
    others = {(d.rule, d.person): d for d in deadlines(
        {"type": "departed", "date": "2025-03-10", "person": "Ana"},
        {"type": "stay_expires", "date": "2025-06-30", "person": "Ben"},
        {"type": "stay_expires", "date": "2025-09-30", "person": "Ana"})}
    assert others[("special_reentry_return", "Ana")].due == D(2025, 9, 30)


def test_special_reentry_ignores_a_stay_that_ended_before_departure() -> None:
    found = {d.rule: d for d in deadlines({"type": "departed", "date": "2025-03-10"},
                                          {"type": "stay_expires", "date": "2025-01-31"},
                                          {"type": "stay_expires", "date": "2025-08-31"})}
    assert found["special_reentry_return"].due == D(2025, 8, 31)


# --- several events --------------------------------------------------------------------------------

def test_events_close_to_each_other_are_kept_apart_and_sorted() -> None:
    found = deadlines({"type": "moved", "date": "2025-10-27"},
                      {"type": "landed", "date": "2025-10-26"},
                      {"type": "employer_changed", "date": "2025-10-26"},
                      {"type": "moved", "date": "2025-10-28"})
    assert [(d.rule, d.due) for d in found] == [
        ("residence_notification", D(2025, 11, 9)),
        ("affiliation_notification", D(2025, 11, 9)),
        ("address_change_notification", D(2025, 11, 10)),
        ("address_change_notification", D(2025, 11, 11)),
    ]
    # 9 Nov is a Sunday: both due that day act on Friday 7 Nov.
    assert [d.act_by for d in found] == [D(2025, 11, 7), D(2025, 11, 7), D(2025, 11, 10), D(2025, 11, 11)]
    assert len({d.uid for d in found}) == 4


def test_json_has_the_contract_keys() -> None:
    found = one("stay_expires", "2026-05-06").to_json()
    assert {k: found[k] for k in ("rule", "event", "event_date", "due", "act_by", "opens")} == {
        "rule": "extension_application", "event": "stay_expires", "event_date": "2026-05-06",
        "due": "2026-05-06", "act_by": "2026-05-01", "opens": "2026-02-06"}
    assert one("landed", "2025-10-26").to_json()["opens"] is None


# --- the rules file ---------------------------------------------------------------------------------

def test_a_malformed_rules_file_names_the_file_and_key(tmp_path: Path) -> None:
    text = (checklists_dir() / "deadline-rules.toml").read_text(encoding="utf-8")
    broken = tmp_path / "deadline-rules.toml"
    broken.write_text(text.replace("period = { days = 14 }", "period = { days = 14, months = 1 }", 1),
                      encoding="utf-8")
    with pytest.raises(DataFileError, match=r"rules\[1\] \(id=residence_notification\)\.period"):
        load_rules(broken)
    broken.write_text(text.replace('event = "moved"', 'event = "landed"'), encoding="utf-8")
    with pytest.raises(DataFileError, match="no rule for event type moved"):
        load_rules(broken)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("period = { days = 14 }", "period = { days = -1 }",
     "rules[1] (id=residence_notification).period.days: Input should be greater than or equal to 0"),
    ("period = { months = 3 }", "period = { months = 0 }",
     "rules[0] (id=coe_entry).period.months: Input should be greater than or equal to 1"),
    ("period = { days = 14 }", "period = { weeks = 2 }",
     "rules[1] (id=residence_notification).period.weeks: Extra inputs are not permitted"),
    ("period = { days = 14 }", "period = 14",
     "rules[1] (id=residence_notification).period: Input should be a valid dictionary or instance of Period"),
    ('id = "coe_entry"', 'id = "Coe-entry"',
     "rules[0] (id=Coe-entry).id: String should match pattern '^[a-z][a-z0-9_]*$'"),
    ('title_ja = "在留資格認定証明書の有効期間内に入国"', 'title_ja = ""',
     "rules[0] (id=coe_entry).title_ja: String should have at least 1 character"),
    ('source = "MOFA embassy pages', 'source = "MOFA" #', "rules[0] (id=coe_entry).source: String should have at "
     "least 8 characters"),
    ('id = "coe_entry"', 'id = "coe_entry"\ncolour = "red"', "rules[0] (id=coe_entry).colour: Extra inputs are not "
     "permitted"),
    ('id = "address_change_notification"', 'id = "coe_entry"', "rule id appears twice: coe_entry"),
    ("schema_version = 1", "schema_version = 2", "schema_version: Input should be 1"),
])
def test_each_check_of_the_rules_file_names_the_key(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = (checklists_dir() / "deadline-rules.toml").read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "deadline-rules.toml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_rules(broken)
    assert str(info.value) == f"{broken}: {expected}"


def test_a_rules_file_without_rules_is_refused(tmp_path: Path) -> None:
    text = (checklists_dir() / "deadline-rules.toml").read_text(encoding="utf-8")
    header, rest = text.split("[[rules]]", 1)
    broken = tmp_path / "deadline-rules.toml"
    broken.write_text(header + "rules = []\n[[case_rules]]" + rest.split("[[case_rules]]", 1)[1], encoding="utf-8")
    with pytest.raises(DataFileError, match=r"rules: List should have at least 1 item after validation, not 0"):
        load_rules(broken)


def test_the_rules_are_data(tmp_path: Path) -> None:
    """Changing a period in the file changes the deadline: nothing is hard-coded."""
    text = (checklists_dir() / "deadline-rules.toml").read_text(encoding="utf-8")
    edited = tmp_path / "deadline-rules.toml"
    edited.write_text(text.replace("period = { months = 3 }", "period = { months = 6 }", 1), encoding="utf-8")
    rules = load_rules(edited)
    events = parse_events({"events": [{"type": "coe_issued", "date": "2025-10-12"}]}, "test")
    assert compute_deadlines(events, rules)[0].due == D(2026, 4, 12)
