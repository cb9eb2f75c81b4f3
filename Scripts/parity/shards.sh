#!/usr/bin/env bash
# Sharded preparation read back without our code: `recompose prepare --shard I/3` over 12 files
# of ../shared/corpus/piano-midi, `recompose merge` (min-count 1 and 2), then NumPy alone parses
# the safetensors and checks the ids against vocabulary.json and the pieces files.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus/piano-midi
if [ ! -d "$corpus" ]; then
  echo "shards: skipped ($corpus not found)"
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-.venv/bin/python}"
swift build --product recompose >/dev/null
exec "$PYTHON" Scripts/parity/shards.py "$(swift build --show-bin-path)/recompose" "$corpus" "$@"
