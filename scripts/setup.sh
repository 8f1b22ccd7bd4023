#!/usr/bin/env bash
# Installs what Latih needs to build, serve and test, from the ordinary registries only
# (crates.io, npm, Debian). Each tool is skipped when it is already there at the right version,
# so a second run takes seconds. Versions and the reasons for them: shared/TOOLCHAIN.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LATIH_ROOT"

TRUNK_VERSION=0.21.14       # 0.22 needs a newer rustc than the machine has
BINARYEN_VERSION=132        # Debian's wasm-opt (108) breaks the module at start-up

say() { printf '== setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

command -v cargo >/dev/null 2>&1 || {
  echo "setup: cargo is missing. Install Rust with rustup (stable), then run this again." >&2
  exit 1
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# make test checks formatting and lints; rustup's minimal profile leaves both out.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The CLI must be exactly the wasm-bindgen of Cargo.lock, or Trunk tries to download another.
# Not --locked: its lock file pins a webpki-roots version the registry no longer has.
bindgen_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$bindgen_version" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" ||
  [ ! -x tools/node_modules/.bin/esbuild ] || [ ! -f tools/node_modules/axe-core/axe.min.js ]; then
  command -v npm >/dev/null 2>&1 || { say "installing Node.js and npm"; apt_install nodejs npm; }
  say "installing binaryen $BINARYEN_VERSION (wasm-opt), esbuild and axe-core into tools/"
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing Chromium and ChromeDriver (Debian packages)"
  apt_install chromium chromium-driver
fi

# The export tests run exported notebooks with pandas and scikit-learn (skipped without them),
# and the benchmarks compare with them: the versions the committed fixtures were made with.
if ! python3 -c "import pandas, sklearn" >/dev/null 2>&1; then
  command -v python3 >/dev/null 2>&1 || { say "installing Python"; apt_install python3 python3-pip; }
  say "installing pandas and scikit-learn (PyPI)"
  python3 -m pip install --quiet pandas==3.1.1 scikit-learn==1.9.1 2>/dev/null ||
    python3 -m pip install --quiet --break-system-packages pandas==3.1.1 scikit-learn==1.9.1
fi
# PyPI packages (pinned) that only some tests need: where pip cannot install them, set-up says
# so and goes on, and those tests say why they skip.
pip_optional() {
  local what="$1"
  shift
  say "installing $what (PyPI)"
  python3 -m pip install --quiet "$@" 2>/dev/null ||
    python3 -m pip install --quiet --break-system-packages "$@" ||
    say "$what could not be installed: the tests that need them say so and skip"
}
# The deploy tests load the exported models with LightGBM, onnx's checker and onnxruntime
# themselves (skipped without them).
if ! python3 -c "import lightgbm, onnx, onnxruntime" >/dev/null 2>&1; then
  pip_optional "LightGBM, onnx and onnxruntime" lightgbm==4.7.0 onnx==1.23.2 onnxruntime==1.23.2
fi
# The API bundle's own tests (FastAPI's TestClient) run in the deploy tests: the versions its
# requirements.txt pins (crates/engine/src/export/api/requirements.txt).
if ! python3 -c "import fastapi, uvicorn, httpx, pytest" >/dev/null 2>&1; then
  pip_optional "FastAPI, uvicorn, httpx and pytest" fastapi==0.165.0 pydantic==2.13.4 \
    uvicorn==0.55.0 httpx==0.29.0 pytest==9.2.0
fi

# A repository's notebook.ipynb runs in a Jupyter kernel, and its README renders as GitHub's
# Markdown, in the export tests (skipped, with the reason, without these).
if ! python3 -c "import nbclient, ipykernel, markdown_it" >/dev/null 2>&1; then
  pip_optional "nbclient, ipykernel and markdown-it-py" nbclient==0.11.0 ipykernel==7.4.0 \
    markdown-it-py==4.3.0
fi

# The Spark export runs on PySpark (PyPI) with a Java runtime (Debian's JDK 17, the newest
# Java that PySpark 3.5 supports) in the export tests (skipped, with the reason, without them).
if ! command -v java >/dev/null 2>&1; then
  say "installing a Java runtime for PySpark (Debian package)"
  apt_install openjdk-17-jre-headless ||
    say "Java could not be installed: the Spark export tests say so and skip"
fi
if ! python3 -c "import pyspark" >/dev/null 2>&1; then
  pip_optional "PySpark" pyspark==3.5.7
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1), $(chromedriver --version | cut -d' ' -f1-2)"
