# Sourced by the other scripts: where the project's tools live.
LATIH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$LATIH_ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ -z "${CHROMEDRIVER:-}" ] && command -v chromedriver >/dev/null 2>&1; then
  CHROMEDRIVER="$(command -v chromedriver)"
  export CHROMEDRIVER
fi
