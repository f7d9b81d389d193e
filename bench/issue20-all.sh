#!/usr/bin/env bash
# Every table of issue 20 in one go on one machine, each benchmark with its reference tools
# (rg, csearch, gtags, git clone + cindex + gtags), one after the other, with the load stamped
# between them. Each script keeps its own raw output; this one collects their tables in
# bench/results/issue20-all-<stamp>/ (summary.md: the tables in run order, with start/end times and loads).
#
#   mvn -B -o -q -DskipTests package && bench/issue20-all.sh
#
# Env (defaults are this project's bench machine; every input is only read):
#   KERNEL     the Linux 6.1 tree (default /work/corpora/linux-source-6.1)
#   GITDIR     a one-commit bare repository of KERNEL (search-bench.sh creates it when missing)
#   BUNDLE     an Airlock bundle folder of KERNEL, VENDOR_PUB its vendor key (ready-bench.sh)
#   FOUR       a bundle folder of four kernel copies (bench/four-kernels-repo.py); empty: one kernel only
#   FOUR_HOME  a home with the four-kernel bundle imported, for the file tree (tree-bench.sh); empty: skipped
#   SCRATCH    scratch folder (default /work/scratch/issue20-all)
#   ONLY       a space-separated subset of: search hostile symbols goto ready tree
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
cd "$HERE"
KERNEL=${KERNEL:-/work/corpora/linux-source-6.1}
GITDIR=${GITDIR:-/work/scratch/h20search/linux.git}
BUNDLE=${BUNDLE:-/work/scratch/s20ready/k1/media/linux-6.1-1.airlock}
VENDOR_PUB=${VENDOR_PUB:-/work/scratch/s20ready/k1/vendor.pub}
FOUR=${FOUR-/work/scratch/s20ready/k4/media/linux4-6.1x4-1.airlock}
FOUR_HOME=${FOUR_HOME-/work/scratch/s20tree2/home-k4}
SCRATCH=${SCRATCH:-/work/scratch/issue20-all}
ONLY=${ONLY:-search hostile symbols goto ready tree}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RES="$HERE/bench/results/issue20-all-$STAMP"
mkdir -p "$RES" "$SCRATCH"
SUM="$RES/summary.md"
load() { cut -d' ' -f1-3 /proc/loadavg; }
wants() { case " $ONLY " in *" $1 "*) return 0;; *) return 1;; esac; }
step() { # step NAME: a header with the time and load before it
  printf "\n## %s (started %s UTC, load %s)\n\n" "$1" "$(date -u +%H:%M:%S)" "$(load)" >> "$SUM"
  echo "[$(date -u +%H:%M:%S)] $1 (load $(load))" >&2
}
fail() { printf "\n**%s failed** (exit %s); its error output: %s\n" "$1" "$2" "$3" >> "$SUM"; echo "$1 failed" >&2; }
done_step() { printf "\n(ended %s UTC, load %s)\n" "$(date -u +%H:%M:%S)" "$(load)" >> "$SUM"; }

{ echo "# Issue 20, every table in one go: commit $(git rev-parse --short HEAD), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo; echo "Started $(date -u +%FT%TZ), load $(load). Steps: $ONLY."; } > "$SUM"

if wants search; then
  step "Search: Airlock against csearch and rg on the kernel (bench/search-bench.sh)"
  rm -rf "$SCRATCH/search"
  OUT="$SCRATCH/search" bash bench/search-bench.sh "$KERNEL" "$GITDIR" > "$RES/search.md" 2> "$RES/search.err" || fail search $? "$RES/search.err"
  cat "$RES/search.md" >> "$SUM"; done_step
fi
if wants hostile; then
  step "Linear on hostile input (bench/search-hostile-bench.sh)"
  rm -rf "$SCRATCH/hostile"
  OUT="$SCRATCH/hostile" bash bench/search-hostile-bench.sh > "$RES/hostile.md" 2> "$RES/hostile.err" || fail hostile $? "$RES/hostile.err"
  cat "$RES/hostile.md" >> "$SUM"; done_step
fi
if wants symbols; then
  step "Symbols: Airlock's symbol index against gtags (bench/symbol-bench.sh)"
  SYMBOL_BENCH_DIR="$SCRATCH/symbols" SYMBOL_BENCH_OUT="$RES/symbols.txt" sh bench/symbol-bench.sh "$KERNEL" > /dev/null 2> "$RES/symbols.err" || fail symbols $? "$RES/symbols.err"
  [ -f "$RES/symbols.txt" ] && sed '/^raw:/,$d' "$RES/symbols.txt" >> "$SUM"; done_step
fi
if wants goto && [ -f "$SCRATCH/symbols/symbols.sqlite" ]; then
  step "Go to symbol on that index (bench/goto-symbol-bench.sh; both columns this commit's code)"
  GOTO_BENCH_DIR="$SCRATCH/goto" GOTO_BENCH_OUT="$RES/goto.txt" sh bench/goto-symbol-bench.sh "$SCRATCH/symbols/symbols.sqlite" HEAD > /dev/null 2> "$RES/goto.err" || fail goto $? "$RES/goto.err"
  [ -f "$RES/goto.txt" ] && sed '/^raw before:/,$d' "$RES/goto.txt" >> "$SUM"; done_step
fi
if wants ready; then
  step "Stick to ready${FOUR:+ and four kernels} (bench/ready-bench.sh)"
  WORK="$SCRATCH/ready" FOUR="$FOUR" NICE=0 JFR=1 bash bench/ready-bench.sh "$BUNDLE" "$VENDOR_PUB" > "$RES/ready.txt" 2> "$RES/ready.err" || fail ready $? "$RES/ready.err"
  cat "$RES/ready.txt" >> "$SUM"
  for run in one four; do # where each run's CPU went (JFR method samples), for the goals still over
    [ -f "$SCRATCH/ready/$run.jfr" ] || continue
    jfr print --events jdk.ExecutionSample --stack-depth 40 "$SCRATCH/ready/$run.jfr" | python3 bench/jfr-top.py 25 > "$RES/jfr-ready-$run.txt"
    printf "\nCPU samples of the %s run by thread and first airlock frame: %s\n" "$run" "$RES/jfr-ready-$run.txt" >> "$SUM"
  done
  done_step
fi
if wants tree && [ -n "$FOUR_HOME" ]; then
  step "The four-kernel file tree's opening (bench/tree-bench.sh)"
  bash bench/tree-bench.sh "$FOUR_HOME" > "$RES/tree.txt" 2> "$RES/tree.err" || fail tree $? "$RES/tree.err"
  cat "$RES/tree.txt" >> "$SUM"; done_step
fi
printf "\nEnded %s, load %s.\n" "$(date -u +%FT%TZ)" "$(load)" >> "$SUM"
echo "$SUM"
