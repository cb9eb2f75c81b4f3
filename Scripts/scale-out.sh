#!/usr/bin/env bash
# The scaled-out pipeline end to end on one machine (Docs/Scaling.md):
#   map     recompose prepare --shard I/N, N shards, P at a time (xargs -P)
#   reduce  recompose merge: one vocabulary, int32 safetensors shards
#   train   torchrun --nproc_per_node PROCS -m recompose_torch.train (PyTorch DDP, gloo on CPU)
#   compose recompose generate, then the MusicXML checked against the XSD and for complete bars
#
# Settings (environment): RECOMPOSE_SHARED (../shared), CORPUS ($RECOMPOSE_SHARED/corpus/piano-midi, all
# composers), OUT (out/scale-out),
# SHARDS (4), JOBS (2, prepare processes at once), PROCS (2, training ranks), STEPS (40 per clef),
# BATCH (64, global), SEQ (100), UNITS (256,256,256), DENSE (256), RECOMPOSE (the debug build).
# The defaults train the seed's network for a few minutes on two cores: enough to show the
# pipeline, not to make good music (see Docs/Scaling.md for the throughput and a projection).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${RECOMPOSE_SHARED:-../shared}
corpus=${CORPUS:-$shared/corpus/piano-midi}
out=${OUT:-out/scale-out}
shards=${SHARDS:-4}
jobs=${JOBS:-2}
procs=${PROCS:-2}
steps=${STEPS:-40}
batch=${BATCH:-64}
seq=${SEQ:-100}
units=${UNITS:-256,256,256}
dense=${DENSE:-256}
if [ ! -d "$corpus" ]; then
  echo "scale-out: $corpus not found (set CORPUS)" >&2
  exit 1
fi
bash Scripts/setup-torch.sh
export PYTHONPATH="$PWD/Python${PYTHONPATH:+:$PYTHONPATH}"
if [ -z "${RECOMPOSE:-}" ]; then
  swift build --product recompose >/dev/null
  RECOMPOSE="$(swift build --show-bin-path)/recompose"
fi
if ! "$RECOMPOSE" prepare --help 2>/dev/null | grep -q -- '--shard'; then
  echo "scale-out: $RECOMPOSE has no \`prepare --shard\` (the map step); build a version that has it" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
started=$(date +%s)

echo "== map: $shards shards, $jobs at a time"
seq 0 $((shards - 1)) | xargs -P "$jobs" -I{} \
  "$RECOMPOSE" prepare --corpus "$corpus" --seq "$seq" --shard "{}/$shards" --shard-out "$out/prepared"
echo "== reduce"
"$RECOMPOSE" merge --shards "$out/prepared" --out "$out/merged"
echo "== train: $procs processes, $steps steps per clef, global batch $batch"
OMP_NUM_THREADS=1 .venv-torch/bin/torchrun --standalone --nproc_per_node "$procs" -m recompose_torch.train \
  --data "$out/merged" --out "$out/model" --recipe bar-aware --steps "$steps" --batch-size "$batch" \
  --sequence-length "$seq" --lstm-units "$units" --dense-units "$dense" \
  --checkpoint-dir "$out/checkpoints" --checkpoint-every 10 --metrics "$out/metrics.jsonl"
echo "== compose"
"$RECOMPOSE" generate --model "$out/model" --out "$out/piece" --bars 16 --seed 7
XML_CATALOG_FILES="$shared/musicxml/schema/catalog.xml" \
  xmllint --nonet --noout --schema "$shared/musicxml/schema/musicxml.xsd" "$out/piece.musicxml"
.venv-torch/bin/python -m recompose_torch.check_score "$out/piece.musicxml"
echo "scale-out: done in $(( $(date +%s) - started )) s: $out/piece.musicxml, $out/piece.mid"
