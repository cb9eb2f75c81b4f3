#!/usr/bin/env bash
# MusicXML fidelity: our reader against music21's converter.parse on every MusicXML file of
# ../shared/corpus/music21 and ../shared/musicxml/testsuite. Fails on any difference not listed
# (with its reason) in Scripts/parity/musicxml-known-differences.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d ../shared/musicxml/testsuite ] || [ ! -d ../shared/corpus/music21 ]; then
  echo "musicxml parity: skipped (../shared is absent)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-python3}"
swift build --product recompose-dev >/dev/null
"$PYTHON" Scripts/parity/musicxml.py --recompose-dev .build/debug/recompose-dev \
  --cache .build/music21-cache --jobs "${PARITY_JOBS:-2}" \
  --known Scripts/parity/musicxml-known-differences.txt \
  ../shared/musicxml/testsuite ../shared/corpus/music21 | grep -v '^KNOWN' 
exit "${PIPESTATUS[0]}"
