#!/usr/bin/env bash
# The file tree's opening (issue 20, four kernels: 315,000 files in under 1 s), in one go for every home given.
# In-process modes (one JVM, airlock.keeper.TreeBench HOME RUNS MODES, the kept listing removed first so run 1
# shows an opening without it): inproc (kept listing; run 1 walks and writes it), walk (as before the kept
# listing), keeper (through a keeper's socket, both ends in the bench's JVM).
# Fresh-process modes (what a user sees; the listing removed, then written as intake writes it, timed; cold runs
# first, so that with NO_INTAKE=1 its run 1 is the first listing after import):
#   warm  — a keeper that has been running (its own JVM, warmed by WARM listings) answering a workstation
#           process started for each measurement;
#   cold  — both fresh: a keeper started for each measurement (not warmed) and a fresh workstation process.
# Each fresh run prints the client's connect/list/model times and CPU, and the keeper's CPU over the run.
# NO_INTAKE=1 leaves the listing unwritten (as before intake wrote it): the first keeper to list walks the tree.
# CLASSES overrides the classes measured (default target/classes:target/test-classes), for an A/B in one go.
# Raw output under bench/results/tree-bench-<stamp>/.
#
#   mvn -B -o -q -DskipTests package && bench/tree-bench.sh HOME...
#   (RUNS default 4, MODES default inproc,walk,keeper,warm,cold, WARM default 3, JAVA_OPTS default -Xmx1500m)
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
cd "$HERE"
RUNS=${RUNS:-4}
MODES=${MODES:-inproc,walk,keeper,warm,cold}
WARM=${WARM:-3}
read -r -a JOPTS <<< "${JAVA_OPTS:--Xmx1500m}"
CLASSES=${CLASSES:-target/classes:target/test-classes}
CP="$CLASSES:$(mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g")"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW="bench/results/tree-bench-$STAMP"
mkdir -p "$RAW"
TICK=$(getconf CLK_TCK)
IN_MODES=$(tr ',' '\n' <<< "$MODES" | grep -E '^(inproc|walk|keeper)$' | paste -sd, || true)
bench() { java "${JOPTS[@]}" -cp "$CP" airlock.keeper.TreeBench "$@" 2>&1 | grep -v '^\[\|SLF4J\|^[0-9:.]* \[' || true; }
cpu_ms() { awk -v t="$TICK" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$1/stat"; }
# one keeper process: serve HOME until SOCK.stop; KPID is its pid
start_keeper() {
  local dir; dir=$(mktemp -d /tmp/treebench.XXXXXX); SOCK="$dir/k.sock"
  java "${JOPTS[@]}" -cp "$CP" airlock.keeper.TreeBench serve "$1" "$SOCK" "$2" > "$dir/keeper.out" 2>&1 &
  KPID=$!
  for _ in $(seq 1 1200); do [ -e "$SOCK.ready" ] && return 0; kill -0 "$KPID" 2>/dev/null || break; sleep 0.1; done
  echo "keeper did not start:"; cat "$dir/keeper.out"; return 1
}
stop_keeper() { touch "$SOCK.stop"; wait "$KPID" || true; grep '^keeper' "$(dirname "$SOCK")/keeper.out" | sed 's/^/    /'; rm -rf "$(dirname "$SOCK")"; }
fresh_run() { # label run: one fresh client against the keeper KPID
  local k0 k1; k0=$(cpu_ms "$KPID")
  local line; line=$(java "${JOPTS[@]}" -cp "$CP" airlock.keeper.TreeBench client "$SOCK" "$1" 2>&1 | grep -v '^\[\|SLF4J\|^[0-9:.]* \[')
  k1=$(cpu_ms "$KPID")
  echo "$1 $2 ${line#"$1 "} keeper_cpu_ms $((k1 - k0))"
}
{
  echo "# bench: java ${JOPTS[*]} airlock.keeper.TreeBench; RUNS $RUNS MODES $MODES WARM $WARM NO_INTAKE ${NO_INTAKE:-}; commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo +changes); classes $CLASSES; cores $(nproc)"
  echo "load_start $(cat /proc/loadavg) $(date -u +%H:%M:%S)"
  for home in "$@"; do
    echo "## $home"
    if [ -n "$IN_MODES" ]; then
      rm -rf "$home/db/listing"
      bench "$home" "$RUNS" "$IN_MODES"
      echo "load $(cat /proc/loadavg) $(date -u +%H:%M:%S)"
    fi
    if grep -qE '(^|,)(warm|cold)(,|$)' <<< "$MODES"; then
      rm -rf "$home/db/listing"
      if [ -z "${NO_INTAKE:-}" ]; then
        bench intake "$home"
      else
        echo "intake_listing skipped (NO_INTAKE: as before intake kept the listing; the first keeper to list walks)"
      fi
      if grep -qE '(^|,)cold(,|$)' <<< "$MODES"; then
        for run in $(seq 1 "$RUNS"); do
          start_keeper "$home" 0
          fresh_run fresh_keeper_fresh_client "$run"
          stop_keeper
        done
        echo "load $(cat /proc/loadavg) $(date -u +%H:%M:%S)"
      fi
      if grep -qE '(^|,)warm(,|$)' <<< "$MODES"; then
        start_keeper "$home" "$WARM"
        for run in $(seq 1 "$RUNS"); do fresh_run warm_keeper_fresh_client "$run"; done
        stop_keeper
        echo "load $(cat /proc/loadavg) $(date -u +%H:%M:%S)"
      fi
    fi
  done
} | tee "$RAW/raw.txt"
