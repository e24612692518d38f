"""``zairyu deadlines`` as a subprocess: the documented contract and bad event files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar


def write(tmp_path: Path, data: object, name: str = "events.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_json_output_and_calendar(cli, tmp_path: Path) -> None:
    events = write(tmp_path, {"events": [
        {"type": "landed", "date": "2025-10-26"},
        {"type": "coe_issued", "date": "2025-11-30"},
        {"type": "stay_expires", "date": "2026-05-06"},
        {"type": "departed", "date": "2026-01-10"},
        {"type": "moved", "date": "2025-12-20"},
        {"type": "employer_changed", "date": "2025-02-10"}]})
    ics = tmp_path / "out.ics"
    result = cli("deadlines", events, "--format", "json", "--ics", str(ics))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    rows = [{k: d[k] for k in ("rule", "event", "event_date", "due", "act_by", "opens")}
            for d in document["deadlines"]]
    assert rows == [
        {"rule": "affiliation_notification", "event": "employer_changed", "event_date": "2025-02-10",
         "due": "2025-02-24", "act_by": "2025-02-21", "opens": None},
        {"rule": "residence_notification", "event": "landed", "event_date": "2025-10-26",
         "due": "2025-11-09", "act_by": "2025-11-07", "opens": None},
        {"rule": "address_change_notification", "event": "moved", "event_date": "2025-12-20",
         "due": "2026-01-03", "act_by": "2025-12-26", "opens": None},
        {"rule": "coe_entry", "event": "coe_issued", "event_date": "2025-11-30",
         "due": "2026-02-28", "act_by": "2026-02-28", "opens": None},
        {"rule": "extension_application", "event": "stay_expires", "event_date": "2026-05-06",
         "due": "2026-05-06", "act_by": "2026-05-01", "opens": "2026-02-06"},
        {"rule": "special_reentry_return", "event": "departed", "event_date": "2026-01-10",
         "due": "2026-05-06", "act_by": "2026-05-06", "opens": None},
    ]
    assert all(d["source"] for d in document["deadlines"])
    cal = Calendar.from_ical(ics.read_bytes())
    starts = sorted(str(e.decoded("DTSTART")) for e in cal.walk("VEVENT"))
    assert starts == sorted(row["act_by"] for row in rows)


def test_text_output(cli, tmp_path: Path) -> None:
    result = cli("deadlines", write(tmp_path, {"events": [{"type": "landed", "date": "2025-10-26"}]}))
    assert result.returncode == 0, result.stderr
    assert "2025-11-07" in result.stdout and "2025-11-09" in result.stdout
    assert "residence_notification" in result.stdout and "UNVERIFIED" in result.stdout


@pytest.mark.parametrize(("data", "expected"), [
    ({"events": [{"type": "landed", "date": "2025-10-26"}, {"type": "arrived", "date": "2025-10-26"}]},
     "events[1] (type=arrived).type: unknown event type 'arrived'"),
    ({"events": [{"type": "moved", "date": "2025-02-30"}]}, "events[0] (type=moved).date: '2025-02-30'"),
    ({"events": [{"type": "moved"}]}, "events[0] (type=moved).date: missing"),
    ({"events": [{"type": "moved", "date": "2025-10-26", "note": "x"}]}, "events[0] (type=moved).note: unknown key"),
    ({"events": [{"date": "2025-10-26"}]}, "events[0].type: missing"),
    ({"events": "none"}, "events: must be a list"),
    ("{not json", "not valid JSON"),
])
def test_bad_event_files_exit_2_naming_event_and_field(cli, tmp_path: Path, data: object,
                                                       expected: str) -> None:
    path = write(tmp_path, data)
    result = cli("deadlines", path, "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0] and path in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_file_and_unwritable_calendar(cli, tmp_path: Path) -> None:
    result = cli("deadlines", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and "nope.json: no such file" in result.stderr
    events = write(tmp_path, {"events": [{"type": "landed", "date": "2025-10-26"}]})
    result = cli("deadlines", events, "--ics", str(tmp_path / "missing" / "x.ics"))
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
