#!/bin/sh
# Symbol index benchmark (issue 20): gtags and Airlock's symbol index build on the same tree in one go,
# then go to symbol (fuzzy name search + the shown rows' definitions, as the workstation runs it) for
# prefixes of 1, 2, 3, 5 letters and fuzzy queries. Prints a table; raw outputs go to $OUT.
# Usage: sh bench/symbol-bench.sh [kernel-folder] (default /work/corpora/linux-source-6.1, only read)
# Env: SYMBOL_BENCH_DIR (scratch, default /work/scratch/s20sym/bench), SYMBOL_BENCH_JFR=1 records a JFR
# profile of the Airlock run (method samples) into the scratch folder.
# Needs: global (gtags), mvn -o -DskipTests package (compiles the test harness too).
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
SRC=${1:-/work/corpora/linux-source-6.1}
WORK=${SYMBOL_BENCH_DIR:-/work/scratch/s20sym/bench}
QUERIES=${SYMBOL_BENCH_QUERIES:-"m s k mu sp km mut spi kma mutex spin_ kmall mtxlck spnlkirq kmlc skbpsh"}
mkdir -p "$WORK"
STAMP=$(date -u +%Y-%m-%d-%H%M)
OUT=${SYMBOL_BENCH_OUT:-$HERE/bench/results/symbol-bench-$STAMP.txt}
now() { date +%s%N; }
secs() { echo "$1 $(date +%s%N)" | awk '{ printf "%.1f", ($2 - $1) / 1e9 }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
rm -rf "$WORK/classes" "$WORK/test-classes"
cp -r "$HERE/target/classes" "$WORK/classes"; cp -r "$HERE/target/test-classes" "$WORK/test-classes"
CP="$WORK/classes:$WORK/test-classes:$(cd "$HERE" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
JFR=""
[ -n "${SYMBOL_BENCH_JFR:-}" ] && JFR="-XX:StartFlightRecording=filename=$WORK/symbols-$STAMP.jfr,settings=profile"
LOAD_START=$(load)
GT="$WORK/gtags-db"; rm -rf "$GT"; mkdir -p "$GT"
t=$(now); /usr/bin/time -f "%U %S" -o "$WORK/gtags.cpu" sh -c "cd '$SRC' && gtags '$GT' >/dev/null 2>&1"; GTAGS_S=$(secs "$t")
GTAGS_CPU=$(awk '{ printf "%.1f", $1 + $2 }' "$WORK/gtags.cpu")
GTAGS_BYTES=$(cat "$GT/GTAGS" "$GT/GRTAGS" "$GT/GPATH" | wc -c)
LOAD_MID=$(load)
t=$(now)
# shellcheck disable=SC2086
/usr/bin/time -f "%U %S" -o "$WORK/airlock.cpu" java -Xmx2g $JFR -cp "$CP" airlock.bench.SymbolBench "$SRC" "$WORK/symbols.sqlite" build $QUERIES > "$WORK/airlock.txt"
JAVA_S=$(secs "$t")
LOAD_END=$(load)
rm -rf "$GT"
get() { awk -v k="$1" '$1==k { $1=""; sub(/^ /, ""); print }' "$WORK/airlock.txt"; }
AIR_S=$(get index_build_s)
AIR_BYTES=$(get index_bytes)
{
echo "tree: $SRC ($(find "$SRC" -type f | wc -l) files); $(nproc) cores; commit $(cd "$HERE" && git rev-parse --short HEAD)"
echo "load (1/5/15 min) at start: $LOAD_START, after gtags: $LOAD_MID, at end: $LOAD_END"
echo
echo "| measure | Airlock | gtags | ratio |"
echo "|---|---:|---:|---:|"
echo "| symbol index build (s) | $AIR_S | $GTAGS_S | $(awk -v a="$AIR_S" -v g="$GTAGS_S" 'BEGIN { printf "%.2f", a / g }')x |"
echo "| CPU time of the build, all threads (s; Airlock: JVM start-up to build end) | $(get index_build_cpu_s) | $GTAGS_CPU | $(awk -v a="$(get index_build_cpu_s)" -v g="$GTAGS_CPU" 'BEGIN { printf "%.2f", a / g }')x |"
echo "| CPU time, user+sys, Airlock's whole JVM run with the queries (s) | $(awk '{ printf "%.1f", $1 + $2 }' "$WORK/airlock.cpu") | - | - |"
echo "| index files (MB; gtags: GTAGS+GRTAGS+GPATH) | $(awk -v b="$AIR_BYTES" 'BEGIN { printf "%.0f", b / 1048576 }') | $(awk -v b="$GTAGS_BYTES" 'BEGIN { printf "%.0f", b / 1048576 }') | $(awk -v a="$AIR_BYTES" -v g="$GTAGS_BYTES" 'BEGIN { printf "%.2f", a / g }')x |"
echo
echo "go to symbol (search + definitions of the shown rows, at most 100 names / 300 rows), ms; first = first run after open:"
echo
echo "| query | letters | first | median of 7 | max | median CPU (thread) | name scan alone, median | rows | top row |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
awk '$1=="goto_symbol" { printf "| `%s` | %d | %s | %s | %s | %s | %s | %s | %s |\n", $2, length($2), $3, $4, $5, $6, $7, $8, $9 }' "$WORK/airlock.txt"
echo
echo "(Airlock JVM wall time incl. queries: $JAVA_S s; index open + preload: $(get open_and_preload_ms) ms)"
echo "raw:"; sed 's/^/  /' "$WORK/airlock.txt"
} | tee "$OUT"
