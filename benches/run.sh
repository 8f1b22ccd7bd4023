#!/usr/bin/env bash
# Builds the engine as a wasm module for Node and compares it with scikit-learn (see
# compare_sklearn.py). Needs Node and Python with scikit-learn: pip install scikit-learn
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$LATIH_ROOT"
cargo build --locked --profile worker-release --target wasm32-unknown-unknown -p latih-wasm-bench
wasm-bindgen --target nodejs --out-dir target/wasm-bench \
  target/wasm32-unknown-unknown/worker-release/latih_wasm_bench.wasm
python3 benches/compare_sklearn.py target/wasm-bench
python3 benches/pool.py target/wasm-bench
python3 benches/ingest.py target/wasm-bench
# `latih run` on every core against one thread and against scikit-learn's n_jobs=-1.
cargo build --locked --release -p latih-cli
python3 benches/cli_threads.py target/release/latih

# The site's start-up on a slow network and a slow phone (tests/e2e/tests/page_load.rs), on the
# release build that make test builds (built here when it is missing).
export LATIH_SITE="$LATIH_ROOT/target/site"
if [ ! -f "$LATIH_SITE/index.html" ]; then
  trunk build --release --offline --dist "$LATIH_SITE"
fi
cargo test --offline -p latih-e2e --test page_load -- --ignored --nocapture
