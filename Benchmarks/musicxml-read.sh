#!/usr/bin/env bash
# Benchmark: read the whole ../shared/corpus/music21 MusicXML set (456 files, mostly .mxl) into
# Scores with a release build, and (unless --no-music21) time music21 on the same files in the
# same run. Not a test: prints figures for Docs/Performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/corpus/music21 ] || { echo "skipped: ../shared/corpus/music21 is absent"; exit 0; }
mapfile -t files < <(find ../shared/corpus/music21 \( -name '*.mxl' -o -name '*.xml' -o -name '*.musicxml' \) | sort)
swift build -c release --product recompose >/dev/null
.build/release/recompose xmldump --bench "${files[@]}"
if [ "${1:-}" != "--no-music21" ]; then
  "${RECOMPOSE_PYTHON:-python3}" Benchmarks/music21_read.py "${files[@]}"
fi
