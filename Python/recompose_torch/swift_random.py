"""Swift's ``SeededRandom`` (xoshiro256** seeded through SplitMix64) and the dropout masks
Swift's ``Dropout.mask`` draws from it, so a training step with dropout can be compared with
Swift's bit for bit in the masks (the parity tests); training itself uses torch's generator.
"""

from __future__ import annotations

import numpy as np
import torch

MASK = (1 << 64) - 1


class SeededRandom:
    """The generator: the same 64-bit stream as Swift's for the same seed."""

    def __init__(self, seed: int):
        x = seed & MASK
        state = []
        for _ in range(4):
            x = (x + 0x9E3779B97F4A7C15) & MASK
            z = x
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            state.append(z ^ (z >> 31))
        self.s = state

    def next(self) -> int:
        s0, s1, s2, s3 = self.s
        result = (_rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = _rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result


def _rotl(x: int, k: int) -> int:
    return ((x << k) | (x >> (64 - k))) & MASK


def dropout_masks(lstm_units: list[int], rate: float, batch: int, steps: int,
                  random: SeededRandom) -> list[torch.Tensor]:
    """The masks Swift draws for one training pass, one per LSTM but the last, as ``[B, T, u]``.

    Swift draws each mask time-major (``[T][B][u]``), four elements per 64-bit draw (16-bit
    lanes, low first); an element is dropped when its lane is below round(rate · 65536), and a
    kept one is scaled by 1/(1 − rate) computed in float32.
    """
    threshold = int(float(np.float32(rate)) * 65536 + 0.5)  # Swift: Double(Float rate), rounded half up
    keep = np.float32(1) / (np.float32(1) - np.float32(rate))
    masks = []
    for units in lstm_units[:-1]:
        count = steps * batch * units
        lanes = np.empty(count, dtype=np.uint64)
        k = 0
        while k < count:
            bits = random.next()
            for _ in range(min(4, count - k)):
                lanes[k] = bits & 0xFFFF
                bits >>= 16
                k += 1
        values = np.where(lanes < threshold, np.float32(0), keep).astype(np.float32)
        masks.append(torch.from_numpy(values.reshape(steps, batch, units).transpose(1, 0, 2).copy()))
    return masks
