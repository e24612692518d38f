"""Every path the app uses comes from here.

One override redirects all user data (``--data-dir`` or ``ZAIRYU_DATA_DIR``), which is what the
tests use. Packaged data (``checklists/``, ``resources/``) is found the same way from a checkout,
an installed wheel and a PyInstaller bundle: first inside the package (wheel and bundle carry it
as ``zairyu/checklists``), then beside the source root (a checkout or an editable install).
"""

from __future__ import annotations

import os
import sys

# pathlib is imported by the functions that return a Path, not here: it costs more than the whole
# of `zairyu routes` served from its index, which needs only ``quick_cache_dir`` and ``packaged_folder``.
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "Zairyu"
DATA_DIR_ENV = "ZAIRYU_DATA_DIR"
DATA_DIR_POINTER = "data-folder.txt"
# In the cache folder: the validated rules files (domain/rules_cache.py) and the index of `zairyu routes`.
RULES_CACHE_FOLDER = "rules"

_data_dir_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Redirect all user data (the ``--data-dir`` option)."""
    global _data_dir_override
    if not path:
        _data_dir_override = None
        return
    from pathlib import Path

    _data_dir_override = Path(path).expanduser().resolve()


def data_dir() -> Path:
    """The folder with the database, the attachment vault and backups: ``--data-dir``, else
    ``ZAIRYU_DATA_DIR``, else the folder chosen in Settings, else the platform's user data folder."""
    from pathlib import Path

    if _data_dir_override is not None:
        return _data_dir_override
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return chosen_data_dir() or default_data_dir()


def default_data_dir() -> Path:
    from pathlib import Path

    import platformdirs  # imported when used: `zairyu --version` needs no folder at all

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_dir_pointer() -> Path:
    """Where Settings records a data folder the user chose. It cannot live in the data folder it
    points to, so it is a one-line file in the user's configuration folder."""
    from pathlib import Path

    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / DATA_DIR_POINTER


def chosen_data_dir() -> Path | None:
    """The folder chosen in Settings, if one was chosen."""
    from pathlib import Path

    try:
        text = data_dir_pointer().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text else None


def set_chosen_data_dir(folder: Path | None) -> None:
    """Use ``folder`` from the next start (None: back to the platform's default)."""
    pointer = data_dir_pointer()
    if folder is None:
        pointer.unlink(missing_ok=True)
        return
    pointer.parent.mkdir(parents=True, exist_ok=True)
    temp = pointer.with_name(pointer.name + ".tmp")
    temp.write_text(str(folder.expanduser().resolve()) + "\n", encoding="utf-8")
    os.replace(temp, pointer)


def cache_dir() -> Path:
    """Re-creatable files (converted fonts). Inside the data dir when it is overridden, so a test
    or a portable install leaves nothing behind elsewhere."""
    from pathlib import Path

    if _data_dir_override is not None or os.environ.get(DATA_DIR_ENV):
        return data_dir() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def quick_cache_dir() -> str | None:
    """``cache_dir()`` as a string, found without importing platformdirs and pathlib (which cost
    more than a command served from a file in the cache): the data folder's ``cache`` when one is
    given, else the platform's usual user cache folder; None on a platform whose folder cannot be
    told from the environment. This is only where a fast path looks: a file is written there only
    when it is ``cache_dir()`` itself (``is_cache_dir``), so a wrong guess costs the fast path,
    never correctness."""
    override = _data_dir_override or os.environ.get(DATA_DIR_ENV)
    if override:
        return os.path.join(os.path.realpath(os.path.expanduser(override)), "cache")
    if sys.platform == "darwin":
        return os.path.expanduser(f"~/Library/Caches/{APP_NAME}")
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return os.path.join(local, APP_NAME, "Cache") if local else None
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return os.path.join(xdg or os.path.expanduser("~/.cache"), APP_NAME)


def is_cache_dir(folder: str) -> bool:
    """Whether ``folder`` is the real ``cache_dir()`` (see ``quick_cache_dir``)."""
    from pathlib import Path

    return Path(folder) == cache_dir()


def packaged_folder(name: str) -> str:
    """A folder shipped with the app, as a string (see ``checklists_dir``)."""
    # The package's own folder: what importlib.resources.files("zairyu") gives for a wheel, a
    # checkout and a PyInstaller bundle alike (no zip imports), without importing importlib.resources.
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, name)
    if os.path.isdir(packaged):
        return packaged
    # A checkout (or an editable install): desktop/zairyu/ -> the repository root.
    checkout = os.path.join(os.path.dirname(os.path.dirname(here)), name)
    if os.path.isdir(checkout):
        return checkout
    raise FileNotFoundError(f"the packaged folder '{name}' is missing (looked in {packaged} and {checkout})")


def checklists_dir() -> Path:
    """The rules as data: route files, points table, deadline rules, fees, universities."""
    from pathlib import Path

    return Path(packaged_folder("checklists"))


def resources_dir() -> Path:
    """Icons, translations, PDF styles."""
    from pathlib import Path

    return Path(packaged_folder("resources"))
