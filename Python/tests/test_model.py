"""The network's pieces checked against hand-computed expectations (the Swift parity is in
test_swift_parity.py): Keras's Adam, windows, the loss, the model folder round trip."""

from __future__ import annotations

import math
import os
import tempfile
import unittest

import numpy as np
import torch

from recompose_torch import bundle
from recompose_torch.model import ModelConfiguration, SequenceModel, loss
from recompose_torch.optimizer import KerasAdam
from recompose_torch.windows import WindowSet, global_batch, rank_rows, split_pieces


class AdamTests(unittest.TestCase):
    def test_first_two_steps_by_hand(self):
        w = torch.nn.Parameter(torch.tensor([1.0, -2.0]))
        adam = KerasAdam([w], learning_rate=0.1)
        for g in ([0.5, -0.25], [0.1, 0.2]):
            w.grad = torch.tensor(g)
            adam.step()
        # By hand (Keras 3's update rule, ε after the bias correction folded into α):
        m1 = [0.05, -0.025]; v1 = [0.00025, 0.0000625]
        m2 = [m + (g - m) * 0.1 for m, g in zip(m1, [0.1, 0.2])]
        v2 = [v + (g * g - v) * 0.001 for v, g in zip(v1, [0.1, 0.2])]
        a1 = 0.1 * math.sqrt(1 - 0.999) / (1 - 0.9)
        a2 = 0.1 * math.sqrt(1 - 0.999**2) / (1 - 0.9**2)
        expected = [w0 - m1[k] * a1 / (math.sqrt(v1[k]) + 1e-7) - m2[k] * a2 / (math.sqrt(v2[k]) + 1e-7)
                    for k, w0 in enumerate([1.0, -2.0])]
        np.testing.assert_allclose(w.detach().numpy(), expected, atol=1e-6)

    def test_global_clipping_scales_all_gradients_together(self):
        a, b = torch.nn.Parameter(torch.zeros(1)), torch.nn.Parameter(torch.zeros(1))
        adam = KerasAdam([a, b], learning_rate=1.0, clip_norm=1.0)
        a.grad, b.grad = torch.tensor([3.0]), torch.tensor([4.0])  # norm 5 → scaled by 1/5
        adam.step()
        np.testing.assert_allclose(adam.momentums[0].numpy(), [0.1 * 0.6], rtol=1e-6)
        np.testing.assert_allclose(adam.momentums[1].numpy(), [0.1 * 0.8], rtol=1e-6)


class WindowTests(unittest.TestCase):
    def test_windows_never_cross_pieces(self):
        notes = [np.array([1, 2, 3, 4], np.int32), np.array([5, 6], np.int32), np.array([7, 8, 9], np.int32)]
        windows = WindowSet(notes, [n * 10 for n in notes], 2)
        self.assertEqual(len(windows), 2 + 0 + 1)  # a piece of n elements gives n - length windows
        x, d, tn, td = windows.batch(np.array([0, 1, 2]))
        np.testing.assert_array_equal(x, [[1, 2], [2, 3], [7, 8]])
        np.testing.assert_array_equal(tn, [3, 4, 9])
        np.testing.assert_array_equal(td, [30, 40, 90])

    def test_ranks_split_the_same_global_batch(self):
        batch = global_batch(100, 8, step=13, seed=3)
        self.assertEqual(len(batch), 8)
        halves = np.concatenate([rank_rows(batch, r, 2) for r in range(2)])
        np.testing.assert_array_equal(halves, batch)
        with self.assertRaisesRegex(ValueError, "does not divide among 3 ranks"):
            rank_rows(batch, 0, 3)

    def test_validation_pieces_are_whole_and_seeded(self):
        training, validation = split_pieces(20, 0.1, seed=1)
        self.assertEqual(len(validation), 2)
        self.assertEqual(sorted(training + validation), list(range(20)))
        self.assertEqual(split_pieces(20, 0.1, seed=1), (training, validation))


class LossTests(unittest.TestCase):
    def test_sum_of_the_heads_mean_cross_entropies(self):
        notes = torch.tensor([[0.0, 1.0, 2.0], [1.0, 1.0, 1.0]])
        durations = torch.tensor([[2.0, 0.0], [0.0, 0.0]])
        value = loss(notes, durations, torch.tensor([2, 0]), torch.tensor([1, 1]))
        def ce(row, t):
            return math.log(sum(math.exp(x) for x in row)) - row[t]
        expected = (ce([0, 1, 2], 2) + ce([1, 1, 1], 0)) / 2 + (ce([2, 0], 1) + ce([0, 0], 1)) / 2
        self.assertAlmostEqual(float(value), expected, places=5)


class BundleTests(unittest.TestCase):
    def test_round_trip_and_refusals(self):
        configuration = ModelConfiguration(5, 4, [6, 3], 7, 0.3)
        network = SequenceModel(configuration, torch.Generator().manual_seed(4))
        clef = bundle.ClefModel(network, ["<unk>", "rest", "C4", "D4", "E4"], ["<unk>", "quarter", "eighth", "half"],
                                [[("C4", "quarter"), ("rest", "half")]])
        with tempfile.TemporaryDirectory() as folder:
            bundle.save(folder, {"treble": clef}, "seed", bundle.preprocessing_json(10),
                        bundle.training_json(1, 8, 0.001, 5.0, 1), {"treble": bundle.summary_json(8, 1.0, 2.0, None, 1)})
            manifest, clefs = bundle.load(folder)
            self.assertEqual(manifest["recipe"], "seed")
            for (name, a), (_, b) in zip(network.named_weights(), clefs["treble"].network.named_weights()):
                self.assertTrue(torch.equal(a, b), name)
            self.assertEqual(clefs["treble"].seeds, clef.seeds)
            # A network whose tensors do not fit its configuration is refused by name.
            config = os.path.join(folder, "treble", "config.json")
            with open(config) as handle:
                text = handle.read()
            with open(config, "w") as handle:
                handle.write(text.replace('"denseUnits": 7', '"denseUnits": 8'))
            with self.assertRaisesRegex(bundle.BundleError, r"'dense.kernel' is float32 \[3, 7\], expected float32 \[3, 8\]"):
                bundle.load(folder)

    def test_forward_refuses_nothing_silently(self):
        network = SequenceModel(ModelConfiguration(5, 4, [6], 7, 0.0))
        with self.assertRaisesRegex(ValueError, "note id outside 0..<5"):
            network.check_ids(torch.tensor([[5]]), torch.tensor([[0]]))


if __name__ == "__main__":
    unittest.main()
