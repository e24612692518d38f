"""Deadlines and milestones from a case's own data (used by the store and the desktop app).

The input, ``CaseFacts``, is plain data the caller gathers: the target filing date, the documents
with their freshness rule and issue date, the expiry dates, status start dates, and the
permanent-residence dates the points engine computed from the points history (passed in as data,
so this module does not depend on the points package). Every result names its rule and source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from zairyu.domain.deadlines import counting
from zairyu.domain.deadlines.entries import CalendarEntry, Severity, severity_for, stable_uid
from zairyu.domain.deadlines.event_deadlines import deadline_for
from zairyu.domain.deadlines.events import Event
from zairyu.domain.deadlines.rules import CaseRule, DeadlineRules, EventType, act_by_and_notes, default_rules
from zairyu.domain.routes import FRESHNESS_RULES, FreshnessRule
from zairyu.domain.wording import Text

Kind = Literal["deadline", "milestone"]

# The bases the points engine reports (zairyu.domain.points.eligibility.PRRoute.basis), as shown.
PR_ROUTE_LABELS = {"80": Text("80 points, 1 year", "80点・1年"), "70": Text("70 points, 3 years", "70点・3年"),
                   "j-skip": Text("J-Skip, 1 year", "特別高度人材・1年")}


# The facts are gathered from the store (store/deadlines_link.py), whose data was validated when it
# was stored: plain dataclasses, so the window's freshness column and deadlines need no pydantic.


@dataclass(frozen=True, kw_only=True)
class CaseDocument:
    code: str
    name_en: str
    name_ja: str = ""
    freshness: FreshnessRule | None = None
    issued: dt.date | None = None  # the issue date (for a photo: the day it was taken)


@dataclass(frozen=True, kw_only=True)
class PrEligibility:
    """One permanent-residence route and the earliest day its application can be filed."""

    route: str  # "80", "70", "j-skip" (PRRoute.basis) or any label
    earliest: dt.date
    note_en: str = ""
    note_ja: str = ""
    source: str | None = None  # defaults to the pr_eligibility rule's source


@dataclass(frozen=True, kw_only=True)
class CaseFacts:
    case_id: str | None = None  # keeps calendar UIDs of different cases apart
    person: str | None = None
    target_filing_date: dt.date | None = None
    documents: list[CaseDocument] = field(default_factory=list)
    passport_expires: dt.date | None = None
    residence_card_expires: dt.date | None = None
    stay_expires: dt.date | None = None
    j_find_start: dt.date | None = None  # the day J-Find (未来創造人材) status began
    hsp1_start: dt.date | None = None  # the day HSP(i) status began
    j_skip_start: dt.date | None = None  # the day J-Skip (特別高度人材) treatment began
    pr_eligibility: list[PrEligibility] = field(default_factory=list)


@dataclass(frozen=True)
class CaseDeadline:
    rule: str
    kind: Kind  # a deadline to meet, or a milestone from which something becomes possible
    title_en: str
    title_ja: str
    due: dt.date  # the legal last day (a milestone: the first day it is possible)
    act_by: dt.date  # the safe day to act (a milestone: its date)
    opens: dt.date | None
    severity: Severity
    source: str
    source_tier: str
    subject: str | None = None  # a document code or a PR route, where the rule has several
    notes: tuple[Text, ...] = ()
    case_id: str | None = None

    @property
    def uid(self) -> str:
        """Stable per case, rule and subject: a changed date updates the calendar event."""
        return stable_uid("case", self.case_id, self.rule, self.subject)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "subject": self.subject,
            "title_en": self.title_en,
            "title_ja": self.title_ja,
            "due": self.due.isoformat(),
            "act_by": self.act_by.isoformat(),
            "opens": self.opens.isoformat() if self.opens else None,
            "severity": self.severity.value,
            "source": self.source,
            "source_tier": self.source_tier,
            "notes": list(self.notes),
        }

    def calendar_entry(self) -> CalendarEntry:
        if self.kind == "milestone":
            lines = [self.title_ja, "", f"From: {self.due.isoformat()}"]
        else:
            lines = [self.title_ja, "", f"Act by: {self.act_by.isoformat()} (safe day)",
                     f"Due: {self.due.isoformat()} (legal last day)"]
        if self.opens:
            lines.append(f"Opens: {self.opens.isoformat()}")
        lines += [f"Rule: {self.rule}", f"Source: {self.source}"]
        lines += [f"Note: {note}" for note in self.notes]
        return CalendarEntry(uid=self.uid, day=self.act_by, summary=self.title_en,
                             description="\n".join(lines))


class _Builder:
    def __init__(self, facts: CaseFacts, today: dt.date, rules: DeadlineRules) -> None:
        self.facts = facts
        self.today = today
        self.rules = rules
        self.out: list[CaseDeadline] = []

    def deadline(self, rule: CaseRule, due: dt.date, *, title: Text | None = None,
                 opens: dt.date | None = None, subject: str | None = None, notes: list[Text] | None = None,
                 source: str | None = None) -> None:
        act_by, office_notes = act_by_and_notes(due, rule.office, rule_note=rule.note(),
                                                may_move=rule.closed_day_rollover)
        notes = list(notes or []) + office_notes
        self.out.append(CaseDeadline(
            rule=rule.id, kind="deadline", title_en=title or rule.title_en,
            title_ja=title.ja if title else rule.title_ja,
            due=due, act_by=act_by, opens=opens, severity=severity_for(act_by, self.today),
            source=source or rule.source, source_tier=rule.source_tier, subject=subject,
            notes=tuple(notes), case_id=self.facts.case_id))

    def milestone(self, rule: CaseRule, day: dt.date, *, title: Text | None = None,
                  subject: str | None = None, notes: list[Text] | None = None, source: str | None = None) -> None:
        notes = [*(notes or []), *([rule.note()] if rule.note_en else [])]
        self.out.append(CaseDeadline(
            rule=rule.id, kind="milestone", title_en=title or rule.title_en,
            title_ja=title.ja if title else rule.title_ja,
            due=day, act_by=day, opens=None, severity=Severity.INFO, source=source or rule.source,
            source_tier=rule.source_tier, subject=subject, notes=tuple(notes), case_id=self.facts.case_id))

    # -- the rules --------------------------------------------------------------------------

    def documents(self) -> None:
        rule = self.rules.case_rule("document_freshness")
        target = self.facts.target_filing_date
        for doc in self.facts.documents:
            if doc.freshness is None:
                continue
            months, rule_en, rule_ja, source = FRESHNESS_RULES[doc.freshness]
            photo = doc.freshness is FreshnessRule.PHOTO_6_MONTHS
            verb, verb_ja, dated_ja = ("take", "撮影", "撮影") if photo else ("get", "取得", "発行")
            name_ja = doc.name_ja or doc.name_en
            notes = [Text(f"Rule: {rule_en} ({months} months, counted by the Civil Code).",
                                     f"基準：{rule_ja}（{months}か月、民法の規定により計算）。")]
            if doc.issued is None:
                if target is None:
                    continue  # nothing to date it against
                earliest = counting.earliest_start_covering(target, months)
                self.deadline(rule, target, opens=earliest, subject=doc.code, source=source, notes=notes,
                              title=Text(f"{doc.name_en}: {verb} it no earlier than {earliest.isoformat()} "
                                         f"and submit by {target.isoformat()}",
                                         f"{name_ja}：{earliest.isoformat()}以降に{verb_ja}し、"
                                         f"{target.isoformat()}までに提出"))
                continue
            usable_until = counting.add_months(doc.issued, months)
            if target is not None and usable_until < target:
                earliest = counting.earliest_start_covering(target, months)
                notes.insert(0, Text(f"The one dated {doc.issued.isoformat()} can be submitted only until "
                                     f"{usable_until.isoformat()}, before the target filing date.",
                                     f"{doc.issued.isoformat()}{dated_ja}のものは{usable_until.isoformat()}までしか"
                                     "提出できず、提出予定日に間に合いません。"))
                self.deadline(rule, target, opens=earliest, subject=doc.code, source=source, notes=notes,
                              title=Text(f"{doc.name_en}: too old for {target.isoformat()} — {verb} a new one "
                                         f"no earlier than {earliest.isoformat()}",
                                         f"{name_ja}：{target.isoformat()}の提出には古いため、"
                                         f"{earliest.isoformat()}以降に改めて{verb_ja}"))
                continue
            self.deadline(rule, usable_until, subject=doc.code, source=source, notes=notes,
                          title=Text(f"{doc.name_en} (dated {doc.issued.isoformat()}): submit by "
                                     f"{usable_until.isoformat()}",
                                     f"{name_ja}（{doc.issued.isoformat()}{dated_ja}）：{usable_until.isoformat()}"
                                     "までに提出"))

    def expiries(self) -> None:
        facts = self.facts
        target = facts.target_filing_date
        if facts.passport_expires is not None:
            notes: list[Text] = []
            if target is not None and facts.passport_expires < target:
                notes.append(Text(f"It expires before the target filing date {target.isoformat()}; the passport is "
                                  "shown at the filing.",
                                  f"提出予定日{target.isoformat()}より前に有効期限が切れます。申請の際には旅券を"
                                  "提示します。"))
            self.deadline(self.rules.case_rule("passport_expiry"), facts.passport_expires, notes=notes)
        if facts.residence_card_expires is not None:
            notes = []
            if facts.residence_card_expires == facts.stay_expires:
                notes.append(Text("Same day as the end of your period of stay: the extension (or change) covers both.",
                                  "在留期間の満了日と同じ日です。在留期間の更新（又は在留資格の変更）で両方が"
                                  "新しくなります。"))
            self.deadline(self.rules.case_rule("residence_card_expiry"), facts.residence_card_expires,
                          notes=notes)
        if facts.stay_expires is not None:
            # The extension window is exactly the event rule of the rules file. The event is the
            # case's own, so it names no person: an applicant's name may be longer than a person an
            # event names (1 to 100 characters), and the deadline below does not show it.
            event = Event(type=EventType.STAY_EXPIRES, date=facts.stay_expires)
            found = deadline_for(event, [event], self.rules.for_event(EventType.STAY_EXPIRES)[0])
            notes = list(found.notes)
            if target is not None and target > found.due:
                notes.insert(0, Text(f"Your target filing date {target.isoformat()} is after the period of stay "
                                     f"ends: file by {found.act_by.isoformat()}.",
                                     f"提出予定日{target.isoformat()}は在留期間の満了後です。"
                                     f"{found.act_by.isoformat()}までに申請してください。"))
            self.out.append(CaseDeadline(
                rule=found.rule, kind="deadline", title_en=found.title_en, title_ja=found.title_ja,
                due=found.due, act_by=found.act_by, opens=found.opens,
                severity=severity_for(found.act_by, self.today), source=found.source,
                source_tier=found.source_tier, notes=tuple(notes), case_id=facts.case_id))

    def statuses(self) -> None:
        facts = self.facts
        if facts.j_find_start is not None:
            rule = self.rules.case_rule("j_find_limit")
            assert rule.period is not None
            self.deadline(rule, rule.period.end(facts.j_find_start))
        for start, rule_id in ((facts.hsp1_start, "hsp2_eligibility"), (facts.j_skip_start, "hsp2_eligibility_j_skip")):
            if start is None:
                continue
            rule = self.rules.case_rule(rule_id)
            assert rule.period is not None
            complete = rule.period.end(start)
            # The period is complete at the end of its last day; the change can be filed from the next.
            self.milestone(rule, complete + counting.ONE_DAY,
                           notes=[Text(f"Counted from {start.isoformat()}; the period is complete at the end of "
                                       f"{complete.isoformat()}.",
                                       f"{start.isoformat()}から数え、{complete.isoformat()}の終了をもって期間を"
                                       "満たします。")])
        rule = self.rules.case_rule("pr_eligibility")
        for pr in facts.pr_eligibility:
            label = PR_ROUTE_LABELS.get(pr.route, Text(pr.route, pr.route))
            self.milestone(rule, pr.earliest, subject=pr.route, source=pr.source,
                           title=Text(f"{rule.title_en} ({label})", f"{rule.title_ja}（{label.ja}）"),
                           notes=[Text(pr.note_en, pr.note_ja or pr.note_en)] if pr.note_en else [])


def case_deadlines(facts: CaseFacts, today: dt.date, rules: DeadlineRules | None = None) -> list[CaseDeadline]:
    """Every deadline and milestone the case's data yields, soonest first."""
    builder = _Builder(facts, today, rules or default_rules())
    builder.documents()
    builder.expiries()
    builder.statuses()
    return sorted(builder.out, key=lambda d: (d.act_by, d.due, d.rule, d.subject or ""))
