"""Validated rules files kept between runs, so a command or the window does not validate them again.

Parsing and validating every rules file costs more than the rest of a short command. Each file's
validated model is pickled into the user cache folder under a key made of the file's bytes
(SHA-256), the model's name, the code that defines the models, and the versions of Zairyu, Python
and pydantic. A rules file edited by hand, an upgrade, or a cache file that is damaged or of
another kind all mean the file is parsed and validated as before and the cache written again. The
cache is never the source of truth: deleting it is always safe, and failing to write it (a
read-only folder) only costs the next run the validation.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import VERSION as PYDANTIC_VERSION
from pydantic import BaseModel

from zairyu import __version__, paths

Model = TypeVar("Model", bound=BaseModel)

CACHE_FOLDER = "rules"


@cache
def _code_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every module of the domain layer: a model changed in an
    editable install invalidates the cache even though the version number stays the same."""
    root = Path(__file__).resolve().parent
    entries = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                entries.append((os.path.relpath(os.path.join(folder, name), root), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


def cache_file(path: Path, model: type[BaseModel]) -> Path:
    """Where the validated ``path`` is kept; one file per rules file and model (the tests' copies
    of the rules in temporary folders do not overwrite the packaged ones')."""
    where = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return paths.cache_dir() / CACHE_FOLDER / f"{path.stem}-{model.__name__}-{where}.pickle"


def _key(data: bytes, model: type[BaseModel]) -> tuple[object, ...]:
    return (hashlib.sha256(data).hexdigest(), f"{model.__module__}.{model.__qualname__}", __version__,
            sys.version, PYDANTIC_VERSION, _code_fingerprint())


def _read(target: Path, key: tuple[object, ...], model: type[Model]) -> Model | None:
    try:
        with open(target, "rb") as handle:
            stored_key, value = pickle.load(handle)
    except Exception:  # missing, truncated, from another version of a class: validate instead
        return None
    return value if stored_key == key and type(value) is model else None


def _write(target: Path, key: tuple[object, ...], value: BaseModel) -> None:
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as handle:
            pickle.dump((key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)  # a reader sees the old file or the new one, never half of one
    except OSError:
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
    _write(target, key, value)
    return value
