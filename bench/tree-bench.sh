#!/usr/bin/env bash
# The file tree's opening (issue 20, four kernels: 315,000 files in under 1 s), in one go for every home given:
# in-process from the kept listing (docs/formats/listing.md; the first run walks the tree and writes it),
# the same tree walked as before the kept listing, and through a keeper's socket (airlock.keeper.TreeBench).
# Each home needs its bundle imported (`airlock bundle import --home HOME BUNDLE`); the kept listings are
# removed first so run 1 shows the first opening after import. Raw output under bench/results/tree-bench-<stamp>/.
#
#   mvn -B -o -q -DskipTests package && bench/tree-bench.sh HOME...   (RUNS default 4, MODES default inproc,walk,keeper)
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
cd "$HERE"
RUNS=${RUNS:-4}
MODES=${MODES:-inproc,walk,keeper}
CP="target/classes:target/test-classes:$(mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g")"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW="bench/results/tree-bench-$STAMP"
mkdir -p "$RAW"
{
  echo "# bench: java -Xmx1500m airlock.keeper.TreeBench HOME $RUNS $MODES; commit $(git rev-parse --short HEAD); cores $(nproc)"
  echo "load_start $(cat /proc/loadavg) $(date -u +%H:%M:%S)"
  for home in "$@"; do
    echo "## $home"
    rm -rf "$home/db/listing"
    java -Xmx1500m -cp "$CP" airlock.keeper.TreeBench "$home" "$RUNS" "$MODES" 2>&1 | grep -v '^\[\|SLF4J'
    echo "load $(cat /proc/loadavg) $(date -u +%H:%M:%S)"
  done
} | tee "$RAW/raw.txt"
