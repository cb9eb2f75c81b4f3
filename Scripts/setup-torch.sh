#!/usr/bin/env bash
# Creates the git-ignored venv .venv-torch with PyTorch (CPU), Ray and the test tools pinned in
# Python/requirements.txt, and installs Python/ (recompose-torch) into it in editable mode.
# Idempotent: when the venv already holds exactly these pins it returns in about a second.
# torch's pin is the CPU build (torch==…+cpu), which pip finds through its find-links
# (PIP_FIND_LINKS or pip.conf); PyPI's plain torch would bring gigabytes of CUDA libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-torch
stamp="$venv/.requirements.sha256"
wanted=$(cat Python/requirements.txt Python/pyproject.toml | sha256sum | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ] \
   && "$venv/bin/python" -c 'import importlib.util as u, sys; sys.exit(any(u.find_spec(m) is None for m in ("torch", "ray", "numpy", "pytest", "safetensors", "recompose_torch")))' 2>/dev/null; then
  exit 0
fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! "$venv/bin/pip" install -q --disable-pip-version-check -r Python/requirements.txt; then
  echo "setup-torch: pip could not install Python/requirements.txt; torch's CPU wheel" >&2
  echo "  (torch==…+cpu) must be reachable through pip's find-links (PIP_FIND_LINKS)" >&2
  exit 1
fi
"$venv/bin/pip" install -q --disable-pip-version-check --no-deps --no-build-isolation -e Python
echo "$wanted" > "$stamp"
