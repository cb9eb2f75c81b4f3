#!/usr/bin/env bash
# The test command: installs what the tests need, runs the Swift tests, then the parity checks
# against independent oracles (music21, mido). Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup-system.sh --with-renderers
bash Scripts/setup-python.sh
swift build --build-tests
swift test --skip-build 2>&1 | tee .build/swift-test.log
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
export RECOMPOSE_PYTHON="$PWD/.venv/bin/python"
passed=0
failed=0
for check in Scripts/parity/*.sh; do
  [ -e "$check" ] || continue
  echo "== $check"
  if bash "$check"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $check"; fi
done
echo "parity checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
