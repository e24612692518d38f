"""Every path the app uses comes from here.

One override redirects all user data (``--data-dir`` or ``ZAIRYU_DATA_DIR``), which is what the
tests use. Packaged data (``checklists/``, ``resources/``) is found the same way from a checkout,
an installed wheel and a PyInstaller bundle: first inside the package (wheel and bundle carry it
as ``zairyu/checklists``), then beside the source root (a checkout or an editable install).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Zairyu"
DATA_DIR_ENV = "ZAIRYU_DATA_DIR"
DATA_DIR_POINTER = "data-folder.txt"

_data_dir_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Redirect all user data (the ``--data-dir`` option)."""
    global _data_dir_override
    _data_dir_override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    """The folder with the database, the attachment vault and backups: ``--data-dir``, else
    ``ZAIRYU_DATA_DIR``, else the folder chosen in Settings, else the platform's user data folder."""
    if _data_dir_override is not None:
        return _data_dir_override
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return chosen_data_dir() or default_data_dir()


def default_data_dir() -> Path:
    import platformdirs  # imported when used: `zairyu --version` needs no folder at all

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_dir_pointer() -> Path:
    """Where Settings records a data folder the user chose. It cannot live in the data folder it
    points to, so it is a one-line file in the user's configuration folder."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / DATA_DIR_POINTER


def chosen_data_dir() -> Path | None:
    """The folder chosen in Settings, if one was chosen."""
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
    if _data_dir_override is not None or os.environ.get(DATA_DIR_ENV):
        return data_dir() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _packaged_dir(name: str) -> Path:
    # The package's own folder: what importlib.resources.files("zairyu") gives for a wheel, a
    # checkout and a PyInstaller bundle alike (no zip imports), without importing importlib.resources.
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    # A checkout (or an editable install): desktop/zairyu/ -> the repository root.
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the packaged folder '{name}' is missing (looked in {packaged} and {checkout})")


def checklists_dir() -> Path:
    """The rules as data: route files, points table, deadline rules, fees, universities."""
    return _packaged_dir("checklists")


def resources_dir() -> Path:
    """Icons, translations, PDF styles."""
    return _packaged_dir("resources")
