#!/usr/bin/env bash
# The main job: builds Recompose, trains a treble and a bass model, and generates the seed
# study's three productions as MIDI + MusicXML in out/.
#
#   bash Scripts/main-job.sh                 # the bundled corpus (Corpus/), a small model
#   bash Scripts/main-job.sh ~/music/chopin  # your own MIDI/MusicXML files, the default recipe
#                                            # and model, 20 minutes of training
#                                            # (RECOMPOSE_TIME_LIMIT=MINUTES to change)
#
# Re-running reuses the trained model (delete out/model, or out/model-NAME, to retrain); a model
# folder of an older format is moved aside and trained again.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-Corpus}"
if [ ! -d "$corpus" ]; then
  echo "main-job: $corpus: no such folder" >&2
  exit 1
fi
bash Scripts/setup-system.sh
echo "== building (release)"
swift build -c release --product recompose
bin="$(swift build -c release --show-bin-path)/recompose"
mkdir -p out
if [ "$corpus" = "Corpus" ]; then
  model=out/model
  # The default recipe (duet) on 26 short exercises: 30 epochs of 16 streams take about a minute
  # (12 epochs of 64 streams left the treble near its unigram baseline).
  train=(--seq 32 --units 128 --layers 3 --epochs 30 --seed 1)
else
  name="$(basename "$(cd "$corpus" && pwd)")"
  model="out/model-$name"
  train=(--time-limit "${RECOMPOSE_TIME_LIMIT:-20}" --seed 1)
fi
if [ -f "$model/recompose-model.json" ] && ! grep -q '"recipe"' "$model/recompose-model.json"; then
  echo "== $model is of an older format: moving it to $model.old and training again"
  rm -rf "$model.old"
  mv "$model" "$model.old"
fi
if [ ! -f "$model/recompose-model.json" ]; then
  echo "== training on $corpus (the command is recorded in $model/recompose-model.json)"
  "$bin" train --corpus "$corpus" "${train[@]}" --out "$model"
fi
echo "== generating"
"$bin" generate --model "$model" --key "C major" --tempo 90 --time 4/4 --bars 32 --seed 1 --title "Recomposed in C major" --out out/c-major-90
"$bin" generate --model "$model" --key "A minor" --tempo 60 --time 4/4 --bars 32 --seed 2 --title "Recomposed in A minor" --out out/a-minor-60
"$bin" generate --model "$model" --key "E minor" --tempo 120 --time 4/4 --bars 32 --seed 3 --title "Recomposed in E minor" --out out/e-minor-120
echo "== metrics against the corpus"
"$bin" evaluate out/c-major-90.musicxml out/a-minor-60.musicxml out/e-minor-120.musicxml --reference "$corpus" --model "$model" --label generated
echo
echo "Done. Your pieces are in $(pwd)/out: c-major-90, a-minor-60, e-minor-120 (.mid and .musicxml)."
