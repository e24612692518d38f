"""Fuzzing the JSON a user hands to a command: points profiles (`points`, `case set-points`) and
events (`deadlines`). Valid documents with hostile values (far dates, huge numbers, NaN, deep
nesting, wrong types) and text-level damage; every input is accepted or refused in one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.fuzz import tally

from zairyu.cli.main import main as cli_main
from zairyu.store import open_store

FUZZ = settings(max_examples=tally.EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
PROFILE: dict[str, Any] = {"category": "b", "application_date": "2026-04-01", "birth_date": "1990-01-01",
                           "education": "master", "experience_years": 3, "annual_salary_yen": 7_000_000,
                           "research": [], "bonuses": [], "licenses": 0}
EVENTS: dict[str, Any] = {"events": [{"type": "landed", "date": "2026-04-01"},
                                     {"type": "stay_expires", "date": "2027-04-01", "person": "Ana"}]}

iso_dates = st.dates().map(lambda d: d.isoformat())
scalars = (st.none() | st.booleans() | st.integers(min_value=-10**39, max_value=10**39)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20) | iso_dates
           | st.sampled_from(["9999-12-31", "0001-01-01", "2025-02-30", "2097-12-31", "b", "master", "x" * 5000]))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


@st.composite
def hostile_document(draw: st.DrawFn, base: dict[str, Any], paths: list[list[Any]]) -> str:
    """``base`` with a few values replaced, as JSON text; sometimes deeply nested or damaged text."""
    data = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(paths))
        node = data
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = draw(json_values)
        except (TypeError, KeyError, IndexError):
            pass  # an earlier replacement took away this path's parent
    if draw(st.booleans()):
        data[draw(st.sampled_from(["extra", "notes", *[str(p[0]) for p in paths]]))] = draw(json_values)
    text = json.dumps(data, allow_nan=True)
    shape = draw(st.sampled_from(["plain", "deep", "long number", "damaged"]))
    if shape == "deep":
        depth = draw(st.integers(10, 6000))
        text = text.replace('"research": []', '"research": ' + "[" * depth + "]" * depth, 1)
    elif shape == "long number":
        text = text.replace("7000000", "7" * draw(st.integers(30, 6000)), 1)
    elif shape == "damaged":
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.text(alphabet='{}[]",:0123456789eE.-tnfa \\u', max_size=6)) \
            + text[position + draw(st.integers(0, 4)):]
    return text


PROFILE_PATHS = [[key] for key in PROFILE]
EVENT_PATHS = [["events"], ["events", 0], ["events", 0, "date"], ["events", 0, "type"], ["events", 1, "person"],
               ["events", 1, "date"]]


@FUZZ
@given(text=hostile_document(PROFILE, PROFILE_PATHS))
def test_points_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    path = tmp_path / "profile.json"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    tally.cli_attempt("profile: points", lambda: cli_main(["points", str(path), "--format", "json"]),
                      lambda: capsys.readouterr().err)


@FUZZ
@given(text=hostile_document(PROFILE, PROFILE_PATHS))
def test_set_points_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    if not (tmp_path / "case-created").exists():
        assert cli_main(["case", "new", "--route", "hsp-1b", "--procedure", "change"]) == 0
        (tmp_path / "case-created").touch()
    path = tmp_path / "profile.json"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    code = tally.cli_attempt("profile: case set-points", lambda: cli_main(["case", "set-points", "1", str(path)]),
                             lambda: capsys.readouterr().err)
    if code == 0:  # what was stored must export and score later
        assert cli_main(["export", "points", "1", "-o", str(tmp_path / "points.pdf")]) == 0, capsys.readouterr().err


@FUZZ
@given(text=hostile_document(EVENTS, EVENT_PATHS))
def test_deadlines_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    path = tmp_path / "events.json"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    tally.cli_attempt("events: deadlines", lambda: cli_main(["deadlines", str(path), "--ics",
                                                             str(tmp_path / "d.ics")]),
                      lambda: capsys.readouterr().err)


@FUZZ
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_points_command_on_arbitrary_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes) -> None:
    path = tmp_path / "profile.json"
    path.write_bytes(raw)
    capsys.readouterr()
    tally.cli_attempt("profile: arbitrary bytes", lambda: cli_main(["points", str(path)]),
                      lambda: capsys.readouterr().err)


@FUZZ
@given(day=iso_dates | st.text(max_size=12), field=st.sampled_from(["--target-date", "--birth-date",
                                                                      "--passport-expiry"]))
def test_dates_typed_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str,
                                        field: str) -> None:
    if day.startswith("-"):
        day = " " + day  # a value, not an option
    capsys.readouterr()
    code = tally.cli_attempt("dates: case new", lambda: cli_main(["case", "new", "--route", "hsp-1b", "--procedure",
                                                                  "change", field, day]),
                             lambda: capsys.readouterr().err)
    if code == 0:  # an accepted date must not break the commands that count with it
        with open_store() as store:
            case_id = store.list_cases()[-1].id
        assert cli_main(["case", "deadlines", str(case_id)]) == 0, capsys.readouterr().err
        assert cli_main(["export", "checklist", str(case_id), "-o", str(tmp_path / "c.pdf")]) == 0
