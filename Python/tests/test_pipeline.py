"""The map step and the whole pipeline on the shared piano corpus (all composers), with the
real `recompose prepare --shard` and `recompose merge`: Ray running the map step in local mode
(``ray.init(num_cpus=2)``), and Scripts/scale-out.sh (xargs -P 2 → merge → torchrun with 2
processes for a few steps → recompose generate → XSD-valid MusicXML with complete bars)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unittest

from recompose_torch import check_score, shards
from tools import ROOT, shared, tool


def require_map_step(recompose: str) -> None:
    help_text = subprocess.run([recompose, "prepare", "--help"], capture_output=True, text=True).stdout
    if "--shard" not in help_text:
        message = f"{recompose} has no `prepare --shard` (the map step of issue 14)"
        if os.environ.get("CI") == "true":
            raise AssertionError(message)
        raise unittest.SkipTest(message)


class PipelineTests(unittest.TestCase):
    def setUp(self):
        self.recompose = tool("recompose")
        require_map_step(self.recompose)
        self.corpus = shared("corpus/piano-midi")
        self.temporary = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.temporary.cleanup()

    def test_ray_runs_the_map_step_over_a_file_list(self):
        files = sorted(os.path.join(composer, name) for composer in ("bach", "mozart")
                       for name in os.listdir(os.path.join(self.corpus, composer)))[:6]
        listing = os.path.join(self.temporary.name, "files.txt")
        with open(listing, "w") as handle:
            handle.write("\n".join(files) + "\n")
        merged = os.path.join(self.temporary.name, "merged")
        result = subprocess.run(
            [sys.executable, os.path.join(ROOT, "Python", "examples", "ray_prepare.py"), "--recompose", self.recompose,
             "--files-from", listing, "--base", self.corpus, "--shards", "3",
             "--shard-out", os.path.join(self.temporary.name, "prepared"), "--merge", merged, "--num-cpus", "2"],
            capture_output=True, text=True, timeout=600)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        data = shards.load(merged)
        self.assertEqual(data.shards, 3)
        self.assertEqual(sorted(os.path.basename(n) for n in data.names), sorted(os.path.basename(f) for f in files))

    def test_scale_out_pipeline_on_the_piano_corpus(self):
        out = os.path.join(self.temporary.name, "scale-out")
        environment = {**os.environ, "RECOMPOSE": self.recompose, "CORPUS": self.corpus, "OUT": out,
                       "STEPS": "3", "BATCH": "16", "SEQ": "32", "UNITS": "32,32", "DENSE": "32"}
        result = subprocess.run(["bash", os.path.join(ROOT, "Scripts", "scale-out.sh")], env=environment,
                                capture_output=True, text=True, timeout=900)
        print(result.stdout[-1500:])
        self.assertEqual(result.returncode, 0, result.stdout[-3000:] + result.stderr[-3000:])
        data = shards.load(os.path.join(out, "merged"))
        self.assertEqual(data.shards, 4)
        self.assertGreater(len(data.names), 90)  # all composers: 96 files less any refused
        with open(os.path.join(out, "metrics.jsonl")) as handle:
            summaries = [json.loads(line) for line in handle if '"event": "clef"' in line]
        self.assertEqual(sorted(s["clef"] for s in summaries), ["bass", "treble"])
        self.assertTrue(all(s["world"] == 2 for s in summaries))
        checked, problems = check_score.incomplete_bars(os.path.join(out, "piece.musicxml"))
        self.assertEqual(problems, [])
        self.assertEqual(checked, 16)


if __name__ == "__main__":
    unittest.main()
