"""The merged data: read back what was written, and every kind of bad input refused by name."""

from __future__ import annotations

import json
import os
import tempfile
import unittest

import numpy as np
import safetensors.numpy

from helpers import FINGERPRINT, make_merged
from recompose_torch import safetensors_io, shards


class ShardTests(unittest.TestCase):
    def setUp(self):
        self.temporary = tempfile.TemporaryDirectory()
        self.folder = make_merged(os.path.join(self.temporary.name, "merged"), shard_count=3, pieces_per_shard=2)

    def tearDown(self):
        self.temporary.cleanup()

    def test_reads_every_piece_of_every_shard_in_order(self):
        data = shards.load(self.folder)
        self.assertEqual(data.shards, 3)
        self.assertEqual(data.names, [f"piece-{i}-{p}.mid" for i in range(3) for p in range(2)])
        # The safetensors package (an independent reader) sees the same ids.
        raw = safetensors.numpy.load_file(os.path.join(self.folder, "shard-00001-of-00003.safetensors"))
        offsets = raw["bass.offsets"]
        np.testing.assert_array_equal(data.pieces["bass"].notes[3], raw["bass.notes"][offsets[1]:offsets[2]])
        self.assertEqual(data.vocabularies["treble"].notes[0], "<unk>")

    def test_our_writer_is_read_by_the_safetensors_package(self):
        path = os.path.join(self.temporary.name, "x.safetensors")
        a = np.arange(6, dtype=np.float32).reshape(2, 3)
        safetensors_io.write(path, [("a", a), ("b", np.array([1, 2], dtype=np.int64))], {"k": "v"})
        loaded = safetensors.numpy.load_file(path)
        np.testing.assert_array_equal(loaded["a"], a)
        np.testing.assert_array_equal(loaded["b"], [1, 2])
        with open(path, "rb") as handle:
            self.assertEqual(int.from_bytes(handle.read(8), "little") % 8, 0)

    def test_missing_shard(self):
        os.unlink(os.path.join(self.folder, "shard-00002-of-00003.safetensors"))
        with self.assertRaisesRegex(shards.ShardError, r"shard-00002-of-00003.safetensors: missing"):
            shards.load(self.folder)

    def test_corrupt_shard(self):
        path = os.path.join(self.folder, "shard-00000-of-00003.safetensors")
        with open(path, "rb") as handle:
            data = handle.read()
        with open(path, "wb") as handle:
            handle.write(data[: len(data) - 10])  # truncated
        with self.assertRaisesRegex(shards.ShardError, r"corrupt shard: .*shard-00000-of-00003.*do not fit"):
            shards.load(self.folder)
        with open(path, "wb") as handle:
            handle.write(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json}      ")
        with self.assertRaisesRegex(shards.ShardError, r"not JSON"):
            shards.load(self.folder)

    def test_mismatched_vocabulary_names_both_fingerprints(self):
        path = os.path.join(self.folder, "vocabulary.json")
        with open(path) as handle:
            value = json.load(handle)
        value["fingerprint"] = "cd" * 32
        with open(path, "w") as handle:
            json.dump(value, handle)
        with self.assertRaises(shards.ShardError) as caught:
            shards.load(self.folder)
        self.assertIn(FINGERPRINT, str(caught.exception))
        self.assertIn("cd" * 32, str(caught.exception))

    def test_id_outside_the_vocabulary(self):
        names = ["x.mid"]
        bad = {clef: [(np.array([1, 2, 99], np.int32), np.array([1, 1, 1], np.int32))] for clef in shards.CLEFS}
        shards.write_shard(self.folder, 1, 3, FINGERPRINT, names, bad)
        with self.assertRaisesRegex(shards.ShardError, r"treble.notes holds id 99 outside the vocabulary's 0..<9"):
            shards.load(self.folder)

    def test_shard_of_another_run(self):
        shards.write_shard(self.folder, 0, 4, FINGERPRINT, [], {clef: [] for clef in shards.CLEFS})
        with self.assertRaisesRegex(shards.ShardError, r"another shard count"):
            shards.load(self.folder)

    def test_no_vocabulary(self):
        os.unlink(os.path.join(self.folder, "vocabulary.json"))
        with self.assertRaisesRegex(shards.ShardError, r"vocabulary.json: cannot read.*recompose merge"):
            shards.load(self.folder)


if __name__ == "__main__":
    unittest.main()
