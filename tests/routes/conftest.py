"""Fixtures for the route-data tests: the packaged catalog, and a writable copy of checklists/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zairyu.domain.routes import RouteCatalog
from zairyu.paths import checklists_dir


@pytest.fixture(scope="session")
def catalog() -> RouteCatalog:
    return RouteCatalog.load(checklists_dir())


@pytest.fixture
def checklists_copy(tmp_path: Path) -> Path:
    """A copy of the real checklists folder that a test may break."""
    target = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), target)
    return target
