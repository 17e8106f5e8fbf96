#!/bin/sh
# Runs the Lucene 8.8 peer (bench/peers/lucene/LucenePeer.java) with Debian's liblucene8-java jars.
#   lucene_peer.sh build                       compile (when stale) into $ISKRA_BENCH_WORK/java (default bench/work/java)
#   lucene_peer.sh index CORPUS.jsonl INDEX_DIR
#   lucene_peer.sh search INDEX_DIR QUERIES.tsv K RUN_OUT
# `build` runs separately so that javac never counts in the peak RSS of a measured run.
# JVM heap: LUCENE_PEER_HEAP (default 1g).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${ISKRA_BENCH_WORK:-$HERE/../work}
JARS=/usr/share/java/lucene-core-8.7.0.jar:/usr/share/java/lucene-analyzers-common-8.7.0.jar:/usr/share/java/lucene-queryparser-8.7.0.jar
CLASSES=$WORK/java
if [ ! -f "$CLASSES/LucenePeer.class" ] \
   || [ "$HERE/lucene/LucenePeer.java" -nt "$CLASSES/LucenePeer.class" ]; then
  mkdir -p "$CLASSES"
  javac -nowarn -cp "$JARS" -d "$CLASSES" "$HERE/lucene/LucenePeer.java"
fi
[ "$1" = build ] && exit 0
exec java -Xmx${LUCENE_PEER_HEAP:-1g} -cp "$CLASSES:$JARS" LucenePeer "$@"
