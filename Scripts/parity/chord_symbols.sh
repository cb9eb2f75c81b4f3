#!/usr/bin/env bash
# Chord-symbol parity with music21: random figures (every kind, sharps and flats, added, altered
# and omitted degrees, slash basses) realised as pitches, and transposed by random intervals.
# Builds recompose-dev, runs Scripts/parity/chord_symbols.py with a fixed seed, prints the
# differences and a one-line summary, exits non-zero below the threshold in chord_symbols.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${RECOMPOSE_PYTHON:-.venv/bin/python}"
if ! "$PYTHON" -c "import music21" 2>/dev/null; then
  echo "chord_symbols: skipped (music21 is not importable by $PYTHON)"
  exit 0
fi
swift build --product recompose-dev >/dev/null
"$PYTHON" Scripts/parity/chord_symbols.py "$(swift build --show-bin-path)/recompose-dev" --cases 1000 --seed 20261202
