"""The .ics export, read back with icalendar's own parser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from zairyu.domain.deadlines import CaseFacts, case_deadlines, compute_deadlines, parse_events
from zairyu.errors import UserInputError
from zairyu.reports.ics import ics_bytes, write_ics

D = dt.date
EVENTS = {"events": [{"type": "landed", "date": "2025-10-26"},
                     {"type": "stay_expires", "date": "2026-05-06"},
                     {"type": "coe_issued", "date": "2025-10-12"},
                     {"type": "moved", "date": "2025-10-27", "person": "Ana"}]}


def exported(now: dt.datetime | None = None, data: dict | None = None) -> Calendar:
    deadlines = compute_deadlines(parse_events(data or EVENTS, "test"))
    return Calendar.from_ical(ics_bytes(deadlines, now=now))


def vevents(cal: Calendar) -> list:
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_one_all_day_event_per_deadline_on_the_safe_day() -> None:
    cal = exported()
    assert str(cal["VERSION"]) == "2.0"
    assert "Zairyu" in str(cal["PRODID"])
    events = vevents(cal)
    assert len(events) == 4
    by_rule = {}
    for event in events:
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        # A date, not a datetime: an all-day event that does not shift with time zones.
        assert type(start) is dt.date and type(end) is dt.date
        assert end == start + dt.timedelta(days=1)
        description = str(event["DESCRIPTION"])
        rule = description.split("Rule: ")[1].split("\n")[0]
        by_rule[rule] = (start, description, str(event["SUMMARY"]))
    assert by_rule["residence_notification"][0] == D(2025, 11, 7)
    assert "Due: 2025-11-09" in by_rule["residence_notification"][1]
    assert by_rule["extension_application"][0] == D(2026, 5, 1)
    assert "Opens: 2026-02-06" in by_rule["extension_application"][1]
    assert by_rule["coe_entry"][0] == D(2026, 1, 12)
    assert "Source: MOFA" in by_rule["coe_entry"][1]
    assert "入管法 19条の9" in by_rule["address_change_notification"][1]
    assert by_rule["address_change_notification"][2].endswith("— Ana")


def test_a_reminder_a_week_before() -> None:
    for event in vevents(exported()):
        [alarm] = [c for c in event.subcomponents if c.name == "VALARM"]
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == dt.timedelta(days=-7)


def test_uids_are_stable_and_unique() -> None:
    first = exported(now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    second = exported(now=dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    uids_first = [str(e["UID"]) for e in vevents(first)]
    uids_second = [str(e["UID"]) for e in vevents(second)]
    assert sorted(uids_first) == sorted(uids_second)
    assert len(set(uids_first)) == 4
    # Adding an event keeps the other UIDs, so a re-import updates instead of duplicating.
    more = {"events": [*EVENTS["events"], {"type": "departed", "date": "2026-02-01"}]}
    assert set(uids_first) < {str(e["UID"]) for e in vevents(exported(data=more))}
    # A different event date is a different deadline.
    moved = {"events": [{"type": "landed", "date": "2025-10-27"}]}
    assert str(vevents(exported(data=moved))[0]["UID"]) not in uids_first


def test_the_file_follows_rfc5545_line_rules() -> None:
    data = ics_bytes(compute_deadlines(parse_events(EVENTS, "test")))
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # folding never splits a multi-byte character


def test_write_ics_is_atomic_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    target.write_bytes(b"old")
    write_ics(compute_deadlines(parse_events(EVENTS, "test")), target)
    assert len(vevents(Calendar.from_ical(target.read_bytes()))) == 4
    assert [p.name for p in tmp_path.iterdir()] == ["deadlines.ics"]  # no temp file left behind
    with pytest.raises(UserInputError, match="does not exist"):
        write_ics([], tmp_path / "missing" / "x.ics")


def test_case_deadlines_export_too() -> None:
    facts = CaseFacts(case_id="c1", passport_expires=D(2027, 3, 1), stay_expires=D(2026, 5, 6))
    cal = Calendar.from_ical(ics_bytes(case_deadlines(facts, today=D(2026, 1, 1))))
    starts = sorted(e.decoded("DTSTART") for e in vevents(cal))
    assert starts == [D(2026, 5, 1), D(2027, 3, 1)]
