#!/usr/bin/env bash
# The DocC reference of the four libraries builds with no warning (broken symbol or article
# links, parameters documented under the wrong names, symbols curated twice, …).
#
# One combined build: each library's catalog (Sources/<Library>/<Library>.docc) may link to the
# libraries it depends on with an absolute link, ``/Notation/Score`` or <doc:/Notation/MIDI>;
# DocC resolves those only when the dependency's archive is built first and passed along, which
# is what the plugin's combined mode does. A plain ``Score`` in Generation does not resolve.
# (In NotationRendering, which extends Notation's Score, <doc:/Notation/…> article links do not
# resolve — DocC looks for them under its own "Notation" extension page; symbol links do.)
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=(Notation NotationRendering NeuralNetwork Generation)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
args=()
for target in "${targets[@]}"; do args+=(--target "$target"); done
if ! swift package --allow-writing-to-directory "$out" generate-documentation "${args[@]}" \
    --enable-experimental-combined-documentation --warnings-as-errors \
    --output-path "$out/Recompose.doccarchive" >"$out/docs.log" 2>&1; then
  grep -E -A6 "(warning|error):" "$out/docs.log" | head -80
  echo "docs: the DocC reference has warnings (full log above, first 80 lines)"
  exit 1
fi
# --warnings-as-errors turns every DocC warning into an error; fail on any other warning the
# build printed (a compiler warning in a library) as well.
if grep -E "warning:" "$out/docs.log"; then
  echo "docs: the documentation build printed warnings"
  exit 1
fi
for target in "${targets[@]}"; do
  page="$out/Recompose.doccarchive/data/documentation/$(echo "$target" | tr '[:upper:]' '[:lower:]').json"
  [ -f "$page" ] || { echo "docs: the combined archive has no reference for $target"; exit 1; }
done
echo "docs: DocC references of ${targets[*]} build without warnings"
