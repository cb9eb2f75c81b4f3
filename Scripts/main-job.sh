#!/usr/bin/env bash
# The main job: builds Recompose, trains a small treble and bass model on the bundled corpus
# (Corpus/), and generates the seed study's three productions as MIDI + MusicXML in out/.
# Re-running reuses the trained model (delete out/model to retrain).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup-system.sh
echo "== building (release)"
swift build -c release --product recompose
bin="$(swift build -c release --show-bin-path)/recompose"
mkdir -p out
if [ ! -f out/model/recompose-model.json ]; then
  echo "== training on Corpus/ (the command is recorded in out/model/recompose-model.json)"
  "$bin" train --corpus Corpus --seq 32 --units 128 --layers 3 --epochs 12 --batch 64 --seed 1 --out out/model
fi
echo "== generating"
"$bin" generate --model out/model --key "C major" --tempo 90 --time 4/4 --bars 32 --seed 1 --title "Recomposed in C major" --out out/c-major-90
"$bin" generate --model out/model --key "A minor" --tempo 60 --time 4/4 --bars 32 --seed 2 --title "Recomposed in A minor" --out out/a-minor-60
"$bin" generate --model out/model --key "E minor" --tempo 120 --time 4/4 --bars 32 --seed 3 --title "Recomposed in E minor" --out out/e-minor-120
echo "== metrics against the corpus"
"$bin" evaluate out/c-major-90.musicxml out/a-minor-60.musicxml out/e-minor-120.musicxml --reference Corpus --model out/model --label generated
echo
echo "Done. Your pieces are in $(pwd)/out: c-major-90, a-minor-60, e-minor-120 (.mid and .musicxml)."
