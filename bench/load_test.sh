#!/usr/bin/env bash
# HTTP load benchmark of `iskra serve` on the seed collection, with wrk on loopback.
#
#   bench/load_test.sh [ISKRA_BINARY] [SECONDS_PER_RUN]
#
# Runs, each for SECONDS_PER_RUN (default 10) with 64 connections and 2 wrk threads:
#   1. search with 1,600 distinct queries and 2. ask with 1,600 distinct requests (more than the
#      server's 1024-entry response cache: every request runs the engine);
#   3./4. search and ask rotating 16/12 popular queries (answered from the response cache);
#   5. distinct searches while a writer adds documents through POST /api/v1/documents (each add
#      commits, which also invalidates the cache).
# and prints requests/s, p50/p99 latency and errors for each. Targets (issue 6): >= 2,000
# searches/s and >= 500 asks/s with p99 < 50 ms and zero errors on a 2-core machine.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
iskra="$(realpath "${1:-$repo/build/iskra}")"
seconds="${2:-10}"
connections=64
token="load-test-token"
work="$repo/bench/work/load"

command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)"; exit 1; }
[ -x "$iskra" ] || { echo "no iskra binary at $iskra (build it, or pass its path)"; exit 1; }

rm -rf "$work"
mkdir -p "$work"
"$iskra" index "$work/collection" "$repo/data/seeds" >/dev/null

"$iskra" serve "$work/collection" --port 0 --host 127.0.0.1 --quiet --allow-writes --token "$token" \
  >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
writer_pid=""
cleanup() {
  [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null || true
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 100); do
  grep -q "serving" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://[0-9.]*:[0-9]*/' "$work/serve.out")"
[ -n "$url" ] || { echo "server did not start:"; cat "$work/serve.err"; exit 1; }

echo "iskra load test: $(nproc) cores, $(uname -m), binary $iskra"
echo "collection: data/seeds ($(ls "$repo/data/seeds" | wc -l) files); server $url; wrk -t2 -c$connections -d${seconds}s"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other processes compete for the cores)"
printf '%-30s %10s %9s %9s %9s %8s %12s\n' "run" "requests/s" "p50 ms" "p99 ms" "requests" "errors" "server cpu/req"

# CPU seconds (user + system) the server process has used so far.
server_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$server_pid/stat"
}

# Converts wrk's latency ("812.00us", "1.20ms", "2.01s") to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "%s", v }'
}

run() {
  local name="$1" mode="$2" unique="$3"
  export ISKRA_LOAD_UNIQUE="$unique"
  # Warm-up (caches, first snapshot use), then the measured run.
  ISKRA_LOAD_MODE="$mode" wrk -t2 -c"$connections" -d2s -s "$here/load_requests.lua" "$url" >/dev/null
  local out cpu_before cpu_after
  cpu_before="$(server_cpu)"
  out="$(ISKRA_LOAD_MODE="$mode" wrk -t2 -c"$connections" -d"${seconds}s" --latency \
    -s "$here/load_requests.lua" "$url")"
  cpu_after="$(server_cpu)"
  echo "$out" >"$work/wrk-$name.txt"
  local rps p50 p99 total non2xx socket
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p50="$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")"
  p99="$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")"
  total="$(echo "$out" | awk '/requests in/ {print $1}')"
  non2xx="$(echo "$out" | awk '/Non-2xx/ {print $NF}')"
  socket="$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}')"
  # Server CPU per request: the capacity on idle cores is about (cores / this), whatever else runs.
  local cpu_per_request
  cpu_per_request="$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$total" 'BEGIN { printf "%.3f ms", (b - a) * 1000 / (n > 0 ? n : 1) }')"
  printf '%-30s %10s %9s %9s %9s %8s %12s\n' "$name" "$rps" "$p50" "$p99" "$total" "$(( ${non2xx:-0} + ${socket:-0} ))" "$cpu_per_request"
}

run "search (distinct queries)" search 1
run "ask (distinct questions)" ask 1
run "search (popular, cached)" search 0
run "ask (popular, cached)" ask 0

# A writer adding one small document at a time through the API while searches run.
(
  n=0
  while true; do
    n=$((n + 1))
    curl -s -o /dev/null -w '%{http_code}\n' -X POST "${url}api/v1/documents" \
      -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
      -d "{\"id\":\"load-$n\",\"title\":\"Load $n\",\"text\":\"Document $n of the load test. It mentions exile and the red army in $((1900 + n % 100)).\"}" \
      >>"$work/writer.log"
  done
) &
writer_pid=$!
run "search + concurrent adds" search 1
kill "$writer_pid" 2>/dev/null || true
wait "$writer_pid" 2>/dev/null || true
writer_pid=""
added="$(grep -c '^200$' "$work/writer.log" || true)"
failed="$(grep -vc '^200$' "$work/writer.log" || true)"
echo "writer: $added documents added during the run, $failed failed adds"
echo "wrk outputs: $work/wrk-*.txt"
