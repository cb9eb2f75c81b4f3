#!/usr/bin/env bash
# Reproduces Docs/Evaluation.md: trains a model on the Chopin MIDI files of ../shared (or reuses
# one), generates pieces with the seed study's independent hands and with our bar-aware rhythm,
# and evaluates both against the corpus. Not a test: it takes tens of minutes on two cores.
#
#   bash Scripts/evaluation.sh [MODEL_DIR] [PIECES]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus/piano-midi/chopin
model=${1:-out/chopin-model}
pieces=${2:-6}
[ -d "$corpus" ] || { echo "evaluation: $corpus not found"; exit 1; }
swift build -c release --product recompose
bin="$(swift build -c release --show-bin-path)/recompose"
if [ ! -f "$model/recompose-model.json" ]; then
  "$bin" train --corpus "$corpus" --seq 100 --min-count 3 --units 256 --layers 3 --epochs 8 \
    --max-sequences 3072 --batch 64 --seed 1 --out "$model" --json
fi
mkdir -p out/evaluation
keys=("C major" "A minor" "E minor")
tempos=(90 60 120)
for i in $(seq 1 "$pieces"); do
  k=${keys[$(( (i - 1) % 3 ))]}; t=${tempos[$(( (i - 1) % 3 ))]}
  "$bin" generate --model "$model" --key "$k" --tempo "$t" --bars 32 --seed "$i" --rhythm bar-aware --out "out/evaluation/ours-$i" >/dev/null
  "$bin" generate --model "$model" --key "$k" --tempo "$t" --length 200 --seed "$i" --rhythm seed --out "out/evaluation/seed-$i" >/dev/null
done
echo "== Chopin corpus (reference)"
"$bin" evaluate "$corpus"/*.mid --reference "$corpus" --label "Chopin pieces" | tail -n 2 | head -n 1
echo "== seed-faithful generation (independent hands, 200 elements each)"
"$bin" evaluate out/evaluation/seed-*.musicxml --reference "$corpus" --label "seed-faithful pieces" | tail -n 2 | head -n 1
echo "== ours (bar-aware, 32 bars)"
"$bin" evaluate out/evaluation/ours-*.musicxml --reference "$corpus" --model "$model" --label "bar-aware pieces" | tail -n 3
