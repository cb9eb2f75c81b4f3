#!/usr/bin/env bash
# Raw MIDI parity: every note of `recompose dump --raw` equals mido's, on the piano-midi corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=../shared/corpus/piano-midi
if [ ! -d "$root" ]; then
  echo "midi_raw: skipped ($root not found)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
python=${RECOMPOSE_PYTHON:-python3}
swift build --product recompose >/dev/null 2>&1 || { swift build --product recompose; exit 1; }
exec "$python" Scripts/parity/midi_raw.py .build/debug/recompose "$root"
