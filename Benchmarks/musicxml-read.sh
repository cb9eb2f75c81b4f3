#!/usr/bin/env bash
# Benchmark: read the whole ../shared/corpus/music21 MusicXML set (456 files, mostly .mxl) into
# Scores with a release build, next to (1) the same files already inflated, (2) a bare libxml2
# xmlTextReader pass over the inflated files (`xmllint --stream`, the floor for any
# libxml2-based reader) and (3) music21 10 on the same files in the same run (skip with
# --no-music21). Not a test: prints figures for Docs/Performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/corpus/music21 ] || { echo "skipped: ../shared/corpus/music21 is absent"; exit 0; }
mapfile -t files < <(find ../shared/corpus/music21 \( -name '*.mxl' -o -name '*.xml' -o -name '*.musicxml' \) | sort)
swift build -c release --product recompose-dev >/dev/null
plain=$(mktemp -d)
trap 'rm -rf "$plain"' EXIT
i=0
for f in "${files[@]}"; do
  i=$((i + 1))
  if [[ $f == *.mxl ]]; then
    root=$(unzip -p "$f" META-INF/container.xml | grep -o 'full-path="[^"]*"' | head -1 | cut -d'"' -f2)
    unzip -p "$f" "$root" > "$plain/$i.xml"
  else
    cp "$f" "$plain/$i.xml"
  fi
done
echo "== recompose, files as stored (.mxl inflated while reading)"
.build/release/recompose-dev xmldump --bench "${files[@]}"
echo "== recompose, the same files already inflated"
.build/release/recompose-dev xmldump --bench "$plain"/*.xml
echo "== bare libxml2 xmlTextReader pass (xmllint --stream) over the inflated files"
start=$(date +%s.%N); xmllint --stream --noout "$plain"/*.xml; end=$(date +%s.%N)
echo "xmllint --stream: $(echo "$end - $start" | bc) s"
if [ "${1:-}" != "--no-music21" ]; then
  echo "== music21"
  "${RECOMPOSE_PYTHON:-python3}" Benchmarks/music21_read.py "${files[@]}"
fi
