"""The bundle's packing and desktop integration, without building the bundle (that takes minutes:
`make bundle bundle-test` does it): the archive script, what the spec leaves out, the launcher
install and uninstall for one user, and the scripts' syntax."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
import test_packaging_files  # beside this file (tests/packaging is not a package: `packaging` is pip's)
from test_packaging_files import PACKAGING, run_spec

from zairyu import __version__
from zairyu.app import APP_ID

sys.path.insert(0, str(PACKAGING))
try:
    import make_archive
    import render_icons
finally:
    sys.path.remove(str(PACKAGING))


def fake_bundle(root: Path, payload: int = 1000) -> Path:
    dist = root / "zairyu"
    (dist / "_internal" / "PySide6").mkdir(parents=True)
    exe = dist / "zairyu"
    exe.write_bytes(b"\x7fELF" + b"\0" * payload)
    exe.chmod(0o755)
    (dist / "_internal" / "PySide6" / "libQt6Core.so.6").write_bytes(b"\0" * payload)
    return dist


def test_archive_has_one_top_folder_with_the_executable(tmp_path: Path) -> None:
    dist = fake_bundle(tmp_path / "build")
    out = tmp_path / "out"
    out.mkdir()
    target = make_archive.make_archive(dist, "1.2.3", out, max_bytes=10_000)
    assert target.name == make_archive.archive_name("1.2.3")
    assert list(out.iterdir()) == [target]  # no partial file left beside it
    with tarfile.open(target) as tar:
        names = tar.getnames()
        assert {name.split("/")[0] for name in names} == {"zairyu-1.2.3"}
        exe = tar.getmember("zairyu-1.2.3/zairyu")
        assert exe.mode & stat.S_IXUSR and exe.uid == 0
        assert "zairyu-1.2.3/_internal/PySide6/libQt6Core.so.6" in names


def test_archive_names_follow_the_platform() -> None:
    assert make_archive.archive_name("0.1.0", "Linux", "x86_64") == "zairyu-0.1.0-linux-x86_64.tar.gz"
    assert make_archive.archive_name("0.1.0", "Linux", "AMD64") == "zairyu-0.1.0-linux-x86_64.tar.gz"
    assert make_archive.archive_name("0.1.0", "Darwin", "arm64") == "zairyu-0.1.0-darwin-aarch64.tar.gz"


def test_archive_over_the_limit_is_refused_and_not_written(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    dist = fake_bundle(tmp_path / "build", payload=6000)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(SystemExit, match="over the"):
        make_archive.make_archive(dist, "1.2.3", out, max_bytes=10_000)
    assert list(out.iterdir()) == []
    assert "bundle unpacked: 0.0 MB" in capsys.readouterr().out


@pytest.mark.parametrize(("dest", "used"), [
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", True),  # QtPdf links it
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/translations/qtbase_ja.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt/lib/libQt6PdfQuick.so.6", False),
    ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6\\Qt\\plugins\\imageformats\\qtiff.dll", True),  # Windows names differ; kept
    ("PySide6\\Qt\\translations\\qtbase_fr.qm", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),  # printing stays
    ("libcups.so.2", False),  # the system's CUPS client and its TLS stack
    ("libgnutls.so.30", False),
    ("libp11-kit.so.0", False),
    ("libcrypto.so.3", True),
])
def test_spec_keeps_only_what_the_app_loads(monkeypatch: pytest.MonkeyPatch, dest: str, used: bool) -> None:
    spec = run_spec("linux", monkeypatch)
    assert spec["is_used"](dest) is used


def test_spec_filters_the_collected_files(monkeypatch: pytest.MonkeyPatch) -> None:
    collected = ["PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Quick.so.6",
                 "PySide6/Qt/translations/qtbase_ja.qm", "PySide6/Qt/translations/qtbase_ko.qm"]
    original_init = test_packaging_files.Recorder.__init__

    def analysis_with_files(self: Any, kind: str, *args: Any, **kwargs: Any) -> None:
        original_init(self, kind, *args, **kwargs)
        if kind == "Analysis":  # what PyInstaller's hooks would have collected
            self.binaries = [(name, "/src/" + name, "BINARY") for name in collected[:2]]
            self.datas = [(name, "/src/" + name, "DATA") for name in collected[2:]]

    monkeypatch.setattr(test_packaging_files.Recorder, "__init__", analysis_with_files)
    (collect,) = run_spec("linux", monkeypatch)["_made"]["COLLECT"]
    binaries, datas = collect.args[-2], collect.args[-1]
    assert [entry[0] for entry in binaries] == ["PySide6/Qt/lib/libQt6Core.so.6"]
    assert [entry[0] for entry in datas] == ["PySide6/Qt/translations/qtbase_ja.qm"]


def test_windows_build_carries_version_information(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec("win32", monkeypatch)
    for exe in spec["_made"]["EXE"]:
        version_file = Path(exe.kwargs["version"])
        text = version_file.read_text(encoding="utf-8")
        assert f"'ProductVersion', '{__version__}'" in text
        assert "VSVersionInfo(" in text and "'OriginalFilename', 'zairyu.exe'" in text
    assert run_spec("linux", monkeypatch)["_made"]["EXE"][0].kwargs["version"] is None


def test_macos_bundle_declares_japanese(monkeypatch: pytest.MonkeyPatch) -> None:
    (bundle,) = run_spec("darwin", monkeypatch)["_made"]["BUNDLE"]
    plist = bundle.kwargs["info_plist"]
    assert plist["CFBundleLocalizations"] == ["en", "ja"]
    assert bundle.kwargs["name"] == "Zairyu.app"


@pytest.fixture
def share_tree(qapp: Any, tmp_path: Path) -> Path:
    icons = tmp_path / "icons"
    render_icons.render(icons)
    share = tmp_path / "share"
    subprocess.run(["sh", str(PACKAGING / "stage-share.sh"), str(share), str(icons)], check=True, timeout=60)
    return share


def run_install(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": str(data_home.parent), "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(["sh", str(PACKAGING / "install-desktop.sh"), *args], capture_output=True,
                          text=True, env=env, timeout=60)


def test_install_desktop_and_uninstall_for_one_user(share_tree: Path, tmp_path: Path) -> None:
    exe = tmp_path / "app" / "zairyu"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    exe.chmod(0o755)
    data_home = tmp_path / "home" / ".local" / "share"
    result = run_install("install", str(exe), str(share_tree), data_home=data_home)
    assert result.returncode == 0, result.stderr
    launcher = data_home / "applications" / f"{APP_ID}.desktop"
    text = launcher.read_text(encoding="utf-8")
    assert f"Exec={exe}\n" in text and f"TryExec={exe}\n" in text
    assert (data_home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    for size in render_icons.SIZES:
        assert (data_home / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (data_home / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(launcher)], capture_output=True, text=True,
                               timeout=60)
        assert check.returncode == 0, check.stdout + check.stderr

    result = run_install("uninstall", data_home=data_home)
    assert result.returncode == 0, result.stderr
    left = [p for p in data_home.rglob("*") if p.is_file() and APP_ID in p.name]
    assert left == []


def test_install_refuses_a_path_the_launcher_cannot_hold(share_tree: Path, tmp_path: Path) -> None:
    exe = tmp_path / "my apps" / "zairyu"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    exe.chmod(0o755)
    data_home = tmp_path / "xdg"
    result = run_install("install", str(exe), str(share_tree), data_home=data_home)
    assert result.returncode == 1
    assert "space or a special character" in result.stderr
    assert not (data_home / "applications").exists()


def test_packaged_desktop_entry_validates() -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian package desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("script", ["bundle_test.sh", "install-desktop.sh", "stage-share.sh", "build.sh"])
def test_scripts_are_executable_and_parse(script: str) -> None:
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111, f"{script} must be executable"
    shell = "bash" if path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash") else "sh"
    result = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_bundle_readme_says_how_to_install_in_three_lines() -> None:
    text = (PACKAGING / "bundle-README.txt").read_text(encoding="utf-8")
    commands = [line.strip() for line in text.splitlines() if line.startswith("    ") and line.strip()]
    assert commands[:3] == ["tar -xzf zairyu-VERSION-linux-x86_64.tar.gz", "cd zairyu-VERSION", "./install.sh"]


def test_linux_and_macos_build_one_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    for platform in ("linux", "darwin"):
        (exe,) = run_spec(platform, monkeypatch)["_made"]["EXE"]
        assert exe.kwargs["name"] == "zairyu"
    # build.sh gives the CLI its usual name as a link to the same program.
    assert 'ln -sf zairyu "$DIST/zairyu-cli"' in (PACKAGING / "build.sh").read_text(encoding="utf-8")


def test_no_locale_gives_no_qt_warning_as_in_the_bundle(tmp_path: Path) -> None:
    # The bundle's embedded interpreter does not coerce a C locale to UTF-8 as `python` does;
    # PYTHONCOERCECLOCALE=0 makes `python` behave the same, with an environment as empty as env -i.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONCOERCECLOCALE": "0",
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, "-m", "zairyu", "--data-dir", str(tmp_path / "data"),
                             "--exit-after-startup"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
