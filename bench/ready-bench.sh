#!/usr/bin/env bash
# Stick to ready (issue 20), in one go on one machine:
#  1. the pipeline an inspector would run without Airlock, on the kernel bundle: an fsck-checked
#     `git clone --bare` of repo.bundle, a checkout of the ref, `cindex` and `gtags` on the checkout;
#  2. Airlock on the same bundle through the product's own path (airlock.bench.ReadyBench: BundleIntake,
#     then the trigram and symbol index builds the keeper runs), with each phase's end, CPU and heap;
#     then the file tree's opening and indexed query latency on the built indexes;
#  3. with FOUR=<bundle folder> (a bundle of four kernel copies, see bench/four-kernels-repo.py), the same
#     Airlock run on it, and the ratios to the one-kernel run of step 2 (issue 20, four kernels).
# Every Airlock run is under -Xmx$HEAP with a GC log; the heap's peak is the largest heap in use the log
# shows before a collection (G1 fills the heap to the cap before it collects), the live set's high-water
# the largest heap left after a collection; full collections are counted. Prints tables (bench/ready-table.sh); raw output goes to bench/results/ready-bench-<stamp>/.
#
#   mvn -B -o -q -DskipTests package && bench/ready-bench.sh BUNDLE_FOLDER VENDOR_PUB
#
# BUNDLE_FOLDER an Airlock bundle folder of the kernel (airlock bundle create --from-dir
#               /work/corpora/linux-source-6.1 ...); VENDOR_PUB the vendor key it is signed with.
# Env: WORK (scratch, default /work/scratch/s20ready/ready), HEAP (default 1500m), RUNS (query runs, 5),
#      FOUR, FOUR_PUB (its vendor key, default VENDOR_PUB), NICE (default 5), JFR=1 records a JFR profile
#      (method samples) of each Airlock run into $WORK.
# Needs: git, codesearch (cindex), global (gtags), GNU time.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=$(realpath "$1")
PUB=$(realpath "$2")
WORK=${WORK:-/work/scratch/s20ready/ready}
HEAP=${HEAP:-1500m}
RUNS=${RUNS:-5}
FOUR=${FOUR:+$(realpath "$FOUR")}
FOUR_PUB=${FOUR_PUB:-$PUB}
NICE=(nice -n "${NICE:-5}")
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW="$HERE/bench/results/ready-bench-$STAMP"
mkdir -p "$RAW" "$WORK"
[ -d "$HERE/target/test-classes/airlock/bench" ] || { echo "build first: mvn -B -o -q -DskipTests package" >&2; exit 2; }
# a private copy of the classes, so a rebuild during the run changes nothing
rm -rf "$WORK/classes" "$WORK/test-classes"
cp -r "$HERE/target/classes" "$WORK/classes"; cp -r "$HERE/target/test-classes" "$WORK/test-classes"
CP="$WORK/classes:$WORK/test-classes:$(cd "$HERE" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g")"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# indexed queries (the trigram index narrows them) for the latency rows
QUERIES=("F:ieee80211_rx_irqsafe" "F:spin_lock_irqsave(&" "R:mutex_(lock|unlock)\\(&dev->" "W:of_node_put"
         "R:static int __init [a-z_0-9]+_init\\(void\\)" "I:copyright (c) 2009")

# run NAME CMD... : wall seconds, CPU seconds (user+sys) and peak RSS of one command into $RAW/time.NAME
run() {
  local name="$1"; shift
  echo "[$(date -u +%H:%M:%S)] $name (load $(load))" >&2
  /usr/bin/time -f "%e %U %S %M" -o "$RAW/time.$name" "${NICE[@]}" "$@" >"$RAW/out.$name" 2>"$RAW/err.$name" || {
    echo "step '$name' failed; see $RAW/err.$name" >&2; tail -5 "$RAW/err.$name" >&2; exit 1; }
  echo "load_after $(load)" >> "$RAW/time.$name"
}

echo "ready-bench $STAMP: $(nproc) cores, load at start $(load), commit $(cd "$HERE" && git rev-parse --short HEAD)" | tee "$RAW/summary.txt"

# ---- 1. without Airlock ----
B="$WORK/baseline"; rm -rf "$B"; mkdir -p "$B/tree"
REF=$(git bundle list-heads "$BUNDLE/repo.bundle" | head -1 | cut -d' ' -f2)
cat "$BUNDLE/repo.bundle" > /dev/null   # the same page-cache state for both sides
run clone git -c transfer.fsckObjects=true clone -q --bare "$BUNDLE/repo.bundle" "$B/repo.git"
run checkout git --git-dir="$B/repo.git" --work-tree="$B/tree" checkout -f "$REF" -- .
run cindex env CSEARCHINDEX="$B/csearchindex" cindex "$B/tree"
mkdir -p "$B/gtags"
run gtags sh -c "cd '$B/tree' && gtags '$B/gtags'"
FILES=$(find "$B/tree" -type f | wc -l)
rm -rf "$B"
# what the table needs besides the raw output (bench/ready-table.sh renders it from $RAW alone)
{ echo "files $FILES"; echo "ref $REF"; echo "heap $HEAP"; echo "runs $RUNS"
  echo "bundle_bytes $(stat -c %s "$BUNDLE/repo.bundle")"
  [ -z "$FOUR" ] || echo "four_bundle_bytes $(stat -c %s "$FOUR/repo.bundle")"
  for q in "${QUERIES[@]}"; do echo "query $q"; done; } > "$RAW/params.txt"

# ---- 2./3. Airlock ----
# airlock NAME BUNDLE PUB: a fresh home trusting PUB, then ReadyBench under the heap cap with a GC log
airlock() {
  local name="$1" bundle="$2" pub="$3" home="$WORK/home-$1"
  rm -rf "$home"; mkdir -m 700 "$home"
  java -cp "$CP" airlock.Launcher trust add vendor "$pub" --home "$home" > /dev/null
  cat "$bundle/repo.bundle" > /dev/null
  local jfr=()
  [ -z "${JFR:-}" ] || jfr=(-XX:StartFlightRecording=filename="$WORK/$name.jfr",settings=profile)
  run "$name" java -Xmx"$HEAP" -Xlog:gc:file="$RAW/gc.$name.log" "${jfr[@]}" -cp "$CP" airlock.bench.ReadyBench "$home" "$bundle" "$RUNS" "${QUERIES[@]}"
  du -sb "$home/store" | cut -f1 > "$RAW/store-bytes.$name"
  rm -rf "$home"
}
airlock one "$BUNDLE" "$PUB"
[ -z "$FOUR" ] || airlock four "$FOUR" "$FOUR_PUB"

echo "load at end $(load)" >> "$RAW/summary.txt"
"$HERE/bench/ready-table.sh" "$RAW" | tee -a "$RAW/summary.txt"
