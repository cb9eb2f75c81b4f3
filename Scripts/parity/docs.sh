#!/usr/bin/env bash
# The DocC reference of both libraries builds with no warning (broken symbol links, parameters
# documented under the wrong names, …).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for target in Notation Generation; do
  swift package --allow-writing-to-directory "$out" generate-documentation --target "$target" \
    --output-path "$out/$target" --warnings-as-errors >"$out/$target.log" 2>&1 || {
      grep -E "warning|error" "$out/$target.log" | grep -v zipfoundation | head -20
      echo "docs: $target's DocC reference has warnings"; exit 1; }
done
echo "docs: DocC references of Notation and Generation build without warnings"
