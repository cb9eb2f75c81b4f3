"""Training windows over encoded pieces, as Swift's ``SequenceDataset`` cuts them: every run of
``length`` consecutive elements of a piece with the element after it as the target; windows
never cross from one piece into the next. Pieces are held out for validation whole, by a
seeded shuffle, so no validation window shares music with a training window.

Windows, not shards, are what ranks split: each step's global batch is drawn from one
permutation of all windows (the same on every rank, seeded by the epoch) and rank r takes rows
[r·b, (r+1)·b) of it, so any shard count works with any number of ranks and a run on W
processes sees exactly the batches of a run on one.
"""

from __future__ import annotations

import numpy as np


class WindowSet:
    """All windows of ``length`` over ``pieces`` (lists of equally long int32 arrays)."""

    def __init__(self, notes: list[np.ndarray], durations: list[np.ndarray], length: int):
        if length < 1:
            raise ValueError(f"the window length must be positive, not {length}")
        self.length = length
        self.notes = np.concatenate(notes).astype(np.int64) if notes else np.zeros(0, np.int64)
        self.durations = np.concatenate(durations).astype(np.int64) if durations else np.zeros(0, np.int64)
        starts = []
        offset = 0
        for piece in notes:
            if len(piece) > length:
                starts.append(offset + np.arange(len(piece) - length, dtype=np.int64))
            offset += len(piece)
        self.starts = np.concatenate(starts) if starts else np.zeros(0, np.int64)

    def __len__(self) -> int:
        return len(self.starts)

    def batch(self, indices: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Inputs ``[B, length]`` and targets ``[B]`` (notes, durations) of the windows at ``indices``."""
        starts = self.starts[indices]
        positions = starts[:, None] + np.arange(self.length)[None, :]
        targets = starts + self.length
        return self.notes[positions], self.durations[positions], self.notes[targets], self.durations[targets]


def split_pieces(count: int, validation_fraction: float, seed: int) -> tuple[list[int], list[int]]:
    """Training and validation piece indices: a seeded shuffle, ``round(count · fraction)`` held
    out (at least one, never all), none when there are fewer than two pieces."""
    if count < 2 or validation_fraction <= 0:
        return list(range(count)), []
    order = np.random.default_rng(seed).permutation(count)
    held = min(count - 1, max(1, round(count * validation_fraction)))
    validation = set(int(i) for i in order[:held])
    return [i for i in range(count) if i not in validation], sorted(validation)


def global_batch(window_count: int, batch_size: int, step: int, seed: int) -> np.ndarray:
    """The window indices of optimiser step ``step`` (0-based): the epoch's seeded permutation,
    cut into full batches (the last partial batch of an epoch is dropped so every rank gets the
    same number of rows)."""
    per_epoch = window_count // batch_size
    if per_epoch == 0:
        raise ValueError(f"{window_count} training windows are fewer than one global batch of {batch_size}")
    epoch, k = divmod(step, per_epoch)
    order = np.random.default_rng([seed, epoch]).permutation(window_count)
    return order[k * batch_size : (k + 1) * batch_size]


def rank_rows(batch: np.ndarray, rank: int, world: int) -> np.ndarray:
    """This rank's equal share of a global batch (the batch size must divide by ``world``)."""
    if len(batch) % world:
        raise ValueError(f"the global batch of {len(batch)} does not divide among {world} ranks")
    share = len(batch) // world
    return batch[rank * share : (rank + 1) * share]
