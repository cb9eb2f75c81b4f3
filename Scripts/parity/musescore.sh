#!/usr/bin/env bash
# MuseScore 3 as a real client of our MusicXML: every file of ../shared/musicxml/testsuite is
# exported by us, converted back by MuseScore, and both are read by our reader; the notes must
# agree except for the files listed (with reasons) in Scripts/parity/musescore-known-differences.txt.
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
"$PYTHON" Scripts/parity/musescore.py --recompose .build/debug/recompose --jobs "${PARITY_JOBS:-2}" \
  --known Scripts/parity/musescore-known-differences.txt ../shared/musicxml/testsuite | grep -v '^KNOWN'
exit "${PIPESTATUS[0]}"
