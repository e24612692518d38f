"""A full disk while an export writes: one line naming the output file, and nothing left behind
(neither the target nor a temporary part). The disk is filled with RLIMIT_FSIZE, which binds root
too, and, where this machine allows mount namespaces, with a real 64 kB tmpfs."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from store.helpers import REPO, make_pdf, python_env
from zairyu.store import open_store


@pytest.fixture
def data_with_packet(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with open_store(data) as store:
        case_id = store.create_case(route="hsp-1b", procedure="change")  # checklist ~140 kB
        store.attach(case_id, "photo", make_pdf(tmp_path / "scan.pdf", pages=3000))  # ~700 kB
    return data


def _limit_file_size() -> None:
    # Above the database (about 80 kB, rewritten by nothing an export does), below every PDF.
    resource.setrlimit(resource.RLIMIT_FSIZE, (110_000, 110_000))


def _assert_one_line_nothing_left(result: subprocess.CompletedProcess[str], target: Path) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"zairyu: -o {target}: could not be written (") and "no file was written" in lines[0]
    assert list(target.parent.iterdir()) == [], "no output and no temporary part"


@pytest.mark.parametrize("kind", ["checklist", "packet"])
def test_full_disk_during_export_is_one_line_and_leaves_nothing(data_with_packet: Path, tmp_path: Path,
                                                                 kind: str) -> None:
    out = tmp_path / "out" / f"{kind}.pdf"
    out.parent.mkdir()
    result = subprocess.run([sys.executable, "-m", "zairyu", "export", kind, "1", "-o", str(out)],
                            capture_output=True, text=True, env=python_env(data_with_packet), cwd=REPO, timeout=120,
                            check=False, preexec_fn=_limit_file_size)
    _assert_one_line_nothing_left(result, out)


def test_a_really_full_tmpfs_during_export(data_with_packet: Path, tmp_path: Path) -> None:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("unshare/mount not available")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    out = mount / "checklist.pdf"
    script = (f"mount -t tmpfs -o size=64k tmpfs {mount} || exit 77; "
              f"{sys.executable} -m zairyu export checklist 1 -o {out}; code=$?; ls -A {mount} >&2; exit $code")
    for prefix in (["unshare", "--mount"], ["unshare", "--user", "--map-root-user", "--mount"]):
        result = subprocess.run([*prefix, "sh", "-c", script], capture_output=True, text=True, cwd=REPO,
                                env=python_env(data_with_packet), timeout=120, check=False)
        if result.returncode != 77 and "Operation not permitted" not in result.stderr:
            break
    else:
        pytest.skip(f"mount namespaces are not allowed here: {result.stderr.strip()}")
    # ls -A printed nothing after the error line: the tmpfs holds no file at all.
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0] and f"-o {out}" in lines[0], result.stderr
