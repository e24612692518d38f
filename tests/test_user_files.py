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
