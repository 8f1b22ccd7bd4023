#!/usr/bin/env bash
# Prints what a first visit downloads (HTML + JS + wasm + CSS of a release build, and the larger
# of the two language catalogs, since the app fetches the reader's one before it starts; gzip -9)
# and fails if it is over the shell's budget. Data sets and the Web Workers are fetched later:
# the worker (latih-worker*) when a notebook runs, the SQL worker (latih-sql-worker*) when a
# notebook first runs a query; their sizes are printed apart. Usage: size.sh [site folder, default dist/ (built if missing)]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LATIH_ROOT"
BUDGET_KB=440
site="${1:-dist}"
[ -f "$site/index.html" ] || trunk build --release --offline --dist "$site"
total=0
printf '%-44s %10s %10s\n' "first-load file" "bytes" "gzip"
for f in "$site"/*.html "$site"/*.js "$site"/*.wasm "$site"/*.css; do
  [ -f "$f" ] || continue
  case "${f##*/}" in latih-worker* | latih-sql-worker*) continue ;; esac
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-44s %10d %10d\n' "${f#"$site"/}" "$raw" "$gz"
done
catalog=$(for f in "$site"/locales/*.txt; do gzip -9 -c "$f" | wc -c; done | sort -n | tail -n 1)
total=$((total + catalog))
printf '%-44s %10s %10d\n' "one language catalog (the larger)" "" "$catalog"
printf '%-44s %10s %10d  (%d KB; budget %d KB)\n' "total" "" "$total" $((total / 1024)) "$BUDGET_KB"
gzipped() {
  local sum=0 f
  for f in "$@"; do [ -f "$f" ] && sum=$((sum + $(gzip -9 -c "$f" | wc -c))); done
  echo "$sum"
}
worker=$(gzipped "$site"/latih-worker*)
printf '%-44s %10s %10d  (%d KB; fetched when a notebook first runs)\n' "worker" "" "$worker" $((worker / 1024))
sql_worker=$(gzipped "$site"/latih-sql-worker*)
printf '%-44s %10s %10d  (%d KB; fetched by the first query of a notebook)\n' "SQL worker" "" "$sql_worker" $((sql_worker / 1024))
if [ "$total" -gt $((BUDGET_KB * 1024)) ]; then
  echo "size: the first load is over the ${BUDGET_KB} KB budget" >&2
  exit 1
fi
