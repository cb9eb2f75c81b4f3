#!/usr/bin/env bash
# Key estimates of every MusicXML file of ../shared/corpus/music21: ours against music21's.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus/music21
if [ ! -d "$corpus" ]; then
  echo "keys: skipped ($corpus not found)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-.venv/bin/python}"
swift build --product recompose >/dev/null
exec "$PYTHON" Scripts/parity/keys.py "$(swift build --show-bin-path)/recompose" "$corpus"
