#!/usr/bin/env python3
"""Keras twin of Benchmarks/TrainingBenchmark: trains the seed architecture (one-hot note and
duration inputs → 3 × LSTM 256 with dropout 0.3 → Dense 256 ReLU → two softmax heads; batch 64,
100 steps, 300 note and 20 duration labels) on the same synthetic token stream, and times
training throughput and per-element generation with `model.predict` on a window.

Usage: python Scripts/keras/benchmark.py [--batches N] [--units U] [--json]
(tensorflow-cpu from Scripts/requirements-keras.txt). Prints sequences/s, effective GFLOP/s
(same FLOP count as the Swift benchmark: 3 × the forward matrix products, the first LSTM's input
product counted as dense), peak RSS, and ms per generated element.

With --every-step, the twin of `TrainingBenchmark train-every-step` (the duet recipe): every
LSTM returns its sequence, the dense layer and the heads apply at every position (Keras Dense on
3-D input), the loss is the sparse cross-entropy at every position (mean over B·T, both heads
summed), 20 conditioning values (0/1) follow the two one-hot vectors, and the LSTMs are
`stateful=True` with a fixed batch size, so each window starts from the state the previous
window of its stream ended in. Defaults there: batch 16, 90 note and 25 duration labels. Prints
elements learnt per second (B·T targets per step); no generation timing.
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


def synthetic_stream(count, notes, durations, conditioning=0):
    """The 31-bit LCG stream of Benchmarks/TrainingBenchmark/main.swift; element k's
    `conditioning` values (0/1, at most 20) are bits 11, 12, … of its draw."""
    x = 12345
    n, d = np.empty(count, np.int64), np.empty(count, np.int64)
    c = np.empty((count, conditioning), np.float32)
    for k in range(count):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        n[k] = (x >> 8) % notes
        d[k] = (x >> 4) % durations
        for j in range(conditioning):
            c[k, j] = (x >> (11 + j)) & 1
    return n, d, c


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_training(model, batches):
    """Trains on each (x, notes, durations) batch; the last loss, wall seconds and CPU seconds."""
    start = time.perf_counter()
    cpu_start = time.process_time()
    for x, yn, yd in batches:
        loss = model.train_on_batch(x, [yn, yd])
    return loss, time.perf_counter() - start, time.process_time() - cpu_start


def timing(count_name, count, seconds, flops, loss, cpu):
    """The result fields both modes report: `count` items (sequences or elements) trained in
    `seconds` of wall time and `cpu` seconds of process time."""
    return {
        count_name: count,
        "seconds": seconds,
        f"{count_name}PerSecond": count / seconds,
        "effectiveGFLOPs": flops / seconds / 1e9,
        "loss": float(loss[0] if isinstance(loss, (list, tuple)) else loss),
        "peakRSSMiB": peak_rss_mib(),
        "cpuSeconds": cpu,
        f"{count_name}PerCPUSecond": count / cpu,
        "cpuShare": cpu / seconds,
    }


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
    parser.add_argument("--every-step", action="store_true", help="the duet recipe's training (see above)")
    parser.add_argument("--batches", type=int, default=12)
    parser.add_argument("--batch", type=int, help="default 64, 16 with --every-step")
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--units", type=int, default=256)
    parser.add_argument("--notes", type=int, help="default 300, 90 with --every-step")
    parser.add_argument("--durations", type=int, help="default 20, 25 with --every-step")
    parser.add_argument("--conditioning", type=int, default=20, help="--every-step only; 0…20")
    parser.add_argument("--predictions", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    a = parser.parse_args()
    if a.batches < 2:
        parser.error("--batches takes at least 2 (the first one is the untimed warm-up)")
    if not 0 <= a.conditioning <= 20:
        parser.error("--conditioning takes 0…20 (bits of the synthetic stream's draws)")
    every = a.every_step
    a.batch = a.batch or (16 if every else 64)
    a.notes = a.notes or (90 if every else 300)
    a.durations = a.durations or (25 if every else 20)
    keras.utils.set_random_seed(1)
    if every:
        every_step(a)
        return
    b, t = a.batch, a.steps
    n, d, _ = synthetic_stream(a.batches * b + t + 1, a.notes, a.durations)
    eye_n, eye_d = np.eye(a.notes, dtype=np.float32), np.eye(a.durations, dtype=np.float32)
    batches = []
    for i in range(a.batches):
        starts = np.arange(i * b, i * b + b)
        idx = starts[:, None] + np.arange(t)[None, :]
        x = np.concatenate([eye_n[n[idx]], eye_d[d[idx]]], axis=-1)
        batches.append((x, n[starts + t], d[starts + t]))
    model = build(a.notes, a.durations, a.units, t, 0.3)
    model.train_on_batch(batches[0][0], [batches[0][1], batches[0][2]])  # warm-up: tracing
    loss, seconds, cpu = timed_training(model, batches[1:])
    sequences = (a.batches - 1) * b
    flops = 3 * forward_flops(a.notes, a.durations, a.units, t) * sequences
    window = batches[0][0][:1]
    model.predict(window, verbose=0)
    start = time.perf_counter()
    for _ in range(a.predictions):
        model.predict(window, verbose=0)
    ms = (time.perf_counter() - start) / a.predictions * 1000
    result = timing("sequences", sequences, seconds, flops, loss, cpu)
    result["millisecondsPerElement"] = ms
    if a.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print(
            f"keras train: {sequences} sequences in {seconds:.2f} s = {result['sequencesPerSecond']:.1f} sequences/s, "
            f"{result['effectiveGFLOPs']:.1f} GFLOP/s effective, peak RSS {result['peakRSSMiB']:.0f} MiB, "
            f"{cpu:.1f} CPU s ({result['sequencesPerCPUSecond']:.1f} sequences per CPU second)"
        )
        print(f"keras generate: {ms:.1f} ms per element (model.predict on a {t}-step window)")


def every_step_batches(a):
    """Batch k holds window k of each of the B streams; stream s is the contiguous run of the
    synthetic stream that starts at s · (batches · T + 1), as in EveryStepBenchmark.swift."""
    b, t, f = a.batch, a.steps, a.conditioning
    length = a.batches * t + 1
    n, d, c = synthetic_stream(b * length, a.notes, a.durations, f)
    eye_n, eye_d = np.eye(a.notes, dtype=np.float32), np.eye(a.durations, dtype=np.float32)
    batches = []
    for k in range(a.batches):
        idx = (np.arange(b) * length + k * t)[:, None] + np.arange(t)[None, :]
        x = np.concatenate([eye_n[n[idx]], eye_d[d[idx]], c[idx]], axis=-1)
        batches.append((x, n[idx + 1], d[idx + 1]))
    return batches


def build_every_step(a):
    # stateful=True needs the batch size in the input shape; Keras then keeps each LSTM's final
    # (h, c) in variables and starts the next call from them, row by row (truncated BPTT).
    inputs = keras.Input(batch_shape=(a.batch, a.steps, a.notes + a.durations + a.conditioning))
    x = inputs
    for layer in range(3):
        x = keras.layers.LSTM(a.units, return_sequences=True, stateful=True)(x)
        if layer < 2:
            x = keras.layers.Dropout(0.3)(x)
    x = keras.layers.Dense(a.units, activation="relu")(x)
    out_notes = keras.layers.Dense(a.notes, activation="softmax")(x)
    out_durations = keras.layers.Dense(a.durations, activation="softmax")(x)
    model = keras.Model(inputs, [out_notes, out_durations])
    model.compile(optimizer=keras.optimizers.Adam(), loss=["sparse_categorical_crossentropy"] * 2)
    return model


def every_step_forward_flops(a):
    """everyStepForwardFLOPs of EveryStepBenchmark.swift: dense and heads at every step."""
    per_step, width = 0, a.notes + a.durations + a.conditioning
    for _ in range(3):
        per_step += 8 * a.units * (width + a.units)
        width = a.units
    per_step += 2 * width * a.units + 2 * a.units * (a.notes + a.durations)
    return a.steps * per_step


def every_step(a):
    batches = every_step_batches(a)
    model = build_every_step(a)
    x, yn, yd = batches[0]
    model.train_on_batch(x, [yn, yd])  # warm-up: tracing; its final state starts the next batch
    loss, seconds, cpu = timed_training(model, batches[1:])
    elements = (a.batches - 1) * a.batch * a.steps
    flops = 3 * every_step_forward_flops(a) * (a.batches - 1) * a.batch
    result = timing("elements", elements, seconds, flops, loss, cpu)
    if a.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print(
            f"keras train-every-step: {elements} elements (batch {a.batch} × {a.steps} steps × {a.batches - 1}) "
            f"in {seconds:.2f} s = {result['elementsPerSecond']:.0f} elements/s, "
            f"{result['effectiveGFLOPs']:.1f} GFLOP/s effective, loss {result['loss']:.3f}, "
            f"peak RSS {result['peakRSSMiB']:.0f} MiB, {cpu:.1f} CPU s "
            f"(CPU share {result['cpuShare']:.2f}, {result['elementsPerCPUSecond']:.0f} elements per CPU second)"
        )


if __name__ == "__main__":
    main()
