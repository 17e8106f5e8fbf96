#!/bin/sh
# Build the debian-prose corpus (315 MB, 449,045 docs) and its 1,000 queries into bench/data/debian-prose/.
# Needs root (installs Debian documentation packages with apt-get). Deterministic; ~2 min after downloads.
# Outputs: corpus.jsonl, heldout.jsonl, queries.txt, queries.tsv (id<TAB>text, ids q1..q1000).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../data/debian-prose}
EVAL=${ISKRA_EVAL_DIR:-/work/shared/eval}
if [ ! -s "$OUT/corpus.jsonl" ] || [ ! -s "$OUT/queries.txt" ]; then
  sh "$EVAL/debian-prose/make_corpus.sh" "$OUT"
fi
awk '{ printf "q%d\t%s\n", NR, $0 }' "$OUT/queries.txt" > "$OUT/queries.tsv"
ls -l "$OUT"
