#!/usr/bin/env bash
# Quantized MIDI import against music21's converter.parse on five Chopin files (music21 takes
# about 2 s per file; run Scripts/parity/midi_music21.py on all files for the full figures).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=../shared/corpus/piano-midi/chopin
if [ ! -d "$dir" ]; then
  echo "midi_music21: skipped ($dir not found)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
python=${RECOMPOSE_PYTHON:-python3}
swift build --product recompose >/dev/null 2>&1 || { swift build --product recompose; exit 1; }
files=()
for name in chpn-p20 chpn-p7 chpn_op25_e1 chpn_op33_4 chpn-p15; do
  # A missing file is a failure, not a smaller sample that could pass on less.
  [ -f "$dir/$name.mid" ] || { echo "midi_music21: $dir/$name.mid not found"; exit 1; }
  files+=("$dir/$name.mid")
done
"$python" Scripts/parity/midi_music21.py .build/debug/recompose "${files[@]}" | grep -E "^(midi_music21:|  )"
exit "${PIPESTATUS[0]}"
