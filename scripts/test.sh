#!/usr/bin/env bash
# Installs dependencies, builds iskra (release and ASan+UBSan), and runs every test.
# Idempotent; used by .ci/run. Set ISKRA_SKIP_ASAN=1 / ISKRA_SKIP_FUZZ=1 / ISKRA_SKIP_FORMAT=1 to
# shorten a local run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc)

# Line tables only (-g1): stack traces keep file and line, and the two build trees take a few hundred
# MB instead of several GB (a CI machine once ran out of disk compiling with full -g).
line_tables=-g1
disk_free() { echo "   disk: $(df -h --output=avail . | tail -1 | tr -d ' ') free"; }

echo "== installing dependencies"
scripts/install-deps.sh
disk_free

echo "== browser test dependencies (npm playwright-core, Debian chromium)"
if [[ -f tests/e2e/package.json ]]; then
  (cd tests/e2e && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; }) \
    || echo "warning: npm install failed; browser tests will be skipped"
fi

echo "== format check"
if [[ "${ISKRA_SKIP_FORMAT:-0}" != 1 ]] && command -v clang-format >/dev/null; then
  files=$(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src include tools tests bench fuzz -name '*.[ch]pp')
  clang-format --dry-run --Werror $files
fi

echo "== release build + tests"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 $line_tables -DNDEBUG" >/dev/null
cmake --build build -j"$jobs"
disk_free
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 600

if [[ "${ISKRA_SKIP_ASAN:-0}" != 1 ]]; then
  echo "== ASan+UBSan build + tests"
  # Short of disk, the release objects go (their tests have passed; the next build remakes them).
  if (( $(df --output=avail -k . | tail -1) < 3 * 1024 * 1024 )); then
    echo "   under 3 GiB free: removing the release build's objects"
    cmake --build build --target clean
  fi
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="$line_tables" \
    -DISKRA_SANITIZE=ON -DISKRA_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$jobs"
  disk_free
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 900 -LE e2e
fi

if [[ "${ISKRA_SKIP_FUZZ:-0}" != 1 && -x fuzz/run_all.sh ]]; then
  echo "== fuzz targets (short run; longer by hand: fuzz/run_all.sh 600)"
  fuzz/run_all.sh "${ISKRA_FUZZ_SECONDS:-15}"
fi
echo "== all tests passed"
