#!/usr/bin/env bash
# Prints what a first visit to the Home page downloads before it is usable (HTML + JS + wasm + CSS
# of a release build, and the first part of the larger language catalog, the first pages' words,
# which the app fetches before it starts; gzip -9) and fails if it is over the budget. The rest of
# the catalog is fetched once the app has started (a visit straight to the notebook waits for it:
# printed apart). Data sets and the Web Workers are fetched later:
# the worker (latih-worker*) when a notebook runs, the SQL worker (latih-sql-worker*) when a
# notebook first runs a query; their sizes are printed apart. Usage: size.sh [site folder, default dist/ (built if missing)]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LATIH_ROOT"
BUDGET_KB=430
site="${1:-dist}"
[ -f "$site/index.html" ] || trunk build --release --offline --dist "$site"
total=0
printf '%-44s %10s %10s\n' "first-load file" "bytes" "gzip"
for f in "$site"/*.html "$site"/*.js "$site"/*.wasm "$site"/*.css; do
  [ -f "$f" ] || continue
  case "${f##*/}" in latih-worker* | latih-sql-worker* | sw.js) continue ;; esac
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-44s %10d %10d\n' "${f#"$site"/}" "$raw" "$gz"
done
gzipped() {
  local sum=0 f
  for f in "$@"; do [ -f "$f" ] && sum=$((sum + $(gzip -9 -c "$f" | wc -c))); done
  echo "$sum"
}
larger() { for f in "$@"; do gzipped "$f"; done | sort -n | tail -n 1; }
catalog=$(larger "$site"/locales/??.txt)
total=$((total + catalog))
printf '%-44s %10s %10d\n' "first pages' words, one language (the larger)" "" "$catalog"
printf '%-44s %10s %10d  (%d KB; budget %d KB)\n' "total" "" "$total" $((total / 1024)) "$BUDGET_KB"
rest=$(larger "$site"/locales/??.more.txt)
printf '%-44s %10s %10d  (%d KB; fetched once the app has started)\n' "the other pages' words" "" "$rest" $((rest / 1024))
worker=$(gzipped "$site"/latih-worker*)
printf '%-44s %10s %10d  (%d KB; fetched when a notebook first runs)\n' "worker" "" "$worker" $((worker / 1024))
offline=$(gzipped "$site"/sw.js "$site"/manifest.webmanifest)
printf '%-44s %10s %10d  (%d KB; after the page has loaded)\n' "service worker and manifest" "" "$offline" $((offline / 1024))
sql_worker=$(gzipped "$site"/latih-sql-worker*)
printf '%-44s %10s %10d  (%d KB; fetched by the first query of a notebook)\n' "SQL worker" "" "$sql_worker" $((sql_worker / 1024))
if [ "$total" -gt $((BUDGET_KB * 1024)) ]; then
  echo "size: the first load is over the ${BUDGET_KB} KB budget" >&2
  exit 1
fi
