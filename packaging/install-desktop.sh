#!/bin/sh
# Add Zairyu to the current user's application menu, or take it out again.
#
#   install-desktop.sh install EXECUTABLE SHARE_DIR
#   install-desktop.sh uninstall
#
# EXECUTABLE is the zairyu program the launcher starts (the bundle's, or a venv's); SHARE_DIR is a
# tree laid out like /usr/share: applications/APP_ID.desktop, metainfo/APP_ID.metainfo.xml and
# icons/hicolor/*/apps/APP_ID.{png,svg} (the bundle's share/ folder, or the one `make
# install-desktop` stages). Files go under $XDG_DATA_HOME (default ~/.local/share), as the XDG
# Base Directory and Desktop Entry specifications say; nothing needs root.
set -eu

APP_ID="io.github.zairyu.Zairyu"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"

usage() {
  echo "usage: $0 install EXECUTABLE SHARE_DIR | $0 uninstall" >&2
  exit 2
}

refresh_caches() {
  # Menus and icon themes pick the change up by themselves on most desktops; these only speed it up.
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA_HOME/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" 2>/dev/null || true
  fi
}

installed_files() {
  echo "$DATA_HOME/applications/$APP_ID.desktop"
  echo "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
  echo "$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in 16 24 32 48 64 128 256 512; do
    echo "$DATA_HOME/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
}

[ $# -ge 1 ] || usage
case "$1" in
  install)
    [ $# -eq 3 ] || usage
    exe="$2"
    share="$3"
    [ -x "$exe" ] || { echo "$0: $exe is not an executable" >&2; exit 1; }
    [ -f "$share/applications/$APP_ID.desktop" ] || { echo "$0: $share holds no $APP_ID.desktop" >&2; exit 1; }
    exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"
    case "$exe" in
      *[[:space:]\"\'\\\$\`%]*)
        # The Exec key would need quoting rules most launchers get wrong; refuse plainly instead.
        echo "$0: $exe contains a space or a special character; move Zairyu to a plain path" >&2
        exit 1 ;;
    esac
    mkdir -p "$DATA_HOME/applications" "$DATA_HOME/metainfo"
    # The launcher starts this executable by its absolute path: ~/.local/bin need not be on PATH.
    sed -e "s|^Exec=zairyu|Exec=$exe|" -e "s|^TryExec=zairyu|TryExec=$exe|" \
      "$share/applications/$APP_ID.desktop" > "$DATA_HOME/applications/$APP_ID.desktop.tmp"
    mv "$DATA_HOME/applications/$APP_ID.desktop.tmp" "$DATA_HOME/applications/$APP_ID.desktop"
    cp "$share/metainfo/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/"
    for icon in "$share"/icons/hicolor/*/apps/"$APP_ID".*; do
      rel="${icon#"$share"/}"
      mkdir -p "$DATA_HOME/$(dirname "$rel")"
      cp "$icon" "$DATA_HOME/$rel"
    done
    refresh_caches
    echo "Zairyu is in your application menu (launcher: $DATA_HOME/applications/$APP_ID.desktop)"
    ;;
  uninstall)
    [ $# -eq 1 ] || usage
    installed_files | while read -r file; do rm -f "$file"; done
    refresh_caches
    echo "Zairyu's launcher and icons are removed (your data folder is kept)"
    ;;
  *) usage ;;
esac
