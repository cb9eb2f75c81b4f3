#!/usr/bin/env python3
"""Builds the Keras twin of Generation's SequenceModel at tiny sizes, fixes its weights, and
writes Tests/NeuralNetworkTests/Fixtures/keras-tiny.json: weights, inputs, inference outputs, the
loss, and the weights after one Adam step (train_on_batch).

Usage (tensorflow-cpu from Scripts/requirements-keras.txt in a git-ignored venv):
    python Scripts/keras/make_fixture.py [OUT]

The model: one-hot(note) ++ one-hot(duration) → LSTM → Dropout → LSTM → Dropout → LSTM →
Dense(ReLU) → two softmax heads, loss = sum of the heads' sparse categorical cross-entropies,
Adam with Keras defaults. The outputs are computed with the dropout rate of the configuration
(inference ignores it); the Adam step uses a twin with dropout 0, since Keras's dropout masks
cannot be reproduced outside TensorFlow.
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np  # noqa: E402
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

NOTES, DURATIONS = 7, 4
UNITS = [6, 5, 6]
DENSE = 8
DROPOUT = 0.3
BATCH, STEPS = 3, 5


def build(dropout):
    inputs = keras.Input(shape=(STEPS, NOTES + DURATIONS))
    x = inputs
    for index, units in enumerate(UNITS):
        last = index == len(UNITS) - 1
        x = keras.layers.LSTM(units, return_sequences=not last, name=f"lstm_{index + 1}")(x)
        if not last:
            x = keras.layers.Dropout(dropout)(x)
    x = keras.layers.Dense(DENSE, activation="relu", name="dense")(x)
    notes = keras.layers.Dense(NOTES, activation="softmax", name="notes")(x)
    durations = keras.layers.Dense(DURATIONS, activation="softmax", name="durations")(x)
    model = keras.Model(inputs, [notes, durations])
    model.compile(
        optimizer=keras.optimizers.Adam(),
        loss=["sparse_categorical_crossentropy", "sparse_categorical_crossentropy"],
    )
    return model


def named_weights(model):
    out = {}
    for layer in model.layers:
        for weight in layer.weights:
            # weight.path is e.g. "lstm_1/lstm_cell/kernel" or "dense/kernel".
            out[f"{layer.name}.{weight.path.split('/')[-1]}"] = weight.numpy()
    return out


def encode(array):
    array = np.asarray(array, dtype=np.float32)
    return {"shape": list(array.shape), "values": [float(v) for v in array.reshape(-1)]}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "Tests/NeuralNetworkTests/Fixtures/keras-tiny.json"
    keras.utils.set_random_seed(1234)
    rng = np.random.default_rng(20261125)
    model = build(DROPOUT)
    # Fixed weights, larger than the initialisers' so every gate carries signal.
    for layer in model.layers:
        if layer.weights:
            layer.set_weights([rng.uniform(-0.5, 0.5, w.shape).astype(np.float32) for w in layer.get_weights()])
    notes = rng.integers(0, NOTES, size=(BATCH, STEPS))
    durations = rng.integers(0, DURATIONS, size=(BATCH, STEPS))
    target_notes = rng.integers(0, NOTES, size=(BATCH,))
    target_durations = rng.integers(0, DURATIONS, size=(BATCH,))
    x = np.concatenate(
        [np.eye(NOTES, dtype=np.float32)[notes], np.eye(DURATIONS, dtype=np.float32)[durations]], axis=-1
    )
    before = named_weights(model)
    probabilities = model.predict(x, verbose=0)
    loss = model.evaluate(x, [target_notes, target_durations], verbose=0)[0]

    twin = build(0.0)
    twin.set_weights(model.get_weights())
    step_loss = twin.train_on_batch(x, [target_notes, target_durations])
    step_loss = float(step_loss[0] if isinstance(step_loss, (list, tuple)) else step_loss)
    after = named_weights(twin)

    fixture = {
        "generator": f"Scripts/keras/make_fixture.py, keras {keras.__version__}, tensorflow {tf.__version__}",
        "configuration": {
            "noteVocabularySize": NOTES,
            "durationVocabularySize": DURATIONS,
            "lstmUnits": UNITS,
            "denseUnits": DENSE,
            "dropout": DROPOUT,
        },
        "batchSize": BATCH,
        "steps": STEPS,
        "notes": notes.reshape(-1).tolist(),
        "durations": durations.reshape(-1).tolist(),
        "targetNotes": target_notes.tolist(),
        "targetDurations": target_durations.tolist(),
        "weights": {name: encode(value) for name, value in before.items()},
        "noteProbabilities": encode(probabilities[0]),
        "durationProbabilities": encode(probabilities[1]),
        "loss": float(loss),
        "trainStepLoss": step_loss,
        "weightsAfterAdamStep": {name: encode(value) for name, value in after.items()},
    }
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {out}: {os.path.getsize(out)} bytes, loss {loss:.6f}, step loss {step_loss:.6f}")


if __name__ == "__main__":
    main()
