"""Helpers of the store tests: real PDFs (pikepdf), real images (Pillow), the CLI as a subprocess."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pikepdf
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
V1_FIXTURE = Path(__file__).resolve().parent / "data" / "v1"


def make_pdf(path: Path, pages: int = 1, *, owner: str | None = None, user: str | None = None,
             marker: str = "") -> Path:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    if marker:  # different bytes for different test files
        pdf.docinfo["/Title"] = marker
    if owner is not None or user is not None:
        pdf.save(path, encryption=pikepdf.Encryption(owner=owner or "", user=user or "", R=6))
    else:
        pdf.save(path)
    return path


def make_image(path: Path, fmt: str = "JPEG", size: tuple[int, int] = (300, 400),
               color: tuple[int, int, int] = (250, 250, 245)) -> Path:
    Image.new("RGB", size, color).save(path, fmt)
    return path


def make_large_png(path: Path, side: int = 1500) -> Path:
    """A PNG of noise stored uncompressed: side × side × 3 bytes (6.75 MB for 1500), a real scan's size."""
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(path, "PNG", compress_level=0)
    return path


def image_bytes(fmt: str = "PNG", color: tuple[int, int, int] = (10, 20, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), color).save(buffer, fmt)
    return buffer.getvalue()


def python_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["ZAIRYU_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = str(REPO / "desktop") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_zairyu(data_dir: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zairyu", *args], capture_output=True, text=True,
                          env=python_env(data_dir), cwd=REPO, timeout=120, check=False, **kwargs)  # type: ignore[call-overload]


def new_case_id(stdout: str) -> int:
    """`case new` prints the id as the last word of its line."""
    return int(stdout.strip().splitlines()[-1].split()[-1])


def modes(root: Path) -> dict[str, str]:
    """Relative path -> octal permissions of everything under ``root`` (and root itself as '.')."""
    found = {".": oct(stat.S_IMODE(os.lstat(root).st_mode))}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            if not path.is_symlink():
                found[str(path.relative_to(root))] = oct(stat.S_IMODE(os.lstat(path).st_mode))
    return found


def assert_private(root: Path) -> None:
    loose = {name: mode for name, mode in modes(root).items()
             if mode not in ("0o700", "0o600") or (Path(root, name).is_dir() != (mode == "0o700"))}
    assert not loose, loose
