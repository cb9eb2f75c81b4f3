#!/usr/bin/env bash
# Theory parity with music21: intervals, transposition, chord names/roots/inversions, normal
# order of all 4,095 pitch-class sets, and key estimation (4 profiles). Builds the CLI, runs
# Scripts/parity/theory.py with a fixed seed, prints the differences and a one-line summary,
# and exits non-zero when agreement falls below the threshold documented in theory.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${RECOMPOSE_PYTHON:-.venv/bin/python}"
swift build --product recompose-dev >/dev/null
"$PYTHON" Scripts/parity/theory.py "$(swift build --show-bin-path)/recompose-dev" --cases 1000 --seed 20261125
