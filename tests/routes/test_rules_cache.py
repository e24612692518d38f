"""The rules cache: a validated rules file is served from the cache while its bytes are unchanged,
validated again when it changes, and a damaged cache falls back to validation."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from zairyu.domain import rules_cache
from zairyu.domain.fees import FeeTable, load_fee_file
from zairyu.domain.routes import RouteCatalog, RouteSpec, load_route_file
from zairyu.errors import DataFileError


def _cached(path: Path, model: type) -> tuple[object, object]:
    with open(rules_cache.cache_file(path, model), "rb") as handle:
        key, value = pickle.load(handle)
    return key, value


def _rewrite_cached(path: Path, model: type, value: object) -> None:
    key, _ = _cached(path, model)
    with open(rules_cache.cache_file(path, model), "wb") as handle:
        pickle.dump((key, value), handle)


def test_a_second_load_is_served_from_the_cache(checklists_copy: Path) -> None:
    path = checklists_copy / "hsp-1b.toml"
    first = load_route_file(path)
    assert rules_cache.cache_file(path, RouteSpec).is_file()
    # Put a recognisable value under the file's own key: a load that returns it read the cache
    # instead of validating the file again.
    _rewrite_cached(path, RouteSpec, dataclasses.replace(first, name_en="served from the cache"))
    assert load_route_file(path).name_en == "served from the cache"


def test_the_cached_catalog_equals_a_freshly_validated_one(checklists_copy: Path) -> None:
    fresh = RouteCatalog.load(checklists_copy)
    cached = RouteCatalog.load(checklists_copy)
    assert list(cached) == list(fresh)


def test_an_edited_rules_file_is_validated_again(checklists_copy: Path) -> None:
    path = checklists_copy / "hsp-1b.toml"
    before = load_route_file(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'name_en = "{before.name_en}"', 'name_en = "Edited by hand"', 1), encoding="utf-8")
    assert load_route_file(path).name_en == "Edited by hand"
    _, value = _cached(path, RouteSpec)
    assert isinstance(value, RouteSpec) and value.name_en == "Edited by hand"


def test_a_file_broken_after_it_was_cached_still_fails_with_file_and_key(checklists_copy: Path) -> None:
    path = checklists_copy / "fees.toml"
    load_fee_file(path)
    path.write_text(path.read_text(encoding="utf-8").replace("counter_yen = ", "counter_yen = -", 1),
                    encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_fee_file(path)
    assert info.value.file == str(path) and "counter_yen" in info.value.key


@pytest.mark.parametrize("damage", [b"", b"not a pickle at all", b"\x80\x05\x95garbage"])
def test_a_damaged_cache_falls_back_to_validation_and_is_rewritten(checklists_copy: Path, damage: bytes) -> None:
    path = checklists_copy / "fees.toml"
    expected = load_fee_file(path)
    rules_cache.cache_file(path, FeeTable).write_bytes(damage)
    assert load_fee_file(path) == expected
    _, value = _cached(path, FeeTable)
    assert value == expected


def test_a_cached_value_of_another_model_is_not_used(checklists_copy: Path) -> None:
    path = checklists_copy / "fees.toml"
    expected = load_fee_file(path)
    _rewrite_cached(path, FeeTable, load_route_file(checklists_copy / "hsp-1b.toml"))
    assert load_fee_file(path) == expected


def test_a_missing_rules_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        load_fee_file(tmp_path / "fees.toml")
    assert info.value.file == str(tmp_path / "fees.toml")


def test_routes_and_fees_from_the_cache_need_no_pydantic(checklists_copy: Path) -> None:
    RouteCatalog.load(checklists_copy)
    load_fee_file(checklists_copy / "fees.toml")
    script = f"""
import sys
from pathlib import Path
from zairyu.domain.fees import load_fee_file
from zairyu.domain.routes import RouteCatalog
RouteCatalog.load(Path({str(checklists_copy)!r}))
load_fee_file(Path({str(checklists_copy)!r}) / "fees.toml")
print("pydantic" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False", "a cached run imports pydantic, the largest part of a short command"


def test_threads_validating_one_file_at_once_leave_a_valid_cache(checklists_copy: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    path = checklists_copy / "hsp-1b.toml"
    with ThreadPoolExecutor(max_workers=8) as pool:
        routes = list(pool.map(lambda _: load_route_file(path), range(16)))
    assert all(route == routes[0] for route in routes)
    _, value = _cached(path, RouteSpec)
    assert value == routes[0]
    assert not list(rules_cache.cache_file(path, RouteSpec).parent.glob("*.tmp"))


def test_the_cache_is_private_whatever_the_umask(checklists_copy: Path, isolated_data_dir: Path) -> None:
    import os
    import stat

    previous = os.umask(0)
    try:
        load_fee_file(checklists_copy / "fees.toml")
    finally:
        os.umask(previous)
    target = rules_cache.cache_file(checklists_copy / "fees.toml", FeeTable)
    assert target.is_relative_to(isolated_data_dir)  # with ZAIRYU_DATA_DIR the cache is in the data folder
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    for folder in (target.parent, target.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_zairyu_checklist_with_the_rules_cached_imports_no_pydantic(isolated_data_dir: Path) -> None:
    script = """
import contextlib, io, sys
from zairyu.cli.main import main
args = ["checklist", "--route", "hsp-1b", "--procedure", "change", "--format", "json"]
with contextlib.redirect_stdout(io.StringIO()):
    assert main(args) == 0
print("pydantic" in sys.modules)
"""
    subprocess.run([sys.executable, "-c", script], check=True, capture_output=True)  # fills the cache
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False", "pydantic is the largest part of a short command"
