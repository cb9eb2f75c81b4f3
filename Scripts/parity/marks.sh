#!/usr/bin/env bash
# Marks kept by `recompose convert IN OUT.musicxml`: counts each kind of mark (beams, slurs,
# ornaments, technical, articulations, fermatas, dynamics, noteheads, …) with Python's
# xml.etree in every MusicXML file of ../shared/corpus/music21 and ../shared/musicxml/testsuite
# and in the converted files, and prints kind / count / kept %. Fails when a kind the note-marks
# model owns (OWNED_PREFIXES in marks.py) with >= 20 occurrences keeps less than 97%.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d ../shared/musicxml/testsuite ] || [ ! -d ../shared/corpus/music21 ]; then
  echo "marks: skipped (../shared is absent)"
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-python3}"
swift build --product recompose >/dev/null
"$PYTHON" Scripts/parity/marks.py --recompose .build/debug/recompose --jobs "${PARITY_JOBS:-2}" \
  ../shared/musicxml/testsuite ../shared/corpus/music21
