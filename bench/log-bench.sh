#!/usr/bin/env bash
# Session log benchmark: durable appends vs a bare SQLite loop with the same pragmas, and
# 'airlock log verify' of a 1,000,000-entry log vs sha256sum of the same file.
# usage: bench/log-bench.sh [APPENDS=100000] [ENTRIES=1000000] [WORKDIR=target/log-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
APPENDS=${1:-100000}
ENTRIES=${2:-1000000}
WORK=${3:-target/log-bench}
rm -rf "$WORK"; mkdir -p "$WORK"
mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
JAVA=(java -Xmx1g -cp "$CP")

echo "== durable appends ($APPENDS each; disk: $(df -P "$WORK" | awk 'NR==2{print $1}'))"
"${JAVA[@]}" airlock.bench.LogBench append "$APPENDS" "$WORK/append"

echo
echo "== verify a $ENTRIES-entry sealed log"
"${JAVA[@]}" airlock.bench.LogBench make-log "$ENTRIES" "$WORK/verify"
LOG="$WORK/verify/session-bench.log"
SIZE=$(stat -c %s "$LOG")
cat "$LOG" > /dev/null   # warm the page cache for both contenders
t0=$(date +%s.%N); sha256sum "$LOG" > /dev/null; t1=$(date +%s.%N)
"${JAVA[@]}" airlock.Launcher log verify "$LOG" --trust "$WORK/verify/trust" --home "$WORK/home" > "$WORK/verify.out"
t2=$(date +%s.%N)
head -1 "$WORK/verify.out"
python3 - "$SIZE" "$t0" "$t1" "$t2" <<'PY'
import sys
size, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:])
sha, ver = t1 - t0, t2 - t1
print("%-36s %10s %10s" % ("tool (file %.0f MB)" % (size / 1e6), "seconds", "MB/s"))
print("%-36s %10.2f %10.0f" % ("sha256sum", sha, size / 1e6 / sha))
print("%-36s %10.2f %10.0f" % ("airlock log verify (incl. JVM start)", ver, size / 1e6 / ver))
print("verify speed / sha256sum speed: %.2f (goal >= 0.3)" % (sha / ver))
PY
