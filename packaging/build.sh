#!/usr/bin/env bash
# Build a self-contained Zairyu bundle with PyInstaller.
#
#   packaging/build.sh            -> dist/zairyu/ (zairyu + zairyu-cli), and on macOS dist/Zairyu.app
#
# Steps: a build venv with the project and PyInstaller; Qt translations (.ts -> .qm); raster
# icons from the SVG; PyInstaller with packaging/zairyu.spec; on Linux the freedesktop files
# (.desktop, AppStream metainfo, icons) under dist/zairyu/share; then a smoke test: the bundled
# app must start offscreen, paint its window and exit 0.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
BUILD="$ROOT/build"
VENV="${BUILD_VENV:-$BUILD/venv}"
APP_ID="io.github.zairyu.Zairyu"

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet . "pyinstaller>=6.5"

# Translations: every resources/translations/*.ts becomes a .qm beside it (what the app loads).
shopt -s nullglob
for ts in resources/translations/*.ts; do
  "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
shopt -u nullglob

"$VENV/bin/python" packaging/render_icons.py "$BUILD/icons" > /dev/null

"$VENV/bin/pyinstaller" --noconfirm --clean \
  --distpath "$ROOT/dist" --workpath "$BUILD/pyinstaller" packaging/zairyu.spec

DIST="$ROOT/dist/zairyu"
if [ "$(uname -s)" = "Linux" ]; then
  install -Dm644 "packaging/$APP_ID.desktop" "$DIST/share/applications/$APP_ID.desktop"
  install -Dm644 "packaging/$APP_ID.metainfo.xml" "$DIST/share/metainfo/$APP_ID.metainfo.xml"
  install -Dm644 resources/icons/zairyu.svg "$DIST/share/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in 16 24 32 48 64 128 256 512; do
    install -Dm644 "$BUILD/icons/zairyu-$size.png" \
      "$DIST/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
fi

# Smoke test: the bundle finds its rules and resources without the checkout, and starts.
SMOKE_DATA="$(mktemp -d)"
trap 'rm -rf "$SMOKE_DATA"' EXIT
QT_QPA_PLATFORM=offscreen "$DIST/zairyu-cli" --data-dir "$SMOKE_DATA" routes > /dev/null
QT_QPA_PLATFORM=offscreen "$DIST/zairyu-cli" --data-dir "$SMOKE_DATA" --exit-after-startup
echo "built $DIST"
