#!/usr/bin/env bash
# Build the Zairyu bundle a user downloads (`make bundle` runs this).
#
#   packaging/build.sh   -> dist/zairyu/ (zairyu + zairyu-cli) and, on Linux,
#                           dist/zairyu-VERSION-linux-x86_64.tar.gz; on macOS also dist/Zairyu.app
#
# Steps: a build venv with the project and PyInstaller; Qt translations (.ts -> .qm); raster
# icons from the SVG; PyInstaller with packaging/zairyu.spec (a one-folder bundle: a one-file
# bundle unpacks itself on every start and trips virus scanners); on Linux the freedesktop files
# under share/, the install scripts and README, and the archive, whose size is printed and
# checked. `make bundle-test` (packaging/bundle_test.sh) then tries the archive as a user would.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
BUILD="$ROOT/build"
VENV="${BUILD_VENV:-$BUILD/venv}"

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet . "pyinstaller>=6.5,<7"
VERSION="$("$VENV/bin/python" -c 'import zairyu; print(zairyu.__version__)')"

# Translations: every resources/translations/*.ts becomes a .qm beside it (what the app loads).
shopt -s nullglob
for ts in resources/translations/*.ts; do
  "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
shopt -u nullglob

"$VENV/bin/python" packaging/render_icons.py "$BUILD/icons" > /dev/null

"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$BUILD/pyinstaller" packaging/zairyu.spec

DIST="$ROOT/dist/zairyu"
if [ "$(uname -s)" = "Linux" ]; then
  # A Python built from source (pyenv) keeps debug symbols in libpython and its extension
  # modules (25 MB), and fontTools' and cryptography's compiled modules ship theirs (11 MB);
  # nobody debugs a bundle.
  # Only these are stripped: the other wheels' libraries are stripped already, and stripping
  # the ones auditwheel patched (PIL, pikepdf) can break them.
  if command -v strip > /dev/null; then
    find "$DIST/_internal" -maxdepth 1 -name 'libpython3*.so*' -type f -exec strip --strip-unneeded {} +
    find "$DIST/_internal"/python3*/lib-dynload "$DIST/_internal/fontTools" \
      "$DIST/_internal/cryptography/hazmat/bindings" -name '*.so' -type f -exec strip --strip-unneeded {} +
  fi
  ln -sf zairyu "$DIST/zairyu-cli"  # the same program: only Windows needs a console twin
  sh packaging/stage-share.sh "$DIST/share" "$BUILD/icons"
  install -m755 packaging/install-desktop.sh "$DIST/share/zairyu-install-desktop.sh"
  printf '#!/bin/sh\n# Adds Zairyu to your application menu.\nhere="$(cd "$(dirname "$0")" && pwd)"\nexec "$here/share/zairyu-install-desktop.sh" install "$here/zairyu" "$here/share"\n' \
    > "$DIST/install.sh"
  printf '#!/bin/sh\n# Removes Zairyu from your application menu (your data is kept).\nexec "$(dirname "$0")/share/zairyu-install-desktop.sh" uninstall\n' \
    > "$DIST/uninstall.sh"
  chmod 755 "$DIST/install.sh" "$DIST/uninstall.sh"
  sed "s/VERSION/$VERSION/g" packaging/bundle-README.txt > "$DIST/README.txt"
  "$VENV/bin/python" packaging/make_archive.py "$DIST" "$VERSION" "$ROOT/dist" --max-mb 200
fi
echo "built $DIST"
