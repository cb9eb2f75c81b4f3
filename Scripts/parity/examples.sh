#!/usr/bin/env bash
# The Examples package (Examples/, a SwiftPM package that uses Recompose by path as any user's
# package would): builds every program and runs each on real files, checked against music21 and
# mido (Scripts/parity/examples.py); list-notes is checked on the whole corpus by list_notes.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d ../shared/corpus/music21 ] || [ ! -d ../shared/corpus/piano-midi ]; then
  echo "examples: skipped (../shared is absent)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-python3}"
swift build --package-path Examples >/dev/null
"$PYTHON" Scripts/parity/examples.py Examples/.build/debug ../shared
