#!/usr/bin/env bash
# Every corpus MIDI file, quantized and exported as MusicXML by `recompose convert`, validates
# against the MusicXML 4.0 XSD (offline, through the shared catalog).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=../shared/corpus/piano-midi
schema=../shared/musicxml/schema
if [ ! -d "$root" ] || [ ! -f "$schema/musicxml.xsd" ]; then
  echo "midi_export_schema: skipped (../shared is absent)"
  exit 0
fi
swift build --product recompose >/dev/null
bin="$(swift build --show-bin-path)/recompose"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count=0
while IFS= read -r -d '' file; do
  name=$(basename "$(dirname "$file")")-$(basename "${file%.*}")
  "$bin" convert "$file" "$out/$name.musicxml"
  count=$((count + 1))
done < <(find "$root" -name '*.mid' -print0 | sort -z)
invalid=$(XML_CATALOG_FILES="$schema/catalog.xml" xmllint --nonet --noout --schema "$schema/musicxml.xsd" "$out"/*.musicxml 2>&1 \
  | grep -c " fails to validate" || true)
echo "midi_export_schema: $((count - invalid))/$count MusicXML exports of corpus MIDI files validate against the XSD"
[ "$invalid" -eq 0 ]
