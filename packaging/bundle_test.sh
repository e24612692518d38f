#!/usr/bin/env bash
# Smoke test of the built archive, as a user would get it: unpacked outside the checkout and run
# with a clean environment (env -i). It must print its version, start and paint its window
# offscreen, open its data and fill the window, and write a checklist PDF whose fonts are all
# embedded.
#
#   packaging/bundle_test.sh [ARCHIVE]     (default: the newest dist/zairyu-*.tar.gz)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARCHIVE="${1:-$(ls -t "$ROOT"/dist/zairyu-*.tar.gz 2>/dev/null | head -n 1)}"
[ -n "$ARCHIVE" ] && [ -f "$ARCHIVE" ] || { echo "bundle_test: no archive; run make bundle first" >&2; exit 1; }

WORK="$(mktemp -d /tmp/zairyu-bundle-test.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
tar -xzf "$ARCHIVE" -C "$WORK"
TOP="$(find "$WORK" -mindepth 1 -maxdepth 1 -type d)"
[ "$(echo "$TOP" | wc -l)" -eq 1 ] || { echo "bundle_test: the archive must have one top folder" >&2; exit 1; }
[ -x "$TOP/zairyu" ] || { echo "bundle_test: no zairyu executable in $TOP" >&2; exit 1; }
mkdir -p "$WORK/home"

# A clean environment: no venv, no PYTHONPATH, no locale, a fresh HOME; only PATH for the tools.
clean() { env -i HOME="$WORK/home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$@"; }

version="$(clean "$TOP/zairyu-cli" --version)"
echo "version: $version"
[[ "$version" == zairyu\ * ]] || { echo "bundle_test: unexpected --version output" >&2; exit 1; }

errors="$WORK/startup.err"
clean "$TOP/zairyu" --data-dir "$WORK/data" --exit-after-startup 2> "$errors"
if [ -s "$errors" ]; then
  echo "bundle_test: start-up wrote to stderr:" >&2; cat "$errors" >&2; exit 1
fi
echo "start-up: window painted, exit 0, nothing on stderr"

# Started as a user starts it, the window opens the data and builds the case page after its first
# paint, importing that page's modules by name: the bundle must hold them. Stopped once filled.
clean "$TOP/zairyu-cli" --data-dir "$WORK/data" case new --route permanent-residence --procedure application \
  > /dev/null
log="$WORK/data/logs/zairyu.log"
# Not through clean(): a function run in the background is a subshell, and $! would be it, not the app.
env -i HOME="$WORK/home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$TOP/zairyu" --data-dir "$WORK/data" \
  > /dev/null 2> "$WORK/fill.err" &
app=$!
for _ in $(seq 600); do
  grep -q "window filled" "$log" && break
  kill -0 "$app" 2> /dev/null || break
  sleep 0.1
done
kill "$app" 2> /dev/null || true
wait "$app" 2> /dev/null || true
if ! grep -q "window filled" "$log" || grep -q "Traceback" "$log" || [ -s "$WORK/fill.err" ]; then
  echo "bundle_test: the window was not filled after its first paint:" >&2
  tail -20 "$log" >&2; cat "$WORK/fill.err" >&2; exit 1
fi
echo "fill: the data opened and the case page built after the first paint"

clean "$TOP/zairyu-cli" --data-dir "$WORK/data" checklist --route engineer-specialist --procedure coe \
  --employer-category 3 -o "$WORK/checklist.pdf" > /dev/null
fonts="$(pdffonts "$WORK/checklist.pdf" | tail -n +3)"
[ -n "$fonts" ] || { echo "bundle_test: the checklist PDF has no fonts" >&2; exit 1; }
# pdffonts' "emb" column is the fifth from the right; every font must say yes.
if echo "$fonts" | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }'; then
  echo "bundle_test: a font is not embedded:" >&2; echo "$fonts" >&2; exit 1
fi
echo "checklist PDF: $(echo "$fonts" | wc -l) font(s), all embedded"

# An encrypted backup (cryptography's stripped module) written and recognised again.
clean ZAIRYU_PASSPHRASE=bundle-test-passphrase "$TOP/zairyu-cli" --data-dir "$WORK/data" backup --encrypt \
  -o "$WORK/backup.sqlite3.enc" > /dev/null
[ -s "$WORK/backup.sqlite3.enc" ] || { echo "bundle_test: the encrypted backup was not written" >&2; exit 1; }
echo "encrypted backup: written"

# The launcher installs into a private XDG_DATA_HOME and uninstalls cleanly.
clean XDG_DATA_HOME="$WORK/xdg" "$TOP/install.sh" > /dev/null
[ -f "$WORK/xdg/applications/io.github.zairyu.Zairyu.desktop" ] || { echo "bundle_test: install.sh installed no launcher" >&2; exit 1; }
clean XDG_DATA_HOME="$WORK/xdg" "$TOP/uninstall.sh" > /dev/null
[ ! -e "$WORK/xdg/applications/io.github.zairyu.Zairyu.desktop" ] || { echo "bundle_test: uninstall.sh left the launcher" >&2; exit 1; }
echo "bundle_test: $ARCHIVE passed"
