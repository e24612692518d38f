"""The table of ``zairyu routes``, kept in the rules cache folder so that the command can print it
without loading the route files: without argparse, the rules cache, pickle, pathlib and the route
models, whose imports cost several times more than printing the table.

The index holds the table as the normal path prints it, under a key of what it was made from: the
versions of Zairyu and Python, the checklists folder, the size and modification time (ns) of each
route file, and the same of every module of the domain and CLI code. The normal path
(``common.route_catalog``) writes it whenever the index does not match, so an edited route file or
an upgrade is shown at the next run. Why a stat is enough: the table holds only names the route
files state, made by the code the key covers; changing a file's bytes without changing its size or
its modification time needs a tool that sets the old time back on purpose, and even then the
validated rules (the rules cache keys on the bytes themselves) decide every checklist: only this
listing would lag. (A PyInstaller bundle carries no ``.py`` files to stat: there the version number
and the route files stand for the code, as they do for the rules cache.)"""

from __future__ import annotations

import marshal
import os
import sys

from zairyu import __version__, paths
from zairyu.source_fingerprint import source_fingerprint

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from zairyu.domain.routes import RouteCatalog

HEADERS = ["route", "English", "日本語", "procedures"]
INDEX_FILE = "routes-table.marshal"

Stats = tuple[tuple[str, int, int], ...]  # (file, size, mtime_ns) of each file
Key = tuple[str, str, str, Stats, Stats, Stats]


def text(catalog: RouteCatalog) -> str:
    """The table: what it shows of each route."""
    from zairyu.cli.common import table

    rows = [[r.id.value, r.name_en, r.name_ja, ", ".join(p.id.value for p in r.procedures)] for r in catalog]
    return table(rows, HEADERS)


def _key(folder: str, files: list[str]) -> Key:
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    stats = []
    for name in files:
        stat = os.stat(os.path.join(folder, name))
        stats.append((name, stat.st_size, stat.st_mtime_ns))
    return (__version__, sys.version, folder, tuple(stats),
            source_fingerprint(os.path.join(package, "domain")), source_fingerprint(os.path.join(package, "cli")))


def _index_path(cache: str) -> str:
    return os.path.join(cache, paths.RULES_CACHE_FOLDER, INDEX_FILE)


def _stored(cache: str) -> tuple[list[str], Key, str] | None:
    # marshal, not pickle or JSON: it reads back only plain values, and it is built in, where pickle
    # and json import re. The file is as private as the rules cache's pickles (0600 in a 0700 folder).
    try:
        with open(_index_path(cache), "rb") as handle:
            files, key, table = marshal.load(handle)
    except Exception:  # missing, truncated, damaged, written by another Python: not an index
        return None
    return files, key, table


def cached_text() -> str | None:
    """The table while the index matches the route files and the code; None otherwise."""
    cache = paths.quick_cache_dir()
    stored = _stored(cache) if cache is not None else None
    if stored is None:
        return None
    files, key, table = stored
    try:
        current = _key(paths.packaged_folder("checklists"), files)
    except (OSError, TypeError, ValueError):  # a route file the index names is gone, or no name
        return None
    return table if key == current and isinstance(table, str) else None


def key_before_loading() -> tuple[list[str], Key] | None:
    """The route files and their key as they are before the catalog reads them (None: one is
    missing, which loading the catalog reports). Taken first so that a file saved while the
    catalog reads it leaves an index that no longer matches, rewritten at the next load, rather
    than the old table under the new file's key."""
    from zairyu.domain.routes import RouteId

    files = [f"{route_id.value}.toml" for route_id in RouteId]  # what RouteCatalog.load reads
    try:
        return files, _key(paths.packaged_folder("checklists"), files)
    except OSError:
        return None


def refresh(catalog: RouteCatalog, before: tuple[list[str], Key] | None) -> None:
    """Write the index of ``catalog`` (the packaged route files, just loaded; ``before``: their
    key from ``key_before_loading``) unless the one in the cache folder matches it. Only into the
    real cache folder, where ``cached_text`` looks."""
    from pathlib import Path

    from zairyu.domain.rules_cache import write_cache_file

    cache = paths.quick_cache_dir()
    if before is None or cache is None or not paths.is_cache_dir(cache):
        return
    files, key = before
    stored = _stored(cache)
    if stored is None or stored[:2] != (files, key) or not isinstance(stored[2], str):
        write_cache_file(Path(_index_path(cache)), marshal.dumps((files, key, text(catalog))))
