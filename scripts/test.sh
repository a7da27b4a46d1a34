#!/usr/bin/env bash
# Sets up what is missing, builds both configurations, runs every suite:
#   unit (native doctest), ui (headless ImGui), wasm (core tests under node),
#   interop (exports read by npm ical.js), fuzz (a short libFuzzer run), e2e (Chromium).
# Exits non-zero if anything fails. Ends with "total: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
[ "${WB_SKIP_SETUP:-}" = 1 ] || scripts/setup.sh || die "setup failed"
WB_SKIP_SETUP=1 scripts/build.sh || die "build failed"

passed=0 failed=0 broken=()
# Runs one suite; adds its counts from its closing line (doctest's or "N passed, N failed").
suite() {
  local name=$1; shift
  log "suite: $name"
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  printf '%s\n' "$out"
  local line p f
  line=$(printf '%s\n' "$out" | sed 's/\x1b\[[0-9;]*m//g' | grep -E '^\[doctest\] test cases:|[0-9]+ passed, [0-9]+ failed' | tail -1)
  p=$(printf '%s' "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
  f=$(printf '%s' "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ $rc -ne 0 ] || [ -z "$line" ]; then
    broken+=("$name")
    [ "${f:-0}" -gt 0 ] || failed=$((failed + 1))  # a crash or no closing line counts as a failure
  fi
}

suite unit build/native/unit_tests
suite ui build/native/ui_tests
suite wasm node --no-experimental-fetch build/wasm/wasm_core_tests.js
suite interop node tests/interop/ical.test.mjs
# The pseudo-localised build: the module's pages (in "ui": tests/ui/test_pseudo.cpp) and the page around it.
suite pseudo node tests/pseudo/page.test.mjs
suite fuzz scripts/fuzz.sh 1  # a smoke run, 1 s per target; scripts/fuzz.sh alone runs 60 s each
for t in tests/e2e/*.test.mjs; do
  suite "e2e $(basename "$t" .test.mjs)" node "$t"
done
# Journeys: personas acting only through the mouse, the touch screen and the keyboard.
for t in tests/e2e/journeys/*.test.mjs; do
  suite "journey $(basename "$t" .test.mjs)" node "$t"
done

echo
[ ${#broken[@]} -eq 0 ] || echo "failing suites: ${broken[*]}"
echo "total: $passed passed, $failed failed"
[ ${#broken[@]} -eq 0 ] && [ "$failed" -eq 0 ]
