"""Every user JSON file is read the same way: one line naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from zairyu.errors import UserInputError
from zairyu.user_files import read_json_file


def test_reads_json(tmp_path: Path) -> None:
    good = tmp_path / "p.json"
    good.write_text('{"category": "b"}', encoding="utf-8")
    assert read_json_file(good, "profile") == {"category": "b"}


@pytest.mark.parametrize("content, message", [
    (b"{\"a\": ", r"p\.json: not valid JSON \(line 1, column 7"),
    (b"\xff\xfe{}", r"p\.json: the profile is not UTF-8 text"),
])
def test_bad_content_is_named(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "p.json"
    bad.write_bytes(content)
    with pytest.raises(UserInputError, match=message):
        read_json_file(bad, "profile")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match=r"nope\.json: no such file"):
        read_json_file(tmp_path / "nope.json", "events")
    with pytest.raises(UserInputError, match=r"is a folder, not a file"):
        read_json_file(tmp_path, "events")


def test_a_key_given_twice_is_refused_by_name(tmp_path: Path) -> None:
    twice = tmp_path / "p.json"
    twice.write_text('{"category": "b", "bonuses": [], "category": "c"}', encoding="utf-8")
    with pytest.raises(UserInputError, match=r"p\.json: category: given twice"):
        read_json_file(twice, "profile")


@pytest.mark.parametrize("content, message", [
    ("[" * 5000 + "]" * 5000, r"p\.json: nested 5000 levels deep"),
    ('{"a": ' + "[" * 65 + "]" * 65 + "}", r"p\.json: nested 66 levels deep"),
    ('{"annual_salary_yen": ' + "9" * 5000 + "}", r"p\.json: a number of 5000 characters"),
    ('{"x": 1.' + "5" * 400 + "}", r"p\.json: a number of 402 characters"),
    ('{"x": NaN}', r"p\.json: NaN is not a number JSON allows"),
    ('{"x": -Infinity}', r"p\.json: -Infinity is not a number JSON allows"),
])
def test_hostile_json_is_refused_in_one_line(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "p.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(UserInputError, match=message) as caught:
        read_json_file(bad, "profile")
    assert "\n" not in str(caught.value)


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path: Path) -> None:
    text = tmp_path / "p.json"
    text.write_text('{"notes": "' + "[{" * 500 + '\\" ]"}', encoding="utf-8")
    assert read_json_file(text, "profile") == {"notes": "[{" * 500 + '" ]'}
