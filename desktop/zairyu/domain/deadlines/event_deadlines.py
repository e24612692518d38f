"""Deadlines that follow dated events: computed from checklists/deadline-rules.toml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zairyu.domain.deadlines.entries import CalendarEntry, Severity, severity_for, stable_uid
from zairyu.domain.deadlines.events import Event
from zairyu.domain.deadlines.rules import DeadlineRules, EventRule, EventType, Office, act_by_and_notes, default_rules
from zairyu.domain.wording import Text


@dataclass(frozen=True)
class Deadline:
    rule: str
    event: EventType
    event_date: dt.date
    due: dt.date  # the legal last day (Civil Code counting)
    act_by: dt.date  # the safe day: the last office-open day on or before due, where an office is needed
    opens: dt.date | None  # the first day the act is possible, where the rule has a window
    person: str | None
    title_en: str
    title_ja: str
    office: Office
    source: str
    source_tier: str
    notes: tuple[Text, ...] = ()

    @property
    def uid(self) -> str:
        """Stable across runs: the same event always gives the same calendar UID."""
        return stable_uid("event", self.rule, self.event.value, self.event_date.isoformat(), self.person)

    def severity(self, today: dt.date) -> Severity:
        return severity_for(self.act_by, today)

    def to_json(self) -> dict[str, Any]:
        """The documented output keys first; the rest are additive."""
        return {
            "rule": self.rule,
            "event": self.event.value,
            "event_date": self.event_date.isoformat(),
            "due": self.due.isoformat(),
            "act_by": self.act_by.isoformat(),
            "opens": self.opens.isoformat() if self.opens else None,
            "person": self.person,
            "title_en": self.title_en,
            "title_ja": self.title_ja,
            "office": self.office.value,
            "source": self.source,
            "source_tier": self.source_tier,
            "notes": list(self.notes),
        }

    def calendar_entry(self) -> CalendarEntry:
        who = f" — {self.person}" if self.person else ""
        lines = [f"{self.title_ja}", "",
                 f"Act by: {self.act_by.isoformat()} (safe day)",
                 f"Due: {self.due.isoformat()} (legal last day)"]
        if self.opens:
            lines.append(f"Opens: {self.opens.isoformat()}")
        lines += [f"Event: {self.event.value} on {self.event_date.isoformat()}",
                  f"Rule: {self.rule}", f"Source: {self.source}"]
        lines += [f"Note: {note}" for note in self.notes]
        return CalendarEntry(uid=self.uid, day=self.act_by, summary=f"{self.title_en}{who}",
                             description="\n".join(lines))


def _cap(rule: EventRule, event: Event, events: Sequence[Event]) -> dt.date | None:
    """The earliest capping event (the same person's period of stay) on or after the event."""
    if rule.capped_by_event is None:
        return None
    dates = [other.date for other in events
             if other.type == rule.capped_by_event and other.person == event.person and other.date >= event.date]
    return min(dates, default=None)


def deadline_for(event: Event, events: Sequence[Event], rule: EventRule) -> Deadline:
    due = rule.due(event.date)
    notes: list[Text] = []
    cap = _cap(rule, event, events)
    if cap is not None and cap < due:
        # みなし再入国: 1 year from departure, or the end of the period of stay if earlier.
        notes.append(Text(f"Capped by the end of your period of stay ({cap.isoformat()}), which comes before "
                          f"{due.isoformat()}.",
                          f"在留期間の満了日（{cap.isoformat()}）が{due.isoformat()}より前のため、満了日が期限です。"))
        due = cap
    act_by, office_notes = act_by_and_notes(due, rule.office, rule_note=rule.note(),
                                            closed_day_extra=rule.closed_day_note())
    notes += office_notes
    opens = rule.opens_before.before(event.date) if rule.opens_before else None
    return Deadline(rule=rule.id, event=event.type, event_date=event.date, due=due, act_by=act_by,
                    opens=opens, person=event.person, title_en=rule.title_en, title_ja=rule.title_ja,
                    office=rule.office, source=rule.source, source_tier=rule.source_tier, notes=tuple(notes))


def compute_deadlines(events: Sequence[Event], rules: DeadlineRules | None = None) -> list[Deadline]:
    """The deadlines of every event (one per rule it starts), soonest safe day first (ties keep the
    input order)."""
    rules = rules or default_rules()
    deadlines = [deadline_for(event, events, rule) for event in events for rule in rules.for_event(event.type)]
    return sorted(deadlines, key=lambda d: (d.act_by, d.due))
