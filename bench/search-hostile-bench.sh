#!/usr/bin/env bash
# Hostile-input search benchmark (issue 20): pathological files whose size doubles from one step
# to the next, searched by Airlock (scan path: byte filter, then the line matcher, both cores) and
# by ripgrep on the same files, in one go. Prints per family, query and kind the time at each size
# and the factor per doubling (goal: at most ~2.2x), the lines matched by both, and how many
# files Airlock reported as not fully searched (step budget). Airlock's process CPU time per search
# is printed too: on a shared machine wall time mostly measures the other work.
#
#   bench/search-hostile-bench.sh            (OUT=dir RUNS=n STEPS=n CP=classpath to change)
# Needs: ripgrep, python3, Maven offline.
set -euo pipefail
OUT=${OUT:-$(mktemp -d /tmp/search-hostile.XXXXXX)}
RUNS=${RUNS:-3}
STEPS=${STEPS:-4}
cd "$(dirname "$0")/.."
mkdir -p "$OUT"

# family: base size, generator (python expression of n giving the file's text)
python3 - "$OUT" "$STEPS" <<'PY'
import os, sys
out, steps = sys.argv[1], int(sys.argv[2])
fams = {
    # one U+20000 per line (the issue's case: 25k lines took 1.3 s, 200k 64.8 s)
    'astral':        (25_000, lambda n: '\U00020000\n' * n),
    # a match at every other position: lines of "a a a ..."
    'every-position': (25_000, lambda n: ('a ' * 40 + '\n') * n),
    # one very long line: one word of "ab" repeated, then " c" (no LF)
    'long-line':     (250_000, lambda n: 'ab' * n + ' c'),
    # nested quantifiers: lines of 24 a's, "!", then "ab" (the byte filter cannot rule a line out)
    'nested':        (25_000, lambda n: ('a' * 24 + '!ab\n') * n),
}
for fam, (base, gen) in fams.items():
    for k in range(steps):
        n = base << k
        d = os.path.join(out, 'files', f'{fam}-{k}')
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'hostile.txt'), 'w', encoding='utf-8', newline='') as f:
            f.write(gen(n))
PY

# family|kind:pattern|rg flags
QUERIES=(
  "astral|F:😀|-F" "astral|R:\\x{1F600}|" "astral|I:😀|-F -i" "astral|W:😀|-F -w" "astral|F:𠀀|-F" "astral|R:.𠀀|"
  "every-position|F:a|-F" "every-position|R:a|" "every-position|I:A|-F -i" "every-position|W:a|-F -w" "every-position|R:\\w|"
  "every-position|R:a|b|"
  "long-line|F:ab|-F" "long-line|R:ab+|" "long-line|I:AB|-F -i" "long-line|W:ab|-F -w" "long-line|R:a\\w*c|"
  "long-line|R:(ab)*c|"
  "nested|R:(a+)+b|" "nested|R:(a|aa)*b|" "nested|R:(\\w+)*!|" "nested|F:!ab|-F"
)

# CP=... runs classes built elsewhere (e.g. -Dairlock.build.dir) without compiling here
if [ -z "${CP:-}" ]; then
  mvn -B -o -q test-compile >&2
  CP="target/classes:target/test-classes:$(mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g")"
fi

ITEMS=()
for q in "${QUERIES[@]}"; do
  # family, then the spec up to the last | (an alternation's | is part of the pattern), then rg's flags
  fam=${q%%|*}; spec=${q#"$fam|"}; spec=${spec%|*}
  for k in $(seq 0 $((STEPS - 1))); do
    ITEMS+=("$OUT/files/$fam-$k"$'\t'"$spec")
  done
done

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)" >&2
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
java -Xmx2g -Xss8m -cp "$CP" airlock.bench.HostileSearchBench "$RUNS" "${ITEMS[@]}" > "$OUT/airlock-times.txt"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf "\n## Hostile input, time per doubling (median of %s runs, ms; load before %s)\n\n" "$RUNS" "$LOAD_BEFORE"
printf "| family | query | airlock ms per size | airlock x per doubling | airlock CPU ms per size | CPU x per doubling | rg ms per size | rg x per doubling | lines airlock / rg (largest) | not fully searched |\n"
printf "|---|---|---|---|---|---|---|---|---|---|\n"
i=0
for q in "${QUERIES[@]}"; do
  fam=${q%%|*}; spec=${q#"$fam|"}; flags=${spec##*|}; spec=${spec%|*}
  a_list=(); c_list=(); r_list=(); la=0; lr=0; inc=0
  for k in $(seq 0 $((STEPS - 1))); do
    i=$((i + 1))
    read -r _ a_ms la inc_k cpu_ms < <(awk -v n=$i '$1==n' "$OUT/airlock-times.txt")
    inc=$((inc + inc_k))
    a_list+=("$a_ms")
    c_list+=("$cpu_ms")
    runs=()
    for r in $(seq "$RUNS"); do
      t=$(date +%s%N)
      # shellcheck disable=SC2086
      lr=$( (cd "$OUT/files/$fam-$k" && rg -c -uu --no-heading --color never $flags -e "${spec:2}" hostile.txt 2>/dev/null) || echo 0)
      runs+=("$(ms "$t")")
    done
    r_list+=("$(printf "%s\n" "${runs[@]}" | median)")
  done
  factors() { local prev="" out=""; for v in "$@"; do if [ -n "$prev" ]; then out+="$(awk -v a="$v" -v b="$prev" 'BEGIN { printf "%.2f ", (b < 1 ? (a < 1 ? 1 : a) : a / b) }')"; fi; prev=$v; done; echo "$out"; }
  printf "| %s | \`%s\` | %s | %s | %s | %s | %s | %s | %s / %s | %s |\n" "$fam" "${spec//|/\\|}" "${a_list[*]}" "$(factors "${a_list[@]}")" \
    "${c_list[*]}" "$(factors "${c_list[@]}")" "${r_list[*]}" "$(factors "${r_list[@]}")" "$la" "${lr:-0}" "$inc"
done
echo
echo "sizes per family: base x 1, 2, 4, 8 ... (astral, every-position, nested: 25k lines; long-line: 0.5 MB in one line)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); raw results in $OUT"
