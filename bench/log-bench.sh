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
TIME=(/usr/bin/time -f "%e %U %S" -o)
"${TIME[@]}" "$WORK/sha.time" sha256sum "$LOG" > /dev/null
"${TIME[@]}" "$WORK/verify.time" "${JAVA[@]}" airlock.Launcher log verify "$LOG" --trust "$WORK/verify/trust" \
    --home "$WORK/home" > "$WORK/verify.out"
head -1 "$WORK/verify.out"
python3 - "$SIZE" "$WORK/sha.time" "$WORK/verify.time" <<'PY'
import sys
size = int(sys.argv[1])
def read(path):
    wall, user, system = map(float, open(path).read().split()[-3:])
    return wall, user + system
(sw, sc), (vw, vc) = read(sys.argv[2]), read(sys.argv[3])
print("%-38s %9s %9s %9s" % ("tool (file %.0f MB)" % (size / 1e6), "wall s", "cpu s", "MB/s wall"))
print("%-38s %9.2f %9.2f %9.0f" % ("sha256sum", sw, sc, size / 1e6 / sw))
print("%-38s %9.2f %9.2f %9.0f" % ("airlock log verify (incl. JVM start)", vw, vc, size / 1e6 / vw))
print("verify speed / sha256sum speed: %.2f by wall time, %.2f by CPU time (goal >= 0.3)" % (sw / vw, sc / vc))
PY
uptime
