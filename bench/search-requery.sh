#!/usr/bin/env bash
# Re-measures single queries against indexes bench/search-bench.sh already built (no index builds:
# on a shared machine those take most of that script's 40 minutes). Per query, in one go: Airlock
# (a fresh process, RUNS runs with the index open; SearchBench, CPU of the whole process per run),
# then rg RUNS times on the unpacked tree, then csearch RUNS times when a csearch pattern is given;
# every run is listed as wall/CPU ms (the first Airlock runs of a fresh process include its JIT),
# and Airlock's lines are compared with rg's.
#
#   OUT=DIR bench/search-requery.sh 'R:^\}$' 'F:ieee80211_rx_irqsafe|||ieee80211_rx_irqsafe' ...
#
# DIR holds airlock-index/ (and csearchindex) from an earlier bench/search-bench.sh run with the
# same OUT; a spec is kind:pattern as there (F literal, R regex, I ignore-case, W whole word),
# optionally followed by ||| and the same query for csearch. TREE, GITDIR as in search-bench.sh.
set -u
TREE=$(realpath "${TREE:-/work/kernel/linux-source-6.1}")
GITDIR=${GITDIR:-/work/kernel/search-bench/linux.git}
OUT=${OUT:?OUT must name the folder of an earlier search-bench.sh run}
RUNS=${RUNS:-5}
cd "$(dirname "$0")/.."
if [ -z "${CP:-}" ]; then
  mvn -B -o -q test-compile >&2
  CP="target/classes:target/test-classes:$(mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g")"
fi
REF=$(git --git-dir="$GITDIR" symbolic-ref HEAD)
W=$(mktemp -d /tmp/search-requery.XXXXXX)
ln -s "$(realpath "$OUT")/airlock-index" "$W/airlock-index"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc), $(date -u +%FT%TZ)"
echo
echo "| query | airlock wall/CPU ms per run | rg wall/CPU ms per run | csearch wall/CPU ms per run | index use | lines airlock / rg | identical | load |"
echo "|---|---|---|---|---|---|---|---|"
for arg in "$@"; do
  spec=${arg%%|||*}; cs=""; [ "$spec" != "$arg" ] && cs=${arg#*|||}
  kind=${spec:0:1}; pat=${spec:2}
  case $kind in F) fl="-F";; I) fl="-F -i";; W) fl="-F -w";; *) fl="";; esac
  java -Xmx3g -cp "$CP" airlock.bench.SearchBench "$GITDIR" "$REF" "$W" "$RUNS" "$spec" > "$W/a.txt" 2> "$W/a.err"
  a=$(awk '$2=="query" {printf "%s/%s ", $3, $9}' "$W/a.txt")
  cov=$(awk '$2=="query" {print $7}' "$W/a.txt" | tail -1)
  r=""
  for _ in $(seq "$RUNS"); do
    t=$(date +%s%N)
    # shellcheck disable=SC2086
    (cd "$TREE" && /usr/bin/time -f "%U %S" -o "$W/cpu.txt" rg -n -uu --no-heading --color never $fl -e "$pat" . > "$W/rg.txt" 2>/dev/null)
    r="$r$(( ($(date +%s%N) - t) / 1000000 ))/$(awk '{printf "%d", ($1 + $2) * 1000}' "$W/cpu.txt") "
  done
  c=""
  if [ -n "$cs" ]; then
    for _ in $(seq "$RUNS"); do
      t=$(date +%s%N)
      CSEARCHINDEX="$OUT/csearchindex" /usr/bin/time -f "%U %S" -o "$W/cpu.txt" csearch -n "$cs" > /dev/null
      c="$c$(( ($(date +%s%N) - t) / 1000000 ))/$(awk '{printf "%d", ($1 + $2) * 1000}' "$W/cpu.txt") "
    done
  fi
  same=$(python3 - "$W/airlock-1.txt" "$W/rg.txt" <<'PY'
import sys
def load(p, strip):
    out = []
    for raw in open(p, 'rb').read().split(b'\n'):
        if raw:
            s = raw.decode('utf-8', 'replace')
            out.append(s[2:] if strip and s.startswith('./') else s)
    return sorted(out)
a = load(sys.argv[1], False); r = load(sys.argv[2], True)
print('%d / %d | %s' % (len(a), len(r), 'yes' if a == r else 'NO'))
PY
)
  printf '| `%s` | %s| %s| %s| %s | %s | %s |\n' "${spec//|/\\|}" "$a" "$r" "${c:--}" "$cov" "$same" "$(cut -d' ' -f1 /proc/loadavg)"
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
rm -rf "$W"
