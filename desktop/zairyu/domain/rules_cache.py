"""Validated rules files kept between runs, so a command or the window does not validate them again.

Parsing and validating every rules file costs more than the rest of a short command. Each file's
validated model is pickled into the user cache folder under a key made of the file's bytes
themselves (comparing them is exact, and cheaper than hashing them), the model's name, the code
that defines the models, and the versions of Zairyu, Python and (for a pydantic model) pydantic.
A rules file edited by hand, an upgrade, or a cache file that is damaged or of another kind all
mean the file is parsed and validated as before and the cache written again. The cache is never
the source of truth: deleting it is always safe, and failing to write it (a read-only folder) only
costs the next run the validation.
"""

from __future__ import annotations

import _thread
import contextlib
import os
import pickle
import sys
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from zairyu import __version__, paths
from zairyu.source_fingerprint import source_fingerprint

Model = TypeVar("Model")

@cache
def domain_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """The modules of the domain layer (``source_fingerprint``): a model changed in an editable
    install invalidates the cache even though the version number stays the same."""
    return source_fingerprint(os.path.dirname(os.path.realpath(__file__)))


def cache_file(path: Path, model: type) -> Path:
    """Where the validated ``path`` is kept; one file per rules file and model (the tests' copies
    of the rules in temporary folders do not overwrite the packaged ones'). The folder is told
    apart by a CRC of its path: two folders that share one only overwrite each other's file, which
    the key (the file's bytes) keeps from ever serving the wrong rules."""
    where = zlib.crc32(str(path.resolve()).encode("utf-8", "surrogateescape"))
    return paths.cache_dir() / paths.RULES_CACHE_FOLDER / f"{path.stem}-{model.__name__}-{where:08x}.pickle"


def _key(data: bytes, model: type) -> tuple[object, ...]:
    # A pickled pydantic model (the points table) holds pydantic's own state: an upgrade of pydantic
    # invalidates it. The dataclasses (routes, fees, deadline and online-system rules) do not depend on it.
    is_pydantic = any(base.__module__.startswith("pydantic") for base in model.__mro__)
    pydantic_version = sys.modules["pydantic"].VERSION if is_pydantic else None
    return (data, f"{model.__module__}.{model.__qualname__}", __version__, sys.version, pydantic_version,
            domain_fingerprint())


def _read(target: Path, key: tuple[object, ...], model: type[Model]) -> Model | None:
    try:
        with open(target, "rb") as handle:
            stored_key, value = pickle.load(handle)
    except Exception:  # missing, truncated, from another version of a class: validate instead
        return None
    return value if stored_key == key and type(value) is model else None


def write_cache_file(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data``, or leave it as it was when the folder cannot be written
    (a read-only cache only costs the next run the work the file saves)."""
    # One temporary file per process and thread: two writers never share one.
    temp = target.with_name(f"{target.name}.{os.getpid()}-{_thread.get_ident()}.tmp")
    try:
        # Private like every file in the data folder (0700/0600 whatever the umask), although it
        # holds only what the published rules say.
        for folder in reversed([target.parent, *target.parent.parents]):
            if not folder.exists():
                folder.mkdir(mode=0o700)
        with os.fdopen(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
            handle.write(data)
        os.replace(temp, target)  # a reader sees the old file or the new one, never half of one
    except OSError:
        with contextlib.suppress(OSError):  # a file where a folder should be: no temporary file either
            temp.unlink(missing_ok=True)


def load_cached(path: Path, model: type[Model], validate: Callable[[bytes | None], Model]) -> Model:
    """``path`` as a validated ``model``: from the cache when it matches the file's bytes, else
    ``validate(data)``, which raises the DataFileError of a malformed file (nothing is cached then).
    An unreadable file is ``validate(None)``: the validator reads it again and words the error."""
    try:
        data = path.read_bytes()
    except OSError:
        return validate(None)
    key = _key(data, model)
    target = cache_file(path, model)
    cached = _read(target, key, model)
    if cached is not None:
        return cached
    value = validate(data)
    write_cache_file(target, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    return value
