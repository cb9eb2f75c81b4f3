#!/usr/bin/env bash
# Creates the git-ignored venv .venv with the test oracles (music21, mido). Never a runtime need.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! .venv/bin/python -c 'import music21, mido' 2>/dev/null; then
  .venv/bin/pip install -q --disable-pip-version-check -r Scripts/requirements-oracles.txt
fi
