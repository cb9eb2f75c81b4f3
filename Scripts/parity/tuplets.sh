#!/usr/bin/env bash
# Tuplets written back: reading and writing every MusicXML file of ../shared/corpus/music21
# invents no <time-modification> ratio the input did not have (rounded <duration>s keep the
# file's notated tuplet); and nested tuplets (a 3:2 inside a 5:4) read and written back as
# music21 reads them, on every file of the corpus and of ../shared/musicxml/testsuite that nests
# tuplet brackets (needs music21: RECOMPOSE_PYTHON=.venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=../shared/corpus/music21
suite=../shared/musicxml/testsuite
if [ ! -d "$root" ] || [ ! -d "$suite" ]; then
  echo "tuplets: skipped ($root not found)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-python3}"
swift build --product recompose-dev >/dev/null 2>&1 || { swift build --product recompose-dev; exit 1; }
exec "$PYTHON" Scripts/parity/tuplets.py --recompose-dev .build/debug/recompose-dev "$root" "$suite"
