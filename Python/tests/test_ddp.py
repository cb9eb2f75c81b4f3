"""DistributedDataParallel under torchrun on this machine: 2 processes give the losses of 1
process with the same global batch (any shard count: 3 shards on 2 ranks here), and a rank
that dies is restarted by torchrun and resumes from the last checkpoint with the same losses
as a run that never failed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import unittest

from helpers import make_merged

TORCHRUN = os.path.join(os.path.dirname(sys.executable), "torchrun")
SMALL = ["--batch-size", "8", "--sequence-length", "10", "--lstm-units", "16,16", "--dense-units", "16",
         "--clefs", "treble"]


def train(data: str, out: str, processes: int | None, extra: list[str], torchrun: list[str] = ()) -> list[dict]:
    metrics = out + ".jsonl"
    arguments = ["-m", "recompose_torch.train", "--data", data, "--out", out, "--metrics", metrics] + SMALL + extra
    if processes is None:
        command = [sys.executable] + arguments
    else:
        command = [TORCHRUN, "--standalone", "--nproc_per_node", str(processes), *torchrun] + arguments
    # A session of its own, so a hang ends with torchrun's workers too, not only torchrun.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
    try:
        stdout, stderr = process.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        raise AssertionError(f"{' '.join(command)} hung for 180 s:\n{stdout}\n{stderr}") from None
    if process.returncode:
        raise AssertionError(f"{' '.join(command)} failed:\n{stdout}\n{stderr}")
    with open(metrics) as handle:
        return [json.loads(line) for line in handle]


def losses(records: list[dict]) -> dict[int, float]:
    return {r["step"]: r["loss"] for r in records if "step" in r and "loss" in r}


class DDPTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.temporary = tempfile.TemporaryDirectory()
        cls.data = make_merged(os.path.join(cls.temporary.name, "merged"), shard_count=3)
        cls.single = train(cls.data, os.path.join(cls.temporary.name, "one"), None, ["--steps", "6"])

    @classmethod
    def tearDownClass(cls):
        cls.temporary.cleanup()

    def test_two_processes_equal_one_with_the_same_global_batch(self):
        double = train(self.data, os.path.join(self.temporary.name, "two"), 2, ["--steps", "6"])
        one, two = losses(self.single), losses(double)
        for step in sorted(one):
            print(f"step {step}: 1 process {one[step]:.7f}, 2 processes {two[step]:.7f}")
        self.assertEqual(sorted(one), sorted(two))
        for step in one:
            self.assertAlmostEqual(one[step], two[step], delta=1e-5)
        summary = [r for r in double if r.get("event") == "clef"][0]
        self.assertEqual(summary["world"], 2)
        self.assertTrue(os.path.exists(os.path.join(self.temporary.name, "two", "treble", "model.safetensors")))

    def test_a_rank_that_dies_resumes_from_the_last_checkpoint(self):
        out = os.path.join(self.temporary.name, "elastic")
        records = train(self.data, out, 2, ["--steps", "6", "--checkpoint-dir", out + "-checkpoints",
                                            "--checkpoint-every", "2", "--fail-at-step", "3"],
                        torchrun=["--max-restarts", "1"])
        resumed = [r for r in records if r.get("event") == "resumed"]
        self.assertEqual([r["step"] for r in resumed], [2])  # the newest checkpoint before step 3
        after = losses(records)
        one = losses(self.single)
        for step in one:
            self.assertAlmostEqual(one[step], after[step], delta=1e-5)


class RefusalTests(unittest.TestCase):
    def test_a_damaged_checkpoint_is_named_not_used(self):
        with tempfile.TemporaryDirectory() as folder:
            data = make_merged(os.path.join(folder, "merged"), shard_count=2)
            os.makedirs(os.path.join(folder, "checkpoints", "treble"))
            with open(os.path.join(folder, "checkpoints", "treble", "step-00000002.pt"), "wb") as handle:
                handle.write(b"not a checkpoint")
            result = subprocess.run([sys.executable, "-m", "recompose_torch.train", "--data", data, "--out",
                                     os.path.join(folder, "model"), "--steps", "3", "--checkpoint-dir",
                                     os.path.join(folder, "checkpoints")] + SMALL, capture_output=True, text=True)
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("cannot resume from", result.stderr)
            self.assertIn("step-00000002.pt", result.stderr)
            self.assertFalse(os.path.exists(os.path.join(folder, "model")))

    def test_missing_shard_stops_before_training(self):
        with tempfile.TemporaryDirectory() as folder:
            data = make_merged(os.path.join(folder, "merged"), shard_count=2)
            os.unlink(os.path.join(data, "shard-00001-of-00002.safetensors"))
            result = subprocess.run([sys.executable, "-m", "recompose_torch.train", "--data", data, "--out",
                                     os.path.join(folder, "model"), "--steps", "3"] + SMALL,
                                    capture_output=True, text=True)
            self.assertEqual(result.returncode, 2)
            self.assertIn("shard-00001-of-00002.safetensors: missing", result.stderr)


if __name__ == "__main__":
    unittest.main()
