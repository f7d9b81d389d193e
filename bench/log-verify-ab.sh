#!/usr/bin/env bash
# A/B of one-shot 'airlock log verify' between builds on one log, runs interleaved with sha256sum of the same file.
# usage: flock /work/bench.lock bench/log-verify-ab.sh RUNS LOGDIR CPFILE CLASSES_A [CLASSES_B ...]
#   LOGDIR: made by 'java -cp ... airlock.bench.LogBench make-log 1000000 LOGDIR' (session-bench.log, .seal, trust/)
#   CPFILE: dependency class path (mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=CPFILE)
#   CLASSES_*: copies of target/classes of the builds to compare
# prints per run: build wall user sys verdict (wall, user, sys in seconds)
set -euo pipefail
RUNS=$1; LOGDIR=$2; CPFILE=$3; shift 3
LOG="$LOGDIR/session-bench.log"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat "$LOG" > /dev/null   # warm the page cache for every contender
for r in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %U %S" -o "$T/t" sha256sum "$LOG" > /dev/null
  echo "sha256sum $(cat "$T/t")"
  for C in "$@"; do
    /usr/bin/time -f "%e %U %S" -o "$T/t" java -Xmx1g -cp "$C:$(cat "$CPFILE")" airlock.Launcher log verify "$LOG" \
        --trust "$LOGDIR/trust" --home "$T/home" > "$T/out"
    echo "$C $(cat "$T/t") $(head -1 "$T/out")"
  done
done
uptime
