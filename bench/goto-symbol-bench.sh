#!/bin/sh
# Go to symbol A/B on an existing symbol index (issue 20): the name table of a base commit ("before") and of
# the working tree ("after") answer the same queries on the same index in one go, each in its own JVM, and a
# table gives per query the CPU (querying thread + the name table's helper thread) and wall time of the whole go to
# symbol (name search + the shown rows' definitions), and the CPU of the name search alone, with the machine load. Results must be the same rows: the script compares them.
# Usage: sh bench/goto-symbol-bench.sh index.sqlite [base-commit]
#   index.sqlite: a complete symbol index (e.g. the kernel's, built once by bench/symbol-bench.sh; only read)
#   base-commit: whose src/main/java/airlock/core/symbols/NameTable.java is "before" (default: main)
# Env: GOTO_BENCH_QUERIES (default below), GOTO_BENCH_OUT (default bench/results/goto-symbol-bench-<stamp>.txt),
#      GOTO_BENCH_DIR (scratch, default /work/scratch/s20goto/goto-bench).
# Needs: mvn -o -DskipTests package (compiles the test harness too).
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:?usage: goto-symbol-bench.sh index.sqlite [base-commit]}
BASE=${2:-main}
WORK=${GOTO_BENCH_DIR:-/work/scratch/s20goto/goto-bench}
QUERIES=${GOTO_BENCH_QUERIES:-"m s k e _ mu sp km x_ ee mut spi kma mutex spin_ kmall rq_lck mtxlck spnlkirq kmlc skbpsh aeiou a_b_c_d zzzzq"}
STAMP=$(date -u +%Y-%m-%d-%H%M)
OUT=${GOTO_BENCH_OUT:-$HERE/bench/results/goto-symbol-bench-$STAMP.txt}
load() { cut -d' ' -f1-3 /proc/loadavg; }
rm -rf "$WORK"; mkdir -p "$WORK/before-src" "$WORK/before"
CP="$HERE/target/classes:$HERE/target/test-classes:$(cd "$HERE" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
# "before": the base commit's NameTable compiled over the current classes (the class's API is unchanged)
(cd "$HERE" && git show "$BASE:src/main/java/airlock/core/symbols/NameTable.java") > "$WORK/before-src/NameTable.java"
javac -nowarn -cp "$CP" -d "$WORK/before" "$WORK/before-src/NameTable.java"
LOAD_START=$(load)
# shellcheck disable=SC2086
java -Xmx3g -cp "$WORK/before:$CP" airlock.bench.SymbolBench /nonexistent "$DB" nobuild $QUERIES > "$WORK/before.txt"
LOAD_MID=$(load)
# shellcheck disable=SC2086
java -Xmx3g -cp "$CP" airlock.bench.SymbolBench /nonexistent "$DB" nobuild $QUERIES > "$WORK/after.txt"
LOAD_END=$(load)
java -Xmx3g -cp "$WORK/before:$CP" airlock.core.symbols.NameTableBench "$DB" > "$WORK/heap-before.txt"
java -Xmx3g -cp "$CP" airlock.core.symbols.NameTableBench "$DB" > "$WORK/heap-after.txt"
{
echo "go to symbol on $DB ($(du -b "$DB" | cut -f1) bytes), before = NameTable.java of $BASE ($(cd "$HERE" && git rev-parse --short "$BASE")), after = working tree of $(cd "$HERE" && git rev-parse --short HEAD)"
echo "$(nproc) cores; load (1/5/15 min) at start: $LOAD_START, between: $LOAD_MID, at end: $LOAD_END"
echo "median of 7 runs after one first run; CPU = the querying thread's plus the name table's helper thread's (the scan of all names"
echo "is split over both cores since 6 Dec 2026; 'thread' = the querying thread alone); wall = what the user waits, inflated"
echo "by anything else running; go to symbol = best 100 names + their definitions, at most 300 rows"
echo
echo "| query | letters | go to symbol CPU before (ms) | after (ms) | after, querying thread alone (ms) | wall before (ms) | wall after (ms) | name search alone CPU before (ms) | after (ms) | rows | top row | same rows |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
awk '
  FNR == NR && $1 == "goto_symbol" { b[$2] = $6; bw[$2] = $4; br[$2] = $8; next }
  FNR == NR && $1 == "goto_detail" { bs[$2] = $3; bh[$2] = $4; next }
  $1 == "goto_symbol" { a[$2] = $6; aw[$2] = $4; ar[$2] = $8; top = $9; for (f = 10; f <= NF; f++) top = top " " $f; at[$2] = top; order[++n] = $2; next }
  $1 == "goto_detail" { as[$2] = $3; ah[$2] = $4; ao[$2] = $5 }
  END { for (i = 1; i <= n; i++) { q = order[i]; printf "| `%s` | %d | %s | **%s** | %s | %s | **%s** | %s | **%s** | %s | %s | %s |\n", q, length(q), b[q], a[q], ao[q], bw[q], aw[q], bs[q], as[q], ar[q], at[q], (bh[q] == ah[q] && br[q] == ar[q] ? "yes" : "NO") } }
' "$WORK/before.txt" "$WORK/after.txt"
echo
echo "name table heap (NameTableBench: used heap after a GC with the table minus without it, names loaded from the index):"
echo "  before: $(awk '$1=="table_heap_mb" { print $2 }' "$WORK/heap-before.txt") MB, after: $(awk '$1=="table_heap_mb" { print $2 }' "$WORK/heap-after.txt") MB; $(awk '$1=="names" { print $2 }' "$WORK/heap-after.txt") names"
echo "raw before:"; sed 's/^/  /' "$WORK/before.txt"
echo "raw after:"; sed 's/^/  /' "$WORK/after.txt"
} | tee "$OUT"
