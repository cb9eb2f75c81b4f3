#!/usr/bin/env bash
# The Examples package's `list-notes` against music21 on every MusicXML file of
# ../shared/corpus/music21: the same multiset of (measure number, beat, pitch, quarterLength) as
# music21's recurse().notes, with our lines in non-decreasing offset order. Fails below 99% of
# the files or on any file out of order. Builds the whole Examples package first (its own
# Examples/.build), so an example that no longer compiles fails here too. music21's results are
# cached under .build/list-notes-music21-cache: the first run takes about a minute, reruns
# seconds. Docs/Examples.md has the figure and the remaining differences.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d ../shared/corpus/music21 ]; then
  echo "list_notes: skipped (../shared/corpus/music21 is absent)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
PYTHON="${RECOMPOSE_PYTHON:-python3}"
if ! "$PYTHON" -c 'import music21' 2>/dev/null; then
  echo "list_notes: skipped (no music21 for $PYTHON; run Scripts/setup-python.sh)"
  exit 0
fi
swift build --package-path Examples >/dev/null
"$PYTHON" Scripts/parity/list_notes.py --list-notes Examples/.build/debug/list-notes \
  --cache .build/list-notes-music21-cache --jobs "${PARITY_JOBS:-2}" ../shared/corpus/music21
