"""Fixtures of the store tests: the route catalog and an open store in the test's data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zairyu.domain.routes import RouteCatalog
from zairyu.paths import checklists_dir
from zairyu.store import Store, open_store


@pytest.fixture(scope="session")
def catalog() -> RouteCatalog:
    return RouteCatalog.load(checklists_dir())


@pytest.fixture
def store(isolated_data_dir: Path, catalog: RouteCatalog) -> Iterator[Store]:
    with open_store(isolated_data_dir, catalog=catalog) as opened:
        yield opened
