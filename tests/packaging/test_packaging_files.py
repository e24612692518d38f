"""The packaging files agree with the project: the PyInstaller spec bundles the data where
zairyu.paths looks for it (as the wheel does), the freedesktop files carry one app id, and the
icon renders. PyInstaller itself is not installed for the tests: the spec is executed with
recorders standing in for PyInstaller's build classes, to check what it declares."""

from __future__ import annotations

import ast
import configparser
import shutil
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from zairyu import __version__
from zairyu.app import APP_ID

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


class Recorder:
    """Stands in for one PyInstaller class: keeps its arguments."""

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        # What the spec reads off an Analysis (a.pure, a.scripts, ...).
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        self.binaries: list[Any] = []
        self.datas: list[Any] = []


def run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name: [f"{name}.fake_submodule"]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    made: dict[str, list[Recorder]] = {}

    def factory(kind: str) -> Any:
        def make(*args: Any, **kwargs: Any) -> Recorder:
            recorder = Recorder(kind, *args, **kwargs)
            made.setdefault(kind, []).append(recorder)
            return recorder
        return make

    namespace: dict[str, Any] = {"SPECPATH": str(PACKAGING), "__name__": "__main__"}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = factory(kind)
    spec = PACKAGING / "zairyu.spec"
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    namespace["_made"] = made
    return namespace


def test_spec_bundles_the_data_like_the_wheel(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec("linux", monkeypatch)
    analysis = spec["_made"]["Analysis"][0]
    (script,) = analysis.args[0]
    assert Path(script) == REPO / "desktop" / "zairyu" / "__main__.py"
    assert Path(analysis.kwargs["pathex"][0]) == REPO / "desktop"
    wheel_mapping = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    bundled = {str(Path(source).relative_to(REPO)): target for source, target in analysis.kwargs["datas"]}
    assert bundled == wheel_mapping
    for source, _target in analysis.kwargs["datas"]:
        assert Path(source).is_dir()
    assert "zairyu.app" in analysis.kwargs["hiddenimports"]
    assert spec["APP_ID"] == APP_ID


def test_spec_makes_a_gui_and_a_console_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec("win32", monkeypatch)
    exes = {exe.kwargs["name"]: exe.kwargs for exe in spec["_made"]["EXE"]}
    assert exes["zairyu"]["console"] is False
    assert exes["zairyu-cli"]["console"] is True
    assert set(exes) == set(PYPROJECT["project"]["gui-scripts"]) | set(PYPROJECT["project"]["scripts"])
    assert "BUNDLE" not in spec["_made"]
    mac = run_spec("darwin", monkeypatch)
    (bundle,) = mac["_made"]["BUNDLE"]
    assert bundle.kwargs["bundle_identifier"] == APP_ID
    assert bundle.kwargs["version"] == __version__


def imported_modules() -> set[str]:
    modules: set[str] = set()
    for path in (REPO / "desktop" / "zairyu").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules.add(node.module)
            elif isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
    return modules


def test_spec_excludes_no_module_the_app_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    excluded = set(run_spec("linux", monkeypatch)["EXCLUDES"])
    used = imported_modules()
    assert "PySide6.QtWidgets" in used  # the scan sees the app's imports
    assert not excluded & used


def test_desktop_entry() -> None:
    path = PACKAGING / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Icon"] == APP_ID
    assert section["Exec"].split()[0] in PYPROJECT["project"]["gui-scripts"]
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";") and section["Keywords"].endswith(";")
    assert "在留" in section["Name[ja]"]


def test_appstream_metainfo() -> None:
    path = PACKAGING / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("project_license") is not None
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_build_script_is_valid_bash() -> None:
    script = PACKAGING / "build.sh"
    assert script.stat().st_mode & 0o111, "build.sh must be executable"
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "packaging/zairyu.spec" in script.read_text(encoding="utf-8")


def test_icons_render_at_every_size(qapp: Any, tmp_path: Path) -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        import render_icons
    finally:
        sys.path.remove(str(PACKAGING))
    written = render_icons.render(tmp_path)
    for size in render_icons.SIZES:
        with Image.open(tmp_path / f"zairyu-{size}.png") as image:
            assert image.size == (size, size)
            # Drawn, not blank: the corner is transparent, the centre is the opaque card.
            rgba = image.convert("RGBA")
            assert rgba.getpixel((0, 0)) == (0, 0, 0, 0)
            centre = rgba.getpixel((size // 2, size // 2))
            assert isinstance(centre, tuple) and centre[3] == 255
    with Image.open(tmp_path / "zairyu.ico") as ico:
        assert (256, 256) in ico.info["sizes"]
    assert (tmp_path / "zairyu.icns").stat().st_size > 0
    assert len(written) == len(render_icons.SIZES) + 2


def test_appstream_screenshots_are_the_committed_ones() -> None:
    from PIL import Image

    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    images = list(root.iter("image"))
    assert len(images) >= 4
    assert sum(1 for shot in root.iter("screenshot") if shot.get("type") == "default") == 1
    for image in images:
        name = (image.text or "").rsplit("/", 1)[-1]
        path = PACKAGING / "screenshots" / name
        assert path.is_file(), f"{name} is named in the metainfo but not in packaging/screenshots"
        with Image.open(path) as picture:
            assert picture.size == (int(image.get("width", 0)), int(image.get("height", 0)))
