#!/usr/bin/env bash
# Quote check benchmark (issue 18): the content check of every finding's title and body against the
# winnowing fingerprints of a whole tree, in one warm process. Prints a table; raw output to bench/results/.
#
#   bench/quote-check-bench.sh [TREE] [GITDIR] [FINDINGS] [RUNS] [CACHE]
#
# TREE     a source folder (default: the Linux 6.1 kernel, /work/corpora/linux-source-6.1)
# GITDIR   a one-commit bare repository of TREE (created here when missing; Airlock reads bundles from
#          a git object store)
# CACHE    where the index file is kept (QuoteIndexFile; default /work/scratch/q18d/quote-bench.qidx, format 3):
#          cold = fingerprint the tree and write the file, warm = read it back with its integrity check
# HEAP     the -Xmx of the process (default 8g; the packaged app runs with 2g)
# JFR      a file: record the run with Java Flight Recorder (bench/jfr-top.py reads it)
# REUSE=1  keep an index file already at CACHE when it is current (its cold build was measured before; saves minutes on a
#          loaded machine); a file of another format or key is built again (cold) first
# Goal: 10,000 findings checked in under 5 s, in a fresh process as the seal screen does it: the index file
# read (warm) plus the first run. Each run also prints its CPU time (every thread of the process, GC and JIT
# included) and the collectors' time, because the machine is shared and wall time follows its load. The reference is the same work done without any check
# (reading the findings); there is no outside tool that does this comparison.
set -euo pipefail
TREE=$(realpath "${1:-/work/corpora/linux-source-6.1}")
GITDIR=${2:-/work/scratch/d2quote/linux.git}
FINDINGS=${3:-10000}
RUNS=${RUNS:-${4:-3}}
CACHE=${5:-/work/scratch/q18d/quote-bench.qidx}
mkdir -p "$(dirname "$CACHE")"
cd "$(dirname "$0")/.."
if [ ! -d "$GITDIR" ]; then
  echo "creating $GITDIR from $TREE (one commit, every file, no deltas)" >&2
  export GIT_DIR="$GITDIR" GIT_WORK_TREE="$TREE"
  git init -q && git -c core.autocrlf=false add -A -f \
    && git -c user.name=bench -c user.email=bench@localhost commit -q -m tree \
    && git repack -a -d -q --window=0
  unset GIT_DIR GIT_WORK_TREE
fi
REF=$(git --git-dir="$GITDIR" symbolic-ref HEAD)
mvn -B -o -q test-compile >&2
CP="target/classes:target/test-classes:$(mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g")"
mkdir -p bench/results
RAW=bench/results/quote-check-$(date -u +%Y-%m-%d-%H%M).txt
{
  echo "# bench/quote-check-bench.sh $TREE $GITDIR $FINDINGS $RUNS at $(git rev-parse --short HEAD)"
  echo "load_before $(cut -d' ' -f1-3 /proc/loadavg) cores $(nproc)"
  java -Xmx${HEAP:-8g} ${JFR:+-XX:StartFlightRecording=filename=$JFR,settings=profile} ${REUSE:+-Dquote.bench.cache=reuse} -cp "$CP" airlock.bench.QuoteBench "$GITDIR" "$REF" "$FINDINGS" "$RUNS" "$CACHE"
  echo "load_after $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RAW" >/dev/null
v() { awk -v k="$1" '$1==k {print $2}' "$RAW"; }
echo "## Quote check, $(basename "$TREE"), $(date -u '+%Y-%m-%d %H:%M') UTC"
echo
echo "load before: $(awk '$1=="load_before" {print $2, $3, $4}' "$RAW"), after: $(awk '$1=="load_after" {print $2, $3, $4}' "$RAW"), cores: $(nproc)"
echo
echo "| | value |"
echo "|---|---|"
echo "| files fingerprinted | $(v files) |"
echo "| fingerprints (8 bytes each) | $(v fingerprints) |"
echo "| cold: index built and written (s) | $(awk '$1=="build_ms" {printf "%.1f", $2/1000}' "$RAW") |"
echo "| index file (MB) | $(awk '$1=="cache_bytes" {printf "%.0f", $2/1048576}' "$RAW") |"
echo "| warm: index file read and checked (s) | $(awk '$1=="load_ms" {printf "%.1f", $2/1000}' "$RAW") |"
echo "| findings (title + body each) | $(v findings) |"
echo "| findings quoting the tree (generated) | $(v expected_quoting) |"
echo
echo "| run | check (s) | CPU (s) | GC (s) | texts | characters | findings flagged | quoted lines | encoded bytes | files read | goal < 5 s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
awk '$1=="run" {for (i = 3; i < NF; i += 2) f[$i] = $(i + 1); f["run"] = $2
  printf "| %s | %.2f | %.2f | %.2f | %s | %s | %s | %s | %s | %s | %s |\n", $2, f["check_ms"]/1000, f["cpu_ms"]/1000, f["gc_ms"]/1000,
  f["texts"], f["chars"], f["flagged"], f["quoted_lines"], f["encoded_bytes"], f["file_reads"], (f["check_ms"] < 5000 ? "met" : "missed")}' "$RAW"
echo
awk '$1=="load_ms" {l = $2} $1=="run" && $2==1 {printf "seal screen in a fresh process (index file read + first run): %.2f s, goal < 5 s %s\n", (l + $4)/1000, (l + $4 < 5000 ? "met" : "missed")}' "$RAW"
awk '$1=="run" && $2==1 {printf "seal screen in the keeper (the index read and checked by the keeper when it was built or at start, KeptQuoteIndexes: first run only): %.2f s, goal < 5 s %s\n", $4/1000, ($4 < 5000 ? "met" : "missed")}' "$RAW"
echo
echo "raw output: $RAW"
