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
# shows before a collection. Prints tables; raw output goes to bench/results/ready-bench-<stamp>/.
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
wall() { awk 'NR==1 { print $1 }' "$RAW/time.$1"; }
cpu() { awk 'NR==1 { printf "%.1f", $2 + $3 }' "$RAW/time.$1"; }
rss() { awk 'NR==1 { printf "%.0f", $4 / 1024 }' "$RAW/time.$1"; }

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
BASE_TOTAL=$(awk -v a="$(wall clone)" -v b="$(wall checkout)" -v c="$(wall cindex)" -v d="$(wall gtags)" 'BEGIN { printf "%.1f", a + b + c + d }')
rm -rf "$B"

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
echo "load at end $(load)" | tee -a "$RAW/summary.txt"

# ---- tables ----
get() { awk -v k="$2" -v f="$3" '$1=="ready" && $2==k { for (i = 3; i < NF; i++) if ($i == f) print $(i + 1) }' "$RAW/out.$1"; }
gcpeak() { # the largest heap in use before a collection (MiB), from -Xlog:gc
  grep -oE '[0-9]+[KMG]->' "$RAW/gc.$1.log" | awk '{ v = $0 + 0; u = substr($0, length($0) - 2, 1);
    if (u == "K") v /= 1024; if (u == "G") v *= 1024; if (v > m) m = v } END { printf "%.0f", m }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
{
echo
echo "## Stick to ready: one kernel ($FILES files, bundle $(( $(stat -c %s "$BUNDLE/repo.bundle") / 1000000 )) MB)"
echo
echo "| step | wall s | CPU s | peak RSS MiB | load after (1/5/15) |"
echo "|---|---:|---:|---:|---|"
for s in clone checkout cindex gtags; do
  case $s in clone) l="git -c transfer.fsckObjects=true clone --bare";; checkout) l="git checkout of $REF";;
    cindex) l="cindex on the checkout";; gtags) l="gtags on the checkout";; esac
  echo "| $l | $(wall $s) | $(cpu $s) | $(rss $s) | $(sed -n 's/^load_after //p' "$RAW/time.$s") |"
done
echo "| **pipeline without Airlock, total** | **$BASE_TOTAL** | | | |"
echo "| Airlock: verified and imported | $(get one imported at_s) | $(get one imported cpu_s) | | |"
echo "| Airlock: search ready (+$(get one search_ready phase_s) s) | $(get one search_ready at_s) | $(get one search_ready cpu_s) | | |"
echo "| Airlock: symbols ready (+$(get one symbols_ready phase_s) s) | $(get one symbols_ready at_s) | $(get one symbols_ready cpu_s) | | |"
echo "| **Airlock fully ready (JVM run incl. start, tree and queries: $(wall one) s)** | **$(get one symbols_ready at_s)** | $(cpu one) | $(rss one) | $(sed -n 's/^load_after //p' "$RAW/time.one") |"
echo
echo "Airlock fully ready / pipeline total: $(ratio "$(get one symbols_ready at_s)" "$BASE_TOTAL")x (goal <= 1.0x)"
echo "Airlock heap cap -Xmx$HEAP; GC log peak heap in use: $(gcpeak one) MiB"
if [ -n "$FOUR" ]; then
  echo
  echo "## Four kernels ($(awk '$1=="tree_open" && $2==1 { print $10 }' "$RAW/out.four") files, bundle $(( $(stat -c %s "$FOUR/repo.bundle") / 1000000 )) MB) against one kernel, same go"
  echo
  echo "| measure | one kernel | four kernels | ratio | goal |"
  echo "|---|---:|---:|---:|---|"
  for k in imported search_ready symbols_ready; do
    o=$(get one $k phase_s); f=$(get four $k phase_s)
    case $k in imported) l="intake (verify + import), s";; search_ready) l="search index build, s";; symbols_ready) l="symbol index build, s";; esac
    echo "| $l | $o | $f | $(ratio "$f" "$o")x | <= 4.5x |"
  done
  echo "| stick to fully ready, s | $(get one symbols_ready at_s) | $(get four symbols_ready at_s) | $(ratio "$(get four symbols_ready at_s)" "$(get one symbols_ready at_s)")x | |"
  echo "| peak heap in use (GC log), MiB | $(gcpeak one) | $(gcpeak four) | | < 1536 (cap -Xmx$HEAP) |"
  for p in imported search_ready symbols_ready; do
    echo "| heap pools' peak in phase '$p' (upper bound), MiB | $(get one $p heap_peak_mib) | $(get four $p heap_peak_mib) | | |"
  done
  echo "| peak RSS of the JVM, MiB | $(rss one) | $(rss four) | | |"
  for q in $(seq ${#QUERIES[@]}); do
    o=$(awk -v q="$q" '$1=="query" && $2==q { print $6 }' "$RAW/out.one"); f=$(awk -v q="$q" '$1=="query" && $2==q { print $6 }' "$RAW/out.four")
    echo "| query \`${QUERIES[$((q-1))]}\`, median of $RUNS, ms | $o | $f | $(ratio "$f" "$o")x | <= 4x |"
  done
  for n in one four; do
    eval "T_$n=\$(awk '\$1==\"tree_open\" && \$2==3 { print \$8 }' \"\$RAW/out.$n\")"
  done
  echo "| file tree opening (list the ref + tree model), warm, ms | $T_one | $T_four | $(ratio "$T_four" "$T_one")x | < 1000 ms |"
fi
echo
echo "load at end: $(load). Raw output: $RAW"
} | tee -a "$RAW/summary.txt"
