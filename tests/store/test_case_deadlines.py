"""A stored case yields its own deadlines, through the store and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from icalendar import Calendar

from zairyu.domain.routes import RouteCatalog
from zairyu.store import Store
from zairyu.store.deadlines_link import case_facts, deadlines_for_case

TODAY = dt.date(2026, 11, 22)
PROFILE = {"category": "b", "application_date": "2026-12-01", "birth_date": "1992-01-15",
           "education": "master", "experience_years": 6, "annual_salary_yen": 8_000_000,
           "licenses": 1, "bonuses": ["japanese_n2", "designated_university"]}


def _case(store: Store) -> int:
    case_id = store.create_case(route="hsp-1b", procedure="change", employer_category=3,
                                target_filing_date="2027-01-15",
                                applicant={"name": "Alex Example", "passport_expiry": "2027-03-31",
                                           "residence_card_expiry": "2027-02-10"})
    store.set_document(case_id, "photo", issued="2026-11-01")
    store.set_document(case_id, "cv", status="submitted")
    store.add_event(case_id, "stay_expires", "2027-02-10")
    store.add_event(case_id, "landed", "2024-02-01")
    store.set_points(case_id, PROFILE)
    return case_id


def test_the_facts_come_from_the_case(store: Store, catalog: RouteCatalog) -> None:
    case = store.get_case(_case(store))
    facts = case_facts(case, catalog, TODAY)
    assert facts.stay_expires == dt.date(2027, 2, 10)
    assert facts.passport_expires == dt.date(2027, 3, 31)
    assert facts.target_filing_date == dt.date(2027, 1, 15)
    photo = next(d for d in facts.documents if d.code == "photo")
    assert photo.freshness is not None and photo.issued == dt.date(2026, 11, 1)
    assert all(d.code != "cv" for d in facts.documents)  # already submitted
    assert facts.hsp1_start is None  # a change of status does not start on a landing day
    assert {p.route for p in facts.pr_eligibility} >= {"80", "70"}


def test_the_case_deadlines_name_rule_and_source(store: Store, catalog: RouteCatalog) -> None:
    deadlines = deadlines_for_case(store.get_case(_case(store)), catalog, TODAY)
    by_rule = {(d.rule, d.subject): d for d in deadlines}
    extension = next(d for d in deadlines if d.rule == "extension_application")
    assert extension.due == dt.date(2027, 2, 10) and extension.opens == dt.date(2026, 11, 10)
    photo = by_rule[("document_freshness", "photo")]
    assert photo.due == dt.date(2027, 5, 1) and photo.act_by == dt.date(2027, 4, 30)  # 1 May 2027 is a Saturday
    assert all(d.source for d in deadlines)
    assert [d.act_by for d in deadlines] == sorted(d.act_by for d in deadlines)


def test_cli_case_deadlines_json_and_calendar(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    created = cli("case", "new", "--route", "engineer-specialist", "--procedure", "extension",
                  "--employer-category", "3", "--format", "json")
    case_id = str(json.loads(created.stdout)["id"])
    assert cli("case", "add-event", case_id, "stay_expires", "2027-01-02").returncode == 0
    ics = tmp_path / "case.ics"
    result = cli("case", "deadlines", case_id, "--today", "2026-11-22", "--format", "json", "--ics", str(ics))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    extension = next(d for d in document["deadlines"] if d["rule"] == "extension_application")
    assert extension["due"] == "2027-01-02" and extension["act_by"] == "2026-12-28"  # year-end closure
    events = [c for c in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert len(events) == len(document["deadlines"])
    again = cli("case", "deadlines", case_id, "--today", "2026-11-22", "--ics", str(ics))
    assert again.returncode == 0
    assert {str(e["UID"]) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")} == \
        {str(e["UID"]) for e in events}  # importing again updates instead of duplicating
    missing = cli("case", "deadlines", "999")
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
