#!/usr/bin/env bash
# MuseScore 3 as a real client of our MusicXML: every file of ../shared/musicxml/testsuite is
# exported by us, converted back by MuseScore, and both are read by our reader; the notes must
# agree except for the files listed (with reasons) in Scripts/parity/musescore-known-differences.txt.
# MuseScore must also read every export with no import error (known ones, MuseScore's own, are in
# musescore-known-messages.txt), and so the exports of the MIDI files of ../shared/corpus/piano-midi.
# A full run (no CI=true) has MuseScore read all 96 exports: 7.3 minutes on two jobs, 6.6
# CPU-minutes, mostly MuseScore laying out the pieces. Under CI=true it reads every eighth (12
# files, in sorted order, so every composer's folder is visited); the test-suite files are always
# all checked. The sample only judges fewer files: any import error on them still fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d ../shared/musicxml/testsuite ]; then
  echo "musescore parity: skipped (../shared is absent)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
if ! command -v mscore3 >/dev/null; then
  echo "musescore parity: skipped (mscore3 is not installed; Debian package musescore3)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-python3}"
swift build --product recompose >/dev/null
midi=()
if [ -d ../shared/corpus/piano-midi ]; then
  midi=(--midi ../shared/corpus/piano-midi --every "$([ "${CI:-}" = true ] && echo 8 || echo 1)")
fi
"$PYTHON" Scripts/parity/musescore.py --recompose .build/debug/recompose --jobs "${PARITY_JOBS:-2}" \
  --known Scripts/parity/musescore-known-differences.txt --known-messages Scripts/parity/musescore-known-messages.txt \
  "${midi[@]}" ../shared/musicxml/testsuite | grep -v '^KNOWN'
exit "${PIPESTATUS[0]}"
