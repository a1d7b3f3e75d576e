#!/usr/bin/env bash
# Installs archbuilder on Debian/Ubuntu with Python 3.11+: system packages (graphviz, the Qt runtime
# libraries, Xvfb for screenshots), then a virtual environment in .venv with archbuilder and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  python3-venv graphviz xvfb xauth \
  libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
  libxcb-shape0 libxkbcommon-x11-0 libxcb-xkb1 \
  desktop-file-utils appstream poppler-utils >/dev/null

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then "$PYTHON" -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "archbuilder installed in .venv: run .venv/bin/archbuilder --help"
