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
