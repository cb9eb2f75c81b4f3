"""PyTorch against Swift, each the other's oracle: the same weights give the same probabilities
and loss on held-out windows, one training step from the same state gives the same weights
(1e-5, as the Keras fixture), and a model folder written by `recompose train` loads here and
reproduces Swift's outputs."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import unittest

import numpy as np
import torch

from recompose_torch import bundle, safetensors_io
from recompose_torch.model import ModelConfiguration, SequenceModel, loss
from recompose_torch.optimizer import KerasAdam
from recompose_torch.swift_random import SeededRandom, dropout_masks
from tools import ROOT, tool

TOLERANCE = 1e-5


def random_batch(rng: np.random.Generator, configuration: ModelConfiguration, windows: int, steps: int):
    vn, vd = configuration.note_vocabulary_size, configuration.duration_vocabulary_size
    return (rng.integers(0, vn, (windows, steps)), rng.integers(0, vd, (windows, steps)),
            rng.integers(0, vn, windows), rng.integers(0, vd, windows))


def swift(model_folder: str, batch, folder: str, train_step: str | None = None, clip: float = 5.0,
          learning_rate: float = 0.001) -> dict:
    path = os.path.join(folder, "batch.json")
    with open(path, "w") as handle:
        json.dump({"notes": batch[0].tolist(), "durations": batch[1].tolist(), "targetNotes": batch[2].tolist(),
                   "targetDurations": batch[3].tolist()}, handle)
    command = [tool("recompose-dev"), "network", "--model", model_folder, "--batch", path,
               "--learning-rate", str(learning_rate), "--clip-norm", str(clip)]
    if train_step:
        command += ["--train-step", train_step]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise AssertionError(f"recompose-dev network failed: {result.stderr}")
    return json.loads(result.stdout)


def torch_outputs(network: SequenceModel, batch):
    tensors = [torch.from_numpy(np.asarray(a)) for a in batch]
    with torch.no_grad():
        n, d = network(tensors[0], tensors[1])
        value = float(loss(n, d, tensors[2], tensors[3]))
    return torch.softmax(n, 1).numpy().ravel(), torch.softmax(d, 1).numpy().ravel(), value


def save_network(folder: str, network: SequenceModel) -> None:
    c = network.configuration
    bundle.save_clef(folder, bundle.ClefModel(network, [f"n{i}" for i in range(c.note_vocabulary_size)],
                                              [f"d{i}" for i in range(c.duration_vocabulary_size)], []))


class SwiftParityTests(unittest.TestCase):
    def setUp(self):
        self.temporary = tempfile.TemporaryDirectory()
        self.folder = self.temporary.name

    def tearDown(self):
        self.temporary.cleanup()

    def test_same_weights_same_outputs(self):
        configuration = ModelConfiguration(11, 6, [16, 12], 10, 0.3)
        network = SequenceModel(configuration, torch.Generator().manual_seed(7))
        # Trained-looking weights rather than the initial ones: biases away from zero too.
        with torch.no_grad():
            for _, p in network.named_weights():
                p.add_(torch.randn(p.shape, generator=torch.Generator().manual_seed(p.numel())) * 0.2)
        save_network(os.path.join(self.folder, "m"), network)
        batch = random_batch(np.random.default_rng(1), configuration, windows=5, steps=9)
        expected = swift(os.path.join(self.folder, "m"), batch, self.folder)
        notes, durations, value = torch_outputs(network, batch)
        worst = max(np.abs(notes - expected["notes"]).max(), np.abs(durations - expected["durations"]).max())
        print(f"forward: largest probability difference {worst:.2e}, loss {value:.6f} vs {expected['loss']:.6f}")
        self.assertLess(worst, TOLERANCE)
        self.assertLess(abs(value - expected["loss"]), TOLERANCE)

    def check_one_step(self, clip: float, dropout: float = 0.0):
        configuration = ModelConfiguration(9, 5, [12, 10, 8], 7, dropout)
        network = SequenceModel(configuration, torch.Generator().manual_seed(3))
        save_network(os.path.join(self.folder, "before"), network)
        before = {name: p.detach().clone() for name, p in network.named_weights()}
        batch = random_batch(np.random.default_rng(2), configuration, windows=6, steps=7)
        expected = swift(os.path.join(self.folder, "before"), batch, self.folder,
                         train_step=os.path.join(self.folder, "after"), clip=clip, learning_rate=0.01)
        optimizer = KerasAdam(list(network.parameters()), 0.01, clip_norm=clip if clip > 0 else None)
        tensors = [torch.from_numpy(np.asarray(a)) for a in batch]
        # Swift's masks for this step: its generator seeded 1, drawn as Swift draws them.
        masks = dropout_masks(configuration.lstm_units, dropout, 6, 7, SeededRandom(1)) if dropout else None
        value = loss(*network(tensors[0], tensors[1], masks), tensors[2], tensors[3])
        value.backward()
        norm = KerasAdam.global_norm([p.grad for p in network.parameters()])
        optimizer.step()
        swift_weights, _ = safetensors_io.read(os.path.join(self.folder, "after", "model.safetensors"))
        worst = max(float(np.abs(p.detach().numpy() - swift_weights[name]).max()) for name, p in network.named_weights())
        moved = min(float((p.detach() - before[name]).abs().max()) for name, p in network.named_weights())
        print(f"train step (clip {clip}, dropout {dropout}, gradient norm {norm:.4f}): loss {value.item():.6f} vs "
              f"{expected['trainLoss']:.6f}, largest weight difference {worst:.2e}, every tensor moved ≥ {moved:.2e}")
        self.assertLess(abs(value.item() - expected["trainLoss"]), TOLERANCE)
        self.assertLess(worst, TOLERANCE)
        self.assertGreater(moved, 100 * TOLERANCE)  # the step moved every tensor beyond the tolerance
        return norm

    def test_one_training_step_same_weights(self):
        self.check_one_step(clip=5.0)

    def test_one_training_step_with_the_clip_binding(self):
        norm = self.check_one_step(clip=0.05)
        self.assertGreater(norm, 0.05)

    def test_one_training_step_with_swifts_dropout_masks(self):
        self.check_one_step(clip=5.0, dropout=0.3)

    def test_swift_random_stream(self):
        # SplitMix64 seeding and xoshiro256** by their published definitions, seed 0: the first
        # SplitMix64 output is 0xE220A8397B1DCDAF (Vigna's reference), the state's first word.
        self.assertEqual(SeededRandom(0).s[0], 0xE220A8397B1DCDAF)
        masks = dropout_masks([8, 4], 0.25, 3, 5, SeededRandom(9))
        self.assertEqual(list(masks[0].shape), [3, 5, 8])
        dropped = float((masks[0] == 0).float().mean())
        self.assertTrue(0.05 < dropped < 0.5)
        self.assertTrue(set(masks[0].unique().tolist()) <= {0.0, float(np.float32(1) / np.float32(0.75))})

    def test_loads_a_swift_trained_model(self):
        out = os.path.join(self.folder, "swift-model")
        result = subprocess.run(
            [tool("recompose"), "train", "--corpus", os.path.join(ROOT, "Corpus"), "--out", out, "--units", "16",
             "--layers", "2", "--epochs", "1", "--seq", "12", "--max-sequences", "64", "--batch", "16",
             "--recipe", "bar-aware"],  # recompose_torch reads unconditioned networks; duet is the default
            capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        manifest, clefs = bundle.load(out)
        self.assertEqual(manifest["recipe"], "bar-aware")
        rng = np.random.default_rng(5)
        for name, clef in clefs.items():
            batch = random_batch(rng, clef.network.configuration, windows=4, steps=12)
            expected = swift(os.path.join(out, name), batch, self.folder)
            notes, durations, value = torch_outputs(clef.network, batch)
            self.assertLess(np.abs(notes - expected["notes"]).max(), TOLERANCE, name)
            self.assertLess(np.abs(durations - expected["durations"]).max(), TOLERANCE, name)
            self.assertLess(abs(value - expected["loss"]), TOLERANCE, name)


if __name__ == "__main__":
    unittest.main()
