#!/usr/bin/env bash
# Makes .venv-torch (git-ignored): PyTorch (CPU), Ray and the test tools pinned in
# Python/requirements.txt. The venv itself lives in the user's cache, one per set of pins
# (~/.cache/recompose/venv-torch-HASH, or $RECOMPOSE_TORCH_VENV), and .venv-torch links to it, so
# every clone on a machine (CI's fresh clones included) shares one install: the first run
# installs (about two minutes), the next return at once. Python/ itself is not installed: the
# scripts put it on PYTHONPATH. torch's pin is the CPU build (torch==…+cpu), which pip finds
# through its find-links (PIP_FIND_LINKS or pip.conf); PyPI's plain torch brings gigabytes of CUDA.
set -euo pipefail
cd "$(dirname "$0")/.."
hash=$(grep -v '^#' Python/requirements.txt | sha256sum | cut -c1-12)  # the pins, not the comments
venv=${RECOMPOSE_TORCH_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/recompose/venv-torch-$hash}
if [ ! -f "$venv/.complete" ]; then
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  if ! "$venv/bin/pip" install -q --disable-pip-version-check -r Python/requirements.txt; then
    echo "setup-torch: pip could not install Python/requirements.txt into $venv; torch's CPU wheel" >&2
    echo "  (torch==…+cpu) must be reachable through pip's find-links (PIP_FIND_LINKS)" >&2
    exit 1
  fi
  touch "$venv/.complete"
fi
if [ "$(readlink .venv-torch 2>/dev/null)" != "$venv" ]; then
  rm -rf .venv-torch
  ln -s "$venv" .venv-torch
fi
