#!/usr/bin/env bash
# Installs what is missing, builds the release site (wasm-opt applied) and serves it at
# http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LATIH_ROOT/scripts/setup.sh"
cd "$LATIH_ROOT"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
