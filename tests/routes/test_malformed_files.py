"""A broken route or fee file fails with the file, the key and what is wrong (a copy in a temp dir)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zairyu.domain.fees import load_fee_file
from zairyu.domain.routes import RouteCatalog, load_route_file
from zairyu.errors import DataFileError


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def nth_document(path: Path, n: int) -> tuple[int, int]:
    """Start and end offsets of the n-th [[documents]] table (0-based)."""
    text = path.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^\[\[documents\]\]$", text, re.M)]
    end = starts[n + 1] if n + 1 < len(starts) else len(text)
    return starts[n], end


def load_error(path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        load_route_file(path)
    assert info.value.file == str(path)
    assert str(info.value).startswith(f"{path}: {info.value.key}: ")
    return info.value


def test_bad_toml_syntax_names_the_file(checklists_copy: Path) -> None:
    path = checklists_copy / "hsp-1b.toml"
    edit(path, 'id = "hsp-1b"', 'id = "hsp-1b')
    error = load_error(path)
    assert error.file == str(path)
    assert error.key == "(syntax)"
    assert str(path) in str(error)
    assert "line" in error.problem


def test_missing_japanese_name_names_the_document(checklists_copy: Path) -> None:
    path = checklists_copy / "engineer-specialist.toml"
    start, end = nth_document(path, 3)
    text = path.read_text(encoding="utf-8")
    block = re.sub(r"^name_ja = .*\n", "", text[start:end], count=1, flags=re.M)
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")
    error = load_error(path)
    assert error.key.startswith("documents[3] (code=")
    assert error.key.endswith(".name_ja")
    assert "required" in error.problem.lower()


def test_wrong_issuer_names_the_key_and_the_bad_value(checklists_copy: Path) -> None:
    path = checklists_copy / "j-find.toml"
    edit(path, 'issuer = "bank"', 'issuer = "the bank"')
    error = load_error(path)
    assert re.fullmatch(r"documents\[\d+\] \(code=bank-balance\)\.issuer", error.key)
    assert "applicant" in error.problem  # pydantic lists the valid values


def test_duplicate_code_names_the_second_document(checklists_copy: Path) -> None:
    path = checklists_copy / "permanent-residence.toml"
    edit(path, 'code = "assets-proof"', 'code = "photo"')
    error = load_error(path)
    assert re.fullmatch(r"documents\[\d+\]\.code", error.key)
    assert "'photo' appears twice" in error.problem


def test_unknown_key_is_rejected(checklists_copy: Path) -> None:
    path = checklists_copy / "hsp-2.toml"
    edit(path, 'code = "photo"', 'code = "photo"\nfreshnes = "photo_6_months"')
    error = load_error(path)
    assert error.key.endswith(".freshnes")


def test_evidence_row_must_match_its_points_items(checklists_copy: Path) -> None:
    path = checklists_copy / "hsp-1c.toml"
    edit(path, 'form_number = "⑳"', 'form_number = "⑲"')
    error = load_error(path)
    assert "code=evidence-position" in error.key
    assert error.key.endswith(".form_number")


def test_a_condition_the_route_cannot_ask_is_rejected(checklists_copy: Path) -> None:
    # J-Find has no employer categories: a category condition would hide the document for ever.
    path = checklists_copy / "j-find.toml"
    stay_plan = 'name_ja = "滞在予定表"\nissuer = "applicant"\ntranslation_rule = "always"\n'
    edit(path, stay_plan + 'when = { procedures = ["coe", "change"] }',
         stay_plan + 'when = { employer_categories = [3] }')
    error = load_error(path)
    assert "code=stay-plan" in error.key
    assert error.key.endswith(".when.employer_categories")
    assert "does not use employer categories" in error.problem


def test_a_procedure_the_route_does_not_have_is_rejected(checklists_copy: Path) -> None:
    path = checklists_copy / "hsp-2.toml"
    edit(path, 'when = { procedures = ["change"] }', 'when = { procedures = ["coe"] }')
    error = load_error(path)
    assert error.key.endswith(".when.procedures")
    assert "'coe' is not a procedure of this route" in error.problem


def test_file_name_must_match_the_route_id(checklists_copy: Path) -> None:
    path = checklists_copy / "hsp-1a.toml"
    renamed = checklists_copy / "hsp-1x.toml"
    path.rename(renamed)
    error = load_error(renamed)
    assert error.key == "id"
    with pytest.raises(DataFileError, match=r"hsp-1a\.toml: \(file\): the route file is missing"):
        RouteCatalog.load(checklists_copy)


def test_the_catalog_reports_the_broken_file(checklists_copy: Path) -> None:
    edit(checklists_copy / "j-skip.toml", 'source_tier = "secondary"', 'source_tier = "blog"')
    with pytest.raises(DataFileError) as info:
        RouteCatalog.load(checklists_copy)
    assert info.value.file.endswith("j-skip.toml")
    assert info.value.key.endswith(".source_tier")


def test_fee_file_with_overlapping_dates_is_rejected(checklists_copy: Path) -> None:
    path = checklists_copy / "fees.toml"
    edit(path, "effective_until = 2025-03-31", "effective_until = 2025-04-01")
    with pytest.raises(DataFileError) as info:
        load_fee_file(path)
    assert re.fullmatch(r"fees\[\d+\]", info.value.key)
    assert "overlap" in info.value.problem


def test_fee_file_with_a_bad_amount_names_the_entry(checklists_copy: Path) -> None:
    path = checklists_copy / "fees.toml"
    edit(path, "counter_yen = 6000", "counter_yen = -6000")
    with pytest.raises(DataFileError) as info:
        load_fee_file(path)
    assert info.value.key == "fees[0].counter_yen"


def _document_field(path: Path, n: int, line: str) -> None:
    """Add ``line`` to the n-th document (after its code)."""
    start, end = nth_document(path, n)
    text = path.read_text(encoding="utf-8")
    block = re.sub(r"^(code = .*)$", lambda m: f"{m[1]}\n{line}", text[start:end], count=1, flags=re.M)
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


@pytest.mark.parametrize(("line", "key", "problem"), [
    ("copies = 11", "copies", "11 is not between 0 and 10"),
    ('name_en = ""', "name_en", "must not be empty"),
])
def test_a_value_out_of_range_names_the_document_and_key(checklists_copy: Path, line: str, key: str,
                                                         problem: str) -> None:
    path = checklists_copy / "engineer-specialist.toml"
    text = path.read_text(encoding="utf-8")
    start, end = nth_document(path, 2)
    block = re.sub(rf"^{line.split(' ')[0]} = .*\n", "", text[start:end], flags=re.M)  # the file's own value
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")
    _document_field(path, 2, line)
    error = load_error(path)
    assert re.fullmatch(rf"documents\[2\] \(code=[a-z0-9-]+\)\.{key}", error.key), error.key
    assert error.problem == problem


def test_a_bad_document_code_and_a_short_source_are_named(checklists_copy: Path) -> None:
    path = checklists_copy / "j-find.toml"
    edit(path, 'code = "bank-balance"', 'code = "Bank balance"')
    error = load_error(path)
    assert error.key.endswith("(code=Bank balance).code") and "is not a document code" in error.problem
    edit(path, 'code = "Bank balance"', 'code = "bank-balance"')
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'^source = "https://[^"]*"', 'source = "web"', text, count=1, flags=re.M),
                    encoding="utf-8")
    error = load_error(path)
    assert error.key == "source" and "source" in error.problem


def test_an_employer_category_outside_1_to_4_is_named(checklists_copy: Path) -> None:
    path = checklists_copy / "engineer-specialist.toml"
    edit(path, "employer_categories = [1] }", "employer_categories = [5] }")
    error = load_error(path)
    assert error.key.endswith(".when.employer_categories[0]") and "5 is not a category (1-4)" in error.problem


def test_a_negative_fee_names_the_entry(checklists_copy: Path) -> None:
    path = checklists_copy / "fees.toml"
    edit(path, "counter_yen = 6000", "counter_yen = -6000")
    with pytest.raises(DataFileError) as info:
        load_fee_file(path)
    assert re.fullmatch(r"fees\[\d+\]\.counter_yen", info.value.key), info.value.key
    assert info.value.problem == "must not be negative"
