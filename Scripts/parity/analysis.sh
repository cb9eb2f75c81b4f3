#!/usr/bin/env bash
# Harmonic analysis parity and speed against music21 on the Bach chorales of
# ../shared/corpus/music21: Roman numeral per chordified slice in the global key, voice-leading
# findings per voice pair (>= 98% both). With --bench, on a release build, also that analysing
# all chorales is >= 50x faster than music21 (the debug build of a plain run prints its speed
# without judging it). music21's answers are cached under .build/analysis-music21-cache (filled by one
# music21 process, so that its timings are not inflated: 7-13 minutes; seconds afterwards).
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus/music21
if [ ! -d "$corpus/bach" ]; then
  echo "analysis: skipped ($corpus/bach not found)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-.venv/bin/python}"
if ! "$PYTHON" -c "import music21" 2>/dev/null; then
  echo "analysis: skipped (music21 is not importable by $PYTHON)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
if [ "${1:-}" = "--bench" ]; then
  shift
  swift build -c release --product recompose >/dev/null
  exec "$PYTHON" Scripts/parity/analysis.py "$(swift build -c release --show-bin-path)/recompose" "$corpus" --min-speedup 50 "$@"
fi
swift build --product recompose >/dev/null
if [ "${CI:-}" = true ]; then
  # A fresh clone has no cache: judge every third chorale with two music21 processes (about
  # 2 minutes); run the script without CI=true for all 410 (the figures in Docs/).
  set -- --every 3 --jobs 2 "$@"
fi
exec "$PYTHON" Scripts/parity/analysis.py "$(swift build --show-bin-path)/recompose" "$corpus" "$@"
