#!/usr/bin/env bash
# Reproduces the recipe table of Docs/Evaluation.md (issue 12): trains the seed recipe and the
# default recipe (duet) on the 48 Chopin MIDI files of ../shared for the same time budget (or
# reuses models already in OUT), generates six 32-bar pieces from each (C major 90, A minor 60,
# E minor 120 bpm; seeds 1–2, 3–4 and 5–6) — the seed model both with the seed's independent hands and
# with the bar-aware clock, the duet model with its default sampling and with the harmonic bias and
# the repetition off (--harmony 0 --tonality 0 --repetition 0: the networks' odds alone) — and measures them with `recompose evaluate` and with the independent
# script (Scripts/evaluation/independent_metrics.py: mido + music21, no code shared with ours).
# Not a test: with the default 20 minutes per model it takes about 45 minutes on two cores.
#
#   bash Scripts/evaluation.sh [MINUTES] [OUT]        (defaults: 20, out/evaluation)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-20}
out=${2:-out/evaluation}
corpus=../shared/corpus/piano-midi/chopin
python=${RECOMPOSE_PYTHON:-.venv/bin/python}
[ -d "$corpus" ] || { echo "evaluation: $corpus not found"; exit 1; }
[ -x "$python" ] || bash Scripts/setup-python.sh
swift build -c release --product recompose
bin="$(swift build -c release --show-bin-path)/recompose"
mkdir -p "$out"
for recipe in seed duet; do
  if [ ! -f "$out/model-$recipe/recompose-model.json" ]; then
    echo "== training the $recipe recipe for $minutes minutes"
    "$bin" train --corpus "$corpus" --recipe "$recipe" --time-limit "$minutes" --out "$out/model-$recipe" --json \
      | tee "$out/train-$recipe.log" | tail -n 1
  fi
done
keys=("C major" "A minor" "E minor")
tempos=(90 60 120)
# kind, model, sampling options
kinds=("seed:seed:--rhythm seed" "bar-aware:seed:--rhythm bar-aware" "duet:duet:"
       "duet-unsteered:duet:--harmony 0 --tonality 0 --repetition 0")
for entry in "${kinds[@]}"; do
  IFS=: read -r kind recipe sampling <<< "$entry"
  rm -rf "${out:?}/$kind"
  mkdir -p "$out/$kind"
  for i in 0 1 2; do
    # Two seeds per key, different for each key: a minor key's piece is generated in A minor and
    # moved, so A minor and E minor with one seed would be the same piece.
    for seed in $((2 * i + 1)) $((2 * i + 2)); do
      # shellcheck disable=SC2086
      "$bin" generate --model "$out/model-$recipe" --key "${keys[$i]}" --tempo "${tempos[$i]}" --bars 32 \
        --seed "$seed" $sampling --out "$out/$kind/${tempos[$i]}-$seed" > /dev/null
    done
  done
done
echo "== recompose evaluate (means; per piece with each command alone)"
table="$("$bin" evaluate "$corpus"/*.mid --reference "$corpus" --label chopin)"
head -n 1 <<< "$table"
grep -P "^mean of \\d+ reference pieces\t" <<< "$table"  # each piece against the other 47
for kind in seed bar-aware duet duet-unsteered; do
  "$bin" evaluate "$out/$kind"/*.musicxml --reference "$corpus" --label "$kind" | grep -P "^mean of \\d+ $kind\t"
done
echo "== independent metrics (mido + music21)"
"$python" Scripts/evaluation/independent_metrics.py --fast-key --reference "$corpus" \
  --label chopin "$corpus"/*.mid --label seed "$out/seed"/*.mid --label bar-aware "$out/bar-aware"/*.mid \
  --label duet "$out/duet"/*.mid --label duet-unsteered "$out/duet-unsteered"/*.mid | grep -i "mean"
echo "== held-out bits per quarter note (from training)"
for recipe in seed duet; do
  printf '%s: ' "$recipe"; grep -o '"heldOut[A-Za-z]*BitsPerQuarterNote":[0-9.]*' "$out/train-$recipe.log" | tr '\n' ' ' \
    || printf '(model reused: see its training log)'; echo
done
