#!/usr/bin/env bash
# Prints what a first visit to the Home page downloads before it is usable (HTML + CSS of a release
# build, the first pages' module latih-home-*.js/wasm, and the first part of the larger language
# catalog, the first pages' words, which the app fetches before it starts; gzip -9) and fails if it
# is over the budget. The whole app (latih.js/wasm: the notebook, data sets) is fetched by a visit
# to one of its pages, the lessons' app (latih-lessons.js/wasm: the same and a lesson's page) by a
# visit to a lesson, and the rest of the catalog once the app has started: printed apart. Data sets and the Web Workers are fetched later:
# the worker (latih-worker*) when a notebook runs, the SQL worker (latih-sql-worker*) when a
# notebook first runs a query; their sizes are printed apart. Usage: size.sh [site folder, default dist/ (built if missing)]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LATIH_ROOT"
# The first load: the first pages' module (the goal was 400 KB for the whole app as first load).
# 110 until the Data sets page joined the first pages (+10 KB: a visit to it no longer fetches
# the 447 KB notebook app).
BUDGET_KB=115
# The whole app, which a shared notebook link loads first; the lessons' app, which a lesson loads.
# 450 until DBSCAN's fields in the clusters cell and Bernoulli naive Bayes's declaration (#19,
# +1.7 KB); 452 until the predict cell (#20: a cell kind with its form, its batch table and
# download, its output's and document's readers, +10 KB in each app that shows notebooks), and
# the model's downloads in the notebook's menu (+2 KB; the files are written in the worker); 464
# and 532 until the prediction page and the API bundle (+3 KB: two downloads, and the page's
# words in both languages, fetched and sent to the worker that writes the page); 467 and 535
# until "Make a repository" (#21: its form in the notebook's menu and its job's options, +4 KB;
# the repository is written in the worker); 472 and 539 until the README's words in that form,
# tables in Markdown, the challenge's Kaggle job and its errors (+4 KB in both), and in the
# lessons' app the course-to-career pages (#21: the study plan with its Markdown and calendar,
# the career page, the projects, the challenges' scoreboard: +36 KB; their texts are fetched
# files, their work in the worker); 580 until the plan's steps per week, a project's restart, the
# Kaggle job's progress and the check that every held-out row is scored (+3 KB; the next growth
# should move the career pages into an app of their own). The notebook's first visit, not the
# first load.
WHOLE_BUDGET_KB=476
LESSONS_BUDGET_KB=584
site="${1:-dist}"
[ -f "$site/index.html" ] || trunk build --release --offline --dist "$site"
total=0
printf '%-44s %10s %10s\n' "first-load file" "bytes" "gzip"
for f in "$site"/*.html "$site"/latih-home-*.js "$site"/latih-home-*.wasm "$site"/*.css; do
  [ -f "$f" ] || continue
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
whole=$(gzipped "$site"/latih.js "$site"/latih_bg.wasm)
printf '%-44s %10s %10d  (%d KB; budget %d KB; fetched by a visit to the notebook or My notebooks)\n' "the whole app" "" "$whole" $((whole / 1024)) "$WHOLE_BUDGET_KB"
lessons=$(gzipped "$site"/latih-lessons.js "$site"/latih-lessons_bg.wasm)
printf '%-44s %10s %10d  (%d KB; budget %d KB; fetched by a visit to a lesson)\n' "the lessons' app" "" "$lessons" $((lessons / 1024)) "$LESSONS_BUDGET_KB"
rest=$(larger "$site"/locales/??.more.txt)
printf '%-44s %10s %10d  (%d KB; fetched once the app has started)\n' "the other pages' words" "" "$rest" $((rest / 1024))
worker=$(gzipped "$site"/latih-worker*)
printf '%-44s %10s %10d  (%d KB; fetched when a notebook first runs)\n' "worker" "" "$worker" $((worker / 1024))
offline=$(gzipped "$site"/sw.js "$site"/manifest.webmanifest)
printf '%-44s %10s %10d  (%d KB; after the page has loaded)\n' "service worker and manifest" "" "$offline" $((offline / 1024))
sql_worker=$(gzipped "$site"/latih-sql-worker*)
printf '%-44s %10s %10d  (%d KB; fetched by the first query of a notebook)\n' "SQL worker" "" "$sql_worker" $((sql_worker / 1024))
# Where the first load's code goes, by crate (#22): from the module as cargo built it, which still
# has its names (before wasm-opt: shares, not the bytes sent). Informative only, never a failure.
unoptimised="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/latih-home.wasm"
if command -v python3 > /dev/null && [ -f "$unoptimised" ]; then
  echo "the first load's code by crate (before wasm-opt):"
  python3 scripts/size_by_crate.py "$unoptimised" 10 || true
fi
if [ "$total" -gt $((BUDGET_KB * 1024)) ]; then
  echo "size: the first load is over the ${BUDGET_KB} KB budget" >&2
  exit 1
fi
if [ "$whole" -gt $((WHOLE_BUDGET_KB * 1024)) ]; then
  echo "size: the whole app is over the ${WHOLE_BUDGET_KB} KB budget" >&2
  exit 1
fi
if [ "$lessons" -gt $((LESSONS_BUDGET_KB * 1024)) ]; then
  echo "size: the lessons' app is over the ${LESSONS_BUDGET_KB} KB budget" >&2
  exit 1
fi
