#!/usr/bin/env bash
# Installs (or removes) archbuilder's desktop integration: menu entry, AppStream metainfo, icons and the
# application/x-archbuilder MIME type for *.arch.json, under PREFIX/share (default ~/.local, i.e. just for
# the current user). The `archbuilder-gui` command itself comes from pip/pipx or from a frozen bundle:
# with --bundle DIR the script also links DIR/archbuilder and DIR/archbuilder-gui into PREFIX/bin.
#
#   packaging/linux/install.sh                          # ~/.local
#   packaging/linux/install.sh --prefix /usr/local      # system-wide (as root)
#   packaging/linux/install.sh --bundle dist/archbuilder
#   packaging/linux/install.sh --uninstall [--prefix P]
# DESTDIR is honoured for staging into a package root (caches are then left to the package's triggers).
set -euo pipefail

APP_ID="io.github.archbuilder.archbuilder"
MIME_ICON="application-x-archbuilder"
SIZES="16 32 48 64 128 256"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

PREFIX="${PREFIX:-$HOME/.local}"
BUNDLE=""
ACTION="install"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="${2:?--prefix needs a directory}"; shift 2 ;;
    --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
    --bundle) BUNDLE="${2:?--bundle needs the bundle directory}"; shift 2 ;;
    --bundle=*) BUNDLE="${1#--bundle=}"; shift ;;
    --uninstall) ACTION="uninstall"; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

ROOT="${DESTDIR:-}${PREFIX}"
SHARE="$ROOT/share"
ICONS="$SHARE/icons/hicolor"

# Every installed path, so install and uninstall cannot drift apart.
installed_files() {
  echo "$SHARE/applications/$APP_ID.desktop"
  echo "$SHARE/metainfo/$APP_ID.metainfo.xml"
  echo "$SHARE/mime/packages/$APP_ID.xml"
  echo "$ICONS/scalable/apps/$APP_ID.svg"
  echo "$ICONS/scalable/mimetypes/$MIME_ICON.svg"
  for size in $SIZES; do
    echo "$ICONS/${size}x${size}/apps/$APP_ID.png"
    echo "$ICONS/${size}x${size}/mimetypes/$MIME_ICON.png"
  done
}

refresh_caches() {
  # Staged installs (DESTDIR) leave the caches to the target system's package triggers.
  [ -n "${DESTDIR:-}" ] && return 0
  if command -v update-mime-database >/dev/null; then update-mime-database "$SHARE/mime"; fi
  if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$SHARE/applications"; fi
  # -t: a per-user hicolor folder has no index.theme; the cache is still valid without it.
  if command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q -f -t "$ICONS"; fi
}

if [ "$ACTION" = "uninstall" ]; then
  while read -r path; do rm -f "$path"; done < <(installed_files)
  for name in archbuilder archbuilder-gui; do
    # Only remove links into a frozen bundle (it has an _internal folder), never a pip or pipx command.
    link="$ROOT/bin/$name"
    if [ -L "$link" ] && [ -d "$(dirname "$(readlink "$link")")/_internal" ]; then rm -f "$link"; fi
  done
  if [ -d "$SHARE/mime/packages" ]; then refresh_caches; fi
  echo "archbuilder desktop integration removed from $ROOT"
  exit 0
fi

install -D -m 0644 "$HERE/$APP_ID.desktop" "$SHARE/applications/$APP_ID.desktop"
install -D -m 0644 "$HERE/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
install -D -m 0644 "$HERE/$APP_ID.xml" "$SHARE/mime/packages/$APP_ID.xml"
install -D -m 0644 "$HERE/icons/$APP_ID.svg" "$ICONS/scalable/apps/$APP_ID.svg"
install -D -m 0644 "$HERE/icons/$APP_ID.svg" "$ICONS/scalable/mimetypes/$MIME_ICON.svg"
for size in $SIZES; do
  install -D -m 0644 "$HERE/icons/${size}x${size}/$APP_ID.png" "$ICONS/${size}x${size}/apps/$APP_ID.png"
  install -D -m 0644 "$HERE/icons/${size}x${size}/$APP_ID.png" "$ICONS/${size}x${size}/mimetypes/$MIME_ICON.png"
done

if [ -n "$BUNDLE" ]; then
  BUNDLE="$(cd "$BUNDLE" && pwd)"
  if [ ! -x "$BUNDLE/archbuilder" ]; then
    echo "install.sh: $BUNDLE/archbuilder is not an executable bundle (build it with packaging/README.md)" >&2
    exit 2
  fi
  mkdir -p "$ROOT/bin"
  ln -sfn "$BUNDLE/archbuilder" "$ROOT/bin/archbuilder"
  ln -sfn "$BUNDLE/archbuilder-gui" "$ROOT/bin/archbuilder-gui"
fi

refresh_caches
echo "archbuilder desktop integration installed under $ROOT"
if ! command -v archbuilder-gui >/dev/null && [ ! -x "$ROOT/bin/archbuilder-gui" ]; then
  echo "note: archbuilder-gui is not on PATH; the menu entry starts it by that name" >&2
fi
