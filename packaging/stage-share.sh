#!/bin/sh
# Lay out the freedesktop files as a share/ tree: applications/, metainfo/ and icons/hicolor/.
#
#   stage-share.sh OUT_DIR ICON_DIR
#
# ICON_DIR holds the PNGs that render_icons.py wrote (zairyu-SIZE.png). The bundle carries the
# tree as its share/ folder; `make install-desktop` stages one under build/ for the checkout.
set -eu

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP_ID="io.github.zairyu.Zairyu"
[ $# -eq 2 ] || { echo "usage: $0 OUT_DIR ICON_DIR" >&2; exit 2; }
OUT="$1"
ICONS="$2"

install -Dm644 "$ROOT/packaging/$APP_ID.desktop" "$OUT/applications/$APP_ID.desktop"
install -Dm644 "$ROOT/packaging/$APP_ID.metainfo.xml" "$OUT/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "$ROOT/resources/icons/zairyu.svg" "$OUT/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "$ICONS/zairyu-$size.png" "$OUT/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
