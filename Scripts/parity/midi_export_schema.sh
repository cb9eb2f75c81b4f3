#!/usr/bin/env bash
# Every corpus MIDI file, quantized and exported as MusicXML by `recompose convert`, validates
# against the MusicXML 4.0 XSD (offline, through the shared catalog).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=../shared/corpus/piano-midi
schema=../shared/musicxml/schema
if [ ! -d "$root" ] || [ ! -f "$schema/musicxml.xsd" ]; then
  echo "midi_export_schema: skipped (../shared is absent)"  # Scripts/test.sh fails this under CI=true
  exit 0
fi
swift build --product recompose >/dev/null
bin="$(swift build --show-bin-path)/recompose"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count=0
while IFS= read -r -d '' file; do
  name=$(basename "$(dirname "$file")")-$(basename "${file%.*}")
  "$bin" convert "$file" "$out/$name.musicxml" || { echo "midi_export_schema: recompose convert failed on $file"; exit 1; }
  count=$((count + 1))
done < <(find "$root" -name '*.mid' -print0 | sort -z)
if [ "$count" -eq 0 ]; then
  echo "midi_export_schema: no MIDI file under $root"
  exit 1
fi
# xmllint's exit status is the verdict (non-zero on an invalid file, an unreadable schema or any
# other error); its per-file lines are only counted for the summary and shown when it fails.
status=0
XML_CATALOG_FILES="$schema/catalog.xml" xmllint --nonet --noout --schema "$schema/musicxml.xsd" "$out"/*.musicxml \
  >"$out/xmllint.log" 2>&1 || status=$?
valid=$(grep -c " validates$" "$out/xmllint.log" || true)
echo "midi_export_schema: $valid/$count MusicXML exports of corpus MIDI files validate against the XSD"
if [ "$status" -ne 0 ] || [ "$valid" -ne "$count" ]; then
  grep -v " validates$" "$out/xmllint.log" | head -20
  echo "midi_export_schema: xmllint exited with status $status"
  exit 1
fi
