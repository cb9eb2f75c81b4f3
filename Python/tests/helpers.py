"""Small hand-made merged data in the reduce step's format, for the tests."""

from __future__ import annotations

import os

import numpy as np

from recompose_torch import shards

FINGERPRINT = "ab" * 32


def make_merged(directory: str, shard_count: int = 4, pieces_per_shard: int = 3, length: int = 40,
                seed: int = 0, note_labels: int = 9, duration_labels: int = 5) -> str:
    """Writes vocabulary.json and ``shard_count`` shards of random pieces; returns the folder."""
    os.makedirs(directory, exist_ok=True)
    rng = np.random.default_rng(seed)
    notes = ["<unk>", "rest"] + [f"{s}4" for s in "CDEFGAB"][: note_labels - 2]
    durations = ["<unk>", "quarter", "eighth", "half", "16th"][:duration_labels]
    vocabularies = {clef: shards.Vocabulary(notes, durations) for clef in shards.CLEFS}
    shards.write_vocabulary(directory, FINGERPRINT, shard_count, vocabularies)
    for index in range(shard_count):
        names = [f"piece-{index}-{p}.mid" for p in range(pieces_per_shard)]
        clefs = {}
        for clef in shards.CLEFS:
            pairs = []
            for p in range(pieces_per_shard):
                n = int(rng.integers(length // 2, length * 2))
                pairs.append((rng.integers(1, len(notes), n).astype(np.int32),
                              rng.integers(1, len(durations), n).astype(np.int32)))
            clefs[clef] = pairs
        shards.write_shard(directory, index, shard_count, FINGERPRINT, names, clefs)
    return directory
