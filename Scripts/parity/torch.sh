#!/usr/bin/env bash
# The PyTorch side of issue 14 (Python/): the network against Swift's (forward and one training
# step, 1e-5, both ways), bad shards refused by name, torchrun with 2 processes equal to 1, a
# dead rank resumed from its checkpoint, Ray running the map step, and the whole pipeline on the
# shared piano corpus (shard → merge → DDP train → generate → XSD-valid, complete bars).
# The same under CI=true: the networks are already tiny (16-32 units) and train for 3-6 steps;
# the one corpus-sized step, preparing all 96 piano-midi files in 4 shards 2 at a time, took
# 34 s (debug build, loaded machine), and its assertion is about the whole corpus. The venv is
# installed once per machine and set of pins (Scripts/setup-torch.sh returns at once after).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash Scripts/setup-torch.sh
export PYTHONPATH="$PWD/Python${PYTHONPATH:+:$PYTHONPATH}"
swift build --product recompose >/dev/null
swift build --product recompose-dev >/dev/null
bin=$(swift build --show-bin-path)
export RECOMPOSE="$bin/recompose" RECOMPOSE_DEV="$bin/recompose-dev"
cd Python
exec ../.venv-torch/bin/python -m pytest -q -s -p no:cacheprovider tests
