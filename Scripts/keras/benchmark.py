#!/usr/bin/env python3
"""Keras twin of Benchmarks/TrainingBenchmark: trains the seed architecture (one-hot note and
duration inputs → 3 × LSTM 256 with dropout 0.3 → Dense 256 ReLU → two softmax heads; batch 64,
100 steps, 300 note and 20 duration labels) on the same synthetic token stream, and times
training throughput and per-element generation with `model.predict` on a window.

Usage: python Scripts/keras/benchmark.py [--batches N] [--units U] [--json]
(tensorflow-cpu from Scripts/requirements-keras.txt). Prints sequences/s, effective GFLOP/s
(same FLOP count as the Swift benchmark: 3 × the forward matrix products, the first LSTM's input
product counted as dense), peak RSS, and ms per generated element.
"""
import argparse
import json
import os
import resource
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np  # noqa: E402
import keras  # noqa: E402


def synthetic_stream(count, notes, durations):
    """The 31-bit LCG stream of Benchmarks/TrainingBenchmark/main.swift."""
    x = 12345
    n, d = np.empty(count, np.int64), np.empty(count, np.int64)
    for k in range(count):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        n[k] = (x >> 8) % notes
        d[k] = (x >> 4) % durations
    return n, d


def build(notes, durations, units, steps, dropout):
    inputs = keras.Input(shape=(steps, notes + durations))
    x = keras.layers.LSTM(units, return_sequences=True)(inputs)
    x = keras.layers.Dropout(dropout)(x)
    x = keras.layers.LSTM(units, return_sequences=True)(x)
    x = keras.layers.Dropout(dropout)(x)
    x = keras.layers.LSTM(units)(x)
    x = keras.layers.Dense(units, activation="relu")(x)
    out_notes = keras.layers.Dense(notes, activation="softmax")(x)
    out_durations = keras.layers.Dense(durations, activation="softmax")(x)
    model = keras.Model(inputs, [out_notes, out_durations])
    model.compile(optimizer=keras.optimizers.Adam(), loss=["sparse_categorical_crossentropy"] * 2)
    return model


def forward_flops(notes, durations, units, steps):
    flops, width = 0, notes + durations
    for _ in range(3):
        flops += steps * 8 * units * (width + units)
        width = units
    return flops + 2 * width * units + 2 * units * (notes + durations)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=12)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--units", type=int, default=256)
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--durations", type=int, default=20)
    parser.add_argument("--predictions", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    a = parser.parse_args()
    keras.utils.set_random_seed(1)
    b, t = a.batch, a.steps
    n, d = synthetic_stream(a.batches * b + t + 1, a.notes, a.durations)
    eye_n, eye_d = np.eye(a.notes, dtype=np.float32), np.eye(a.durations, dtype=np.float32)
    batches = []
    for i in range(a.batches):
        starts = np.arange(i * b, i * b + b)
        idx = starts[:, None] + np.arange(t)[None, :]
        x = np.concatenate([eye_n[n[idx]], eye_d[d[idx]]], axis=-1)
        batches.append((x, n[starts + t], d[starts + t]))
    model = build(a.notes, a.durations, a.units, t, 0.3)
    model.train_on_batch(batches[0][0], [batches[0][1], batches[0][2]])  # warm-up: tracing
    start = time.perf_counter()
    cpu_start = time.process_time()
    for x, yn, yd in batches[1:]:
        loss = model.train_on_batch(x, [yn, yd])
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    sequences = (a.batches - 1) * b
    flops = 3 * forward_flops(a.notes, a.durations, a.units, t) * sequences
    window = batches[0][0][:1]
    model.predict(window, verbose=0)
    start = time.perf_counter()
    for _ in range(a.predictions):
        model.predict(window, verbose=0)
    ms = (time.perf_counter() - start) / a.predictions * 1000
    result = {
        "sequences": sequences,
        "seconds": seconds,
        "sequencesPerSecond": sequences / seconds,
        "effectiveGFLOPs": flops / seconds / 1e9,
        "loss": float(loss[0] if isinstance(loss, (list, tuple)) else loss),
        "peakRSSMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "millisecondsPerElement": ms,
        "cpuSeconds": cpu,
        "sequencesPerCPUSecond": sequences / cpu,
    }
    if a.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print(
            f"keras train: {sequences} sequences in {seconds:.2f} s = {result['sequencesPerSecond']:.1f} sequences/s, "
            f"{result['effectiveGFLOPs']:.1f} GFLOP/s effective, peak RSS {result['peakRSSMiB']:.0f} MiB, "
            f"{cpu:.1f} CPU s ({result['sequencesPerCPUSecond']:.1f} sequences per CPU second)"
        )
        print(f"keras generate: {ms:.1f} ms per element (model.predict on a {t}-step window)")


if __name__ == "__main__":
    main()
