#!/usr/bin/env bash
# Hand separation against the staves of every two-staff piano part of ../shared/corpus/music21.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus/music21
if [ ! -d "$corpus" ]; then
  echo "hands: skipped ($corpus not found)"
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-.venv/bin/python}"
swift build --product recompose-dev >/dev/null
exec "$PYTHON" Scripts/parity/hands.py "$(swift build --show-bin-path)/recompose-dev" "$corpus" "$@"
