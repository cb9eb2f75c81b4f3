#!/usr/bin/env bash
# Transposition parity: `recompose transpose --interval M2` and `--key "C major"` over the test
# suite and a quarter of the music21 corpus (every file with chord symbols), checked with
# xml.etree and music21's Pitch.transpose: notes, chord-symbol roots and basses, printed
# accidentals agreeing with <alter>, accidentals the key and bar call for. One summary line.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${RECOMPOSE_PYTHON:-.venv/bin/python}"
SHARED="${RECOMPOSE_SHARED:-../shared}"
if [ ! -d "$SHARED/musicxml/testsuite" ] || [ ! -d "$SHARED/corpus/music21" ]; then
  echo "transpose: skipped (no $SHARED/musicxml/testsuite or corpus/music21)"
  exit 0
fi
if ! "$PYTHON" -c "import music21" 2>/dev/null; then
  echo "transpose: skipped (music21 is not importable by $PYTHON)"
  exit 0
fi
swift build --product recompose >/dev/null
"$PYTHON" Scripts/parity/transpose.py "$(swift build --show-bin-path)/recompose" "$SHARED"
