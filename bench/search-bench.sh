#!/usr/bin/env bash
# Search benchmark: Airlock's trigram index against codesearch (cindex/csearch) and ripgrep on one
# tree, in one go on one machine. Prints a table; keeps raw results in $OUT.
#
#   bench/search-bench.sh [TREE] [GITDIR]
#
# TREE   a source folder (default: the Linux kernel, /work/kernel/linux-source-6.1, unpacked from
#        apt-get install linux-source-6.1)
# GITDIR a one-commit bare repository of TREE (created here when missing; Airlock reads the code
#        from the object store, as it reads an imported bundle)
# Needs: ripgrep, codesearch (apt-get install -y ripgrep codesearch), git, python3, Maven offline.
set -euo pipefail
TREE=$(realpath "${1:-/work/kernel/linux-source-6.1}")
GITDIR=${2:-/work/kernel/search-bench/linux.git}
OUT=${OUT:-$(mktemp -d /tmp/search-bench.XXXXXX)}
RUNS=${RUNS:-3}
cd "$(dirname "$0")/.."
mkdir -p "$OUT"

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

# kind:pattern for Airlock (F literal, R regex, I ignore-case literal, W whole-word literal),
# the same query for csearch (RE2) and the rg flags
NAMES=(rare-literal medium-literal common-literal regex-alternation ignore-case whole-word regex-no-trigram
       # issue 20's unseen queries
       u8-array-decl qxz-digits init-function
       # added in issue 20: alternations with a short branch, classes, anchors, case-insensitive Unicode
       alt-short-branch alt-short-type hex-class define-shift anchored-ops-struct anchored-export
       anchored-include-guard ignore-case-umlaut ignore-case-regex-unicode word-regex-pointer
       # added on branch perf20 (issue 20): short branches, classes, anchors, case-insensitive Unicode
       alt-short-keyword alt-one-letter nonascii-run anchored-brace anchored-return ignore-case-micro
       ignore-case-todo word-short class-macro-name printk-dotstar optional-letter two-byte-literal)
SPECS=("F:ieee80211_rx_irqsafe" "F:spin_lock_irqsave(&" "F:kmalloc(" "R:mutex_(lock|unlock)\\(&dev->"
       "I:copyright (c) 2009" "W:of_node_put" "R:[0-9]{4}-[0-9]{2}-[0-9]{2}T"
       "R:\\bu(8|16|32|64)\\s+[a-z_]+\\[[0-9]+\\];" "R:[qxz]{2}[0-9]{2}" "R:static int __init [a-z_0-9]+_init\\(void\\)"
       "R:\\b(ret|rc|err) = -E[A-Z]+;" "R:(u8|__le16) [a-z]+_id;" "R:0x[0-9a-fA-F]{8}UL" "R:#define [A-Z_]+ \\(1 << [0-9]+\\)"
       "R:^static const struct [a-z_]+_ops [a-z_]+ = \\{$" "R:EXPORT_SYMBOL_GPL\\([a-z_]+\\);$"
       "R:^#endif /\\* _+[A-Z_]+_H_* \\*/$" "I:jörg" "R:(?i)m[üu]ller" "R:\\bstruct\\s+sk_buff\\s*\\*\\s*skb\\b"
       "R:\\b(if|for|while) \\(!" "R:\\b(i|j|k)\\+\\+\\)" "R:[^ -~\t]{3}" "R:^\\}$" "R:^\treturn -E[A-Z]+;$" "I:µs"
       "R:(?i)todo:" "W:dev" "R:[A-Z]{2,}_[A-Z]{2,}_[0-9]+" "R:printk\\(KERN_[A-Z]+ \".*%s.*\\\\n\"" "R:colou?r" "F:u8")
CSEARCH=("ieee80211_rx_irqsafe" "spin_lock_irqsave\\(&" "kmalloc\\(" "mutex_(lock|unlock)\\(&dev->"
         "(?i)copyright \\(c\\) 2009" "\\bof_node_put\\b" "[0-9]{4}-[0-9]{2}-[0-9]{2}T"
         "\\bu(8|16|32|64)\\s+[a-z_]+\\[[0-9]+\\];" "[qxz]{2}[0-9]{2}" "static int __init [a-z_0-9]+_init\\(void\\)"
         "\\b(ret|rc|err) = -E[A-Z]+;" "(u8|__le16) [a-z]+_id;" "0x[0-9a-fA-F]{8}UL" "#define [A-Z_]+ \\(1 << [0-9]+\\)"
         "^static const struct [a-z_]+_ops [a-z_]+ = \\{$" "EXPORT_SYMBOL_GPL\\([a-z_]+\\);$"
         "^#endif /\\* _+[A-Z_]+_H_* \\*/$" "(?i)jörg" "(?i)m[üu]ller" "\\bstruct\\s+sk_buff\\s*\\*\\s*skb\\b"
         "\\b(if|for|while) \\(!" "\\b(i|j|k)\\+\\+\\)" "[^ -~\t]{3}" "^\\}$" "^\treturn -E[A-Z]+;$" "(?i)µs"
         "(?i)todo:" "\\bdev\\b" "[A-Z]{2,}_[A-Z]{2,}_[0-9]+" "printk\\(KERN_[A-Z]+ \".*%s.*\\\\n\"" "colou?r" "u8")
RGFLAGS=("-F" "-F" "-F" "" "-F -i" "-F -w" "" "" "" "" "" "" "" "" "" "" "" "-F -i" "" ""
         "" "" "" "" "" "-F -i" "" "-F -w" "" "" "" "-F")

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)" >&2
# codesearch index
rm -f "$OUT/csearchindex"
t=$(date +%s%N); CSEARCHINDEX="$OUT/csearchindex" cindex "$TREE" >/dev/null 2>&1; CINDEX_MS=$(ms "$t")
CINDEX_SIZE=$(stat -c %s "$OUT/csearchindex")

# Airlock: index build + warm queries in one process
rm -rf "$OUT/airlock-index"
java -Xmx3g -cp "$CP" airlock.bench.SearchBench "$GITDIR" "$REF" "$OUT" "$RUNS" "${SPECS[@]}" > "$OUT/airlock-times.txt"
AIRLOCK_BUILD_MS=$(awk '$2=="build" {print $3}' "$OUT/airlock-times.txt")
AIRLOCK_SIZE=$(du -cb "$OUT"/airlock-index/seg-*.tri | tail -1 | cut -f1)
# the blobs' bytes kept beside the segments for reading candidates (cindex and rg read the unpacked tree)
AIRLOCK_TEXT=$(du -cb "$OUT"/airlock-index/seg-*.txt 2>/dev/null | tail -1 | cut -f1)
TREE_SIZE=$(du -sb "$TREE" | cut -f1)

printf "\n## Index build (%s)\n\n" "$TREE"
printf "| | time (s) | size (MB) | vs cindex time | vs cindex size |\n|---|---|---|---|---|\n"
printf "| cindex | %.1f | %.1f | 1.0 | 1.0 |\n" "$(echo "$CINDEX_MS/1000" | bc -l)" "$(echo "$CINDEX_SIZE/1048576" | bc -l)"
printf "| airlock (%s segments) | %.1f | %.1f | %.2f | %.2f |\n" "$(ls "$OUT"/airlock-index/seg-*.tri | wc -l)" \
  "$(echo "$AIRLOCK_BUILD_MS/1000" | bc -l)" "$(echo "$AIRLOCK_SIZE/1048576" | bc -l)" \
  "$(echo "$AIRLOCK_BUILD_MS/$CINDEX_MS" | bc -l)" "$(echo "$AIRLOCK_SIZE/$CINDEX_SIZE" | bc -l)"
printf "\nBeside the trigram segments, Airlock keeps the text blobs' bytes (seg-*.txt): %.1f MB; the tree\n" \
  "$(echo "${AIRLOCK_TEXT:-0}/1048576" | bc -l)"
printf "cindex, csearch and rg read instead is %.1f MB unpacked on disk.\n" "$(echo "$TREE_SIZE/1048576" | bc -l)"

printf "\n## Queries (median of %s runs, ms; airlock in a warm process with the index open)\n\n" "$RUNS"
printf "CPU columns: user + system CPU time (ms, median) of the whole Airlock process during the query (both\n"
printf "cores), and of csearch and rg by /usr/bin/time; on a shared machine they are steadier than wall time.\n\n"
printf "| query | airlock | first result | csearch | rg | airlock/csearch | airlock/rg | goal ratio | airlock CPU | csearch CPU | rg CPU | goal ratio CPU | lines airlock | lines rg | identical to rg | index use | load |\n"
printf "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
for i in "${!NAMES[@]}"; do
  n=$((i + 1))
  a_ms=$(awk -v n=$n '$1==n && $2=="query" {print $3}' "$OUT/airlock-times.txt" | median)
  a_first=$(awk -v n=$n '$1==n && $2=="query" {print $4}' "$OUT/airlock-times.txt" | median)
  cov=$(awk -v n=$n '$1==n && $2=="query" {print $7}' "$OUT/airlock-times.txt" | tail -1)
  a_cpu=$(awk -v n=$n '$1==n && $2=="query" {print $9}' "$OUT/airlock-times.txt" | median)
  c_runs=(); r_runs=(); c_cpus=(); r_cpus=()
  for r in $(seq "$RUNS"); do
    # wall time, and user + system CPU time (/usr/bin/time) of each reference tool
    t=$(date +%s%N); CSEARCHINDEX="$OUT/csearchindex" /usr/bin/time -f "%U %S" -o "$OUT/cpu.txt" csearch -n "${CSEARCH[$i]}" > "$OUT/csearch-$n.txt" || true; c_runs+=("$(ms "$t")")
    c_cpus+=("$(tail -1 "$OUT/cpu.txt" | awk '{printf "%d", ($1 + $2) * 1000}')")
    # shellcheck disable=SC2086
    t=$(date +%s%N); (cd "$TREE" && /usr/bin/time -f "%U %S" -o "$OUT/cpu.txt" rg -n -uu --no-heading --color never ${RGFLAGS[$i]} -e "${SPECS[$i]:2}" . > "$OUT/rg-$n.txt" 2>/dev/null) || true; r_runs+=("$(ms "$t")")
    r_cpus+=("$(tail -1 "$OUT/cpu.txt" | awk '{printf "%d", ($1 + $2) * 1000}')")
  done
  c_ms=$(printf "%s\n" "${c_runs[@]}" | median); r_ms=$(printf "%s\n" "${r_runs[@]}" | median)
  c_cpu=$(printf "%s\n" "${c_cpus[@]}" | median); r_cpu=$(printf "%s\n" "${r_cpus[@]}" | median)
  read -r la lr same < <(python3 - "$OUT/airlock-$n.txt" "$OUT/rg-$n.txt" <<'PY'
import sys
def load(p, strip):
    out = []
    with open(p, 'rb') as f:
        for raw in f.read().split(b'\n'):
            if not raw:
                continue
            s = raw.decode('utf-8', 'replace')
            out.append(s[2:] if strip and s.startswith('./') else s)
    return sorted(out)
a = load(sys.argv[1], False); r = load(sys.argv[2], True)
print(len(a), len(r), 'yes' if a == r else 'NO(%d differ)' % len(set(a) ^ set(r)))
PY
)
  # the goal: an indexed query against csearch, a scanned one against rg
  if [ "$cov" = INDEXED ]; then goal=$(printf "%.2f (csearch)" "$(echo "$a_ms/$c_ms" | bc -l)"); cgoal=$(printf "%.2f (csearch)" "$(echo "$a_cpu/($c_cpu+1)" | bc -l)")
  else goal=$(printf "%.2f (rg)" "$(echo "$a_ms/$r_ms" | bc -l)"); cgoal=$(printf "%.2f (rg)" "$(echo "$a_cpu/($r_cpu+1)" | bc -l)"); fi
  printf "| %s | %s | %s | %s | %s | %.2f | %.2f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" "${NAMES[$i]}" "$a_ms" "$a_first" "$c_ms" "$r_ms" \
    "$(echo "$a_ms/$c_ms" | bc -l)" "$(echo "$a_ms/$r_ms" | bc -l)" "$goal" "$a_cpu" "$c_cpu" "$r_cpu" "$cgoal" "$la" "$lr" "$same" "$cov" "$(cut -d' ' -f1 /proc/loadavg)"
done
echo
echo "index open + tree listing (ms): $(awk '$2=="open" {print $3}' "$OUT/airlock-times.txt")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); raw results in $OUT"
