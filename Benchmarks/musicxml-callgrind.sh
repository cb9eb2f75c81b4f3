#!/usr/bin/env bash
# Benchmark: instructions (valgrind's callgrind) spent reading and writing MusicXML, for two
# release builds of `recompose-dev` side by side — counts barely move with the machine's load,
# so a few per cent show where wall times cannot. Over a fixed subset of ../shared/corpus/music21
# (every 11th file in sorted order: 42 files), `recompose-dev xmldump --export DIR FILES…` reads
# each file once and writes it once; the figures are callgrind's inclusive counts of
# `MusicXMLReader.readScore(contentsOf:)` and of `MusicXMLWriter.write(_:to:)`.
# Not a test: prints figures for Docs/Performance.md.
#
#   bash Benchmarks/musicxml-callgrind.sh BEFORE/recompose-dev AFTER/recompose-dev
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE-recompose-dev AFTER-recompose-dev" >&2; exit 2; }
[ -d ../shared/corpus/music21 ] || { echo "skipped: ../shared/corpus/music21 is absent"; exit 0; }
command -v valgrind >/dev/null || { echo "needs valgrind (Debian package valgrind)" >&2; exit 2; }
mapfile -t files < <(find ../shared/corpus/music21 -type f \( -name '*.mxl' -o -name '*.xml' -o -name '*.musicxml' \) \
  | sort | awk 'NR % 11 == 1')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count() {  # callgrind's inclusive count for the function whose mangled name matches $2
  callgrind_annotate --inclusive=yes "$1" 2>/dev/null | grep -E "$2" | head -1 | awk '{gsub(",", "", $1); print $1}'
}
declare -A read write
for which in before after; do
  binary=$1; [ "$which" = after ] && binary=$2
  mkdir -p "$work/$which"
  valgrind --tool=callgrind --callgrind-out-file="$work/$which.out" "$binary" xmldump --export "$work/$which" \
    "${files[@]}" >/dev/null 2>"$work/$which.log"
  read[$which]=$(count "$work/$which.out" 'MusicXMLReaderV9readScore10contentsOf')
  write[$which]=$(count "$work/$which.out" 'MusicXMLWriterV5write_2to')
done
echo "${#files[@]} files; instructions, inclusive:"
for what in read write; do
  declare -n figures=$what
  printf '%-6s before %15s  after %15s  after/before %s\n' "$what" "${figures[before]}" "${figures[after]}" \
    "$(echo "scale=4; ${figures[after]} / ${figures[before]}" | bc)"
done
echo "written: before $(du -sb "$work/before" | cut -f1) bytes, after $(du -sb "$work/after" | cut -f1) bytes"
