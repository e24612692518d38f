"""Reading the rules files of ``checklists/``: one way to parse, validate and report a mistake.

Every loader (routes, fees, the points table, the deadline rules) goes through
``load_toml_model`` so that a malformed file always fails the same way: a DataFileError naming
the file, the key (``documents[3] (code=photo).name_ja``) and what is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from zairyu.domain.rules_cache import load_cached
from zairyu.errors import DataFileError

Model = TypeVar("Model")


def describe_location(data: object, loc: tuple[int | str, ...]) -> str:
    """Turn pydantic's ('documents', 3, 'name_ja') into 'documents[3] (code=photo).name_ja'."""
    parts: list[str] = []
    node = data
    for element in loc:
        if isinstance(element, int):
            label = f"[{element}]"
            if isinstance(node, list) and element < len(node):
                node = node[element]
                if isinstance(node, dict) and isinstance(node.get("code") or node.get("id"), str):
                    key = "code" if "code" in node else "id"
                    label += f" ({key}={node[key]})"
            parts.append(label)
        else:
            if isinstance(node, dict):
                node = node.get(element)
            parts.append(("." if parts else "") + str(element))
    return "".join(parts) or "(top level)"


def read_toml(path: Path, data: bytes | None = None) -> dict[str, Any]:
    """The parsed file (``data``: its bytes, when already read)."""
    import tomllib  # only when a file is not in the rules cache

    try:
        return tomllib.loads((path.read_bytes() if data is None else data).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(str(path), "(syntax)", str(exc)) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(str(path), "(file)", f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise DataFileError(str(path), "(file)", exc.strerror or str(exc)) from None


def load_toml_model(path: Path, model: type[Model]) -> Model:
    """Parse ``path`` and validate it as ``model`` (a pydantic model or a dataclass); the first
    problem becomes a DataFileError.

    A file validated in an earlier run comes from the rules cache (``rules_cache``) when its bytes
    are unchanged; pydantic is imported only to validate a file that is not."""
    return load_cached(path, model, lambda data: _validate(path, data, model))


_adapters: dict[type, Any] = {}


def type_adapter(model: type) -> Any:
    """pydantic's validator for ``model`` (a rules file's model, an event a user enters), built once
    per process."""
    if model not in _adapters:
        from pydantic import TypeAdapter

        _adapters[model] = TypeAdapter(model)
    return _adapters[model]


# pydantic words an unknown key or a value that is not a table differently for a dataclass than
# for a model: every rules file says it the same way.
_MODEL_WORDING = {"unexpected_keyword_argument": "Extra inputs are not permitted",
                  "dataclass_type": "Input should be a valid dictionary or instance of {class_name}"}


def _validate(path: Path, data: bytes | None, model: type[Model]) -> Model:
    from pydantic import ValidationError

    raw = read_toml(path, data)
    try:
        value: Model = type_adapter(model).validate_python(raw)
        return value
    except ValidationError as exc:
        first = exc.errors()[0]
        key = describe_location(raw, tuple(first["loc"]))
        problem = _MODEL_WORDING.get(first["type"], "{}").format(first["msg"], **first.get("ctx", {}))
        if problem.startswith("Value error, "):
            # A check in code (a validator, a dataclass's __post_init__) may word its message
            # "KEY: problem", KEY relative to where it ran: a whole-file check names any key, a
            # check of one object a key of it (one word, such as copies or former_codes[0]).
            problem = problem.removeprefix("Value error, ")
            inner, _, rest = problem.partition(": ")
            if rest and not first["loc"]:
                key, problem = inner, rest
            elif rest and " " not in inner:
                key, problem = f"{key}.{inner}", rest
        raise DataFileError(str(path), key, problem) from None
