"""Fixtures for the points tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def profile_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a profile dict to a JSON file and return its path."""

    def _write(data: dict[str, Any], name: str = "profile.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    return _write
