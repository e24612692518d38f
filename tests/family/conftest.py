"""Fixtures for the family tests: the packaged route catalog."""

from __future__ import annotations

import pytest

from zairyu.domain.routes import RouteCatalog
from zairyu.paths import checklists_dir


@pytest.fixture(scope="session")
def catalog() -> RouteCatalog:
    return RouteCatalog.load(checklists_dir())
