#!/usr/bin/env bash
# MIDI round trip: every MusicXML file of ../shared/corpus/music21 → MIDI → read back lands every
# onset in its original measure and offset (≥ 99.9%), and again with every onset and release
# jittered by a seeded ±1/32 quarter (≥ 99%, none before its barline). Needs mido.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=../shared/corpus/music21
if [ ! -d "$root" ]; then
  echo "midi_roundtrip: skipped ($root not found)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
python=${RECOMPOSE_PYTHON:-python3}
if ! "$python" -c 'import mido' 2>/dev/null; then
  echo "midi_roundtrip: skipped (mido not installed for $python)"
  exit 0
fi
swift build --product recompose >/dev/null 2>&1 || { swift build --product recompose; exit 1; }
swift build --product recompose-dev >/dev/null 2>&1 || { swift build --product recompose-dev; exit 1; }
exec "$python" Scripts/parity/midi_roundtrip.py .build/debug/recompose .build/debug/recompose-dev "$root"
