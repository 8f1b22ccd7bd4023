#!/usr/bin/env bash
# Installs what is missing, then runs every test: the engine natively, the components in
# headless Chromium, and the journeys end to end against the release build.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LATIH_ROOT/scripts/setup.sh"
cd "$LATIH_ROOT"

# Every cargo test's output also goes to a log, to total the results at the end.
log=$(mktemp)
# The browsers started by the component tests write temporary folders they may not remove when
# stopped; keep them in one place that goes when the tests end.
scratch=$(mktemp -d)
trap 'rm -rf "$log" "$scratch"' EXIT
tests() { cargo test --locked "$@" 2>&1 | tee -a "$log"; }

echo "== habits: formatting, and clippy natively and for wasm (warnings are errors)"
cargo fmt --all -- --check
cargo clippy --locked --all-targets -p latih-engine -p latih-i18n -p latih-charts -p latih-cli \
  -p latih-sql -p latih-e2e -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p latih -p latih-worker -p latih-sql-worker \
  -- -D warnings

echo "== native tests: engine, i18n, charts, command line"
tests -p latih-engine -p latih-i18n -p latih-charts -p latih-cli -p latih-sql

echo "== component tests: wasm in headless Chromium"
TMPDIR="$scratch" tests -p latih --target wasm32-unknown-unknown --test components

echo "== release build"
# Its own output folder: a `make serve` left running rebuilds dist/ whenever files change.
export LATIH_SITE="$LATIH_ROOT/target/site"
trunk build --release --offline --dist "$LATIH_SITE"
"$LATIH_ROOT/scripts/size.sh" "$LATIH_SITE"

echo "== end-to-end tests: the release build in headless Chromium"
# One browser at a time: the machines have two cores.
tests -p latih-e2e -- --test-threads=1

passed=$(grep -oE '[0-9]+ passed' "$log" | awk '{ s += $1 } END { print s + 0 }')
failed=$(grep -oE '[0-9]+ failed' "$log" | awk '{ s += $1 } END { print s + 0 }')
echo "latih: $passed passed, $failed failed"
