#!/usr/bin/env bash
# Builds and runs one libFuzzer target (address sanitizer on) for a given time.
#
#   Scripts/fuzz.sh midi|musicxml|model SECONDS [extra libFuzzer flags…]
#
# The sources are compiled with swiftc directly (-sanitize=fuzzer,address): libFuzzer brings its
# own main(), which an executable built by SwiftPM would clash with. The seed corpus is made at
# run time from ../shared files (never committed) in .build/fuzz/corpus-TARGET; crashes land in
# .build/fuzz/artifacts-TARGET. Not run by Scripts/test.sh: the regression tests are.
set -euo pipefail
target=${1:?usage: Scripts/fuzz.sh midi|musicxml|model SECONDS}
seconds=${2:?usage: Scripts/fuzz.sh midi|musicxml|model SECONDS}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$root/../shared
out=$root/.build/fuzz
mkdir -p "$out"
cd "$root"

flags=(-sanitize=fuzzer,address -parse-as-library -package-name Recompose -O -g -I "$out" -I Sources/CLibXML2 -I Sources/CZlib -Xcc -I/usr/include/libxml2)

# Rebuilds a module library when any of its sources is newer than it.
build_module() {  # name swift-version extra-flags… -- sources…
  local name=$1 version=$2; shift 2
  local extra=(); while [ "$1" != "--" ]; do extra+=("$1"); shift; done; shift
  local lib=$out/lib$name.a
  if [ -f "$lib" ] && [ -z "$(find "$@" -newer "$lib" 2>/dev/null | head -1)" ]; then return; fi
  echo "fuzz: compiling $name" >&2
  swiftc "${flags[@]}" "${extra[@]}" -swift-version "$version" -module-name "$name" \
    -emit-library -static -emit-module -emit-module-path "$out/$name.swiftmodule" \
    "$@" -o "$lib"
}

build_module Notation 6 -- $(find Sources/Notation -name '*.swift')
libs=("$out/libNotation.a" -lxml2 -lz)
case $target in
  midi) source=Fuzz/FuzzMIDI.swift ;;
  musicxml) source=Fuzz/FuzzMusicXML.swift ;;
  model)
    source=Fuzz/FuzzModel.swift
    mkdir -p "$out/kernels"
    printf 'module CNetworkKernels {\n  header "%s/Sources/CNetworkKernels/include/CNetworkKernels.h"\n  export *\n}\n' "$root" \
      > "$out/kernels/module.modulemap"
    if [ ! -f "$out/libCNetworkKernels.a" ] || [ -n "$(find Sources/CNetworkKernels -newer "$out/libCNetworkKernels.a" | head -1)" ]; then
      echo "fuzz: compiling CNetworkKernels" >&2
      objs=()
      for c in Sources/CNetworkKernels/*.c; do
        o=$out/kernels/$(basename "$c" .c).o
        clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/CNetworkKernels/include -c "$c" -o "$o"
        objs+=("$o")
      done
      rm -f "$out/libCNetworkKernels.a"; ar rcs "$out/libCNetworkKernels.a" "${objs[@]}"
    fi
    build_module NeuralNetwork 6 -I "$out/kernels" -- $(find Sources/NeuralNetwork -name '*.swift')
    libs=("$out/libNeuralNetwork.a" "$out/libCNetworkKernels.a" -ldl)
    ;;
  *) echo "unknown target $target (midi, musicxml, model)" >&2; exit 2 ;;
esac

binary=$out/fuzz-$target
if [ ! -f "$binary" ] || [ -n "$(find "$source" "$out"/*.a -newer "$binary" | head -1)" ]; then
  echo "fuzz: linking $binary" >&2
  swiftc "${flags[@]}" -swift-version 6 -I "$out/kernels" "$source" "${libs[@]}" -o "$binary"
fi

# Seed corpus, rebuilt each run from the shared files (absent shared/: libFuzzer starts empty).
corpus=$out/corpus-$target
seeds=$out/seeds-$target
rm -rf "$seeds"; mkdir -p "$corpus" "$seeds" "$out/artifacts-$target"
if [ -d "$shared" ]; then
  case $target in
    # Lists are read whole before taking a prefix: `find | head` kills find with SIGPIPE,
    # which pipefail turns into a failed script.
    midi)
      mapfile -t found < <(find "$shared/corpus/piano-midi" -name '*.mid' | sort)
      for f in "${found[@]:0:60}"; do cp "$f" "$seeds/"; done ;;
    musicxml)
      mapfile -t found < <(find "$shared/corpus/music21" "$shared/musicxml/testsuite" \
        \( -name '*.xml' -o -name '*.musicxml' -o -name '*.mxl' \) -size -64k | sort)
      for f in "${found[@]:0:150}"; do cp "$f" "$seeds/$(echo "$f" | md5sum | cut -c1-12)-$(basename "$f")"; done ;;
    model) ;;
  esac
else
  echo "fuzz: ../shared absent, no seed corpus" >&2
fi
if [ "$target" = model ]; then
  # Seeds: tiny valid models in the fuzz input layout (UInt16 config length, config, weights).
  python3 "$root/Fuzz/make_model_seeds.py" "$seeds"
fi

echo "fuzz: running $target for $seconds s" >&2
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1} \
  "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=262144 \
  -artifact_prefix="$out/artifacts-$target/" -print_final_stats=1 "$@" "$corpus" "$seeds"
