#!/usr/bin/env bash
# Runs the Swift training/generation benchmark (release) and the Keras twin on the same synthetic
# data, back to back, N rounds (default 3), printing every line. Not part of the tests.
# Needs a Python with tensorflow-cpu (Scripts/requirements-keras.txt): KERAS_PYTHON=/path/python.
# Each round also times the duet recipe's every-step training (batch 16 × 100 steps, 90 notes,
# 25 durations, 20 conditioning values, state carried) on both sides: elements learnt per second.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
python="${KERAS_PYTHON:-python3}"
swift build -c release --product TrainingBenchmark >/dev/null
.build/release/TrainingBenchmark sgemm
OPENBLAS_CORETYPE=Prescott .build/release/TrainingBenchmark sgemm
for round in $(seq "$rounds"); do
  echo "== round $round"
  .build/release/TrainingBenchmark train --batches 12 --threads 2 | tail -1
  # One thread driving a multi-threaded OpenBLAS (the library's default keeps OpenBLAS at one).
  .build/release/TrainingBenchmark train --batches 12 --threads 1 --blas-threads 0 | tail -1
  "$python" Scripts/keras/benchmark.py --batches 12 --predictions 10 2>/dev/null
  # --threads 2 is what the duet trainer uses on two cores (SequenceModel.recommendedThreads).
  .build/release/TrainingBenchmark train-every-step --batches 12 --threads 2 | tail -1
  .build/release/TrainingBenchmark train-every-step --batches 12 --threads 1 | tail -1
  "$python" Scripts/keras/benchmark.py --every-step --batches 12 2>/dev/null
done
.build/release/TrainingBenchmark generate | tail -1
