#!/usr/bin/env bash
# Installs checkov into its own virtual environment, .venv-checkov: checkov pins old networkx and boto3 that
# must not replace archbuilder's in .venv. tests/exporters/test_checkov.py runs it; its expected failures
# (tests/exporters/checkov_expected.json) were recorded with this version, so change both together.
set -euo pipefail
cd "$(dirname "$0")/.."

CHECKOV_VERSION="3.3.30"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv-checkov/bin/python ]; then "$PYTHON" -m venv .venv-checkov; fi
# Already there (the test command runs this every time): nothing to download.
if [ "$(.venv-checkov/bin/python -m pip show checkov 2>/dev/null | sed -n 's/^Version: //p')" != "$CHECKOV_VERSION" ]; then
  .venv-checkov/bin/python -m pip install -q --upgrade pip
  .venv-checkov/bin/python -m pip install -q "checkov==${CHECKOV_VERSION}"
fi
echo "checkov $(.venv-checkov/bin/checkov --version) installed in .venv-checkov"
