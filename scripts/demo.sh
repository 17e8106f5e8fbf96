#!/usr/bin/env bash
# Installs dependencies, builds iskra, indexes the bundled seed collection and shows what iskra
# does with it: ranked search, answers with sources, the timeline, then serves the web page.
# Idempotent. ISKRA_DEMO_NO_SERVE=1 skips starting the server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target iskra
iskra=build/iskra
collection=${ISKRA_DEMO_COLLECTION:-build/demo-collection}

# The default demo collection is derived data: one an older iskra wrote (another on-disk format,
# which this build refuses) is rebuilt rather than reused. A collection the user named is never
# removed.
if [[ -z "${ISKRA_DEMO_COLLECTION:-}" && -e "$collection/MANIFEST" ]] \
    && ! $iskra stats "$collection" >/dev/null 2>&1; then
  echo "== $collection was written by another iskra version: rebuilding it"
  rm -rf "$collection"
fi

echo; echo "== indexing data/seeds into $collection"
$iskra index "$collection" data/seeds

for q in '"ice axe"' 'coyoacan' 'trotsky AND exile' 'title:trotsky stalin'; do
  echo; echo "== iskra search $collection '$q' -k 3"
  $iskra search "$collection" "$q" -k 3
done
for question in "Who killed Trotsky?" "When was Leon Trotsky born?" "Why are Trotskyists so critical of Stalinism?" "Who was Trotsky's dentist?"; do
  echo; echo "== iskra ask $collection \"$question\""
  $iskra ask "$collection" "$question" || true
done
echo; echo "== iskra timeline $collection --to 1930 (first events)"
$iskra timeline "$collection" --to 1930 | head -20 || true

if [[ "${ISKRA_DEMO_NO_SERVE:-0}" != 1 ]]; then
  echo; echo "== serving the web page (Ctrl-C to stop)"
  exec $iskra serve "$collection" --port "${ISKRA_PORT:-8080}"
fi
