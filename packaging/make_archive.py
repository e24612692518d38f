"""Pack the PyInstaller folder into the archive a user downloads, and check its size.

    python packaging/make_archive.py DIST_FOLDER VERSION OUT_DIR [--max-mb 200]

writes ``OUT_DIR/zairyu-VERSION-linux-x86_64.tar.gz`` (the system and machine as Python reports
them) whose one top folder, ``zairyu-VERSION/``, holds the ``zairyu`` executable. It prints the
unpacked and packed sizes, and exits 1 without writing when the unpacked bundle is over the limit:
a bundle that grew past it has picked up something it does not use.

The archive is reproducible for the same files: entries are sorted, owned by root, and carry the
files' own modes and times.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tarfile
from pathlib import Path

MB = 1000 * 1000  # decimal megabytes, the stricter reading of the 200 MB limit


def archive_name(version: str, system: str | None = None, machine: str | None = None) -> str:
    system = (system or platform.system()).lower()
    machine = (machine or platform.machine()).lower()
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)
    return f"zairyu-{version}-{system}-{machine}.tar.gz"


def unpacked_size(folder: Path) -> int:
    """Bytes of every regular file under ``folder`` (links counted once, as tar stores them)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_archive(dist: Path, version: str, out_dir: Path, *, max_bytes: int) -> Path:
    if not (dist / "zairyu").is_file():
        raise SystemExit(f"make_archive: {dist} holds no 'zairyu' executable; build the bundle first")
    size = unpacked_size(dist)
    print(f"bundle unpacked: {size / MB:.1f} MB in {dist}")
    if size > max_bytes:
        raise SystemExit(f"make_archive: the bundle is {size / MB:.1f} MB unpacked, over the "
                         f"{max_bytes / MB:.0f} MB limit; see the excludes in packaging/zairyu.spec")
    top = f"zairyu-{version}"
    target = out_dir / archive_name(version)
    partial = target.with_name(target.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(dist, arcname=top, recursive=False, filter=_normalise)
        for path in sorted(dist.rglob("*")):
            tar.add(path, arcname=f"{top}/{path.relative_to(dist).as_posix()}", recursive=False,
                    filter=_normalise)
    os.replace(partial, target)
    print(f"archive: {target} ({target.stat().st_size / MB:.1f} MB)")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path)
    parser.add_argument("version")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--max-mb", type=float, default=200)
    args = parser.parse_args(argv)
    make_archive(args.dist, args.version, args.out_dir, max_bytes=int(args.max_mb * MB))
    return 0


if __name__ == "__main__":
    sys.exit(main())
