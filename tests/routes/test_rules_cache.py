"""The rules cache: a validated rules file is served from the cache while its bytes are unchanged,
validated again when it changes, and a damaged cache falls back to validation."""

from __future__ import annotations

import pickle
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
    _rewrite_cached(path, RouteSpec, first.model_copy(update={"name_en": "served from the cache"}))
    assert load_route_file(path).name_en == "served from the cache"


def test_the_cached_catalog_equals_a_freshly_validated_one(checklists_copy: Path) -> None:
    fresh = RouteCatalog.load(checklists_copy)
    cached = RouteCatalog.load(checklists_copy)
    assert [route.model_dump() for route in cached] == [route.model_dump() for route in fresh]


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
