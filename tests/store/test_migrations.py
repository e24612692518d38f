"""Migrations, starting from a real version-1 data folder (tests/store/data/v1, made by make_v1_fixture.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from store.helpers import V1_FIXTURE
from zairyu.domain.routes import RouteCatalog
from zairyu.store import SCHEMA_VERSION, StoreError, open_store
from zairyu.store.backups import list_backups
from zairyu.store.database import connect
from zairyu.store.migrations import migrate, schema_version
from zairyu.store.schema import MIGRATIONS


@pytest.fixture
def v1_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(V1_FIXTURE, target)
    return target


def _columns(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
    return {t: [(r[1], r[2]) for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}


def test_the_stored_file_is_version_1() -> None:
    conn = sqlite3.connect(f"{(V1_FIXTURE / 'zairyu.sqlite3').as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        conn.close()


def test_version_1_is_upgraded_with_every_value_kept(v1_data: Path, catalog: RouteCatalog) -> None:
    with open_store(v1_data, catalog=catalog, reconcile=False) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        case = store.get_case(1)
    assert (case.title, case.route, case.procedure, case.employer_category) == (
        "Change to engineer", "engineer-specialist", "change", 3)
    assert case.target_filing_date == dt.date(2026, 4, 1)
    assert case.notes == "Ask HR for the contract"
    applicant = case.applicant
    assert (applicant.name, applicant.nationality, applicant.birth_date, applicant.passport_number,
            applicant.passport_expiry, applicant.relation) == (
        "Maria Silva", "Brazil", dt.date(1994, 5, 10), "FZ123456", dt.date(2030, 1, 31), "main")
    photo = case.document("photo")
    assert (photo.status, photo.issued, photo.copies, photo.expiry) == ("received", dt.date(2026, 2, 20), 1, None)
    assert [a.original_name for a in photo.attachments] == ["photo-scan.png"]
    assert photo.attachments[0].path.is_file()
    retired = case.document("v1-retired-document")
    assert (retired.status, retired.translation, retired.notes) == (
        "requested", "in_progress", "Asked the university on 1 March")
    # The one v1 profile column became the first version of the history.
    assert len(case.points_history) == 1
    assert case.points_history[0].saved_at == "2026-03-01T09:00:00+00:00"
    assert case.points_profile is not None and case.points_profile["annual_salary_yen"] == 8_000_000
    assert case.events == []


def test_a_backup_of_the_old_file_is_taken_before_migrating(v1_data: Path, catalog: RouteCatalog) -> None:
    before = (v1_data / "zairyu.sqlite3").read_bytes()
    with open_store(v1_data, catalog=catalog, reconcile=False):
        pass
    kinds = [b.kind for b in list_backups(v1_data)]
    assert "pre-migration" in kinds
    backup = next(b for b in list_backups(v1_data) if b.kind == "pre-migration")
    assert backup.path.name.endswith("-pre-migration-v1.sqlite3")
    conn = sqlite3.connect(backup.path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT points_profile IS NOT NULL FROM cases").fetchone()[0] == 1
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    original = sqlite3.connect(":memory:")
    original.deserialize(before)
    assert dump == "\n".join(original.iterdump())


def test_upgraded_schema_equals_a_fresh_one(v1_data: Path, tmp_path: Path) -> None:
    old = connect(v1_data / "zairyu.sqlite3")
    fresh = connect(tmp_path / "fresh.sqlite3")
    try:
        migrate(old, v1_data / "zairyu.sqlite3")
        migrate(fresh, tmp_path / "fresh.sqlite3")
        assert _columns(old) == _columns(fresh)
    finally:
        old.close()
        fresh.close()


def test_upgraded_case_is_reconciled_with_todays_route_data(v1_data: Path, catalog: RouteCatalog) -> None:
    with open_store(v1_data, catalog=catalog) as store:
        case = store.get_case(1)
    codes = {d.code for d in case.documents}
    route = catalog.get("engineer-specialist")
    assert {d.code for d in route.documents if d.code == "photo"} <= codes
    retired = case.document("v1-retired-document")
    assert retired.required is False  # no longer listed, kept because it holds the user's notes
    assert retired.notes == "Asked the university on 1 March"
    assert case.document("cover-letter").user_added
    assert case.document("photo").attachments


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "zairyu.sqlite3")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer Zairyu"):
        open_store(data)


def test_version_4_gains_an_empty_translator_with_every_value_kept(tmp_path: Path, catalog: RouteCatalog) -> None:
    """A database of the schema before translators (version 4), with a case in it, opens with
    every document's values kept and no translator."""
    data = tmp_path / "data"
    data.mkdir()
    conn = connect(data / "zairyu.sqlite3")
    try:
        for migration in MIGRATIONS[:4]:
            migration.apply(conn)
        conn.execute("PRAGMA user_version = 4")
        conn.execute("INSERT INTO applicants (id, name) VALUES (1, 'Ana')")
        conn.execute("INSERT INTO cases (id, applicant_id, route, procedure, created_at, updated_at)"
                     " VALUES (1, 1, 'engineer-specialist', 'coe', '2026-01-01', '2026-01-01')")
        conn.execute("INSERT INTO documents (case_id, code, name_en, status, translation, notes)"
                     " VALUES (1, 'photo', 'Photo', 'received', 'in_progress', 'from the studio')")
        conn.commit()
    finally:
        conn.close()
    with open_store(data, catalog=catalog, reconcile=False) as store:
        assert schema_version(store.connection) == SCHEMA_VERSION >= 5
        photo = store.get_case(1).document("photo")
        assert (photo.status, photo.translation, photo.notes, photo.translator) == (
            "received", "in_progress", "from the studio", "")
        store.set_document(1, "photo", translator="Kenji Sato")
        assert store.get_case(1).document("photo").translator == "Kenji Sato"
    assert any(b.kind == "pre-migration" and b.path.name.endswith("-v4.sqlite3") for b in list_backups(data))
