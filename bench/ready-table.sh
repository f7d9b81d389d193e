#!/usr/bin/env bash
# Renders the tables of a bench/ready-bench.sh run from its raw folder alone (time.*, out.*, gc.*.log,
# params.txt), so a run cut short still shows what it measured ("-" where a step did not end).
#   bench/ready-table.sh bench/results/ready-bench-<stamp>
set -uo pipefail
RAW=$1
param() { awk -v k="$1" '$1==k { $1=""; sub(/^ /, ""); print }' "$RAW/params.txt" | head -1; }
mapfile -t QUERIES < <(awk '$1=="query" { $1=""; sub(/^ /, ""); print }' "$RAW/params.txt")
HEAP=$(param heap); RUNS=$(param runs); REF=$(param ref)
dash() { [ -n "$1" ] && echo "$1" || echo "-"; }
wall() { [ -f "$RAW/time.$1" ] && awk 'NR==1 && NF >= 4 { print $1 }' "$RAW/time.$1"; }
cpu() { [ -f "$RAW/time.$1" ] && awk 'NR==1 && NF >= 4 { printf "%.1f", $2 + $3 }' "$RAW/time.$1"; }
rss() { [ -f "$RAW/time.$1" ] && awk 'NR==1 && NF >= 4 { printf "%.0f", $4 / 1024 }' "$RAW/time.$1"; }
loadafter() { [ -f "$RAW/time.$1" ] && sed -n 's/^load_after //p' "$RAW/time.$1"; }
get() { [ -f "$RAW/out.$1" ] && awk -v k="$2" -v f="$3" '$1=="ready" && $2==k { for (i = 3; i < NF; i++) if ($i == f) print $(i + 1) }' "$RAW/out.$1"; }
tree() { [ -f "$RAW/out.$1" ] && awk -v r="$2" -v f="$3" '$1=="tree_open" && $2==r { for (i = 3; i < NF; i++) if ($i == f) print $(i + 1) }' "$RAW/out.$1"; }
query() { [ -f "$RAW/out.$1" ] && awk -v q="$2" '$1=="query" && $2==q { print $6 }' "$RAW/out.$1"; }
mib() { awk '{ v = $0 + 0; u = substr($0, length($0), 1); if (u == "K") v /= 1024; if (u == "G") v *= 1024; print v }'; }
# G1 fills the heap up to the cap before collecting: the heap before a collection shows the cap was
# used, the heap after one shows what was live; full collections show the cap was tight
gcbefore() { [ -f "$RAW/gc.$1.log" ] && grep -oE '[0-9]+[KMG]->' "$RAW/gc.$1.log" | tr -d '>-' | mib | sort -n | tail -1; }
gcafter() { [ -f "$RAW/gc.$1.log" ] && grep -E 'Pause (Young|Full)' "$RAW/gc.$1.log" | grep -v 'Heap Inspection' \
  | grep -oE '[KMG]->[0-9]+[KMG]' | sed 's/^.->//' | mib | sort -n | tail -1; }
gclive() { [ -f "$RAW/gc.$1.log" ] && grep -E 'Pause Full' "$RAW/gc.$1.log" | grep -v 'Heap Inspection' \
  | grep -oE '[KMG]->[0-9]+[KMG]' | sed 's/^.->//' | mib | sort -n | tail -1; }
gcfull() { [ -f "$RAW/gc.$1.log" ] && grep 'Pause Full' "$RAW/gc.$1.log" | grep -vc 'Heap Inspection'; }
gcfullms() { [ -f "$RAW/gc.$1.log" ] && grep 'Pause Full' "$RAW/gc.$1.log" | grep -v 'Heap Inspection' | awk '{ s += $NF + 0 } END { printf "%.1f", s / 1000 }'; }
oom() { grep -l OutOfMemoryError "$RAW/err.$1" "$RAW/out.$1" >/dev/null 2>&1 && echo "OutOfMemoryError" || echo "none"; }
phasecpu() { local a b; a=$(get "$1" "$2" cpu_s); [ -n "$a" ] || return 0; b=0; [ -z "$3" ] || b=$(get "$1" "$3" cpu_s)
  awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", a - b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && a != "-" && b > 0) printf "%.2f", a / b; else print "-" }'; }
BASE_TOTAL=$(awk -v a="$(wall clone)" -v b="$(wall checkout)" -v c="$(wall cindex)" -v d="$(wall gtags)" 'BEGIN { printf "%.1f", a + b + c + d }')
BASE_CPU=$(awk -v a="$(cpu clone)" -v b="$(cpu checkout)" -v c="$(cpu cindex)" -v d="$(cpu gtags)" 'BEGIN { printf "%.1f", a + b + c + d }')

echo
echo "## Stick to ready: one kernel ($(param files) files, bundle $(( $(param bundle_bytes) / 1000000 )) MB)"
echo
echo "| step | wall s (since the start) | CPU s | peak RSS MiB | load after (1/5/15) |"
echo "|---|---:|---:|---:|---|"
for s in clone checkout cindex gtags; do
  case $s in clone) l="git -c transfer.fsckObjects=true clone --bare";; checkout) l="git checkout of $REF";;
    cindex) l="cindex on the checkout";; gtags) l="gtags on the checkout";; esac
  echo "| $l | $(dash "$(wall $s)") | $(dash "$(cpu $s)") | $(dash "$(rss $s)") | $(dash "$(loadafter $s)") |"
done
echo "| **pipeline without Airlock, total** | **$BASE_TOTAL** | $BASE_CPU | | |"
echo "| Airlock: verified and imported | $(dash "$(get one imported at_s)") | $(dash "$(get one imported cpu_s)") | | |"
echo "| Airlock: search ready (phase $(dash "$(get one search_ready phase_s)") s) | $(dash "$(get one search_ready at_s)") | $(dash "$(get one search_ready cpu_s)") | | |"
echo "| Airlock: symbols ready (phase $(dash "$(get one symbols_ready phase_s)") s) | $(dash "$(get one symbols_ready at_s)") | $(dash "$(get one symbols_ready cpu_s)") | | |"
echo "| **Airlock fully ready** (JVM run incl. tree and queries: $(dash "$(wall one)") s, CPU and RSS of that run) | **$(dash "$(get one symbols_ready at_s)")** | $(dash "$(cpu one)") | $(dash "$(rss one)") | $(dash "$(loadafter one)") |"
echo
echo "Airlock fully ready / pipeline total: $(ratio "$(get one symbols_ready at_s)" "$BASE_TOTAL")x wall (goal <= 1.0x);" \
  "CPU to symbols ready / pipeline CPU: $(ratio "$(get one symbols_ready cpu_s)" "$BASE_CPU")x"
echo "Airlock heap cap -Xmx$HEAP: heap before a collection at most $(dash "$(gcbefore one)") MiB, after a collection at most" \
  "$(dash "$(gcafter one)") MiB, live after a full collection at most $(dash "$(gclive one)") MiB, $(dash "$(gcfull one)") full collections ($(dash "$(gcfullms one)") s), out of memory: $(oom one)"
if [ -n "$(param four_bundle_bytes)" ]; then
  echo
  echo "## Four kernels ($(dash "$(tree four 1 files)") files, bundle $(( $(param four_bundle_bytes) / 1000000 )) MB) against one kernel, same go"
  echo
  echo "| measure | one kernel | four kernels | ratio | goal |"
  echo "|---|---:|---:|---:|---|"
  for k in imported search_ready symbols_ready; do
    o=$(get one $k phase_s); f=$(get four $k phase_s)
    case $k in imported) l="intake (verify + import), s";; search_ready) l="search index build, s";; symbols_ready) l="symbol index build, s";; esac
    echo "| $l | $(dash "$o") | $(dash "$f") | $(ratio "$f" "$o")x | <= 4.5x |"
  done
  prev=""
  for k in imported search_ready symbols_ready; do
    # the phase's CPU: the process CPU at its end less that at the previous milestone
    o=$(phasecpu one $k "$prev"); f=$(phasecpu four $k "$prev"); prev=$k
    echo "| process CPU of the phase ending '$k', s | $(dash "$o") | $(dash "$f") | $(ratio "$f" "$o")x | |"
  done
  echo "| stick to fully ready, s | $(dash "$(get one symbols_ready at_s)") | $(dash "$(get four symbols_ready at_s)") | $(ratio "$(get four symbols_ready at_s)" "$(get one symbols_ready at_s)")x | |"
  echo "| heap before a collection, at most, MiB | $(dash "$(gcbefore one)") | $(dash "$(gcbefore four)") | | cap -Xmx$HEAP |"
  echo "| heap after a collection (young or full), at most, MiB | $(dash "$(gcafter one)") | $(dash "$(gcafter four)") | | |"
  echo "| live heap after a full collection, at most, MiB | $(dash "$(gclive one)") | $(dash "$(gclive four)") | | < 1536 |"
  echo "| full collections (s spent) | $(dash "$(gcfull one)") ($(dash "$(gcfullms one)")) | $(dash "$(gcfull four)") ($(dash "$(gcfullms four)")) | | |"
  echo "| out of memory | $(oom one) | $(oom four) | | none |"
  echo "| peak RSS of the JVM, MiB | $(dash "$(rss one)") | $(dash "$(rss four)") | | |"
  for q in $(seq ${#QUERIES[@]}); do
    o=$(query one "$q"); f=$(query four "$q")
    echo "| query \`${QUERIES[$((q-1))]}\`, median of $RUNS, ms | $(dash "$o") | $(dash "$f") | $(ratio "$f" "$o")x | <= 4x |"
  done
  for r in 1 3; do
    o=$(tree one $r total_ms); f=$(tree four $r total_ms)
    [ $r = 1 ] && l="first" || l="third"
    echo "| file tree opening, $l run: list the ref + tree model, ms | $(dash "$o") | $(dash "$f") | $(ratio "$f" "$o")x | < 1000 ms |"
    echo "| ... of which listing the ref (GitSource.list), ms | $(dash "$(tree one $r list_ms)") | $(dash "$(tree four $r list_ms)") | | |"
    echo "| ... of which the tree model (FileTreeViewModel, PathIndex), ms | $(dash "$(tree one $r model_ms)") | $(dash "$(tree four $r model_ms)") | | |"
  done
fi
echo
echo "load at the end of the run: $(sed -n 's/^load at end //p' "$RAW/summary.txt" | tail -1). Raw output: $RAW"
