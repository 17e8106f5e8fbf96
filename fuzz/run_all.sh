#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs each for SECONDS seconds
# (default 20) on a seed corpus made of tests/data/ingest and data/seeds.
#     fuzz/run_all.sh [SECONDS] [TARGET...]
# Crashes are written to build-fuzz/crashes/<target>/; the script exits non-zero if any target failed.
set -euo pipefail

run_seconds="${1:-20}"
shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${root}/build-fuzz"
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(utf8_fuzz analyzer_fuzz html_reader_fuzz markdown_reader_fuzz pdf_reader_fuzz jsonl_reader_fuzz query_parser_fuzz json_request_fuzz)
fi

cmake -S "${root}" -B "${build}" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DISKRA_BUILD_FUZZ=ON -DISKRA_BUILD_TESTS=OFF -DISKRA_BUILD_BENCH=OFF >/dev/null
cmake --build "${build}" -j2 --target "${targets[@]}"

failed=0
for target in "${targets[@]}"; do
  corpus="${build}/corpus/${target}"
  crashes="${build}/crashes/${target}"
  mkdir -p "${corpus}" "${crashes}"
  cp -n "${root}"/tests/data/ingest/* "${corpus}/" 2>/dev/null || true
  cp -n "${root}"/data/seeds/* "${corpus}/" 2>/dev/null || true
  cp -n "${root}"/fuzz/corpus/"${target}"/* "${corpus}/" 2>/dev/null || true
  echo "== ${target}: ${run_seconds}s"
  if ! "${build}/fuzz/${target}" "${corpus}" \
      -seed="${ISKRA_FUZZ_SEED:-1}" -max_total_time="${run_seconds}" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
      -artifact_prefix="${crashes}/" -print_final_stats=1 2>"${build}/${target}.log"; then
    echo "!! ${target} failed; see ${build}/${target}.log and ${crashes}/"
    tail -30 "${build}/${target}.log"
    failed=1
  else
    grep -E "stat::number_of_executed_units|cov:" "${build}/${target}.log" | tail -2
  fi
done
exit "${failed}"
