#!/usr/bin/env bash
# Damaged MIDI: corpus files cut at 25/50/75% — complete notes before the cut recovered (≥ 95%), `recompose info` says damaged.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=../shared/corpus/piano-midi
if [ ! -d "$root" ]; then
  echo "midi_damaged: skipped ($root not found)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
python=${RECOMPOSE_PYTHON:-python3}
swift build --product recompose >/dev/null 2>&1 || { swift build --product recompose; exit 1; }
exec "$python" Scripts/parity/midi_damaged.py .build/debug/recompose "$root"
