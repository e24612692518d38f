"""Undoing a saved points profile removes exactly that version: the one before counts again."""

from __future__ import annotations

from pathlib import Path

import pytest

from zairyu.domain.routes import RouteCatalog
from zairyu.errors import UserInputError
from zairyu.store import open_store

PROFILE = {"category": "b", "application_date": "2026-04-01", "birth_date": "1990-06-15",
           "education": "master", "experience_years": 6, "annual_salary_yen": 8_000_000}


def test_remove_latest_points_restores_the_previous_version(tmp_path: Path, catalog: RouteCatalog) -> None:
    with open_store(tmp_path / "data", catalog=catalog) as store:
        case_id = store.create_case(route="hsp-1b", procedure="change")
        store.set_points(case_id, PROFILE)
        store.set_points(case_id, {**PROFILE, "bonuses": ["japanese_n1"]})
        store.remove_latest_points(case_id)
        assert store.get_case(case_id).points_profile == PROFILE
        store.remove_latest_points(case_id)
        assert store.get_case(case_id).points_profile is None
        with pytest.raises(UserInputError, match="no points profile"):
            store.remove_latest_points(case_id)
