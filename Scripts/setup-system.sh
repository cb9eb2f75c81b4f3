#!/usr/bin/env bash
# Installs the system libraries Recompose builds against (Debian/Ubuntu), if missing;
# with --with-renderers also MuseScore 3 and FluidSynth (used by the rendering tests).
set -euo pipefail
packages=(libxml2-dev zlib1g-dev libxml2-utils libopenblas-dev pkg-config python3-venv)
# The tests also render sheet music and audio with real engines.
if [ "${1:-}" = "--with-renderers" ]; then
  packages+=(musescore3 fluidsynth fluid-soundfont-gm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
