"""Deadlines: Civil Code counting, the Japanese office calendar, event rules and case deadlines.

Public API:
- ``parse_events(data, source) -> list[Event]``: validate an events document
- ``stored_events(events, source) -> list[Event]``: a case's events as the store holds them
- ``compute_deadlines(events) -> list[Deadline]``: one deadline per event, soonest first
- ``case_deadlines(facts: CaseFacts, today) -> list[CaseDeadline]``: from a case's own data
- ``Deadline.calendar_entry()`` / ``CaseDeadline.calendar_entry()`` feed ``zairyu.reports.ics``
"""

from zairyu.domain.deadlines.calendar import (
    closure_reason,
    first_open_day_on_or_after,
    is_office_open,
    last_open_day_on_or_before,
)
from zairyu.domain.deadlines.case_deadlines import CaseDeadline, CaseDocument, CaseFacts, PrEligibility, case_deadlines
from zairyu.domain.deadlines.counting import add_days, add_months, add_years
from zairyu.domain.deadlines.entries import CalendarEntry, Severity
from zairyu.domain.deadlines.event_deadlines import Deadline, compute_deadlines
from zairyu.domain.deadlines.events import Event, parse_events, stored_events
from zairyu.domain.deadlines.rules import EventType, default_rules, load_rules

__all__ = [
    "CalendarEntry",
    "CaseDeadline",
    "CaseDocument",
    "CaseFacts",
    "Deadline",
    "Event",
    "EventType",
    "PrEligibility",
    "Severity",
    "add_days",
    "add_months",
    "add_years",
    "case_deadlines",
    "closure_reason",
    "compute_deadlines",
    "default_rules",
    "first_open_day_on_or_after",
    "is_office_open",
    "last_open_day_on_or_before",
    "load_rules",
    "parse_events",
    "stored_events",
]
