"""`zairyu --version` and `zairyu routes` answered before the argument parser is built: the same bytes
as the parser's path, a stale index never shown, and a cache folder that cannot be written costs
only the speed."""

from __future__ import annotations

import marshal
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import REPO, run_cli

from zairyu import paths
from zairyu.cli import routes_index
from zairyu.cli.common import route_catalog
from zairyu.cli.main import main
from zairyu.cli.parser import parse

# What the fast paths exist to avoid: each costs more than the answer itself.
NOT_IMPORTED = {"argparse", "re", "enum", "dataclasses", "typing", "pathlib", "pickle", "json", "platformdirs"}


def _imports_of(args: list[str], data_dir: Path) -> tuple[str, set[str]]:
    """Run ``main(args)`` in a fresh interpreter: what it printed and the modules it imported."""
    script = (f"import sys\nfrom zairyu.cli.main import main\nassert main({args!r}) == 0\nsys.stdout.flush()\n"
              "print(' '.join(sys.modules), file=sys.stderr)")
    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True,
                            cwd=REPO)
    return result.stdout, set(result.stderr.split())


def _index_file(data_dir: Path) -> Path:
    return data_dir / "cache" / paths.RULES_CACHE_FOLDER / routes_index.INDEX_FILE


def test_version_prints_what_the_parser_prints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    fast = capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        parse(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr() == fast
    assert fast.out == f"zairyu {__import__('zairyu').__version__}\n"


def test_version_imports_no_parser(isolated_data_dir: Path) -> None:
    out, modules = _imports_of(["--version"], isolated_data_dir)
    assert out.startswith("zairyu ")
    assert not modules & NOT_IMPORTED


def test_routes_from_the_index_is_the_parsers_table_byte_for_byte(isolated_data_dir: Path) -> None:
    first = run_cli("routes", data_dir=isolated_data_dir)  # no index yet: the normal path writes it
    assert first.returncode == 0, first.stderr
    assert _index_file(isolated_data_dir).is_file()
    out, modules = _imports_of(["routes"], isolated_data_dir)
    assert not modules & NOT_IMPORTED, "the index was not used"
    # --data-dir is a form the fast path leaves to the parser: the normal path, same folder.
    normal = run_cli("--data-dir", str(isolated_data_dir), "routes")
    assert normal.returncode == 0, normal.stderr
    assert out == first.stdout == normal.stdout
    assert run_cli("routes", "--format=text", data_dir=isolated_data_dir).stdout == normal.stdout
    assert "技術・人文知識・国際業務" in out and "hsp-2" in out


@pytest.mark.parametrize("args", [["routes", "--help"], ["routes", "--format", "txt"], ["routes", "--form", "text"],
                                  ["route"], ["--version", "routes"], ["routes", "--format", "json"]])
def test_other_argument_forms_get_the_parsers_answer(isolated_data_dir: Path, args: list[str]) -> None:
    run_cli("routes", data_dir=isolated_data_dir)  # the index exists: only the argument form decides
    result = run_cli(*args, data_dir=isolated_data_dir)
    parsed = run_cli("--data-dir", str(isolated_data_dir), *args)  # a form always left to the parser
    assert (result.returncode, result.stdout, result.stderr) == (parsed.returncode, parsed.stdout, parsed.stderr)
    assert result.stdout or result.stderr


@pytest.fixture
def packaged_copy(checklists_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's checklists folder is a copy the test may edit (in this process)."""
    packaged = paths.packaged_folder
    monkeypatch.setattr(paths, "packaged_folder",
                        lambda name: str(checklists_copy) if name == "checklists" else packaged(name))
    route_catalog.cache_clear()
    yield checklists_copy
    route_catalog.cache_clear()


def _routes(capsys: pytest.CaptureFixture[str]) -> str:
    route_catalog.cache_clear()  # each call as a new process would
    assert main(["routes"]) == 0
    return capsys.readouterr().out


def test_an_edited_route_file_is_shown_at_once_and_the_index_rewritten(
        packaged_copy: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _routes(capsys)
    index = _index_file(isolated_data_dir)
    files, key, table = marshal.loads(index.read_bytes())
    assert table + "\n" == before
    # A recognisable table under the index's own key: a run that prints it was served from the index.
    index.write_bytes(marshal.dumps((files, key, "served-from-the-index")))
    assert "served-from-the-index" in _routes(capsys)

    route_file = packaged_copy / "hsp-1b.toml"
    route_file.write_text(route_file.read_text(encoding="utf-8").replace(
        'name_en = "Highly Skilled Professional (i)(b)', 'name_en = "Edited by hand (i)(b)', 1), encoding="utf-8")
    after = _routes(capsys)
    assert "served-from-the-index" not in after and "Edited by hand (i)(b)" in after
    assert after != before
    assert "Edited by hand (i)(b)" in marshal.loads(index.read_bytes())[2]
    assert _routes(capsys) == after  # now from the rewritten index


def test_a_deleted_route_file_is_the_parsers_error(packaged_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _routes(capsys)
    (packaged_copy / "j-find.toml").unlink()
    route_catalog.cache_clear()
    assert main(["routes"]) == 2
    assert "j-find.toml" in capsys.readouterr().err


@pytest.mark.parametrize("damage", [b"", b"not marshal", marshal.dumps(("a", "b", "c")), marshal.dumps(None),
                                    marshal.dumps(([], (), ["not", "a", "table"]))])
def test_a_damaged_index_is_not_used_and_is_rewritten(
        isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], damage: bytes) -> None:
    expected = _routes(capsys)
    index = _index_file(isolated_data_dir)
    index.write_bytes(damage)
    assert _routes(capsys) == expected
    assert marshal.loads(index.read_bytes())[2] == routes_index.text(route_catalog())


def test_a_cache_folder_in_the_way_costs_only_speed(isolated_data_dir: Path, tmp_path: Path) -> None:
    # A file where the rules cache folder should be: nothing can be written there, even by root.
    (isolated_data_dir / "cache").mkdir()
    (isolated_data_dir / "cache" / paths.RULES_CACHE_FOLDER).write_text("in the way")
    expected = run_cli("routes", data_dir=tmp_path / "other").stdout
    for _ in range(2):
        result = run_cli("routes", data_dir=isolated_data_dir)
        assert result.returncode == 0 and result.stderr == ""
        assert result.stdout == expected


def test_a_read_only_cache_folder_costs_only_speed(isolated_data_dir: Path, tmp_path: Path) -> None:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("unshare/mount not available")
    if subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], check=False).returncode != 0:
        pytest.skip("user and mount namespaces are not allowed here")
    expected = run_cli("routes", data_dir=tmp_path / "other").stdout
    cache = isolated_data_dir / "cache"
    (cache / paths.RULES_CACHE_FOLDER).mkdir(parents=True)
    folder = shlex.quote(str(cache))
    command = " ".join(shlex.quote(part) for part in (sys.executable, "-m", "zairyu", "routes"))
    script = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
              f"(touch {folder}/probe 2>/dev/null && echo WRITABLE); {command} && {command}")
    env = {**os.environ, paths.DATA_DIR_ENV: str(isolated_data_dir)}
    result = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
                            capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=False)
    if "mount:" in result.stderr:
        pytest.skip(f"read-only bind mounts are not allowed here: {result.stderr.strip()}")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert not result.stdout.startswith("WRITABLE")
    assert result.stdout == expected * 2
    assert not _index_file(isolated_data_dir).exists()


@pytest.mark.skipif(sys.platform == "win32", reason="the Windows cache folder comes from the system")
def test_the_fast_path_looks_in_the_users_own_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    guess = paths.quick_cache_dir()
    assert guess is not None and paths.is_cache_dir(guess)
    monkeypatch.delenv("XDG_CACHE_HOME")
    guess = paths.quick_cache_dir()
    assert guess is not None and paths.is_cache_dir(guess)


def test_an_index_is_never_written_outside_the_cache_folder(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    expected = _routes(capsys)
    monkeypatch.setattr(paths, "quick_cache_dir", lambda: str(elsewhere))  # a guess that is not cache_dir()
    assert _routes(capsys) == expected
    assert not elsewhere.exists()


def test_checklist_reads_only_its_own_route_file(packaged_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (packaged_copy / "dependent.toml").write_text("not = [valid", encoding="utf-8")
    assert main(["checklist", "--route", "hsp-1b", "--procedure", "change", "--format", "json"]) == 0
    assert '"route": "hsp-1b"' in capsys.readouterr().out
    assert main(["checklist", "--route", "dependent", "--procedure", "coe"]) == 2
    assert "dependent.toml" in capsys.readouterr().err
    assert main(["checklist", "--route", "nope", "--procedure", "coe"]) == 2
    assert "unknown route 'nope'; valid: engineer-specialist, hsp-1a" in capsys.readouterr().err


def test_a_route_file_saved_while_the_catalog_reads_it_leaves_no_stale_index(
        packaged_copy: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor's save (or a git checkout) between reading the route files and writing the index
    must not file the old table under the new file's key."""
    from zairyu.domain.routes import RouteCatalog

    original = RouteCatalog.__dict__["load"]
    load = original.__func__

    def load_then_edit(cls: type[RouteCatalog], directory: Path) -> RouteCatalog:
        catalog = load(cls, directory)
        route_file = packaged_copy / "hsp-1b.toml"
        route_file.write_text(route_file.read_text(encoding="utf-8").replace(
            'name_en = "Highly Skilled Professional (i)(b)', 'name_en = "Saved meanwhile (i)(b)', 1),
            encoding="utf-8")
        return catalog

    monkeypatch.setattr(RouteCatalog, "load", classmethod(load_then_edit))
    assert "Saved meanwhile" not in _routes(capsys)  # read before the save
    monkeypatch.setattr(RouteCatalog, "load", original)
    assert "Saved meanwhile" in _routes(capsys)  # the next run sees the saved file


def test_a_dangling_link_among_the_modules_is_no_module(tmp_path: Path) -> None:
    """An editor's lock file (.#main.py, a link to nowhere) must not stop every command."""
    from zairyu.source_fingerprint import source_fingerprint

    (tmp_path / "real.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / ".#real.py").symlink_to("user@host.1234:5678")
    assert [name for name, _size, _mtime in source_fingerprint(str(tmp_path))] == ["real.py"]
