#!/usr/bin/env bash
# Unfolding parity: `recompose convert --unfold` against music21's expandRepeats() on the test
# suite's 45*/46* files and the corpus files with repeats. One summary line; non-zero on a
# difference not listed in unfold-known-differences.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${RECOMPOSE_PYTHON:-.venv/bin/python}"
SHARED="${RECOMPOSE_SHARED:-../shared}"
if [ ! -d "$SHARED/musicxml/testsuite" ] || [ ! -d "$SHARED/corpus/music21" ]; then
  echo "unfold: skipped (no $SHARED/musicxml/testsuite or corpus/music21)"
  exit 0
fi
if ! "$PYTHON" -c "import music21" 2>/dev/null; then
  echo "unfold: skipped (music21 is not importable by $PYTHON)"
  exit 0
fi
swift build --product recompose >/dev/null
"$PYTHON" Scripts/parity/unfold.py "$(swift build --show-bin-path)/recompose" "$SHARED"
