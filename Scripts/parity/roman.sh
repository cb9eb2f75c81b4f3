#!/usr/bin/env bash
# Roman numeral parity with music21: 1,000 random figures in random keys read into pitches, and
# 1,000 random chords (triads and sevenths, all inversions, some altered) named as figures.
# Builds the CLI, runs Scripts/parity/roman.py with a fixed seed, prints the differences and a
# one-line summary, and exits non-zero when agreement falls below the threshold in roman.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${RECOMPOSE_PYTHON:-.venv/bin/python}"
if ! "$PYTHON" -c "import music21" 2>/dev/null; then
  echo "roman: skipped (music21 is not importable by $PYTHON)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
swift build --product recompose-dev >/dev/null
"$PYTHON" Scripts/parity/roman.py "$(swift build --show-bin-path)/recompose-dev" --cases 1000 --seed 20261202
