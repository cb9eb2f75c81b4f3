#!/usr/bin/env bash
# Tuplets written back: reading and writing every MusicXML file of ../shared/corpus/music21
# invents no <time-modification> ratio the input did not have (rounded <duration>s keep the
# file's notated tuplet). Needs only python3's xml.etree.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=../shared/corpus/music21
if [ ! -d "$root" ]; then
  echo "tuplets: skipped ($root not found)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-python3}"
swift build --product recompose-dev >/dev/null 2>&1 || { swift build --product recompose-dev; exit 1; }
exec "$PYTHON" Scripts/parity/tuplets.py --recompose-dev .build/debug/recompose-dev "$root"
